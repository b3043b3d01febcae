import Testing

@Suite struct MarkedTextTests {
  @Test func stripsMarksAndCountsCodePoints() throws {
    let marked = try MarkedText("😀 «Ана» met «Putin».")
    #expect(marked.text == "😀 Ана met Putin.")
    #expect(marked.spans == [2..<5, 10..<15])
    #expect(marked.expected.map(\.text) == ["Ана", "Putin"])
  }

  @Test func textWithoutMarksHasNoSpans() throws {
    let marked = try MarkedText("nothing here")
    #expect(marked.text == "nothing here")
    #expect(marked.spans.isEmpty)
  }

  struct BadCase: Sendable, CustomTestStringConvertible {
    var marked: String
    var error: MarkedText.MarkError
    var explanation: String
    var testDescription: String { explanation }
  }

  @Test(arguments: [
    BadCase(marked: "«a «b» c»", error: .nested(offset: 2), explanation: "marks do not nest"),
    BadCase(marked: "a» b", error: .unopened(offset: 1), explanation: "a close without an open"),
    BadCase(marked: "a «b", error: .unclosed(offset: 2), explanation: "an open that never closes"),
    BadCase(marked: "a «» b", error: .empty(offset: 2), explanation: "an empty mark is a typo"),
  ])
  func malformedMarksThrow(_ example: BadCase) {
    #expect(throws: example.error) { try MarkedText(example.marked) }
  }
}
