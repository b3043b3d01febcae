import Testing

@testable import NewsGraph

/// A token's text is found by the token's hash as `number(of:)` finds it by the text, and a
/// string's hash is read where it is stored.
@Suite struct StringTableTests {
  static let table = StringTable(
    ["Vladimir", "Zürich", "Anna", "New York", "Anna", "\u{212A}ing"], indexed: true)

  @Test(arguments: [
    "Vladimir", "Zürich", "Anna", "New York", "Kelvin", "\u{212A}ing", "King", "anna",
    "Zu\u{308}rich",
    "", "a-very-long-word-that-no-small-string-holds",
  ])
  func tokenTextIsFoundAsItsText(_ text: String) {
    let token = TokenFactsTests.word(text)
    #expect(Self.table.number(ofTextOf: token) == Self.table.number(of: text))
  }

  @Test func equalStringsAreFoundAsTheFirst() {
    #expect(Self.table.number(ofTextOf: TokenFactsTests.word("Anna")) == 2)
  }

  @Test func tableWithoutIndexFindsNothing() {
    let table = StringTable(["Anna"], indexed: false)
    #expect(table.number(ofTextOf: TokenFactsTests.word("Anna")) == nil)
  }

  @Test func hashOfAStringIsTheHashOfItsBytes() {
    for number in 0..<Self.table.count {
      let bytes = Array(Self.table[number].utf8)
      #expect(Self.table.hash(of: number) == bytes.withUnsafeBufferPointer(StringTable.hash))
    }
  }

  @Test func givenNamesOfTheSentence() throws {
    let context = try #require(
      Pipeline.contexts("Jeremy met anna and Anna.", gazetteer: TestDictionary.gazetteer).first)
    let given = context.range.filter { context.isGivenName(at: $0) }
    #expect(given.map { context.tokens[$0].text } == ["Jeremy", "Anna"])
  }
}
