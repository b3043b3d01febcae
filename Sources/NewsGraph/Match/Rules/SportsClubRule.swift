/// A club word before a city is a sports club: "Real Madrid", "Dynamo Moscow", "Inter Milan",
/// "Standard Liege", "FC Basel", "Sporting Lisbon".
///
/// The club words are the naming conventions of European sport; the city must be a place the
/// dictionary knows, so "Real estate" or "Standard Chartered" are left alone.
public struct SportsClubRule: Rule {
  public init() { source = "rule:\(id)" }

  public let id = "sports-club"
  public let source: String
  public let summary = "a club word (Real, Dynamo, FC ...) before a known city"
  public let examples: [RuleExample] = [
    RuleExample(
      "«Real Madrid» beat «Dynamo Moscow» 2-1.", .organization, "club words before cities"),
    RuleExample("the «FC Basel» coach said.", .organization, "FC before a city"),
    RuleExample("Real wages in Madrid fell.", .organization, "a club word not followed by a city"),
  ]

  static let clubWords: WordSet = [
    "FC", "AC", "AS", "SC", "CF", "CD", "SV", "VfB", "VfL", "TSV", "SSC", "US", "Real", "Dynamo",
    "Dinamo", "Sporting", "Olympique", "Olympiakos", "Inter", "Internazionale", "Atletico",
    "Athletic", "Spartak", "Lokomotiv", "CSKA", "Torpedo", "Standard", "Racing", "Borussia",
    "Eintracht", "Fortuna", "Hertha", "Werder", "Bayer", "Partizan", "Slavia", "Sparta", "Legia",
    "Wisla", "Steaua", "Rapid", "Austria", "Zenit", "Shakhtar", "Dnipro", "Metalist",
    "Universitatea",
    "Hapoel", "Maccabi", "Beitar", "Galatasaray", "Union", "Hajduk", "Vitesse", "Roda",
    "Sturm", "Admira", "Ferencvaros", "Honved", "Ujpest", "Zalgiris", "Skonto", "Levski",
  ]

  /// The facts a sentence needs one of for the rule to find anything in it: `RuleCalls` passes
  /// over a sentence without any, and does not call the rule.
  static var sentenceCue: TokenFacts { [.clubWord, .allCaps] }

  public func appendCandidates(in context: SentenceContext, to result: inout [Candidate]) {
    let tokens = context.tokens
    // A club word or a word in capitals, before a place the dictionary knows.
    guard !context.sentenceFacts.isDisjoint(with: Self.sentenceCue),
      context.sentenceFacts.contains(.phrase)
    else { return }
    for i in context.range where tokens[i].kind == .word && tokens[i].isCapitalized {
      let next = i + 1
      let isAllCaps = tokens[i].isAllCaps
      // Cheapest first: the club-word fact of a word, then the dictionary's entry after it, which
      // is made when asked for; a word in capitals is tested in another form, made as a new
      // string, only when a city follows it.
      guard next < context.range.upperBound,
        isAllCaps || context.facts(at: i).contains(.clubWord),
        let match = context.dictionaryMatch(at: next), match.entry.type == .place,
        !isAllCaps || SportsClubRule.clubWords.contains(clubForm(tokens[i].text))
      else { continue }
      result.append(makeCandidate(i..<(next + match.length), .organization, context, priority: 9))
    }
  }

  /// "REAL" in a headline in capitals is "Real".
  private func clubForm(_ word: String) -> String {
    guard word.count > 3, word.uppercased() == word, let first = word.first else { return word }
    return String(first) + word.dropFirst().lowercased()
  }
}
