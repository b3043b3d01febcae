/// A name followed by an age in commas or brackets is a person: "Chris Adams, 34, said",
/// "Maria Lopez (27)".
public struct AppositiveAgePersonRule: Rule {
  public init() { source = "rule:\(id)" }

  public let id = "name-age"
  public let source: String
  public let summary = "capitalized name words, then an age between commas or in brackets"
  public let examples: [RuleExample] = [
    RuleExample("Police said «Tom Moody», 31, was held.", .person, "an age between commas"),
    RuleExample("Winner «Ana Lopez» (27) was happy.", .person, "an age in brackets"),
    RuleExample("In Chapter 12, 40 pages on.", .person, "a number that is no age"),
    RuleExample("«Eduard Hitzig» (born 1839) was a doctor.", .person, "a birth in brackets"),
    RuleExample("«Carlo Citrone» (1920-2001) played.", .person, "a life span in brackets"),
  ]

  /// The facts a sentence needs one of for the rule to find anything in it: an age is a number,
  /// and a life is in brackets. `RuleCalls` passes over a sentence without any, and does not
  /// call the rule.
  static var sentenceCue: TokenFacts { [.number, .openingBracket] }

  /// The marks an age or a life follows: a sentence needs one of them too.
  private static var marks: TokenFacts { [.comma, .openingBracket] }

  public func appendCandidates(in context: SentenceContext, to result: inout [Candidate]) {
    let tokens = context.tokens
    let range = context.range
    guard !context.sentenceFacts.isDisjoint(with: Self.sentenceCue),
      !context.sentenceFacts.isDisjoint(with: Self.marks)
    else { return }
    for open in context.tokens(withAnyOf: Self.marks) {
      let facts = context.facts(at: open)
      let close = open + 2
      guard close < range.upperBound, open > range.lowerBound else { continue }
      let isBracket = facts.contains(.openingBracket)
      // The token after the mark is read where it is: a copy retained its text at every comma.
      let next = open + 1
      let isNumber = tokens[next].kind == .number
      // An age is a number, and so is a life after a comma: most commas have a word after them.
      guard isBracket || isNumber else { continue }
      // "Eduard Hitzig (born 6 February 1839", "John Smith (1920-2001)": a life in brackets.
      let life = isBracket && (Self.birthWords.contains(tokens[next].text) || isYear(tokens[next]))
      // The closing mark by its one byte (`Token.asciiCharacter`), not by comparing its text.
      let age =
        isNumber && Int(tokens[next].text).map { (1...110).contains($0) } == true
        && tokens[close].asciiCharacter == UInt8(ascii: isBracket ? ")" : ",")
      guard life || age else { continue }
      // The name ends right before the comma: walk back over name words.
      var start = open
      while start > range.lowerBound, open - start < 4,
        NameShape.isNameWord(at: start - 1, context)
          || context.facts(at: start - 1).contains(.particle),
        !NameShape.isTitle(at: start - 1, context)
      {
        start -= 1
      }
      while start < open, context.facts(at: start).contains(.particle) { start += 1 }
      // "Winner Ana Lopez, 27": a capitalized first word of the sentence is seldom part of the
      // name when a given name follows it.
      if start == range.lowerBound, open - start >= 3,
        context.isGivenName(at: start + 1),
        !context.isGivenName(at: start)
      {
        start += 1
      }
      guard open - start >= 2, !context.stopsName(at: start) else { continue }
      result.append(makeCandidate(start..<open, .person, context, priority: 6))
    }
  }

  /// The words that start a life in brackets: "(born 1839", "(née Smith".
  static let birthWords = ["born", "b.", "née", "nee"]

  /// "1839", "1920-2001", "1950–": a year of birth or a span of years.
  private func isYear(_ token: Token) -> Bool {
    guard token.kind == .number else { return false }
    // An ASCII number that starts with a digit is read on its bytes, each a character: its
    // first part is the bytes before its first hyphen, and a year four digits of them.
    let answer = token.text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      guard let first = bytes.first, first &- UInt8(ascii: "0") < 10,
        bytes.allSatisfy({ $0 < 0x80 })
      else { return nil }
      guard (bytes.firstIndex(of: UInt8(ascii: "-")) ?? bytes.count) == 4 else { return false }
      var year = 0
      for byte in bytes[..<4] {
        guard byte &- UInt8(ascii: "0") < 10 else { return false }
        year = year * 10 + Int(byte &- UInt8(ascii: "0"))
      }
      return (1000...2100).contains(year)
    }
    if let known = answer ?? nil { return known }
    guard let first = token.text.split(separator: "-").first,
      first.count == 4, let year = Int(first)
    else { return false }
    return (1000...2100).contains(year)
  }
}
