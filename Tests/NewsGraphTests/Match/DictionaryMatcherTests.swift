import Testing

@testable import NewsGraph

@Suite struct DictionaryMatcherTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var marked: String
    /// The entity of each mark, in order.
    var entities: [String]
    var explanation: String
    var testDescription: String { explanation }
  }

  @Test(arguments: [
    Case(
      marked: "«The New York Times» reported from «York».",
      entities: ["organization/new-york-times", "place/york"],
      explanation: "the longest phrase wins over the place inside it"),
    Case(
      marked: "a «New York Times» reporter in «New York»",
      entities: ["organization/new-york-times", "place/new-york"],
      explanation: "an alias, then the shorter phrase where the longer one does not go on"),
    Case(
      marked: "Ships sailed the «Black Sea» to «Sochi».",
      entities: ["place/black-sea", "place/sochi"],
      explanation: "a two-word place"),
    Case(
      marked: "We met in «Alpha Beta» Gamma.", entities: ["place/alpha-beta"],
      explanation: "two phrases of equal length overlap: the leftmost wins"),
    Case(
      marked: "They met in «China».", entities: ["country/china"],
      explanation: "a capitalized name"),
    Case(
      marked: "We bought fine china and a turkey.", entities: [],
      explanation: "matching is case-sensitive: lower case is not a name"),
    Case(
      marked: "«CHINA» AND «RUSSIA» SIGN DEAL", entities: ["country/china", "country/russia"],
      explanation: "a headline in capitals matches the upper-cased names"),
    Case(
      marked: "Nice is sunny in summer.", entities: [],
      explanation: "a common word at the start of a sentence is not a name"),
    Case(
      marked: "\"Nice weather,\" she said.", entities: [],
      explanation: "a common word after an opening quote still starts the sentence"),
    Case(
      marked: "They flew to «Nice» today.", entities: ["place/nice"],
      explanation: "a common word inside a sentence of ordinary case is a name"),
    Case(
      marked: "Holiday Crowds Return To Nice", entities: [],
      explanation: "a common word in a title-case headline tells nothing"),
    Case(
      marked: "the «US»-led coalition", entities: ["country/united-states"],
      explanation: "the capitalized part of a hyphenated word"),
    Case(
      marked: "«Russia»-«Egypt» ties", entities: ["country/russia", "country/egypt"],
      explanation: "both parts of a hyphenated pair"),
    Case(
      marked: "anti-«Russia» protests", entities: ["country/russia"],
      explanation: "a part after a lower-case part starts at its own offset"),
    Case(
      marked: "«Russia»-«Egypt»-Zürich ties", entities: ["country/russia", "country/egypt"],
      explanation: "a hyphenated word that is not ASCII is split by characters"),
    Case(
      marked: "«U.S.» troops left «Egypt»'s border.",
      entities: ["country/united-states", "country/egypt"],
      explanation: "a dotted alias and a possessive"),
    Case(
      marked: "«Egyptian» and «Russian» officials", entities: ["country/egypt", "country/russia"],
      explanation: "demonyms name their country"),
    Case(
      marked: "the «Russian Federation» said", entities: ["country/russia"],
      explanation: "a multi-word alias"),
  ])
  func findsDictionaryNames(_ example: Case) throws {
    let marked = try MarkedText(example.marked)
    let mentions = Pipeline.document(marked.text, rules: []).mentions
    #expect(
      mentions.map { FoundSpan(start: $0.start, end: $0.end, text: $0.text) } == marked.expected)
    #expect(mentions.map(\.entity) == example.entities)
  }

  @Test func formsTellHowTheNameWasWritten() {
    let mentions = Pipeline.document("Egypt, the US and Egyptian troops.", rules: []).mentions
    #expect(mentions.map(\.form) == [.name, .alias, .demonym])
    #expect(mentions.allSatisfy { $0.source.hasPrefix("dictionary") })
  }

  @Test func matcherReportsEveryPhraseAndLeavesOverlapsToThePolicy() throws {
    let context = try #require(
      Pipeline.contexts("The New York Times.", gazetteer: TestDictionary.gazetteer).first)
    let candidates = DictionaryMatcher().candidates(in: context)
    let found = Set(candidates.map { "\($0.start)..<\($0.end) \($0.entity ?? "-")" })
    #expect(
      found == [
        "0..<18 organization/new-york-times", "4..<18 organization/new-york-times",
        "4..<12 place/new-york", "8..<12 place/york",
      ])
    let kept = OverlapPolicy().resolve(candidates).kept
    #expect(kept.map(\.entity) == ["organization/new-york-times"])
    #expect(kept.first?.start == 0)
  }

  @Test func matcherReadsOnlyItsSentence() {
    let contexts = Pipeline.contexts(
      "Egypt agreed. China did not.", gazetteer: TestDictionary.gazetteer)
    #expect(contexts.count == 2)
    let perSentence = contexts.map { DictionaryMatcher().candidates(in: $0).compactMap(\.entity) }
    #expect(perSentence == [["country/egypt"], ["country/china"]])
    #expect(contexts.map { DictionaryMatcher().candidates(in: $0).map(\.sentence) } == [[0], [1]])
  }

  @Test func candidatesAreAppendedAfterWhatTheArrayHolds() {
    let contexts = Pipeline.contexts(
      "Egypt agreed. China did not.", gazetteer: TestDictionary.gazetteer)
    var gathered: [Candidate] = []
    for context in contexts { DictionaryMatcher().appendCandidates(in: context, to: &gathered) }
    let alone = contexts.flatMap { DictionaryMatcher().candidates(in: $0) }
    #expect(gathered == alone)
    #expect(gathered.compactMap(\.entity) == ["country/egypt", "country/china"])
  }

  @Test func eachCandidateCarriesTheEntryOfItsEntity() throws {
    let gazetteer = TestDictionary.gazetteer
    // A phrase, a name in capitals and the part of a hyphenated word: each way of matching.
    let contexts = Pipeline.contexts(
      "The New York Times. CHINA SIGNS. US-led.", gazetteer: gazetteer)
    let candidates = contexts.flatMap { DictionaryMatcher().candidates(in: $0) }
    #expect(candidates.count >= 4)
    for candidate in candidates {
      let entry = try #require(candidate.entry)
      #expect(candidate.entity == gazetteer.entries.id(at: entry))
      #expect(gazetteer.index[candidate.entity ?? ""] == entry)
    }
    #expect(candidates.map(\.entity).contains("country/china"))
    #expect(candidates.map(\.entity).contains("country/united-states"))
  }

  @Test func placeInAnEventsNameIsNotMentioned() {
    let found = Pipeline.document("The Sochi Marathon and the Cairo Cup drew crowds in Sochi.")
      .mentions.map(\.text)
    #expect(found == ["Sochi"], "\(found)")
  }
}
