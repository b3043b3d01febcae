/// A capitalized name after a word of membership or office and "of" is an organization:
/// "the founder of Konami", "chairman of Datecs", "a member of Linkin Park".
///
/// Only names the dictionaries do not know: "president of France" stays a country.
public struct OrganizationCueRule: Rule {
  public init() { source = "rule:\(id)" }

  public let id = "organization-cue"
  public let source: String
  public let summary =
    "'founder of', 'chairman of', 'member of' ... then an unknown capitalized name"
  public let examples: [RuleExample] = [
    RuleExample("He is the founder of «Datecs» and more.", .organization, "founder of"),
    RuleExample("a former member of «Linkin Park», he said.", .organization, "member of a band"),
    RuleExample("the president of France said.", .organization, "a known country stays one"),
    RuleExample("the chairman of the board said.", .organization, "lower case is no name"),
    RuleExample(
      "He joined the band «Quillfeather Drive» in 2006.", .organization,
      "a kind of organization before its name"),
  ]

  static let cues: WordSet = [
    "founder", "founders", "co-founder", "member", "members", "president", "chairman",
    "chairwoman", "chairperson", "CEO", "executive", "head", "director", "spokesman",
    "spokeswoman", "spokesperson", "employee", "employees", "shareholder", "shareholders",
    "subsidiary", "division", "owner", "owners", "unit", "manager", "captain", "coach",
    "leader", "leaders", "officials", "official", "staff", "chief", "partner", "guitarist",
    "singer", "drummer", "bassist", "frontman", "vocalist", "lineup", "line-up",
  ]

  /// Nouns that name a kind of organization, written before its name: "the band Linkin Park",
  /// "the firm Datecs", "the newspaper Zycie Warszawy".
  static let kinds: WordSet = [
    "band", "group", "label", "company", "firm", "club", "team", "newspaper", "magazine",
    "daily", "weekly", "station", "broadcaster", "network", "party", "organisation",
    "organization", "agency", "airline", "carrier", "bank", "insurer", "retailer", "chain",
    "publisher", "studio", "developer", "manufacturer", "maker", "brewer", "lender", "charity",
    "union", "school", "university", "college", "orchestra", "ensemble", "trio", "quartet",
  ]

  /// The articles before a kind of organization, in any case.
  static let articles: WordSet = ["the", "a", "an"]

  /// The facts a sentence needs one of for the rule to find anything in it: `RuleCalls` passes
  /// over a sentence without any, and does not call the rule.
  static var sentenceCue: TokenFacts { [.organizationCue, .organizationKind] }

  public func appendCandidates(in context: SentenceContext, to result: inout [Candidate]) {
    let tokens = context.tokens
    let range = context.range
    guard !context.caseIsWeak,
      !context.sentenceFacts.isDisjoint(with: Self.sentenceCue)
    else { return }
    for i in context.tokens(withAnyOf: Self.sentenceCue) {
      let facts = context.facts(at: i)
      let isCueOf = facts.contains(.organizationCue)
      let isKind =
        facts.contains(.organizationKind) && i > range.lowerBound
        && (NameShape.contains(Self.articles, lowercased: tokens[i - 1].text, keepingFirst: false)
          ?? Self.articles.contains(tokens[i - 1].text.lowercased()))
      guard isCueOf || isKind else { continue }
      var start: Int
      if isCueOf {
        guard i + 2 < range.upperBound, tokens[i + 1].text == "of" else { continue }
        start = i + 2
      } else {
        start = i + 1
      }
      guard start < range.upperBound else { continue }
      if tokens[start].text == "the" { start += 1 }
      guard start < range.upperBound, tokens[start].kind == .word, tokens[start].isCapitalized,
        context.dictionaryMatch(at: start) == nil,
        !NameShape.isFunctionWord(at: start, context),
        !context.isGivenName(at: start)
      else { continue }
      var end = start
      while end < range.upperBound, end - start < 4, tokens[end].kind == .word,
        tokens[end].isCapitalized, !NameShape.isFunctionWord(at: end, context),
        end == start || context.dictionaryMatch(at: end) == nil
      {
        end += 1
      }
      if end < range.upperBound, tokens[end].kind == .word, tokens[end].isCapitalized { continue }
      result.append(makeCandidate(start..<end, .organization, context, priority: 3))
    }
  }
}
