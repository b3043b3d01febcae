import Testing

@testable import NewsGraph

/// The recognizer's calls of its rules find what the rules find called one by one, in order.
@Suite struct RuleCallsTests {
  /// A rule of no built-in type, which `RuleCalls` calls through `any Rule`.
  struct WordRule: Rule {
    var word: String
    var id: String { "word-\(word)" }
    var summary: String { "the word '\(word)'" }
    var examples: [RuleExample] { [] }

    func appendCandidates(in context: SentenceContext, to result: inout [Candidate]) {
      for i in context.range where context.tokens[i].text == word {
        result.append(makeCandidate(i..<(i + 1), .place, context, priority: 1))
      }
    }
  }

  static let text =
    "Foreign Minister Ana Ruiz met Jeremy Bender in Cairo. Students of Cairo University marched."

  /// The candidates of every rule called one after the other, sentence by sentence.
  static func oneByOne(_ rules: [any Rule], in text: String = text) -> [Candidate] {
    Pipeline.contexts(text, gazetteer: TestDictionary.gazetteer).flatMap { context in
      rules.flatMap { $0.candidates(in: context) }
    }
  }

  static func called(_ rules: [any Rule], in text: String = text) -> [Candidate] {
    let calls = RuleCalls(rules)
    var result: [Candidate] = []
    for context in Pipeline.contexts(text, gazetteer: TestDictionary.gazetteer) {
      calls.appendCandidates(in: context, to: &result)
    }
    return result
  }

  @Test func builtInRulesInOrder() {
    #expect(Self.called(Rules.all) == Self.oneByOne(Rules.all))
    #expect(!Self.called(Rules.all).isEmpty)
  }

  /// A rule passed over for a sentence without any of its cue facts finds nothing there: in
  /// the examples of every rule, the calls find what the rules called one by one find.
  @Test func sentencesPassedOverHoldNothing() throws {
    var found = 0
    for rule in Rules.all {
      for example in rule.examples {
        let text = try MarkedText(example.text).text
        let called = Self.called(Rules.all, in: text)
        #expect(called == Self.oneByOne(Rules.all, in: text), "\(text)")
        found += called.count
      }
    }
    #expect(found > 0)
  }

  /// Sentences on either side of the cues of the rules that look for numbers and given names:
  /// with and without a number, a bracket, a comma, a fixture word or a given name.
  @Test(arguments: [
    "Chicago 4 Houston 3. CLEVELAND 80 53 .602. KANSAS CITY AT DETROIT.",
    "Warwickshire 195, Surrey 429-7. LONDON 1996-08-30.",
    "Police said Tom Moody, 31, was held. Winner Ana Lopez (27) was happy.",
    "Eduard Hitzig (born 1839) was a doctor. Carlo Citrone (1920-2001) played.",
    "Ana Lopez (née Smith) spoke. Tom Moody, a doctor, spoke. In Chapter 12, 40 pages on.",
    "Jeremy Bender met Sergei Lavrov. JEREMY BENDER met him. Bender met Jeremy.",
    "Talks with José Ramos-Horta ended. Prices in Chicago rose 4 percent in May.",
  ])
  func cuedRulesFindWhatTheyFindCalledOneByOne(_ text: String) {
    #expect(Self.called(Rules.all, in: text) == Self.oneByOne(Rules.all, in: text))
  }

  @Test func reversedOrderIsKept() {
    let rules = Array(Rules.all.reversed())
    #expect(Self.called(rules) == Self.oneByOne(rules))
  }

  @Test func otherRulesAmongBuiltIns() {
    let rules: [any Rule] = [
      WordRule(word: "Cairo"), GivenNamePersonRule(), WordRule(word: "met"),
      GivenNamePersonRule(),
    ]
    let found = Self.called(rules)
    #expect(found == Self.oneByOne(rules))
    #expect(found.map(\.source).filter { $0 == "rule:word-met" }.count == 1)
    #expect(found.map(\.source).filter { $0 == "rule:given-name" }.count == 2)
  }

  @Test func noRules() {
    #expect(Self.called([]).isEmpty)
  }
}
