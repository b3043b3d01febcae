/// The keys of the lines seen so far, for the furniture filter's repeated-line test.
///
/// `Set<String>` hashed every line's key with SipHash and rehashed them all as it grew. Here
/// the keys stay where the line scan wrote them, in one buffer of UTF-8 bytes that the caller
/// lends to each insertion (a copy of its array kept here was retained and released for each
/// line, to be read through a closure): a key's bytes are hashed eight at a time, and compared
/// byte by byte only with keys of the same hash. The
/// answer is always the one a `Set<String>` of the keys gives, which compares strings under
/// canonical equivalence: a key whose scalars are all below U+0300 (ASCII, and the accented
/// Latin letters of precomposed text) is in normalization form C already, and two such keys are
/// canonically equivalent only when their bytes are equal. Any other key may equal another
/// under canonical equivalence ("e" with a combining accent and "é", the Kelvin sign and "k"),
/// so from the first such key on, every key is also kept as a string and the strings decide.
struct LineKeySet {
  /// A key added while all were below U+0300, as a range of the bytes, and its hash; an empty
  /// slot has no start.
  ///
  /// In the slot itself: a slot that gave the index of the key in an array of keys was a
  /// second place to read for each key, behind the first, and a second array to make for each
  /// text.
  private struct Slot {
    var hash: UInt64 = 0
    var start = -1
    var end = 0
  }

  /// Open addressing, never more than half full.
  private var slots: [Slot]
  /// How many slots hold a key.
  private var count = 0
  /// Every key as a string, from the first key with a scalar of U+0300 or above on.
  private var strings: Set<String>?

  /// An empty set, with room for `minimumCapacity` keys (the filter's lines), so that the
  /// slots do not grow and are not placed again as keys come.
  init(minimumCapacity: Int) {
    var size = 16
    while size < minimumCapacity * 2 { size *= 2 }
    slots = Array(repeating: Slot(), count: size)
  }

  /// Adds the key at `range` of `bytes`, the bytes of every key of the set; returns whether it
  /// was new, as `Set<String>.insert(_:).inserted` does.
  ///
  /// - Parameter hasCombiningRange: Whether the key has a scalar of U+0300 or above
  ///   (`hasCombiningRange(_:)`), which the line scan that wrote it tells: reading every key
  ///   again for it cost a pass over its bytes.
  mutating func insert(
    _ range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>, hasCombiningRange: Bool
  ) -> Bool {
    let key = UnsafeBufferPointer(rebasing: bytes[range])
    if strings != nil || hasCombiningRange { return insertString(key, bytes) }
    let hash = LineKeySet.hash(key)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot].start >= 0 {
      if slots[slot].hash == hash, bytes[slots[slot].start..<slots[slot].end].elementsEqual(key) {
        return false
      }
      slot = (slot + 1) & mask
    }
    slots[slot] = Slot(hash: hash, start: range.lowerBound, end: range.upperBound)
    count += 1
    if count * 2 > slots.count { grow() }
    return true
  }

  /// The lead byte of U+0300, the first combining mark: every scalar below it is unchanged by
  /// canonical composition and decomposition, and composes with nothing before it.
  static let leadAtCombiningMarks: UInt8 = 0xCC

  /// Whether a key has a scalar of U+0300 or above: a UTF-8 sequence that leads with
  /// `leadAtCombiningMarks` or more.
  static func hasCombiningRange(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
    key.contains { $0 >= leadAtCombiningMarks }
  }

  /// The slow path: the first key with a scalar of U+0300 or above turns every key so far into a
  /// string.
  private mutating func insertString(
    _ key: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    if strings == nil {
      var all = Set<String>(minimumCapacity: count + 1)
      for slot in slots where slot.start >= 0 {
        all.insert(
          String(
            decoding: UnsafeBufferPointer(rebasing: bytes[slot.start..<slot.end]), as: UTF8.self))
      }
      strings = all
    }
    return strings?.insert(String(decoding: key, as: UTF8.self)).inserted ?? true
  }

  private mutating func grow() {
    var grown = Array(repeating: Slot(), count: slots.count * 2)
    let mask = grown.count - 1
    for key in slots where key.start >= 0 {
      var slot = Int(truncatingIfNeeded: key.hash) & mask
      while grown[slot].start >= 0 { slot = (slot + 1) & mask }
      grown[slot] = key
    }
    slots = grown
  }

  /// The hash of a key: of its length and of every byte, eight at a time (`forEachWord`), each
  /// word multiplied in and the result mixed (the finalizer of MurmurHash3), so that the low
  /// bits that pick a slot depend on every byte.
  ///
  /// Every byte, not a few words of them: lines of one length that differ only between the
  /// words read (a table's rows, a list of scores) had one hash, and each new one was compared
  /// with all those before it. A text of 20,000 such lines took 13 s instead of 0.1 s.
  static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
    @inline(__always) func mix(_ word: UInt64) {
      hash = (hash ^ word) &* 0x100_0000_01B3
      hash ^= hash >> 32
    }
    key.forEachWord { mix($0) }
    hash ^= hash >> 33
    hash = hash &* 0xFF51_AFD7_ED55_8CCD
    hash ^= hash >> 33
    hash = hash &* 0xC4CE_B9FE_1A85_EC53
    hash ^= hash >> 33
    return hash
  }
}
