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

  static let cases = allCases

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

  @Test(arguments: Rules.all.map(\.id))
  func ruleDocumentsANonMatch(_ id: String) throws {
    let rule = try #require(Rules.all.first { $0.id == id })
    #expect(Self.markCounts(rule).contains(0), "\(id) has no example where it must find nothing")
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
