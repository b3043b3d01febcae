/// Capitalized words ending in an organization head are an organization: "The Moscow Times",
/// "Russian Defense Ministry", "Acme Corp."; a head with "of" takes the name after it:
/// "Ministry of Defence", "Bank of England", "University of Cairo".
public struct OrganizationHeadRule: Rule {
  public init() { source = "rule:\(id)" }

  public let id = "organization-head"
  public let source: String
  public let summary =
    "capitalized words with an organization head word (Times, Ministry, Bank ...)"
  public let examples: [RuleExample] = [
    RuleExample(
      "as The «Moscow Times» reports.", .organization, "a newspaper name; 'The' is left out"),
    RuleExample(
      "said the «Ministry of Defence» in a statement.", .organization, "head + of + name"),
    RuleExample("shares of «Acme Holdings» fell.", .organization, "a company suffix"),
    RuleExample("the times are changing.", .organization, "lower case is not a name"),
    RuleExample(
      "The «Russian Defense Ministry» said.", .organization, "a nationality and an office"),
    RuleExample(
      "On Monday Times Square was full.", .organization, "a weekday does not start a name"),
    RuleExample(
      "at the «Department of Physics and Astronomy» of", .organization, "two fields after 'of'"),
    RuleExample(
      "the «Ministry of Defence» and «Foreign Ministry» met", .organization,
      "'and' before another name"),
    RuleExample(
      "He joined the «Hockey Hall of Fame» and the «Quellish Air Force».", .organization,
      "Hall of Fame; Force"),
  ]

  /// Heads that end a name ("Moscow Times").
  static let suffixHeads: WordSet = [
    "Times", "Post", "Journal", "Herald", "Tribune", "Gazette", "Telegraph", "Chronicle",
    "Observer", "Agency", "Ministry", "Bank", "University", "College", "Institute", "Party",
    "Council", "Commission", "Committee", "Corporation", "Corp.", "Corp", "Inc.", "Inc", "Ltd.",
    "Ltd", "LLC", "PLC", "Plc", "Group", "Company", "Co.", "Association", "Federation", "Union",
    "Foundation", "Organization", "Organisation", "Army", "Navy", "Forces", "Court", "Parliament",
    "Congress", "Assembly", "Front", "Movement", "Brigade", "Brigades", "Club", "FC", "Airlines",
    "Airways", "Motors", "Holdings", "Industries", "Bureau", "Department", "Authority", "Fund",
    "Trust", "Society", "Network", "Broadcasting", "Media", "Studios", "Petroleum", "Bancorp",
    "Systems", "Technologies", "Pharmaceuticals", "Insurance", "Securities", "Exchange",
    "Institution", "Academy", "Alliance", "Coalition", "League", "Guard", "Police", "Service",
    "Railroad", "Railway", "Railways", "Band", "Orchestra", "Choir", "Hospital", "Museum",
    "Lottery", "Diocese", "Church", "Corps", "Regiment", "Battalion", "Division", "Navy",
    "Records", "Studio", "Magazine", "Newspaper", "Daily", "Weekly", "Review", "Radio",
    "Television", "TV", "Channel", "Press", "Publishing", "Publications", "Capital", "Partners",
    "Ventures", "Enterprises", "Foods", "Brewery", "Energy", "Oil", "Gas", "Steel", "Mining",
    "Telecom", "Communications", "Electric", "Electronics", "Software", "Labs", "Laboratories",
    "Hotel", "Hotels", "Resorts", "Casino", "Cinema", "Theatre", "Theater", "Centre", "Center",
    "Board", "Council", "Senate", "Cabinet", "Secretariat", "Tribunal", "Commissioner",
    "Newsroom", "Desk", "United", "Rovers", "Rangers", "Wanderers", "Athletic", "Albion",
    "Hotspur", "Athletico", "FC", "F.C.", "SC", "AC", "Force", "Command",
  ]

