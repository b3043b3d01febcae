/// A capitalized direction or "Greater", "Upper", "Old" ... right before a known place names a
/// part of it, which is a place of its own: "West Germany", "Southern California", "East Java",
/// "Greater Manchester", "Old Delhi". In lower case ("southern Lebanon") it is description, not
/// a name, and is left alone.
public struct DirectionalPlaceRule: Rule {
  public init() { source = "rule:\(id)" }

  public let id = "directional-place"
  public let source: String
  public let summary =
    "'North', 'Western', 'Greater', 'Old' ... then a place or country the dictionary knows"
  public let examples: [RuleExample] = [
    RuleExample("He grew up in «West Germany» and «Southern California».", .place, "directions"),
    RuleExample("Flights to «Greater Manchester» resumed.", .place, "Greater"),
    RuleExample("Fighting spread in southern Lebanon.", .place, "lower case is a description"),
    RuleExample("West said Germany would win.", .place, "a word between"),
    RuleExample("Many South American leaders came.", .place, "a demonym is not a place"),
    RuleExample("He won the Greater Boston Open.", .place, "the name goes on: an event's"),
    RuleExample("Southern Germany had rain.", .place, "an adjective opening a sentence"),
  ]

  static let prefixes: WordSet = [
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Northeast", "Northwest", "Southeast", "Southwest", "Northeastern", "Northwestern",
    "Southeastern", "Southwestern", "Upper", "Lower", "Greater", "Inner", "Outer", "Old",
  ]

  /// Prefixes that are adjectives, capitalized at a sentence's start whether or not they are
  /// part of a name.
  static let adjectives: WordSet = [
    "Northern", "Southern", "Eastern", "Western", "Central", "Northeastern", "Northwestern",
    "Southeastern", "Southwestern", "Inner", "Outer",
  ]

  private func firstWord(_ context: SentenceContext) -> Int {
    var first = context.range.lowerBound
    while first < context.range.upperBound, context.tokens[first].kind != .word { first += 1 }
    return first
  }

  /// The facts a sentence needs one of for the rule to find anything in it: `RuleCalls` passes
  /// over a sentence without any, and does not call the rule.
  static var sentenceCue: TokenFacts { .directionalPrefix }

  public func appendCandidates(in context: SentenceContext, to result: inout [Candidate]) {
    let tokens = context.tokens
    let range = context.range
    guard !context.block.isAllCaps, !context.sentenceFacts.isDisjoint(with: Self.sentenceCue) else {
      return
    }
    var i = range.lowerBound
    while i + 1 < range.upperBound {
      // The tokens that are no prefix, most, are passed over at once.
      i = context.firstToken(from: i, withAnyOf: .directionalPrefix)
      guard i + 1 < range.upperBound,
        // The dictionary knows a name that starts here ("South Africa", "West Bank").
        context.dictionaryMatch(at: i) == nil,
        tokens[i + 1].spaceBefore,
        let place = context.dictionaryMatch(at: i + 1),
        place.entry.type == .place || place.entry.type == .country,
        // "North American", "West Indian" describe people and things, not a place.
        place.entry.form != .demonym
      else {
        i += 1
        continue
      }
      let end = i + 1 + place.length
      // "Greater Milwaukee Open", "North Texas Mean Green": the name goes on, and is another's.
      if end < range.upperBound, tokens[end].kind == .word, tokens[end].isCapitalized {
        i += 1
        continue
      }
      // A sentence's first word is capitalized anyway: "Northern Iraq has ..." may describe.
      if i == firstWord(context), context.facts(at: i).contains(.directionalAdjective) {
        i += 1
        continue
      }
      result.append(makeCandidate(i..<end, .place, context, priority: 7))
      i = end
    }
  }
}
