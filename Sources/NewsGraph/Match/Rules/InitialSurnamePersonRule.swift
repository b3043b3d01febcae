/// One or more initials followed by a capitalized surname are a person: "M. Atherton",
/// "J. R. Ewing", "A. Dale".
public struct InitialSurnamePersonRule: Rule {
  public init() { source = "rule:\(id)" }

  public let id = "initial-surname"
  public let source: String
  public let summary = "initials with periods, then a capitalized surname"
  public let examples: [RuleExample] = [
    RuleExample("Bowling by «M. Atherton» ended it.", .person, "one initial"),
    RuleExample("A report on «J. R. Ewing» came out.", .person, "two initials"),
    RuleExample(
      "Plan B. The minister left.", .person, "an initial at a sentence end is not a name"),
  ]

  /// The facts a sentence needs one of for the rule to find anything in it: `RuleCalls` passes
  /// over a sentence without any, and does not call the rule.
  static var sentenceCue: TokenFacts { .dottedInitial }

  public func appendCandidates(in context: SentenceContext, to result: inout [Candidate]) {
    guard !context.block.isAllCaps, !context.sentenceFacts.isDisjoint(with: Self.sentenceCue) else {
      return
    }
    var i = context.range.lowerBound
    while i < context.range.upperBound {
      // The tokens that are no initial, most, are passed over at once.
      i = context.firstToken(from: i, withAnyOf: .dottedInitial)
      guard i < context.range.upperBound,
        i == context.range.lowerBound || !context.facts(at: i - 1).contains(.dottedInitial)
      else {
        i += 1
        continue
      }
      var next = i
      while next < context.range.upperBound, context.facts(at: next).contains(.dottedInitial) {
        next += 1
      }
      guard next < context.range.upperBound, next - i <= 3,
        NameShape.isNameWord(at: next, context), !context.facts(at: next).contains(.initial),
        !context.stopsName(at: next),
        let span = NameShape.nameSpan(from: next, in: context, limit: 3)
      else {
        i = next + 1
        continue
      }
      result.append(makeCandidate(i..<span.upperBound, .person, context, priority: 6))
      i = span.upperBound
    }
  }
}
