import Testing

@testable import NewsGraph

/// `SentenceContext.sentenceFacts`, which lets a rule pass over a sentence that lacks the token
/// it starts on, is the union of the facts of the sentence's own tokens.
@Suite struct SentenceFactsTests {
  @Test func theFactsAreTheUnionOfTheSentenceTokensFacts() {
    for context in Pipeline.contexts(
      "He lives near Hay Street. Then (again) he left.", gazetteer: TestDictionary.gazetteer)
    {
      let union = context.range.reduce(into: TokenFacts()) { $0.formUnion(context.facts(at: $1)) }
      #expect(context.sentenceFacts == union)
    }
  }

  @Test func aSentenceHasNoFactOfItsNeighbours() throws {
    let contexts = Pipeline.contexts(
      "He lives near Hay Street. Then (again) he left.", gazetteer: TestDictionary.gazetteer)
    try #require(contexts.count == 2)
    #expect(contexts[0].sentenceFacts.contains([.placeHead, .locativePreposition]))
    #expect(!contexts[0].sentenceFacts.contains(.openingBracket))
    #expect(contexts[1].sentenceFacts.contains(.openingBracket))
    #expect(!contexts[1].sentenceFacts.contains(.placeHead))
  }

  @Test func anEmptySentenceHasNoFacts() {
    let tokens = [TokenFactsTests.word("Street")]
    let context = SentenceContext(
      tokens: tokens, range: 1..<1, index: 0,
      block: TextBlock(
        range: 0..<6, paragraph: 0, kind: .prose, isAllCaps: false, isTitleCase: false),
      gazetteer: TestDictionary.gazetteer)
    #expect(context.sentenceFacts.isEmpty)
  }
}
