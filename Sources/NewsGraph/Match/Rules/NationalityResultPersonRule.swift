/// In results and line-ups a name followed by a country in brackets is a person:
/// "Michelle Freeman (Jamaica) 12.71", "Jesper Parnevik (Sweden)".
public struct NationalityResultPersonRule: Rule {
  public init() { source = "rule:\(id)" }

  public let id = "name-country"
  public let source: String
  public let summary = "capitalized name words, then a country in brackets"
  public let examples: [RuleExample] = [
    RuleExample("1. «Michelle Freeman» (Jamaica) 12.71", .person, "a results line"),
    RuleExample("with «Parnevik» (Sweden) second.", .person, "a surname alone"),
    RuleExample(
      "the Red Cross (Switzerland) said.", .person, "an organization the dictionary knows"),
  ]

  /// The facts a sentence needs one of for the rule to find anything in it: `RuleCalls` passes
  /// over a sentence without any, and does not call the rule.
  static var sentenceCue: TokenFacts { .openingBracket }

  public func appendCandidates(in context: SentenceContext, to result: inout [Candidate]) {
    let tokens = context.tokens
    let range = context.range
    guard !context.sentenceFacts.isDisjoint(with: Self.sentenceCue) else { return }
    for open in context.tokens(withAnyOf: .openingBracket) where open > range.lowerBound {
      guard let match = context.dictionaryMatch(at: open + 1), match.entry.type == .country,
        open + 1 + match.length < range.upperBound, tokens[open + 1 + match.length].text == ")"
      else { continue }
      var start = open
      while start > range.lowerBound, open - start < 4,
        NameShape.isNameWord(at: start - 1, context)
          || context.facts(at: start - 1).contains(.initial)
          || context.facts(at: start - 1).contains(.particle),
        !NameShape.isTitle(at: start - 1, context)
      {
        start -= 1
      }
      while start < open, context.facts(at: start).contains(.particle) { start += 1 }
      guard start < open,
        context.dictionaryMatch(at: start) == nil
          || context.dictionaryMatch(at: start)?.entry.type == .person
      else { continue }
      result.append(makeCandidate(start..<open, .person, context, priority: 6))
    }
  }
}
