/// An unknown capitalized name after "the village of", "the town of", "the province of" ...
/// is a place: "the village of Aisby", "the municipality of Divar".
public struct PlaceCueRule: Rule {
  public init() { source = "rule:\(id)" }

  public let id = "place-cue"
  public let source: String
  public let summary = "'village of', 'town of', 'province of' ... then an unknown capitalized name"
  public let examples: [RuleExample] = [
    RuleExample("He was born in the village of «Aisby» in 1901.", .place, "village of"),
    RuleExample("the river flows through the province of «Tarkent Ova».", .place, "province of"),
    RuleExample("the town of the future", .place, "lower case is no name"),
  ]

  static let kinds: WordSet = [
    "village", "town", "city", "municipality", "province", "region", "county", "district",
    "parish", "state", "island", "islands", "hamlet", "suburb", "borough", "commune", "prefecture",
    "governorate", "township", "port", "valley", "neighbourhood", "neighborhood", "capital",
  ]

  /// The facts a sentence needs one of for the rule to find anything in it: `RuleCalls` passes
  /// over a sentence without any, and does not call the rule.
  static var sentenceCue: TokenFacts { .placeKind }

  public func appendCandidates(in context: SentenceContext, to result: inout [Candidate]) {
    let tokens = context.tokens
    let range = context.range
    guard !context.caseIsWeak, !context.sentenceFacts.isDisjoint(with: Self.sentenceCue) else {
      return
    }
    for i in context.tokens(withAnyOf: .placeKind) {
      let start = i + 2
      guard start < range.upperBound, tokens[i + 1].text == "of", tokens[start].kind == .word,
        tokens[start].isCapitalized, !tokens[start].isAllCaps,
        context.dictionaryMatch(at: start) == nil, !NameShape.isFunctionWord(at: start, context),
        !context.isGivenName(at: start)
      else { continue }
      var end = start
      while end < range.upperBound, end - start < 3, tokens[end].kind == .word,
        tokens[end].isCapitalized, !NameShape.isFunctionWord(at: end, context),
        end == start || context.dictionaryMatch(at: end) == nil
      {
        end += 1
      }
      result.append(makeCandidate(start..<end, .place, context, priority: 3))
    }
  }
}
