/// A fixed set of words, for the membership tests the rules make on every token.
///
/// `Set<String>` hashes a word with SipHash and then compares it with each word of its probe
/// run, about two hundred instructions a test, and nearly every token is in no list. Here the
/// UTF-8 bytes of an ASCII word are hashed with FNV-1a and looked up in a table at most a
/// quarter full that keeps each word's hash, so a miss usually costs one comparison of two
/// numbers. The answer is always the one `Set<String>` gives: two ASCII strings are equal only
/// when their bytes are, and any other word (such as a decomposed "é", or the Kelvin sign, which
/// equals "K" under canonical equivalence) is looked up in a `Set<String>` of all the words.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
  /// Every word, for words that are not ASCII.
  private let all: Set<String>
  /// The words that are not ASCII, which an ASCII word may still equal ("K" and the Kelvin sign).
  private let nonASCII: Set<String>
  /// The ASCII words, in the order of `words`.
  private let words: [String]
  /// Open addressing: `slots[i]` is a word's index in `words` plus one, 0 for an empty slot, and
  /// `hashes[i]` that word's hash.
  private let slots: [Int32]
  private let hashes: [UInt64]

  init(_ words: some Sequence<String>) {
    let all = Set(words)
    var ascii: [String] = []
    var nonASCII = Set<String>()
    for word in all {
      if word.utf8.allSatisfy({ $0 < 0x80 }) { ascii.append(word) } else { nonASCII.insert(word) }
    }
    ascii.sort()
    var size = 16
    while size < ascii.count * 4 { size *= 2 }
    var slots = [Int32](repeating: 0, count: size)
    var hashes = [UInt64](repeating: 0, count: size)
    for (index, word) in ascii.enumerated() {
      let hash = Self.hash(Array(word.utf8)[...])
      var slot = Int(truncatingIfNeeded: hash) & (size - 1)
      while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
      slots[slot] = Int32(index + 1)
      hashes[slot] = hash
    }
    self.all = all
    self.nonASCII = nonASCII
    self.words = ascii
    self.slots = slots
    self.hashes = hashes
  }

  init(arrayLiteral words: String...) {
    self.init(words)
  }

  /// The words of both sets.
  func union(_ other: WordSet) -> WordSet { WordSet(all.union(other.all)) }

  /// The words of this set and the others.
  func union(_ others: [String]) -> WordSet { WordSet(all.union(others)) }

  func contains(_ word: String) -> Bool {
    let found = word.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      var hash: UInt64 = 0xCBF2_9CE4_8422_2325
      var high: UInt8 = 0
      for byte in bytes {
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
        high |= byte
      }
      guard high < 0x80 else { return nil }
      return containsASCII(bytes, hash: hash) || (!nonASCII.isEmpty && nonASCII.contains(word))
    }
    if let found, let answer = found { return answer }
    return all.contains(word)
  }

  private func containsASCII(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Bool {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = Int(slots[slot])
      if entry == 0 { return false }
      if hashes[slot] == hash {
        let stored = words[entry - 1].utf8
        if stored.count == bytes.count && stored.elementsEqual(bytes) { return true }
      }
      slot = (slot + 1) & mask
    }
  }

  /// FNV-1a over UTF-8 bytes.
  private static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    return hash
  }
}
