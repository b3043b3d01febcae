/// A pattern that finds names the dictionaries do not list.
///
/// Each rule carries examples: text with the spans it must find marked «like this». One
/// generic test runs the examples of every rule, so a rule documents and checks itself.
public protocol Rule: Sendable {
  /// Kebab-case name, shown by `--explain`.
  var id: String { get }
  /// `rule:` and the id, which the rule's candidates name as their source.
  ///
  /// The built-in rules make it once, when they are made: made for each candidate, it cost more
  /// than the rest of the candidate.
  var source: String { get }
  var summary: String { get }
  var examples: [RuleExample] { get }
  /// Appends the candidates the rule finds in one sentence to `result`.
  ///
  /// The recognizer gathers the candidates of the dictionary and of every rule in one array: a
  /// rule that returned an array of its own made one for each sentence, and the recognizer
  /// copied it into its own.
  func appendCandidates(in context: SentenceContext, to result: inout [Candidate])
}

extension Rule {
  /// Made from the id at each call: a rule that finds many names keeps its own.
  public var source: String { "rule:\(id)" }

  /// The candidates the rule finds in one sentence.
  public func candidates(in context: SentenceContext) -> [Candidate] {
    var result: [Candidate] = []
    appendCandidates(in: context, to: &result)
    return result
  }
}

/// A sentence and the mentions a rule must find in it, marked «like this».
public struct RuleExample: Sendable {
  public var text: String
  public var type: EntityType
  public var explanation: String

  public init(_ text: String, _ type: EntityType, _ explanation: String) {
    self.text = text
    self.type = type
    self.explanation = explanation
  }
}

/// The rules newsgraph runs, in order.
public enum Rules {
  public static let all: [any Rule] = [
    TitledPersonRule(), GivenNamePersonRule(), InitialSurnamePersonRule(),
    AppositiveAgePersonRule(), NationalityResultPersonRule(), OrganizationHeadRule(),
    PlaceHeadRule(), DirectionalPlaceRule(),
    ScoreLineTeamRule(), SportsClubRule(), TeamNicknameRule(), LocativePlaceRule(),
    OrganizationCueRule(), PlaceCueRule(), CreditLineRule(), ArticleNameRule(),
  ]
}

extension Rule {
  func makeCandidate(
    _ tokens: Range<Int>, _ type: EntityType, _ context: SentenceContext, priority: Int
  ) -> Candidate {
    Candidate(
      start: context.tokens[tokens.lowerBound].start,
      end: context.tokens[tokens.upperBound - 1].end, tokens: tokens, sentence: context.index,
      type: type, entity: nil, form: .name, source: source, priority: priority, label: nil,
      entry: nil)
  }
}
