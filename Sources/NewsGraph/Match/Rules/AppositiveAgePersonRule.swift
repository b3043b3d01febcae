/// A name followed by an age in commas or brackets is a person: "Chris Adams, 34, said",
/// "Maria Lopez (27)".
public struct AppositiveAgePersonRule: Rule {
  public init() {}

  public let id = "name-age"
  public let summary = "capitalized name words, then an age between commas or in brackets"
  public let examples: [RuleExample] = [
    RuleExample("Police said «Tom Moody», 31, was held.", .person, "an age between commas"),
    RuleExample("Winner «Ana Lopez» (27) was happy.", .person, "an age in brackets"),
    RuleExample("In Chapter 12, 40 pages on.", .person, "a number that is no age"),
  ]

  public func candidates(in context: SentenceContext) -> [Candidate] {
    let tokens = context.tokens
    let range = context.range
    var result: [Candidate] = []
    for open in range where tokens[open].text == "," || tokens[open].text == "(" {
      let close = open + 2
      guard close < range.upperBound, open > range.lowerBound, tokens[open + 1].kind == .number,
        let age = Int(tokens[open + 1].text), (1...110).contains(age),
        tokens[close].text == (tokens[open].text == "(" ? ")" : ",")
      else { continue }
      // The name ends right before the comma: walk back over name words.
      var start = open
      while start > range.lowerBound, open - start < 4,
        NameShape.isNameWord(tokens[start - 1], allCapsText: context.block.isAllCaps)
          || NameShape.particles.contains(tokens[start - 1].text),
        !NameShape.isTitle(at: start - 1, context)
      {
        start -= 1
      }
      while start < open, NameShape.particles.contains(tokens[start].text) { start += 1 }
      // "Winner Ana Lopez, 27": a capitalized first word of the sentence is seldom part of the
      // name when a given name follows it.
      if start == range.lowerBound, open - start >= 3,
        context.gazetteer.givenNames.contains(tokens[start + 1].text),
        !context.gazetteer.givenNames.contains(tokens[start].text)
      {
        start += 1
      }
      guard open - start >= 2, !context.stopsName(at: start) else { continue }
      result.append(makeCandidate(start..<open, .person, context, priority: 6))
    }
    return result
  }
}
