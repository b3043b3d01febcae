import Testing

@testable import NewsGraph

/// One probe of `TokenVocabulary` answers what the dictionary trie's keys, the titles' keys and
/// the word lists answer, for texts in any of them, in several, and in none.
@Suite struct TokenVocabularyTests {
  static let exact = TokenTrie<Gazetteer.Surface>(phrases: [
    (["New", "York"], Gazetteer.Surface(entry: 0, form: .name)),
    (["President", "Hotel"], Gazetteer.Surface(entry: 1, form: .name)),
    (["Street"], Gazetteer.Surface(entry: 2, form: .alias)),
  ])
  static let titles = TokenTrie<Gazetteer.TitleKind>(phrases: [
    (["President"], .role), (["Foreign", "Minister"], .role), (["Mr."], .honorific),
  ])
  static let upperTitles = TokenTrie<Gazetteer.TitleKind>(phrases: [
    (["PRESIDENT"], .role), (["FOREIGN", "MINISTER"], .role),
  ])

  @Test(arguments: [
    "New", "York", "President", "Hotel", "Street", "Foreign", "Minister", "Mr.", "PRESIDENT",
    "MINISTER", "the", "of", "Cup", "said", ",", "(", "Zürich", "\u{212A}", "",
  ])
  func oneProbeAnswersEveryTable(_ text: String) {
    let table = TokenFacts.table
    let vocabulary = TokenVocabulary(
      exact: Self.exact, titles: Self.titles, upperTitles: Self.upperTitles, lists: table)
    let token = TokenFactsTests.word(text, text.first?.isLetter == false ? .punctuation : .word)
    let bytes = Array(text.utf8)
    let (key, entry) = bytes.withUnsafeBufferPointer {
      let hash = StringTable.hash($0)
      return vocabulary.lookUp(utf8: $0, hash: hash, first: vocabulary.firstSlot(ofHash: hash))
    }
    #expect(key == Self.exact.keyNumber(of: text))
    #expect(entry.title == Self.titles.keyNumber(of: text))
    #expect(entry.upperTitle == Self.upperTitles.keyNumber(of: text))
    #expect(entry.startsTitle == (entry.title >= 0 && Self.titles.startsPhrase(key: entry.title)))
    #expect(
      entry.startsUpperTitle
        == (entry.upperTitle >= 0 && Self.upperTitles.startsPhrase(key: entry.upperTitle)))
    // The entry's facts are those of the lists for an ASCII text, and none for any other.
    let isASCII = bytes.allSatisfy { $0 < 0x80 }
    let shape = withUnsafePointer(to: token) { token in
      TokenFacts.shape(of: token, byteCount: bytes.count)
    }
    if isASCII {
      #expect(entry.facts.union(shape) == TokenFacts(token))
    } else {
      #expect(entry.facts.isEmpty)
    }
  }

  @Test func anASCIICharacterIsAnsweredAsItsTextIs() {
    // Every ASCII character, keys, list words ("," and "(") and the rest alike: the table of
    // characters holds what a probe of the one byte finds.
    let exact = TokenTrie<Gazetteer.Surface>(phrases: [
      (["&"], Gazetteer.Surface(entry: 0, form: .name)),
      (["A", "&", "B"], Gazetteer.Surface(entry: 1, form: .name)),
    ])
    let vocabulary = TokenVocabulary(
      exact: exact, titles: Self.titles, upperTitles: Self.upperTitles, lists: TokenFacts.table)
    for value in UInt8(1)..<128 {
      let (key, entry) = withUnsafeBytes(of: value) { bytes in
        let utf8 = bytes.assumingMemoryBound(to: UInt8.self)
        let hash = StringTable.hash(utf8)
        return vocabulary.lookUp(utf8: utf8, hash: hash, first: vocabulary.firstSlot(ofHash: hash))
      }
      let character = vocabulary.lookUp(asciiCharacter: value)
      #expect(character.key == key && character.entry == entry, "character \(value)")
    }
    #expect(vocabulary.lookUp(asciiCharacter: UInt8(ascii: "&")).key >= 0)
    #expect(vocabulary.lookUp(asciiCharacter: UInt8(ascii: ",")).entry.facts.contains(.comma))
  }

  @Test func theRulesListsAreASCII() {
    // Were a word not ASCII, every ASCII text would ask the lists rather than the vocabulary:
    // still right, only slower.
    #expect(TokenFacts.table.listsAreASCII)
  }
}
