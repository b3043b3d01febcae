import Testing

@testable import NewsGraph

@Suite struct WordSetTokensTests {
  /// A token's text is in a set by its hash as it is by the string, ASCII or not.
  @Test func tokenTextIsInTheSetAsItsStringIs() {
    let set = WordSet(["Corp.", "Inc", "Zürich", "Kelvin", "a-very-long-word-beyond-fifteen-bytes"])
    let tokens = CompanyStemLinkerTests.tokens(
      "Lear Corp. and Acme Inc of Zürich, \u{212A}elvin, Kelvin, cafe\u{301} "
        + "a-very-long-word-beyond-fifteen-bytes")
    for token in tokens {
      #expect(set.contains(textOf: token) == set.contains(token.text), "\(token.text)")
    }
    #expect(tokens.filter { set.contains(textOf: $0) }.count == 6)
  }
}
