/// Numbers strings in the order they are first seen: the graph builder's table of entity ids.
///
/// A `[String: Int32]` hashes an id with SipHash and compares ids by canonical equivalence,
/// some nine hundred instructions per lookup, and the builder looks up every entity and every
/// mention of a document. Here the UTF-8 bytes of an ASCII id are hashed eight at a time
/// (`asciiHash(_:)`) into an open-addressed table, and an id is compared only with ids of the
/// same hash. The numbers are the ones a `[String: Int32]` gives: two ASCII strings are
/// equal only when their bytes are, and an id that is not ASCII (which may equal an ASCII one,
/// as the Kelvin sign equals "K") is looked up in a `Dictionary` of every id, made when the
/// first such id comes.
struct IdNumbering: Sendable {
  /// The ids, by number.
  private(set) var ids: [String] = []
  /// The hash of each id's bytes (0 for an id that is not ASCII, which is not in `slots`).
  private var hashes: [UInt64] = []
  /// The number plus one of the ASCII id in each slot, 0 for an empty slot; a power of two
  /// long, at most half full.
  private var slots: [Int32]
  /// Every id with its number, once an id that is not ASCII has come; nil before.
  private var all: [String: Int32]?

  init(minimumCapacity: Int = 0) {
    var size = 8
    while size < 2 * minimumCapacity { size *= 2 }
    slots = Array(repeating: 0, count: size)
    ids.reserveCapacity(minimumCapacity)
    hashes.reserveCapacity(minimumCapacity)
  }

  /// How many ids are numbered: their numbers are `0..<count`.
  var count: Int { ids.count }

  /// The number of `id`, and whether it was given now (the next number) because `id` is new.
  mutating func number(_ id: String) -> (number: Int32, isNew: Bool) {
    let found = id.utf8.withContiguousStorageIfAvailable { bytes -> (Int32?, UInt64)? in
      guard let hash = Self.asciiHash(bytes) else { return nil }
      return (slot(of: id, hash: hash).number, hash)
    }
    let new = Int32(ids.count)
    guard let (known, hash) = found ?? nil else {
      // Not ASCII (or not contiguous): the dictionary of every id answers.
      if all == nil {
        all = Dictionary(uniqueKeysWithValues: zip(ids, ids.indices.lazy.map { Int32($0) }))
      }
      if let known = all?[id] { return (known, false) }
      all?[id] = new
      ids.append(id)
      hashes.append(0)
      return (new, true)
    }
    if let known { return (known, false) }
    if let known = all?[id] { return (known, false) }
    all?[id] = new
    ids.append(id)
    hashes.append(hash)
    if 2 * ids.count > slots.count { grow() }
    slots[slot(of: id, hash: hash).at] = new + 1
    return (new, true)
  }

  /// The hash of bytes that are all ASCII, or nil: eight bytes at a time, each word mixed in
  /// with a multiplication and a shift (FNV-1a took a multiplication a byte).
  static func asciiHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
    guard let base = bytes.baseAddress else { return 0 }
    let count = bytes.count
    var hash = UInt64(truncatingIfNeeded: count)
    var high: UInt64 = 0
    var at = 0
    while at < count {
      var word: UInt64 = 0
      if at + 8 <= count {
        word = UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self)
      } else {
        withUnsafeMutableBytes(of: &word) {
          $0.copyMemory(from: UnsafeRawBufferPointer(start: base + at, count: count - at))
        }
      }
      high |= word
      hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
      hash ^= hash >> 32
      at += 8
    }
    return high & 0x8080_8080_8080_8080 == 0 ? hash : nil
  }

  /// The slot of the ASCII id with these bytes' hash and the id's number, or the empty slot
  /// where it would go.
  private func slot(of id: String, hash: UInt64) -> (at: Int, number: Int32?) {
    let mask = slots.count - 1
    var at = Int(truncatingIfNeeded: hash) & mask
    while slots[at] != 0 {
      let number = Int(slots[at] - 1)
      if hashes[number] == hash && ids[number] == id { return (at, Int32(number)) }
      at = (at + 1) & mask
    }
    return (at, nil)
  }

  /// Doubles the slots, placing each ASCII id again by its hash.
  private mutating func grow() {
    var slots = [Int32](repeating: 0, count: 2 * self.slots.count)
    let mask = slots.count - 1
    for value in self.slots where value != 0 {
      var at = Int(truncatingIfNeeded: hashes[Int(value - 1)]) & mask
      while slots[at] != 0 { at = (at + 1) & mask }
      slots[at] = value
    }
    self.slots = slots
  }
}
