import Testing

@testable import NewsGraph

/// A context the recognizer moves from sentence to sentence, over look-ups of the whole
/// document, is the context made for each sentence on its own.
@Suite struct SentenceContextTests {
  static let text =
    "Foreign Minister Ana Ruiz met Jeremy Bender in Cairo. Students of Cairo University marched."
    + "\n\nMOSCOW (Reuters) - He lives near Hay Street."

  /// The contexts made for each sentence, and one context moved through the same sentences.
  static func madeAndMoved() -> [(made: SentenceContext, moved: SentenceContext)] {
    let gazetteer = TestDictionary.gazetteer
    let made = Pipeline.contexts(text, gazetteer: gazetteer)
    guard let first = made.first else { return [] }
    var lookups = TokenLookups(start: 0, gazetteer: gazetteer, capacity: first.tokens.count)
    let facts = made.map {
      lookups.append(sentence: $0.range, of: $0.tokens, allCaps: $0.block.isAllCaps)
    }
    var moved = SentenceContext(
      tokens: first.tokens, range: first.range, index: first.index, block: first.block,
      gazetteer: gazetteer, lookups: TokenLookups.Shared(consume lookups),
      sentenceFacts: facts[0])
    // Backwards: a move goes to any sentence of the document, not only to the next.
    return made.indices.reversed().map { k in
      moved.move(
        to: made[k].range, index: made[k].index, block: made[k].block, sentenceFacts: facts[k])
      return (made[k], moved)
    }
  }

  @Test func aMovedContextIsTheContextOfItsSentence() {
    let pairs = Self.madeAndMoved()
    #expect(pairs.count >= 3)
    for (made, moved) in pairs {
      #expect(moved.range == made.range)
      #expect(moved.index == made.index)
      #expect(moved.block == made.block)
      #expect(moved.sentenceFacts == made.sentenceFacts)
      for i in made.range {
        #expect(moved.facts(at: i) == made.facts(at: i))
        #expect(moved.dictionaryMatch(at: i)?.length == made.dictionaryMatch(at: i)?.length)
        #expect(moved.longestTitle(at: i) == made.longestTitle(at: i))
      }
    }
  }

  @Test func aMovedContextFindsWhatTheMatchersFind() {
    for (made, moved) in Self.madeAndMoved() {
      #expect(
        DictionaryMatcher().candidates(in: moved) == DictionaryMatcher().candidates(in: made))
      for rule in Rules.all {
        #expect(rule.candidates(in: moved) == rule.candidates(in: made), "\(rule.id)")
      }
    }
  }

  /// The tokens with some facts are the sentence's tokens whose facts have any of them, in
  /// order, in a moved context as in a made one: none of other sentences, and none at all for
  /// facts no token has, or for no facts.
  @Test(arguments: [
    TokenFacts.phrase, [.phrase, .allCaps, .hyphen], .locativePreposition, .openingBracket,
    .capitalThe, [],
  ])
  func theTokensWithFactsAreThoseTheFactsTell(_ wanted: TokenFacts) {
    for (made, moved) in Self.madeAndMoved() {
      let expected = made.range.filter { !made.facts(at: $0).isDisjoint(with: wanted) }
      #expect(Array(made.tokens(withAnyOf: wanted)) == expected)
      #expect(Array(moved.tokens(withAnyOf: wanted)) == expected)
    }
  }

  /// The first token with some facts from a token on is the first the facts tell, or the end
  /// of the sentence; from past the end, the token it starts from.
  @Test(arguments: [TokenFacts.phrase, .dottedInitial, [.organizationCue, .organizationKind]])
  func theFirstTokenWithFactsIsTheFirstTheFactsTell(_ wanted: TokenFacts) {
    for (made, moved) in Self.madeAndMoved() {
      for i in made.range.lowerBound...(made.range.upperBound + 1) {
        let expected =
          i >= made.range.upperBound
          ? i
          : (i..<made.range.upperBound).first { !made.facts(at: $0).isDisjoint(with: wanted) }
            ?? made.range.upperBound
        #expect(made.firstToken(from: i, withAnyOf: wanted) == expected)
        #expect(moved.firstToken(from: i, withAnyOf: wanted) == expected)
      }
    }
  }
}