  /// Heads that take "of" and a name ("Ministry of Defence").
  static let ofHeads: WordSet = [
    "Ministry", "Department", "University", "Bank", "Council", "Court", "Institute", "Academy",
    "Federation", "Union", "Organization", "Organisation", "Commission", "Board", "Chamber",
    "Church", "League", "Party", "Association", "Office", "Museum", "College", "School", "Order",
  ]

  /// The facts a sentence needs one of for the rule to find anything in it: `RuleCalls` passes
  /// over a sentence without any, and does not call the rule. A sentence without a head word
  /// may still hold "Hall of Fame".
  static var sentenceCue: TokenFacts { [.organizationSuffixHead, .organizationOfHead, .hall] }

  public func appendCandidates(in context: SentenceContext, to result: inout [Candidate]) {
    let tokens = context.tokens
    let range = context.range
    guard !context.sentenceFacts.isDisjoint(with: Self.sentenceCue) else { return }
    var i = range.lowerBound
    while i < range.upperBound {
      // The tokens that are no head, most, are passed over at once.
      i = context.firstToken(from: i, withAnyOf: Self.sentenceCue)
      guard i < range.upperBound else { break }
      let facts = context.facts(at: i)
      let isHallOfFame = isHallOfFame(at: i, context)
      let isSuffix = facts.contains(.organizationSuffixHead) || isHallOfFame
      let isOf = facts.contains(.organizationOfHead)
      guard isSuffix || isOf else {
        i += 1
        continue
      }
      // Capitalized words before the head.
      var start = i
      while start > range.lowerBound {
        let previous = tokens[start - 1]
        guard previous.kind == .word, previous.isCapitalized,
          !context.facts(at: start - 1).contains(.functionWord), !previous.hasLowercaseSuffix,
          !context.caseIsWeak || context.dictionaryMatch(at: start - 1) != nil
        else { break }
        start -= 1
      }
      // "of" and a capitalized name after the head.
      var end = isHallOfFame ? i + 3 : i + 1
      if isOf, end + 1 < range.upperBound, tokens[end].text == "of" {
        var cursor = end + 1
        if cursor < range.upperBound, tokens[cursor].text == "the" { cursor += 1 }
        var last = capitalizedRun(from: cursor, context)
        // "Department of Physics and Astronomy": a second field joined by "and", unless it is
        // another name ("Ministry of Defence and Foreign Ministry", "... and Egypt").
        if last > cursor, last + 1 < range.upperBound,
          tokens[last].text == "and" || tokens[last].text == "&"
        {
          let second = capitalizedRun(from: last + 1, context)
          let words = (last + 1)..<second
          if !words.isEmpty, context.dictionaryMatch(at: last + 1) == nil,
            !words.contains(where: {
              !context.facts(at: $0).isDisjoint(with: [
                .organizationSuffixHead, .organizationOfHead,
              ])
            })
          {
            last = second
          }
        }
        if last > cursor { end = last }
      }
      // "George Washington University Hospital": heads may follow one another.
      while end < range.upperBound, context.facts(at: end).contains(.organizationSuffixHead) {
        end += 1
      }
      if start < i || end > i + 1 {
        result.append(makeCandidate(start..<end, .organization, context, priority: 7))
      }
      i = end
    }
  }

  /// "Hockey Hall of Fame": a head of three words at token `i`.
  private func isHallOfFame(at i: Int, _ context: SentenceContext) -> Bool {
    let tokens = context.tokens
    // Its fact first: most words are not "Hall".
    return context.facts(at: i).contains(.hall)
      && i + 2 < context.range.upperBound && tokens[i + 1].text == "of"
      && tokens[i + 2].text == "Fame"
  }

  /// The end of the capitalized words that start at `start` (no function words).
  private func capitalizedRun(from start: Int, _ context: SentenceContext) -> Int {
    let tokens = context.tokens
    var last = start
    while last < context.range.upperBound, tokens[last].kind == .word,
      tokens[last].isCapitalized, !context.facts(at: last).contains(.functionWord)
    {
      last += 1
    }
    return last
  }
}
