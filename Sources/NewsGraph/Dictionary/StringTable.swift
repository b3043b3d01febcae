/// Many strings in one byte buffer, with an optional hash index from a string to its number.
///
/// The gazetteer keeps its token texts, entity ids and names in these tables rather than in
/// `String`s and `Dictionary`s, so the compiled form is a handful of flat arrays: the cache writes
/// and reads it with a copy, and loading allocates no string per name.
struct StringTable: Sendable, Equatable {
  /// The UTF-8 bytes of every string, one after the other.
  private(set) var bytes = FlatArray<UInt8>()
  /// String `i` is `bytes[starts[i]..<starts[i + 1]]`.
  private(set) var starts = FlatArray<Int32>([0])
  /// Open-addressing hash index: 0 is an empty slot; otherwise the bits of `numberMask` hold a
  /// string's number plus one, and the bits above them are the same bits of the string's hash.
  /// Empty when the table has no index; otherwise its size is a power of two.
  ///
  /// The hash bits are a tag: a probe whose tag differs passes a slot without reading the
  /// slot's string, and each string read was a cache miss or two in the dictionary's large
  /// table (its offsets, then its bytes), most of them for a text that is not there at all.
  private(set) var slots = FlatArray<UInt32>()
  /// The low bits of a slot that hold a number plus one: as few as hold the count, so that the
  /// rest are tag.
  private let numberMask: UInt32

  init() {
    numberMask = 0
  }

  /// A table of `strings` in order; with `indexed`, `number(of:)` finds them (the first of equal
  /// strings wins).
  init(_ strings: [String], indexed: Bool) {
    self.init(bytes: [], starts: [0], appending: strings, indexed: indexed)
  }

  private init(bytes: [UInt8], starts: [Int32], appending strings: [String], indexed: Bool) {
    var bytes = bytes
    var starts = starts
    bytes.reserveCapacity(bytes.count + strings.reduce(0) { $0 + $1.utf8.count })
    starts.reserveCapacity(starts.count + strings.count)
    for string in strings {
      bytes.append(contentsOf: string.utf8)
      starts.append(Int32(bytes.count))
    }
    self.bytes = FlatArray(bytes)
    self.starts = FlatArray(starts)
    numberMask = Self.numberMask(count: starts.count - 1)
    if indexed {
      slots = FlatArray(Self.index(bytes: bytes, starts: starts, numberMask: numberMask))
    }
  }

  /// The table with `strings` added at the end; the index, if there is one, is rebuilt from the
  /// bytes without making a `String` of the strings already in the table.
  func appending(_ strings: [String]) -> StringTable {
    StringTable(
      bytes: bytes.array, starts: starts.array, appending: strings, indexed: !slots.isEmpty)
  }

  init(bytes: FlatArray<UInt8>, starts: FlatArray<Int32>, slots: FlatArray<UInt32>) {
    self.bytes = bytes
    self.starts = starts
    self.slots = slots
    numberMask = Self.numberMask(count: starts.count - 1)
  }

  /// The mask of the fewest low bits that hold every number plus one of `count` strings.
  private static func numberMask(count: Int) -> UInt32 {
    UInt32(truncatingIfNeeded: (1 << (Int.bitWidth - max(count, 0).leadingZeroBitCount)) - 1)
  }

  var count: Int { starts.count - 1 }

