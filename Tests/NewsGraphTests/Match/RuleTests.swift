import Testing

@testable import NewsGraph

/// Rules run on the small test dictionary, for edge cases the rules' own examples leave out.
@Suite struct RuleTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var rule: String
    var marked: String
    var type: EntityType
    var explanation: String
    var testDescription: String { "\(rule): \(explanation)" }
  }

  static func rule(_ id: String) -> (any Rule)? { Rules.all.first { $0.id == id } }

  @Test(arguments: [
    Case(
      rule: "titled-person", marked: "Foreign Minister «Ana Ruiz» met Mr. «Jones».", type: .person,
      explanation: "a role and an honorific, each before a name"),
    Case(
      rule: "titled-person", marked: "President «Vladimir Putin» (L) and Egypt's president spoke.",
      type: .person, explanation: "a lower-case title with no name after it finds nothing"),
    Case(
      rule: "titled-person", marked: "Defense Minister «Sergei Shoigu» spoke.", type: .person,
      explanation: "a name the dictionary lists as a person is still found"),
    Case(
      rule: "titled-person", marked: "President Moscow is cold.", type: .person,
      explanation: "a place after a title is not a name"),
    Case(
      rule: "given-name", marked: "«Anna Politkovskaya» wrote it; Anna said so.", type: .person,
      explanation: "a given name needs a surname after it"),
    Case(
      rule: "given-name", marked: "«David Miliband» met Vladimir in Moscow.", type: .person,
      explanation: "a given name before a preposition is not a full name"),
    Case(
      rule: "given-name", marked: "So «David Miliband» and then «Anna Politkovskaya», «Ed Balls».",
      type: .person, explanation: "names after an odd and an even number of other tokens"),
    Case(
      rule: "given-name", marked: "«David al-Sisi» met David el-baradei and David xx-Sisi.",
      type: .person,
      explanation: "a particle joined to a capitalized name, not to a lower-case one or a word"),
    Case(
      rule: "name-age", marked: "«Carlo Citrone» (1920) played; Ana Tolsk (920-2001) did not.",
      type: .person, explanation: "a year has four digits"),
    Case(
      rule: "team-nickname", marked: "the «Cairo Sox» and the Cairo Genius met.",
      type: .organization, explanation: "Sox is a plural, a word ending in 'us' is none"),
    Case(
      rule: "organization-head", marked: "Students of «Cairo University» marched.",
      type: .organization, explanation: "a place before a head word"),
    Case(
      rule: "organization-head", marked: "She entered the «Hockey Hall of Fame» in 1990.",
      type: .organization, explanation: "Hall of Fame in a sentence without a head word"),
    Case(
      rule: "score-line-team", marked: "«Warwickshire» 195 «Surrey» 429-7", type: .organization,
      explanation: "a score of digits and a cricket score"),
    Case(
      rule: "score-line-team", marked: "Leeds 1996 «Surrey» 4", type: .organization,
      explanation: "four digits are no score"),
    Case(
      rule: "score-line-team", marked: "«Moscow» AT «New York»", type: .organization,
      explanation: "a fixture of two places the dictionary knows"),
    Case(
      rule: "score-line-team", marked: "Moscow AT Fairlane Gamma Delta Epsilon Zeta",
      type: .organization,
      explanation: "a side of more than four words is no team"),
    Case(
      rule: "credit-line", marked: "Photo: «Jane Doe»/AFP", type: .person,
      explanation: "a photographer in a credit line; AFP is a known agency name"),
    Case(
      rule: "credit-line", marked: "Officials Jane Doe and John Roe said.", type: .person,
      explanation: "outside a credit line the rule finds nothing"),
  ])
  func findsTheMarkedSpans(_ example: Case) throws {
    let rule = try #require(Self.rule(example.rule), "no rule '\(example.rule)'")
    let marked = try MarkedText(example.marked)
    let found = RuleExamplesTests.spans(
      of: rule, type: example.type, in: marked.text, gazetteer: TestDictionary.gazetteer)
    #expect(found == marked.expected)
  }

  @Test func ruleNamesBecomeEntitiesOfTheDocument() {
    let document = Pipeline.document(
      "Students of Cairo University marched past Foreign Minister Ana Ruiz.")
    #expect(
      document.mentions.map(\.entity) == ["organization/cairo-university", "person/ana-ruiz"])
    #expect(document.mentions.map(\.source) == ["rule:organization-head", "rule:titled-person"])
  }

  @Test
  func fieldWordsBeforeAHead() throws {
    let rule = try #require(Self.rule("organization-head"))
    for text in [
      "The «Russian Defense Ministry» said.", "The «Foreign Ministry» said.",
      "The «Justice Department» said.",
    ] {
      let marked = try MarkedText(text)
      let found = RuleExamplesTests.spans(
        of: rule, type: .organization, in: marked.text, gazetteer: TestDictionary.gazetteer)
      #expect(found == marked.expected)
    }
  }

  @Test
  func allCapsHeadlineVerbIsNotAName() {
    let document = Pipeline.document("EGYPT'S PRESIDENT MEETS PUTIN")
    #expect(
      !document.mentions.contains { $0.text.contains("MEETS") }, "\(document.mentions.map(\.text))")
  }
}
