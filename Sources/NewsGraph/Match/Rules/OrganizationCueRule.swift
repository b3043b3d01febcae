/// A capitalized name after a word of membership or office and "of" is an organization:
/// "the founder of Konami", "chairman of Datecs", "a member of Linkin Park".
///
/// Only names the dictionaries do not know: "president of France" stays a country.
public struct OrganizationCueRule: Rule {
  public init() {}

  public let id = "organization-cue"
  public let summary =
    "'founder of', 'chairman of', 'member of' ... then an unknown capitalized name"
  public let examples: [RuleExample] = [
    RuleExample("He is the founder of «Datecs» and more.", .organization, "founder of"),
    RuleExample("a former member of «Linkin Park», he said.", .organization, "member of a band"),
    RuleExample("the president of France said.", .organization, "a known country stays one"),
    RuleExample("the chairman of the board said.", .organization, "lower case is no name"),
  ]

  static let cues: Set<String> = [
    "founder", "founders", "co-founder", "member", "members", "president", "chairman",
    "chairwoman", "chairperson", "CEO", "executive", "head", "director", "spokesman",
    "spokeswoman", "spokesperson", "employee", "employees", "shareholder", "shareholders",
    "subsidiary", "division", "owner", "owners", "unit", "manager", "captain", "coach",
    "leader", "leaders", "officials", "official", "staff", "chief", "partner", "guitarist",
    "singer", "drummer", "bassist", "frontman", "vocalist", "lineup", "line-up",
  ]

  public func candidates(in context: SentenceContext) -> [Candidate] {
    let tokens = context.tokens
    let range = context.range
    guard !context.caseIsWeak else { return [] }
    var result: [Candidate] = []
    for i in range where OrganizationCueRule.cues.contains(tokens[i].text) {
      guard i + 2 < range.upperBound, tokens[i + 1].text == "of" else { continue }
      var start = i + 2
      if tokens[start].text == "the" { start += 1 }
      guard start < range.upperBound, tokens[start].kind == .word, tokens[start].isCapitalized,
        context.dictionaryMatch(at: start) == nil,
        !NameShape.isFunctionWord(tokens[start].text),
        !context.gazetteer.givenNames.contains(tokens[start].text)
      else { continue }
      var end = start
      while end < range.upperBound, end - start < 4, tokens[end].kind == .word,
        tokens[end].isCapitalized, !NameShape.isFunctionWord(tokens[end].text),
        end == start || context.dictionaryMatch(at: end) == nil
      {
        end += 1
      }
      if end < range.upperBound, tokens[end].kind == .word, tokens[end].isCapitalized { continue }
      result.append(makeCandidate(start..<end, .organization, context, priority: 3))
    }
    return result
  }
}
