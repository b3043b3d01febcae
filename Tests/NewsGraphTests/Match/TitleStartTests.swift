import Testing

@testable import NewsGraph

/// The `titleStart` fact, by which the titled-person rule passes over tokens before it asks for
/// the titles at one, is there wherever a title starts.
@Suite struct TitleStartTests {
  @Test(arguments: [
    "Defense Minister Sergei Shoigu met the president and Mr. Jones.",
    "DEFENSE MINISTER SERGEI SHOIGU MET THE PRESIDENT",
    "Minister. The Defense said nothing; spokesman",
  ])
  func everyTitleStartsWhereAStartIsPossible(_ text: String) {
    var titles = 0
    for context in Pipeline.contexts(text, gazetteer: TestDictionary.gazetteer) {
      for i in context.range where context.longestTitle(at: i) != nil {
        titles += 1
        #expect(context.facts(at: i).contains(.titleStart), "\(context.tokens[i].text)")
      }
    }
    #expect(titles > 0)
  }

  /// The sentence's facts have `titleStart` when a title may start at one of its tokens, so
  /// that the titled-person rule passes over the others.
  @Test func aSentenceKnowsWhetherATitleMayStartInIt() {
    let contexts = Pipeline.contexts(
      "The weather was fine. Defense Minister Sergei Shoigu came.\n\nPRESIDENT PUTIN SPOKE",
      gazetteer: TestDictionary.gazetteer)
    #expect(contexts.count == 3)
    for context in contexts {
      let starts = context.range.contains { context.facts(at: $0).contains(.titleStart) }
      #expect(context.sentenceFacts.contains(.titleStart) == starts)
    }
    #expect(contexts.map { $0.sentenceFacts.contains(.titleStart) } == [false, true, true])
  }

  @Test func aWordInsideATitleStartsNone() throws {
    let gazetteer = Gazetteer(
      entries: [], titles: [("Secretary of State", .role), ("Minister", .role)])
    let context = try #require(
      Pipeline.contexts("The Secretary of State and the Minister of Defence.", gazetteer: gazetteer)
        .first)
    let starts = context.range.filter { context.facts(at: $0).contains(.titleStart) }
    #expect(starts.map { context.tokens[$0].text } == ["Secretary", "Minister"])
  }

  @Test func aTrieKnowsWhichKeysStartAPhrase() {
    var trie = TokenTrie<Gazetteer.TitleKind>()
    trie.insert(["Secretary", "of", "State"], .role)
    #expect(trie.startsPhrase(key: trie.keyNumber(of: "Secretary")))
    #expect(!trie.startsPhrase(key: trie.keyNumber(of: "of")))
    #expect(!trie.startsPhrase(key: trie.keyNumber(of: "State")))
  }

  @Test func aWordInNoTitleStartsNone() throws {
    let context = try #require(
      Pipeline.contexts("The weather was fine.", gazetteer: TestDictionary.gazetteer).first)
    #expect(context.range.allSatisfy { !context.facts(at: $0).contains(.titleStart) })
  }
}
