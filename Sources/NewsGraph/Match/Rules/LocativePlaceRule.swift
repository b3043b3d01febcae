/// An unknown capitalized name right after a preposition of place is a place: "a farm near
/// Aisby", "born in Bridgton, Maine", "fighting outside Tavildara".
///
/// Only a name the dictionaries do not know, not a given name, not a word shaped like a
/// language, faith or nationality ("in English", "in Catholicism"), and not a sentence's
/// first word qualifies.
public struct LocativePlaceRule: Rule {
  public init() { source = "rule:\(id)" }

  public let id = "locative-place"
  public let source: String
  public let summary = "'in', 'near', 'outside' ... then an unknown capitalized name"
  public let examples: [RuleExample] = [
    RuleExample("He grew up near «Aisby», a village.", .place, "near + unknown name"),
    RuleExample("Clashes broke out in «Tavildara» on Monday.", .place, "in + unknown name"),
    RuleExample("The talks in English went on.", .place, "a language is no place"),
    RuleExample("He works in Congress now.", .place, "a known institution word"),
  ]

  static let prepositions: WordSet = [
    "in", "near", "outside", "around", "throughout", "nearby",
  ]

  /// Endings of words that are seldom places: languages, faiths, nationalities, abstractions.
  static let nonPlaceEndings = [
    "ish", "ese", "ian", "ism", "ity", "ics", "ment", "ness", "tion", "ing",
  ]

  /// Capitalized words after "in" that are institutions, seasons or works, not places.
  static let notPlaces: WordSet = [
    "Congress", "Parliament", "Court", "Government", "Senate", "Cabinet", "Office", "Power",
    "Spring", "Summer", "Autumn", "Winter", "Fall", "Christmas", "Easter", "Ramadan", "God",
    "Heaven", "Hell", "Time", "Question", "Part", "Chapter", "Section", "Act", "Article", "Book",
    "Volume", "Vol", "Game", "Round", "Group", "Division", "Class", "Grade", "Year", "Week",
    "Day", "Test", "Final", "Finals", "Semi",
  ]

  /// The facts a sentence needs one of for the rule to find anything in it: `RuleCalls` passes
  /// over a sentence without any, and does not call the rule.
  static var sentenceCue: TokenFacts { .locativePreposition }

  public func appendCandidates(in context: SentenceContext, to result: inout [Candidate]) {
    let tokens = context.tokens
    let range = context.range
    guard !context.caseIsWeak, !context.sentenceFacts.isDisjoint(with: Self.sentenceCue) else {
      return
    }
    for i in context.tokens(withAnyOf: .locativePreposition) {
      let start = i + 1
      guard start < range.upperBound, tokens[start].kind == .word, tokens[start].isCapitalized,
        !tokens[start].isAllCaps, context.dictionaryMatch(at: start) == nil,
        !context.isGivenName(at: start),
        context.facts(at: start).isDisjoint(with: [.notName, .notPlace]),
        !NameShape.isTitle(at: start, context)
      else { continue }
      var end = start
      while end < range.upperBound, end - start < 3, tokens[end].kind == .word,
        tokens[end].isCapitalized, !tokens[end].isAllCaps,
        context.dictionaryMatch(at: end) == nil
          || end == start
      {
        end += 1
      }
      guard end > start,
        !LocativePlaceRule.nonPlaceEndings.contains(where: tokens[end - 1].text.hasSuffix),
        !(start..<end).contains(where: {
          context.facts(at: $0).contains(.organizationSuffixHead)
        })
      else { continue }
      result.append(makeCandidate(start..<end, .place, context, priority: 3))
    }
  }
}
