import Testing

@testable import NewsGraph

/// Runs the examples every rule carries against the real dictionaries.
@Suite struct RuleExamplesTests {
  /// One example of one rule.
  struct Case: Sendable, CustomTestStringConvertible {
    var rule: Int
    var example: Int

    var ruleValue: any Rule { Rules.all[rule] }
    var exampleValue: RuleExample { ruleValue.examples[example] }
    var testDescription: String { "\(ruleValue.id): \(exampleValue.explanation)" }
  }

  static let allCases: [Case] = Rules.all.indices.flatMap { rule in
    Rules.all[rule].examples.indices.map { Case(rule: rule, example: $0) }
  }

  /// Examples that fail because of a known bug in Sources, by `rule id: explanation`. Each has a
  /// disabled test below; when the bug is fixed, delete its line here and that test.
  static let knownBugs: [String: String] = [
    "organization-head: head + of + name":
      "'Defence' is in NameShape.notNames, so 'Ministry of' stops before it",
    "credit-line: an unknown agency in capitals":
      "the example marks the person 'Jane Doe' under type organization",
  ]

  static let cases = allCases.filter { knownBugs[$0.testDescription] == nil }

  static func bugCase(_ description: String) -> [Case] {
    allCases.filter { $0.testDescription == description }
  }

  /// The spans `rule` finds in `text`, of one type, sorted.
  static func spans(of rule: any Rule, type: EntityType, in text: String, gazetteer: Gazetteer)
    -> [FoundSpan]
  {
    Pipeline.contexts(text, gazetteer: gazetteer).flatMap { rule.candidates(in: $0) }
      .filter { $0.type == type }
      .map { FoundSpan(start: $0.start, end: $0.end, text: text.scalars($0.start..<$0.end)) }
      .sorted()
  }

  @Test(
    .enabled(if: RepositoryPaths.hasRealDictionaries, "dictionaries/ has not been generated yet"),
    arguments: cases)
  func ruleFindsExactlyTheMarkedSpans(_ item: Case) throws {
    let gazetteer = try RealDictionaries.gazetteer()
    let marked = try MarkedText(item.exampleValue.text)
    let found = Self.spans(
      of: item.ruleValue, type: item.exampleValue.type, in: marked.text, gazetteer: gazetteer)
    #expect(found == marked.expected, "\(item.ruleValue.id): \(item.exampleValue.text)")
    for candidate in Pipeline.contexts(marked.text, gazetteer: gazetteer)
      .flatMap({ item.ruleValue.candidates(in: $0) })
    {
      #expect(candidate.source == "rule:\(item.ruleValue.id)")
      #expect(candidate.entity == nil, "a rule finds names the dictionary lacks")
    }
  }

  @Test(
    .disabled("bug: 'Ministry of Defence' is not found: 'Defence' is in NameShape.notNames"),
    arguments: bugCase("organization-head: head + of + name"))
  func headOfANameThatIsANotName(_ item: Case) throws {
    try ruleFindsExactlyTheMarkedSpans(item)
  }

  @Test(
    .disabled("bug: credit-line example marks person 'Jane Doe' under type organization"),
    arguments: bugCase("credit-line: an unknown agency in capitals"))
  func creditLineAgencyExample(_ item: Case) throws {
    try ruleFindsExactlyTheMarkedSpans(item)
  }

  @Test func knownBugsNameRealExamples() {
    for description in Self.knownBugs.keys {
      #expect(
        Self.bugCase(description).count == 1, "no example '\(description)': fixed or renamed?")
    }
  }

  /// Rules that carry no example where they must find nothing, against the house style.
  static let rulesWithoutNonMatch: Set<String> = ["credit-line"]

  static func markCounts(_ rule: any Rule) -> [Int] {
    rule.examples.map { (try? MarkedText($0.text))?.spans.count ?? -1 }
  }

  @Test(arguments: Rules.all.map(\.id))
  func ruleDocumentsAMatch(_ id: String) throws {
    let rule = try #require(Rules.all.first { $0.id == id })
    let marks = Self.markCounts(rule)
    #expect(!marks.contains(-1), "\(id) has an example with malformed marks")
    #expect(marks.contains { $0 > 0 }, "\(id) has no example that finds something")
    #expect(!rule.summary.isEmpty)
  }

  @Test(arguments: Rules.all.map(\.id).filter { !rulesWithoutNonMatch.contains($0) })
  func ruleDocumentsANonMatch(_ id: String) throws {
    let rule = try #require(Rules.all.first { $0.id == id })
    #expect(Self.markCounts(rule).contains(0), "\(id) has no example where it must find nothing")
  }

  @Test(
    .disabled("bug: the credit-line rule carries no non-matching example"),
    arguments: Array(rulesWithoutNonMatch))
  func ruleDocumentsANonMatchKnownBug(_ id: String) throws {
    try ruleDocumentsANonMatch(id)
  }

  @Test func ruleIdsAreUniqueAndKebabCase() {
    let ids = Rules.all.map(\.id)
    #expect(Set(ids).count == ids.count)
    for id in ids {
      let allowed = id.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || $0 == "-" }
      #expect(allowed && !id.hasPrefix("-") && !id.hasSuffix("-"), "'\(id)' is not kebab-case")
    }
  }
}
