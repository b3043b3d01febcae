/// Numbers strings in the order they first come (0, 1, 2 ...): the tables the resolver fills as
/// it reads one document, and the graph builder's table of entity ids.
///
/// A `Dictionary<String, Int>` hashes a string with SipHash and compares it with the strings of
/// its probe run by canonical equivalence, a few hundred instructions a look-up, and both the
/// resolver and the graph builder look up a string for every mention. Here the UTF-8 bytes of an
/// ASCII string are hashed eight at a time (`asciiHash(_:)`) into an open-addressing index, and a
/// string is compared only with strings of the same hash. The numbers are always the ones a
/// `Dictionary` giving each new string the next number would give: two ASCII strings are equal
/// only when their bytes are, and a string that is not ASCII (a decomposed "é", or the Kelvin
/// sign, which equals "K" under canonical equivalence) is kept in a `Dictionary`, which answers
/// for the strings equal to it. Few strings that are not ASCII can equal one that is
/// (`mayEqualASCII(_:)`): only once one of them has come does the `Dictionary` hold every
/// string, and answer for the ASCII strings the index lacks.
struct StringNumbering: Sendable {
  /// The strings, by number: the first of canonically equivalent ones.
  private(set) var strings: [String] = []
  /// Open-addressing index of the ASCII strings: 0 is an empty slot, otherwise a string's number
  /// plus one in the low 32 bits and the top 32 bits of its mixed hash (`mixed(_:)`) in the
  /// high ones. Its size is a power of two, and it is at most half full.
  ///
  /// The hash bits in the slot tell most strings of a probe run apart without comparing them,
  /// and give a string's slot again when the index grows: an array of the hashes by number
  /// cost an append for every new string, and a read of it for every string of a probe run.
  private var slots: [UInt64]
  /// The strings that the index does not hold (not ASCII, or not in one piece) with their
  /// numbers, nil before the first; every string once `holdsAll`.
  ///
  /// (Those alone until then: a `Dictionary` of every string, made when the first one that is
  /// not ASCII came, cost a SipHash of every string numbered after it, and of every one looked
  /// up and not indexed.)
  private var unindexed: [String: Int]?
  /// Whether `unindexed` holds every string, as it does from the first string on that the index
  /// does not hold and that may equal an ASCII string (`mayEqualASCII(_:)`).
  private var holdsAll = false

  /// An empty numbering with room for `capacity` strings before its index grows.
  init(capacity: Int = 0) {
    var size = 16
    while size < capacity * 2 { size *= 2 }
    slots = [UInt64](repeating: 0, count: size)
    strings.reserveCapacity(capacity)
  }

  /// Forgets every string, keeping the storage: the graph builder numbers every document's ids
  /// in the same table (a new one was four allocations and releases a document).
  ///
  /// The index of an empty numbering is empty already, and is not cleared again: the graph
  /// builder numbers ids only for a document whose mentions do not give their entities.
  mutating func removeAll() {
    guard !strings.isEmpty else { return }
    strings.removeAll(keepingCapacity: true)
    slots.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    (unindexed, holdsAll) = (nil, false)
  }

  /// How many distinct strings have numbers: they are `0..<count`.
  var count: Int { strings.count }

  /// The string numbered `number`.
  subscript(number: Int) -> String { strings[number] }

  /// The number of the string equal to `string`, or nil.
  func number(of string: String) -> Int? {
    number(of: string, hash: Self.asciiHash(string))
  }

  /// `number(of:)` of a string whose hash its caller gives: the hash of its bytes when it is
  /// ASCII and in one piece, else nil (`insert(_:hash:)`).
  func number(of string: String, hash: UInt64?) -> Int? {
    guard let hash else {
      if let number = unindexed?[string] { return number }
      // One that is not ASCII may still equal an ASCII string (the Kelvin sign and "K"), which
      // `unindexed` holds only once `holdsAll`: a look through the strings finds it.
      return !holdsAll && Self.mayEqualASCII(string) ? strings.firstIndex(of: string) : nil
    }
    if let number = indexed(string, hash: hash).number { return number }
    return holdsAll ? unindexed?[string] : nil
  }

