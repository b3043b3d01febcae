/// A fixed set of words, for the membership tests the rules make on every token.
///
/// `Set<String>` hashes a word with SipHash and then compares it with each word of its probe
/// run, about two hundred instructions a test, and nearly every token is in no list. Here the
/// UTF-8 bytes of an ASCII word are hashed with FNV-1a and looked up in an indexed `StringTable`
/// of the ASCII words, whose hash a caller may have worked out already for another table. The
/// answer is always the one `Set<String>` gives: two ASCII strings are equal only when their
/// bytes are, and any other word (such as a decomposed "é", or the Kelvin sign, which equals "K"
/// under canonical equivalence) is looked up in a `Dictionary` of all the words.
///
/// Each word has a number, so facts about the words (`TokenFacts`) can be kept in an array
/// beside the set.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
  /// Every word with its number, for words that are not ASCII.
  private let all: [String: Int]
  /// The words that are not ASCII, which an ASCII word may still equal ("K" and the Kelvin sign),
  /// with their numbers.
  private let nonASCII: [String: Int]
  /// The ASCII words, sorted, with a hash index: word `i` is numbered `i`, and the others follow.
  private let ascii: StringTable

  init(_ words: some Sequence<String>) {
    let distinct = Set(words)
    var ascii: [String] = []
    var others: [String] = []
    for word in distinct {
      if word.utf8.allSatisfy({ $0 < 0x80 }) { ascii.append(word) } else { others.append(word) }
    }
    ascii.sort()
    others.sort()
    var all: [String: Int] = [:]
    all.reserveCapacity(distinct.count)
    for (index, word) in ascii.enumerated() { all[word] = index }
    var nonASCII: [String: Int] = [:]
    for (offset, word) in others.enumerated() {
      nonASCII[word] = ascii.count + offset
      all[word] = ascii.count + offset
    }
    self.all = all
    self.nonASCII = nonASCII
    self.ascii = StringTable(ascii, indexed: true)
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
    let found = word.utf8.withContiguousStorageIfAvailable { bytes in
      number(
        of: word, utf8: bytes, hash: StringTable.hash(bytes),
        isASCII: bytes.allSatisfy { $0 < 0x80 })
    }
    return found ?? all[word]
  }

  /// `number(of:)` for a word whose UTF-8 bytes `utf8`, their `StringTable.hash(_:)` and
  /// whether they are all ASCII the caller has at hand; the word itself is asked for only when
  /// the bytes cannot answer, so a caller that reads it from memory need not retain it.
  func number(
    of word: @autoclosure () -> String, utf8 bytes: UnsafeBufferPointer<UInt8>, hash: UInt32,
    isASCII: Bool
  ) -> Int? {
    guard isASCII else { return all[word()] }
    if let number = ascii.number(ofUTF8: bytes, hash: hash) { return number }
    return nonASCII.isEmpty ? nil : nonASCII[word()]
  }
}
