import Testing

@testable import NewsGraph

@Suite struct NameShapeTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var text: String
    var explanation: String
    var testDescription: String { "'\(text)': \(explanation)" }
  }

  static let words: WordSet = ["the", "The", "in", "In", "of"]

  /// The test on ASCII bytes answers as the set does for the string `lowercased()` makes, and
  /// leaves the rest to it.
  @Test(arguments: [
    Case(text: "THE", explanation: "capitals"), Case(text: "The", explanation: "title case"),
    Case(text: "tHe", explanation: "a capital inside"), Case(text: "in", explanation: "lower case"),
    Case(text: "", explanation: "no text"), Case(text: "Moscow", explanation: "in no list"),
    Case(text: "OF-", explanation: "a list word and more"),
    Case(text: "ÜBER", explanation: "not ASCII: left to the strings"),
    Case(text: String(repeating: "A", count: 33), explanation: "longer than any word tested"),
  ])
  func lowerCaseOnTheBytes(_ example: Case) {
    let text = example.text
    let isASCII = text.utf8.allSatisfy { $0 < 0x80 } && text.utf8.count <= 32
    let lower = NameShape.contains(Self.words, lowercased: text, keepingFirst: false)
    #expect(lower == (isASCII ? Self.words.contains(text.lowercased()) : nil))
    let title = NameShape.contains(Self.words, lowercased: text, keepingFirst: true)
    let titleForm = text.first.map { String($0) + text.dropFirst().lowercased() } ?? ""
    #expect(title == (isASCII ? Self.words.contains(titleForm) : nil))
  }

  /// A function word in any case, found on the bytes of an ASCII text.
  @Test func functionWordsInAnyCase() {
    #expect(NameShape.isFunctionWord("THE"))
    #expect(NameShape.isFunctionWord("WEDNESDAY"))
    // The first letter is kept as it is: "wednesday" is no function word.
    #expect(!NameShape.isFunctionWord("wEDNESDAY"))
    #expect(!NameShape.isFunctionWord("MOSCOW"))
    #expect(!NameShape.isFunctionWord(""))
  }
}