  /// The number of the string equal to `string`, which gets the next number if none is, and
  /// whether it did.
  mutating func insert(_ string: String) -> (number: Int, isNew: Bool) {
    insert(string, hash: Self.asciiHash(string))
  }

  /// `insert(_:)` of a string whose hash its caller gives: the hash of its bytes when it is
  /// ASCII and in one piece, else nil.
  ///
  /// A caller that has the hash of a string's bytes at hand (the tokenizer's of a token's
  /// text, `Token.textHash`) spares the numbering hashing them again. Any function of the
  /// bytes will do, as long as one numbering is given every string's hash by the same one:
  /// equal ASCII strings are equal bytes, and so have equal hashes whatever the function.
  mutating func insert(_ string: String, hash: UInt64?) -> (number: Int, isNew: Bool) {
    guard let hash else { return insertUnindexed(string) }
    let found = indexed(string, hash: hash)
    if let number = found.number { return (number, false) }
    if holdsAll, let number = unindexed?[string] { return (number, false) }
    let new = count
    strings.append(string)
    if holdsAll { unindexed?[string] = new }
    slots[found.slot] = Self.mixed(hash) & Self.hashBits | UInt64(new + 1)
    if (count + 1) * 2 > slots.count { grow() }
    return (new, true)
  }

  /// `insert(_:)` for a string the index cannot hold: one that is not ASCII, or whose bytes are
  /// not in one piece.
  private mutating func insertUnindexed(_ string: String) -> (number: Int, isNew: Bool) {
    if !holdsAll && Self.mayEqualASCII(string) {
      var table = [String: Int](minimumCapacity: count + 1)
      for (number, string) in strings.enumerated() where table[string] == nil {
        table[string] = number
      }
      (unindexed, holdsAll) = (table, true)
    }
    // Without `holdsAll`, `string` may equal only the strings that `unindexed` holds.
    if let number = unindexed?[string] { return (number, false) }
    let new = count
    strings.append(string)
    if unindexed == nil { unindexed = [:] }
    unindexed?[string] = new
    return (new, true)
  }

  /// Whether `string` may equal an ASCII string under canonical equivalence: whether each of
  /// its scalars is ASCII or one of the three whose canonical decomposition is ASCII (U+037E
  /// GREEK QUESTION MARK, U+1FEF GREEK VARIA and U+212A KELVIN SIGN).
  ///
  /// Two strings are equal when their canonical decompositions are, and an ASCII string is its
  /// own: so is a string whose scalars each decompose into ASCII, and only such a string, as
  /// canonical ordering leaves ASCII scalars where they are. No other scalar decomposes into
  /// ASCII alone (checked against every scalar by a test), and decompositions never change.
  static func mayEqualASCII(_ string: String) -> Bool {
    string.unicodeScalars.allSatisfy {
      $0.isASCII || $0.value == 0x37E || $0.value == 0x1FEF || $0.value == 0x212A
    }
  }

  /// The bits of a slot that hold a string's hash; the others hold its number plus one.
  private static let hashBits: UInt64 = 0xFFFF_FFFF_0000_0000

  /// `hash` multiplied by an odd number, so that its top bits, which give a string's slot and
  /// tell strings apart in the index, depend on all of its bits: a caller's hash may have 32
  /// (`insert(_:hash:)`).
  @inline(__always)
  private static func mixed(_ hash: UInt64) -> UInt64 { hash &* 0x9E37_79B9_7F4A_7C15 }

