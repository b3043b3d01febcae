/// In a photo credit ("REUTERS/Alexei Druzhinin", "Photo: Jane Doe/AFP"), a part between
/// slashes made of two or three capitalized words is a photographer, and a part in capitals
/// that the dictionary lacks is an agency.
public struct CreditLineRule: Rule {
  public init() { source = "rule:\(id)" }

  public let id = "credit-line"
  public let source: String
  public let summary = "names between the slashes of a photo credit line"
  public let examples: [RuleExample] = [
    RuleExample("XINHUANET/«Alexei Druzhinin»", .person, "a photographer after an agency"),
    RuleExample("Jane Doe/«ZUMAPRESS»", .organization, "an unknown agency in capitals"),
    RuleExample("«Jane Doe»/ZUMAPRESS", .person, "a photographer before an agency"),
    RuleExample(
      "He said the price rose 5/6 of a point.", .person, "prose with a slash is no credit"),
  ]

  public func appendCandidates(in context: SentenceContext, to result: inout [Candidate]) {
    guard context.block.kind == .credit else { return }
    let tokens = context.tokens
    var partStart = context.range.lowerBound
    for i in context.range.lowerBound...context.range.upperBound {
      let isSeparator =
        i == context.range.upperBound
        || (tokens[i].kind == .punctuation
          && ["/", ":", ",", ";", "|", "(", ")"].contains(tokens[i].text))
      guard isSeparator else { continue }
      defer { partStart = i + 1 }
      let part = partStart..<i
      guard !part.isEmpty, context.dictionaryMatch(at: part.lowerBound) == nil else { continue }
      let words = part.map { tokens[$0] }
      if (2...3).contains(words.count),
        words.allSatisfy({
          $0.isCapitalized && !$0.isAllCaps && !NameShape.notNames.contains($0.text)
        })
      {
        result.append(makeCandidate(part, .person, context, priority: 5))
      } else if words.count == 1, words[0].isAllCaps, words[0].text.unicodeScalars.count >= 3,
        !NameShape.notNames.contains(words[0].text)
      {
        result.append(makeCandidate(part, .organization, context, priority: 5))
      }
    }
  }
}