  subscript(number: Int) -> String {
    let from = Int(starts[number])
    let to = Int(starts[number + 1])
    return bytes.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[from..<to]), as: UTF8.self)
    }
  }

  /// Whether string `a` sorts before string `b`, byte by byte (code point order for UTF-8).
  func precedes(_ a: Int, _ b: Int) -> Bool {
    let (fromA, toA) = (Int(starts[a]), Int(starts[a + 1]))
    let (fromB, toB) = (Int(starts[b]), Int(starts[b + 1]))
    return bytes[fromA..<toA].lexicographicallyPrecedes(bytes[fromB..<toB])
  }

  /// The number of `string`, or nil; needs the index.
  func number(of string: String) -> Int? {
    guard !slots.isEmpty else { return nil }
    if let found = string.utf8.withContiguousStorageIfAvailable({ number(ofUTF8: $0) }) {
      return found
    }
    return Array(string.utf8).withUnsafeBufferPointer { number(ofUTF8: $0) }
  }

  /// The number of a token's text, or nil, as `number(of:)` finds it: by the hash the tokenizer
  /// worked out (`Token.textHash`), where `number(of:)` hashed the text again.
  func number(ofTextOf token: Token) -> Int? {
    guard !slots.isEmpty else { return nil }
    if let found = token.text.utf8.withContiguousStorageIfAvailable({
      number(ofUTF8: $0, hash: token.textHash)
    }) {
      return found
    }
    return number(of: token.text)
  }

  private func number(ofUTF8 key: UnsafeBufferPointer<UInt8>) -> Int? {
    number(ofUTF8: key, hash: Self.hash(key))
  }

  /// The number of the string of UTF-8 bytes `key`, whose `hash(_:)` is `hash`, or nil; a caller
  /// that looks one string up in several tables hashes it once.
  func number(ofUTF8 key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int? {
    number(ofUTF8: key, hash: hash, first: firstSlot(ofHash: hash))
  }

  /// The slot of the index that a lookup of a string of hash `hash` reads first.
  ///
  /// In a large table that read is a cache miss, and each lookup's reads wait on one another: a
  /// caller with many strings to look up reads all their first slots before it looks any up, in
  /// a loop whose reads wait on nothing, so that the processor makes them at once.
  @inline(__always)
  func firstSlot(ofHash hash: UInt32) -> FirstSlot {
    FirstSlot(value: slots.isEmpty ? 0 : slots[Int(hash) & (slots.count - 1)])
  }

  /// What `firstSlot(ofHash:)` read; the empty slot, which finds nothing, by default.
  struct FirstSlot: Sendable {
    fileprivate var value: UInt32 = 0
  }

  /// `number(ofUTF8:hash:)` from the slot `first`, which must be `firstSlot(ofHash: hash)` of
  /// this table.
  ///
  /// Inlined into its callers, the token lookups' loop above all: a call of its own cost a
  /// third of the probe, nearly every one of which ends at its first slot.
  @inline(__always)
  func number(ofUTF8 key: UnsafeBufferPointer<UInt8>, hash: UInt32, first: FirstSlot) -> Int? {
    guard !slots.isEmpty else { return nil }
    let mask = slots.count - 1
    let numberMask = numberMask
    let tag = hash & ~numberMask
    let count = UInt32(truncatingIfNeeded: self.count)
    var slot = Int(hash) & mask
    var value = first.value
    return bytes.withUnsafeBufferPointer { all in
      slots.withUnsafeBufferPointer { slots in
        starts.withUnsafeBufferPointer { starts in
          while value != 0 {
            // A number that is not one of the table's, 0 or past its count (a `first` read from
            // another table: a misuse), finds nothing rather than reading out of bounds; the
            // index's own are checked on load. (Minus one, 0 is past any count, unsigned.)
            if value & ~numberMask == tag, (value & numberMask) &- 1 < count {
              let number = Int(value & numberMask) - 1
              let from = Int(starts[number])
              let length = Int(starts[number + 1]) - from
              if length == key.count && Self.equal(all, from, key) {
                return number
              }
            }
            slot = (slot + 1) & mask
            value = slots[slot]
          }
          return nil
        }
      }
    }
  }

  /// The hash index of the strings: slots of string numbers plus one under their hashes' tags,
  /// at most half full.
  private static func index(bytes: [UInt8], starts: [Int32], numberMask: UInt32) -> [UInt32] {
    let count = starts.count - 1
    var size = 16
    while size < count * 2 { size *= 2 }
    var slots = [UInt32](repeating: 0, count: size)
    let mask = size - 1
    bytes.withUnsafeBufferPointer { all in
      for number in 0..<count {
        let from = Int(starts[number])
        let key = UnsafeBufferPointer(rebasing: all[from..<Int(starts[number + 1])])
        let hash = Self.hash(key)
        var slot = Int(hash) & mask
        var duplicate = false
        while slots[slot] != 0 {
          let other = Int(slots[slot] & numberMask) - 1
          let otherFrom = Int(starts[other])
          if Int(starts[other + 1]) - otherFrom == key.count
            && all[otherFrom..<Int(starts[other + 1])].elementsEqual(key)
          {
            duplicate = true
            break
          }
          slot = (slot + 1) & mask
        }
        if !duplicate { slots[slot] = hash & ~numberMask | UInt32(number + 1) }
      }
    }
    return slots
  }

  private static func equal(
    _ all: UnsafeBufferPointer<UInt8>, _ from: Int, _ key: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    for offset in 0..<key.count where all[from + offset] != key[offset] { return false }
    return true
  }

  /// `hash(_:)` of string `number`, read where it is stored.
  func hash(of number: Int) -> UInt32 {
    bytes.withUnsafeBufferPointer {
      Self.hash(UnsafeBufferPointer(rebasing: $0[Int(starts[number])..<Int(starts[number + 1])]))
    }
  }

  /// FNV-1a over the bytes: short keys, so a simple hash is enough.
  static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var hash = hashSeed
    for byte in key { hash = Self.hash(hash, byte) }
    return hash
  }

  /// The hash of no bytes, which `hash(_:_:)` extends byte by byte.
  static var hashSeed: UInt32 { 2_166_136_261 }

  /// `hash` extended by `byte`: a caller that reads a key's bytes for facts of its own hashes
  /// them in the same pass, starting from `hashSeed`.
  @inline(__always)
  static func hash(_ hash: UInt32, _ byte: UInt8) -> UInt32 {
    (hash ^ UInt32(byte)) &* 16_777_619
  }

  /// Whether the arrays are consistent, so no lookup can go out of bounds: checked after reading
  /// a cache file.
  var isWellFormed: Bool {
    guard starts.first == 0, Int(starts[starts.count - 1]) == bytes.count,
      StringTable.isMonotone(starts)
    else { return false }
    if slots.isEmpty { return true }
    guard slots.count.nonzeroBitCount == 1, slots.count > count else { return false }
    let limit = UInt32(count)
    let numberMask = numberMask
    return slots.withUnsafeBufferPointer { slots in
      var empty = false
      for value in slots {
        // A slot in use holds a number plus one of 1...count: one unsigned comparison of the
        // number, minus one, rejects 0 too (a tag over no number).
        if value != 0 && (value & numberMask) &- 1 >= limit { return false }
        empty = empty || value == 0
      }
      return empty
    }
  }

  /// Whether the numbers never decrease.
  static func isMonotone(_ numbers: FlatArray<Int32>) -> Bool {
    numbers.withUnsafeBufferPointer { numbers in
      var previous = Int32.min
      var ordered = true
      for number in numbers {
        ordered = ordered && number >= previous
        previous = number
      }
      return ordered
    }
  }
}
