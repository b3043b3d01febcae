/// The rules as the recognizer calls them for each sentence: a built-in rule by its own type,
/// any other through `any Rule`.
///
/// The recognizer calls every rule once for each sentence, sixteen calls a sentence. Through
/// `any Rule` each call first found the rule's value in the existential's box and went through
/// the protocol's witness; a built-in rule's method is called directly, on a value of the rule
/// kept here. Built-in rules take no configuration, so that value is the same rule as the one
/// the caller gave.
///
/// A built-in rule that finds nothing in a sentence without some facts (`sentenceCue`) is not
/// called for such a sentence, most sentences for most rules: the call cost more than the test
/// of the sentence's facts the rule begins with.
struct RuleCalls: Sendable {
  /// Which rule the call at a position is: a built-in one, or the rule at an index of `others`.
  private enum Call {
    case titledPerson
    case givenNamePerson
    case initialSurnamePerson
    case appositiveAgePerson
    case nationalityResultPerson
    case organizationHead
    case placeHead
    case directionalPlace
    case scoreLineTeam
    case sportsClub
    case teamNickname
    case locativePlace
    case organizationCue
    case placeCue
    case creditLine
    case articleName
    case other(Int)
  }

  /// Each call, with the facts a sentence needs one of for it to be made; none where it is
  /// always made.
  private let calls: [(call: Call, cue: TokenFacts)]
  /// The rules of other types, such as a caller's own.
  private let others: [any Rule]
  private let titledPerson = TitledPersonRule()
  private let givenNamePerson = GivenNamePersonRule()
  private let initialSurnamePerson = InitialSurnamePersonRule()
  private let appositiveAgePerson = AppositiveAgePersonRule()
  private let nationalityResultPerson = NationalityResultPersonRule()
  private let organizationHead = OrganizationHeadRule()
  private let placeHead = PlaceHeadRule()
  private let directionalPlace = DirectionalPlaceRule()
  private let scoreLineTeam = ScoreLineTeamRule()
  private let sportsClub = SportsClubRule()
  private let teamNickname = TeamNicknameRule()
  private let locativePlace = LocativePlaceRule()
  private let organizationCue = OrganizationCueRule()
  private let placeCue = PlaceCueRule()
  private let creditLine = CreditLineRule()
  private let articleName = ArticleNameRule()

  init(_ rules: [any Rule]) {
    var others: [any Rule] = []
    calls = rules.map { rule in
      switch rule {
      case is TitledPersonRule: return (.titledPerson, TitledPersonRule.sentenceCue)
      case is GivenNamePersonRule: return (.givenNamePerson, [])
      case is InitialSurnamePersonRule:
        return (.initialSurnamePerson, InitialSurnamePersonRule.sentenceCue)
      case is AppositiveAgePersonRule:
        return (.appositiveAgePerson, AppositiveAgePersonRule.sentenceCue)
      case is NationalityResultPersonRule:
        return (.nationalityResultPerson, NationalityResultPersonRule.sentenceCue)
      case is OrganizationHeadRule: return (.organizationHead, OrganizationHeadRule.sentenceCue)
      case is PlaceHeadRule: return (.placeHead, PlaceHeadRule.sentenceCue)
      case is DirectionalPlaceRule: return (.directionalPlace, DirectionalPlaceRule.sentenceCue)
      case is ScoreLineTeamRule: return (.scoreLineTeam, ScoreLineTeamRule.sentenceCue)
      case is SportsClubRule: return (.sportsClub, SportsClubRule.sentenceCue)
      case is TeamNicknameRule: return (.teamNickname, TeamNicknameRule.sentenceCue)
      case is LocativePlaceRule: return (.locativePlace, LocativePlaceRule.sentenceCue)
      case is OrganizationCueRule: return (.organizationCue, OrganizationCueRule.sentenceCue)
      case is PlaceCueRule: return (.placeCue, PlaceCueRule.sentenceCue)
      case is CreditLineRule: return (.creditLine, [])
      case is ArticleNameRule: return (.articleName, ArticleNameRule.sentenceCue)
      default:
        others.append(rule)
        return (.other(others.count - 1), [])
      }
    }
    self.others = others
  }

  /// Appends the candidates of every rule, in order, for one sentence.
  func appendCandidates(in context: SentenceContext, to result: inout [Candidate]) {
    for (call, cue) in calls {
      if !cue.isEmpty, context.sentenceFacts.isDisjoint(with: cue) { continue }
      switch call {
      case .titledPerson: titledPerson.appendCandidates(in: context, to: &result)
      case .givenNamePerson: givenNamePerson.appendCandidates(in: context, to: &result)
      case .initialSurnamePerson: initialSurnamePerson.appendCandidates(in: context, to: &result)
      case .appositiveAgePerson: appositiveAgePerson.appendCandidates(in: context, to: &result)
      case .nationalityResultPerson:
        nationalityResultPerson.appendCandidates(in: context, to: &result)
      case .organizationHead: organizationHead.appendCandidates(in: context, to: &result)
      case .placeHead: placeHead.appendCandidates(in: context, to: &result)
      case .directionalPlace: directionalPlace.appendCandidates(in: context, to: &result)
      case .scoreLineTeam: scoreLineTeam.appendCandidates(in: context, to: &result)
      case .sportsClub: sportsClub.appendCandidates(in: context, to: &result)
      case .teamNickname: teamNickname.appendCandidates(in: context, to: &result)
      case .locativePlace: locativePlace.appendCandidates(in: context, to: &result)
      case .organizationCue: organizationCue.appendCandidates(in: context, to: &result)
      case .placeCue: placeCue.appendCandidates(in: context, to: &result)
      case .creditLine: creditLine.appendCandidates(in: context, to: &result)
      case .articleName: articleName.appendCandidates(in: context, to: &result)
      case .other(let index): others[index].appendCandidates(in: context, to: &result)
      }
    }
  }
}