  /// The first slot of a string whose hash bits in a slot are `bits`, in an index of `mask + 1`
  /// slots.
  @inline(__always)
  private static func home(_ bits: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: bits >> 32) & mask
  }

  /// The number of the indexed string equal to the ASCII string `key`, whose hash is `hash`, or
  /// nil and the empty slot that `key` would take.
  ///
  /// (Inlined: a call to it cost a fifth of a look-up, most of which find their string in the
  /// first slot.)
  @inline(__always)
  private func indexed(_ key: String, hash: UInt64) -> (number: Int?, slot: Int) {
    let bits = Self.mixed(hash) & Self.hashBits
    let mask = slots.count - 1
    var slot = Self.home(bits, mask: mask)
    while true {
      let value = slots[slot]
      if value == 0 { return (nil, slot) }
      let number = Int(truncatingIfNeeded: value & ~Self.hashBits) - 1
      if value & Self.hashBits == bits && strings[number] == key { return (number, slot) }
      slot = (slot + 1) & mask
    }
  }

  /// Doubles the index, placing again the ASCII strings it held.
  private mutating func grow() {
    var grown = [UInt64](repeating: 0, count: slots.count * 2)
    let mask = grown.count - 1
    for value in slots where value != 0 {
      var slot = Self.home(value & Self.hashBits, mask: mask)
      while grown[slot] != 0 { slot = (slot + 1) & mask }
      grown[slot] = value
    }
    slots = grown
  }

  /// `asciiHash(_:)` of the UTF-8 bytes of a string in one piece; nil for any other string.
  private static func asciiHash(_ string: String) -> UInt64? {
    string.utf8.withContiguousStorageIfAvailable { asciiHash($0) } ?? nil
  }

  /// The hash of bytes that are all ASCII, or nil: eight bytes at a time (`forEachWord`), each
  /// word mixed in with a multiplication and a shift (FNV-1a took a multiplication a byte).
  static func asciiHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
    var hash = UInt64(truncatingIfNeeded: bytes.count)
    var high: UInt64 = 0
    bytes.forEachWord { word in
      high |= word
      hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
      hash ^= hash >> 32
    }
    return high & 0x8080_8080_8080_8080 == 0 ? hash : nil
  }
}

/// The order of strings as `String`'s `<` gives it, found cheaply for ASCII strings.
enum StringOrder {
  /// The indices of `strings` in the order of the strings, the first of equal ones first.
  ///
  /// Two ASCII strings compare as their bytes do, so ASCII strings are told apart by their first
  /// twenty-four bytes, read once as three big-endian numbers, and compared as strings only
  /// when those are the same (comparing two strings cost about two hundred instructions, and
  /// ids share long beginnings such as "organization/"). A string that is not ASCII is compared
  /// as a string.
  static func indices(sorting strings: [String]) -> [Int] {
    let prefixes = strings.map(prefix)
    return strings.indices.sorted { a, b in
      if let one = prefixes[a], let other = prefixes[b], one != other { return one < other }
      if strings[a] != strings[b] { return strings[a] < strings[b] }
      return a < b
    }
  }

  /// The first twenty-four bytes of an ASCII string as three big-endian numbers (zeros after its
  /// end), or nil for a string that is not ASCII: two ASCII strings whose prefixes differ
  /// compare as the prefixes do, and are not equal.
  ///
  /// The bytes are read in place, and told ASCII eight at a time: a copy of the string to read
  /// them and a test of each byte cost more than the rest. (The resolver works out a prefix for
  /// each entity of each document.)
  static func prefix(_ string: String) -> (UInt64, UInt64, UInt64)? {
    if let found = string.utf8.withContiguousStorageIfAvailable(prefix(ofUTF8:)) { return found }
    var string = string
    return string.withUTF8(prefix(ofUTF8:))
  }

  /// `prefix(_:)` of a string whose UTF-8 bytes are `bytes`.
  private static func prefix(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> (
    UInt64, UInt64, UInt64
  )? {
    var high: UInt64 = 0
    bytes.forEachWord { high |= $0 }
    guard high & 0x8080_8080_8080_8080 == 0 else { return nil }
    var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
    withUnsafeMutableBytes(of: &words) { words in
      words.copyMemory(
        from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.prefix(24))))
    }
    return (UInt64(bigEndian: words.0), UInt64(bigEndian: words.1), UInt64(bigEndian: words.2))
  }
}
