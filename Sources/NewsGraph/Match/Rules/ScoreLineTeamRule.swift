/// In a line of results or standings, a place name followed by a score names a team, which is
/// an organization: "Chicago 4 Houston 3", "CLEVELAND 80 53 .602", "Warwickshire 195, Surrey
/// 429-7"; and so are both sides of a fixture line, "KANSAS CITY AT DETROIT".
///
/// A data line holds two or more numbers and few lower-case words. Countries are left alone
/// (national sides read as their country); so are names that start with an initial or a given
/// name (players in a scorecard).
public struct ScoreLineTeamRule: Rule {
  public init() { source = "rule:\(id)" }

  public let id = "score-line-team"
  public let source: String
  public let summary = "a place or name followed by a score in a results line is a team"
  public let examples: [RuleExample] = [
    RuleExample("«Chicago» 4 «Houston» 3", .organization, "a result"),
    RuleExample(
      "«Cleveland» 8 «Texas» 3", .organization, "a result with places the dictionary knows"),
    RuleExample("«CLEVELAND» 80 53 .602 -", .organization, "a standings row"),
    RuleExample("«KANSAS CITY» AT «DETROIT»", .organization, "a fixture"),
    RuleExample(
      "Prices in Chicago rose 4 percent in May, and 3 percent in June.", .organization,
      "prose with numbers is no results line"),
    RuleExample("LONDON 1996-08-30", .organization, "a dateline is no result"),
  ]

  /// The facts a sentence needs one of for the rule to find anything in it: a fixture's word
  /// between its sides, or the numbers of a results line. `RuleCalls` passes over a sentence
  /// without any, and does not call the rule.
  static var sentenceCue: TokenFacts { [.fixtureWord, .number] }

  public func appendCandidates(in context: SentenceContext, to result: inout [Candidate]) {
    let tokens = context.tokens
    let range = context.range
    guard context.block.range.lowerBound == tokens[range.lowerBound].start || range.count < 40
    else {
      return
    }
    if appendFixtureSides(context, to: &result) { return }
    // Most sentences have fewer than two numbers: count them before comparing words with "and".
    var numbers = 0
    for i in range where tokens[i].kind == .number { numbers += 1 }
    guard numbers >= 2 else { return }
    var lowercase = 0
    var words = 0
    for i in range where tokens[i].kind == .word {
      words += 1
      // "and" is the one word with a lower-case letter among the segment starts: its fact tells
      // it without comparing the text.
      if tokens[i].isLowercase && !context.facts(at: i).contains(.segmentStart) { lowercase += 1 }
    }
    guard lowercase * 5 <= words else { return }
    var i = range.lowerBound
    while i < range.upperBound {
      guard startsSegment(i, context), let span = teamName(at: i, context),
        span.upperBound < range.upperBound, isScore(tokens[span.upperBound])
      else {
        i += 1
        continue
      }
      result.append(makeCandidate(span, .organization, context, priority: 12))
      i = span.upperBound
    }
  }

  /// "A AT B", "A v B": the whole sentence is two names and a word between. Appends the two
  /// sides and returns true when it is one.
  private func appendFixtureSides(
    _ context: SentenceContext, to result: inout [Candidate]
  ) -> Bool {
    let range = context.range
    guard context.sentenceFacts.contains(.fixtureWord),
      let middle = range.first(where: { context.facts(at: $0).contains(.fixtureWord) }),
      middle > range.lowerBound,
      // A side is at most four words, or a place the dictionary knows: most sentences with "at"
      // go on too long after it for a side, and the left one is not looked for.
      range.upperBound - (middle + 1) <= 4 || context.dictionaryMatch(at: middle + 1) != nil,
      let left = teamName(at: range.lowerBound, context), left.upperBound == middle,
      let right = teamName(at: middle + 1, context), right.upperBound == range.upperBound
    else { return false }
    result.append(makeCandidate(left, .organization, context, priority: 12))
    result.append(makeCandidate(right, .organization, context, priority: 12))
    return true
  }

  /// A dictionary place (not a country), or capitalized words the dictionary does not know.
  private func teamName(at i: Int, _ context: SentenceContext) -> Range<Int>? {
    let tokens = context.tokens
    guard i < context.range.upperBound, tokens[i].kind == .word, tokens[i].isCapitalized,
      !context.facts(at: i).contains(.initial)
    else { return nil }
    // "Jeff Smith 69" in a scorecard is a player: a given name before another name word.
    if context.isGivenName(at: i), i + 1 < context.range.upperBound,
      NameShape.isNameWord(at: i + 1, context)
    {
      return nil
    }
    if let match = context.dictionaryMatch(at: i) {
      guard match.entry.type == .place else { return nil }
      return i..<(i + match.length)
    }
    // In capitals any word looks like a name: only known places are teams there.
    if tokens[i].endsInPeriodScalar && tokens[i].text.hasSuffix(".") {
      return nil
    }
    var end = i
    while end < context.range.upperBound, end - i < 4, tokens[end].kind == .word,
      tokens[end].isCapitalized, !NameShape.isFunctionWord(at: end, context),
      // The hyphen fact first: a text with no hyphen byte has no hyphen.
      !(context.facts(at: end).contains(.hyphen) && tokens[end].text.contains("-")),
      !context.facts(at: end).contains(.capitalFixtureWord)
    {
      end += 1
    }
    return end > i ? i..<end : nil
  }

  private func startsSegment(_ i: Int, _ context: SentenceContext) -> Bool {
    if i == context.range.lowerBound { return true }
    let previous = context.tokens[i - 1]
    if previous.kind == .number { return true }
    return context.facts(at: i - 1).contains(.segmentStart)
  }

  // The word lists are tested on every token of a sentence: built once, not per token.

  /// The word between the two sides of a fixture.
  static let fixtureWords: WordSet = ["AT", "at", "v", "v.", "vs", "vs."]
  /// Fixture words in capitals, which end a team name.
  static let capitalFixtureWords: WordSet = ["AT", "V", "VS"]
  /// What comes before a team name in a results line, besides a number.
  static let segmentStarts: WordSet = [",", ";", ":", "(", "and", "-"]

  /// A score: a whole number of at most three digits, or a cricket score like "429-7".
  private func isScore(_ token: Token) -> Bool {
    guard token.kind == .number else { return false }
    // Most scores are one to three ASCII digits: their bytes answer without splitting the text.
    let utf8 = token.text.utf8
    if utf8.count <= 3, utf8.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) { return !utf8.isEmpty }
    // Any other ASCII number is split on its bytes, each a character, into the parts `split`
    // finds (no empty ones), and each part read as `Int` reads it, without a string for it.
    let answer = utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      var parts = 0
      var start = 0
      for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "-") {
        defer { start = end + 1 }
        guard end > start else { continue }
        parts += 1
        guard parts <= 2, end - start <= 3, Self.isInteger(bytes[start..<end]) else { return false }
      }
      return parts > 0
    }
    if let known = answer ?? nil { return known }
    let parts = token.text.split(separator: "-")
    return (1...2).contains(parts.count) && parts.allSatisfy { $0.count <= 3 && Int($0) != nil }
  }

  /// Whether `Int` reads the ASCII bytes, which hold no "-": digits, after a "+" or not.
  private static func isInteger(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    let digits = bytes.first == UInt8(ascii: "+") ? bytes.dropFirst() : bytes
    return !digits.isEmpty && digits.allSatisfy { $0 &- UInt8(ascii: "0") < 10 }
  }
}
