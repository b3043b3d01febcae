/// A fixed set of words, for the membership tests the rules make on every token.
///
/// `Set<String>` hashes a word with SipHash and then compares it with each word of its probe
/// run, about two hundred instructions a test, and nearly every token is in no list. Here the
/// UTF-8 bytes of an ASCII word are hashed with FNV-1a and looked up in a table at most a
/// quarter full that keeps each word's hash, so a miss usually costs one comparison of two
/// numbers. The answer is always the one `Set<String>` gives: two ASCII strings are equal only
/// when their bytes are, and any other word (such as a decomposed "é", or the Kelvin sign, which
/// equals "K" under canonical equivalence) is looked up in a `Dictionary` of all the words.
///
/// Each word has a number, so a table of facts about the words (`WordFacts`) can be kept in an
/// array beside the set.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
  /// Every word with its number, for words that are not ASCII.
  private let all: [String: Int]
  /// The words that are not ASCII, which an ASCII word may still equal ("K" and the Kelvin sign),
  /// with their numbers.
  private let nonASCII: [String: Int]
  /// The ASCII words, sorted; word `i` is numbered `i`, and the others follow them.
  private let words: [String]
  /// Open addressing: `slots[i]` is a word's index in `words` plus one, 0 for an empty slot, and
  /// `hashes[i]` that word's hash.
  private let slots: [Int32]
  private let hashes: [UInt64]

  init(_ words: some Sequence<String>) {
    let distinct = Set(words)
    var ascii: [String] = []
    var others: [String] = []
    for word in distinct {
      if word.utf8.allSatisfy({ $0 < 0x80 }) { ascii.append(word) } else { others.append(word) }
    }
    ascii.sort()
    others.sort()
    var size = 16
    while size < ascii.count * 4 { size *= 2 }
    var slots = [Int32](repeating: 0, count: size)
    var hashes = [UInt64](repeating: 0, count: size)
    var all: [String: Int] = [:]
    all.reserveCapacity(distinct.count)
    for (index, word) in ascii.enumerated() {
      let hash = Self.hash(Array(word.utf8)[...])
      var slot = Int(truncatingIfNeeded: hash) & (size - 1)
      while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
      slots[slot] = Int32(index + 1)
      hashes[slot] = hash
      all[word] = index
    }
    var nonASCII: [String: Int] = [:]
    for (offset, word) in others.enumerated() {
      nonASCII[word] = ascii.count + offset
      all[word] = ascii.count + offset
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

  /// How many distinct words the set has: their numbers are `0..<count`.
  var count: Int { all.count }

  /// The words, in no particular order.
  var elements: Dictionary<String, Int>.Keys { all.keys }

  /// The words of both sets.
  func union(_ other: WordSet) -> WordSet { WordSet(Array(all.keys) + Array(other.all.keys)) }

  /// The words of this set and the others.
  func union(_ others: [String]) -> WordSet { WordSet(Array(all.keys) + others) }

  func contains(_ word: String) -> Bool { number(of: word) != nil }

  /// The number of the word of the set that equals `word`, or nil.
  func number(of word: String) -> Int? {
    // nil when the word's bytes are not at hand or not ASCII; .some(nil) when it is not in the set.
    let ascii = word.utf8.withContiguousStorageIfAvailable { bytes -> Int?? in
      var hash: UInt64 = 0xCBF2_9CE4_8422_2325
      var high: UInt8 = 0
      for byte in bytes {
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
        high |= byte
      }
      guard high < 0x80 else { return nil }
      if let number = numberOfASCII(bytes, hash: hash) { return number }
      return .some(nonASCII.isEmpty ? nil : nonASCII[word])
    }
    if let ascii, let answer = ascii { return answer }
    return all[word]
  }

  private func numberOfASCII(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = Int(slots[slot])
      if entry == 0 { return nil }
      if hashes[slot] == hash {
        let stored = words[entry - 1].utf8
        if stored.count == bytes.count && stored.elementsEqual(bytes) { return entry - 1 }
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
