import Testing

@testable import NewsGraph

/// `TokenFacts` answers what the word lists and the shape tests answer, token by token.
@Suite struct TokenFactsTests {
  static func word(_ text: String, _ kind: Token.Kind = .word) -> Token {
    Token(text: text, start: 0, end: text.unicodeScalars.count, kind: kind, spaceBefore: true)
  }

  @Test(arguments: [
    "The", "the", "THE", "Times", "Ministry", "of", "in", "al", "Jr.", "Cup", "Street", "St.",
    "founder", "band", "village", "North", "Northern", "Real", "AT", "v.", ",", "General", "",
    "Zürich", "\u{212A}ing", "Moscow", "B.", "-", "(", ")", "Hall", "HALL",
  ])
  func listFactsAreListMembership(_ text: String) {
    let facts = TokenFacts(Self.word(text))
    for (fact, list) in TokenFacts.lists {
      #expect(facts.contains(fact) == list.contains(text), "\(text)")
    }
  }

  @Test func everyWordOfEveryListHasItsFact() {
    for (fact, list) in TokenFacts.lists {
      for word in list.elements { #expect(TokenFacts(Self.word(word)).contains(fact), "\(word)") }
    }
  }

  struct ShapeCase: Sendable, CustomTestStringConvertible {
    var text: String
    var kind: Token.Kind = .word
    var facts: TokenFacts
    var explanation: String
    var testDescription: String { explanation }
  }

  @Test(arguments: [
    ShapeCase(text: "B", facts: .initial, explanation: "one capital"),
    ShapeCase(text: "B.", facts: [.initial, .dottedInitial], explanation: "an initial, a period"),
    ShapeCase(text: "b.", facts: [], explanation: "a lower-case letter is no initial"),
    ShapeCase(text: "BA", facts: .otherCase, explanation: "two capitals: no initial"),
    ShapeCase(text: "B", kind: .number, facts: [], explanation: "only a word is an initial"),
    ShapeCase(text: "US-led", facts: [.hyphen, .otherCase], explanation: "a hyphen"),
    ShapeCase(text: "Moscow", facts: [], explanation: "its own title-case form"),
    ShapeCase(text: "McCain", facts: .otherCase, explanation: "a capital inside"),
    ShapeCase(text: "Zürich", facts: .otherCase, explanation: "not ASCII"),
    ShapeCase(
      text: "Ü.", facts: [.initial, .dottedInitial, .otherCase],
      explanation: "an initial that is not ASCII"),
    ShapeCase(text: "B..", facts: [], explanation: "two periods: no initial"),
  ])
  func shapeFacts(_ example: ShapeCase) {
    let shape: TokenFacts = [.initial, .dottedInitial, .hyphen, .otherCase]
    let facts = TokenFacts(Self.word(example.text, example.kind)).intersection(shape)
    #expect(facts == example.facts)
    #expect(facts.contains(.initial) == NameShape.isInitial(Self.word(example.text, example.kind)))
  }

  /// `allCaps` is the token's `isAllCaps`, and a token alone has no `phrase`: only the lookups
  /// of its sentence know where phrases start.
  @Test(arguments: [
    ("REUTERS", Token.Kind.word), ("U.S.", .word), ("Moscow", .word), ("B", .word),
    ("ÜBER", .word), ("iPhone", .word), ("1996", .number), (",", .punctuation),
  ])
  func allCapsIsTheTokens(_ text: String, _ kind: Token.Kind) {
    let token = Self.word(text, kind)
    #expect(TokenFacts(token).contains(.allCaps) == token.isAllCaps)
    #expect(!TokenFacts(token).contains(.phrase))
  }

  /// `number` is the token's kind, whatever its text: a word of digits is no number, and a
  /// number of any text is one.
  @Test(arguments: [
    ("1996", Token.Kind.number, true), ("429-7", .number, true), ("1996", .word, false),
    ("Moscow", .word, false), (",", .punctuation, false), ("(", .punctuation, false),
    ("%", .symbol, false),
  ])
  func numberIsTheKind(_ text: String, _ kind: Token.Kind, _ isNumber: Bool) {
    let token = Self.word(text, kind)
    #expect(TokenFacts(token).contains(.number) == isNumber)
    #expect(token.isNumber == (token.kind == .number))
  }

  /// The hash the facts' tables are probed with, the token's, is the tables' hash of its bytes.
  @Test(arguments: ["", "The", "Zürich", "US-led", "a-very-long-word-beyond-fifteen-bytes"])
  func factsComeWithTheTablesHash(_ text: String) {
    let token = Self.word(text)
    Array(text.utf8).withUnsafeBufferPointer {
      #expect(token.textHash == StringTable.hash($0))
    }
  }

  /// A text without `otherCase` is its own title-case form, so a function word in any case is
  /// found by the list fact alone.
  @Test(arguments: ["The", "IN", "Moscow", "iPhone", "McCain", "the", "ÜBER", "A", ""])
  func functionWordInAnyCase(_ text: String) {
    let facts = TokenFacts(Self.word(text))
    let byFacts =
      facts.contains(.functionWord)
      || (facts.contains(.otherCase) && NameShape.isFunctionWord(text))
    #expect(byFacts == NameShape.isFunctionWord(text))
  }
}
