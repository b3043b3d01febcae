import Testing

@testable import NewsGraph

/// Lookups filled sentence after sentence for a document are those of each sentence alone.
@Suite struct TokenLookupsTests {
  static let text = """
    RUSSIAN PRESIDENT VLADIMIR PUTIN VISITS YORK

    The New York Times said so. Foreign Minister Ana Ruiz met him in New York!
    """

  /// Made for all the tokens, or for fewer (they grow as sentences come), from the gazetteer or
  /// from tables made of it once, as the recognizer makes them.
  @Test(arguments: [nil, 0, 1, 5], [false, true])
  func aDocumentsLookupsAreThoseOfItsSentences(capacity: Int?, sharingTables: Bool) throws {
    let gazetteer = TestDictionary.gazetteer
    let contexts = Pipeline.contexts(Self.text, gazetteer: gazetteer)
    #expect(contexts.count >= 3)
    let tokens = try #require(contexts.first).tokens
    var lookups =
      sharingTables
      ? TokenLookups(
        start: 0, tables: TokenLookups.Tables(gazetteer), capacity: capacity ?? tokens.count)
      : TokenLookups(start: 0, gazetteer: gazetteer, capacity: capacity ?? tokens.count)
    for context in contexts {
      let union = lookups.append(
        sentence: context.range, of: tokens, allCaps: context.block.isAllCaps)
      #expect(union == context.sentenceFacts)
    }
    #expect(lookups.end == tokens.count)
    Self.expect(lookups, areThoseOf: contexts)
  }

  /// Lookups that take back the arrays of an earlier document's (`init(reclaiming:)` and
  /// `reset(tables:)`) are those of new ones: after a longer document, whose entries are left
  /// past the new end, after a shorter one, whose arrays grow, and while the earlier lookups
  /// are still held, which then keep theirs.
  @Test(
    arguments: ["He saw New York.", TokenLookupsTests.text + "\n\n" + TokenLookupsTests.text],
    [false, true])
  func reclaimedLookupsAreThoseOfNewOnes(earlier: String, keepingTheEarlier: Bool) {
    let gazetteer = TestDictionary.gazetteer
    let tables = TokenLookups.Tables(gazetteer)
    let before = Pipeline.contexts(earlier, gazetteer: gazetteer)
    var lookups = TokenLookups(start: 0, tables: tables, capacity: 0)
    for context in before {
      lookups.append(sentence: context.range, of: context.tokens, allCaps: context.block.isAllCaps)
    }
    var shared: TokenLookups.Shared? = TokenLookups.Shared(lookups)
    let kept = keepingTheEarlier ? shared : nil
    guard let reclaimed = TokenLookups(reclaiming: &shared) else {
      Issue.record("no lookups reclaimed")
      return
    }
    #expect(shared == nil && TokenLookups(reclaiming: &shared) == nil)
    lookups = reclaimed
    lookups.reset(tables: tables)
    let contexts = Pipeline.contexts(Self.text, gazetteer: gazetteer)
    for context in contexts {
      lookups.append(sentence: context.range, of: context.tokens, allCaps: context.block.isAllCaps)
    }
    #expect(lookups.start == 0 && lookups.end == contexts.last?.range.upperBound)
    Self.expect(lookups, areThoseOf: contexts)
    if let kept { Self.expect(kept.lookups, areThoseOf: before) }
  }

  /// Checks that `lookups` hold what each context looked up for its own sentence.
  static func expect(_ lookups: TokenLookups, areThoseOf contexts: [SentenceContext]) {
    for context in contexts {
      for i in context.range {
        #expect(lookups.facts(at: i) == context.facts(at: i))
        #expect(
          context.facts(at: i).contains(.phrase) == !context.dictionaryPhrases(at: i).isEmpty)
        #expect(lookups.match(at: i)?.position == context.dictionaryMatch(at: i)?.entry.position)
        #expect(
          lookups.phrases(at: i).map(\.length) == context.dictionaryPhrases(at: i).map(\.length))
        #expect(
          lookups.longestTitle(at: i, end: context.range.upperBound)
            == context.longestTitle(at: i))
      }
    }
  }

  /// A phrase that runs past its sentence's end gives its first token no `phrase` fact there.
  @Test func thePhraseFactIsTheSentences() throws {
    let contexts = Pipeline.contexts(
      "He went to New\n\nYork is far. He saw New York.", gazetteer: TestDictionary.gazetteer)
    try #require(contexts.count == 3)
    for context in contexts {
      for i in context.range {
        #expect(
          context.facts(at: i).contains(.phrase) == !context.dictionaryPhrases(at: i).isEmpty)
        #expect(context.facts(at: i).contains(.phrase) == (context.dictionaryMatch(at: i) != nil))
      }
    }
    let news = contexts.map { context in
      context.range.filter { context.tokens[$0].text == "New" }.map {
        context.facts(at: $0).contains(.phrase)
      }
    }
    #expect(news == [[false], [], [true]])
  }

  @Test func phrasesAndTitlesEndInTheirSentence() {
    for context in Pipeline.contexts(Self.text, gazetteer: TestDictionary.gazetteer) {
      for i in context.range {
        let lengths =
          context.dictionaryPhrases(at: i).map { Int($0.length) }
          + [context.longestTitle(at: i)].compactMap { $0 }
        #expect(lengths.allSatisfy { i + $0 <= context.range.upperBound })
      }
    }
  }

  @Test func titlesInCapitalsAreLookedUpUpperCased() throws {
    let contexts = Pipeline.contexts(Self.text, gazetteer: TestDictionary.gazetteer)
    let headline = try #require(contexts.first { $0.block.isAllCaps })
    let president = try #require(
      headline.range.first { headline.tokens[$0].text == "PRESIDENT" })
    #expect(headline.longestTitle(at: president) != nil)
  }
}
