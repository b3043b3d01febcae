/// "a report by The Poker Channel", "members of The Scout Association": inside a sentence, a
/// capitalized "The" right before an organization's name is part of the name, as the
/// organization writes it. The entity stays the one without the article (the resolver drops a
/// leading "The" from ids), so "The Scout Association" and "Scout Association" are one node.
///
/// At a sentence's start, after an opening quote, bracket, colon or dash, and in headlines
/// (capitals or title case) the capital says nothing, and the name is left as it is.
public struct ArticleInNameExtender: Sendable {
  public init() {}

  /// Tokens after which a capital starts a sentence-like unit.
  static let openers: WordSet = [
    "\"", "“", "‘", "'", "(", "[", ":", ";", "-", "–", "—", "--", "«",
  ]

  /// - Parameter weakCase: whether case says nothing in a sentence (a headline).
  public func extend(
    _ kept: [Candidate], tokens: [Token], sentenceOfToken: [Int], weakCase: (Int) -> Bool
  ) -> [Candidate] {
    var result = kept
    var covered = Set<Int>()
    for candidate in kept { covered.formUnion(candidate.tokens) }
    for index in result.indices where result[index].type == .organization {
      let first = result[index].tokens.lowerBound
      guard first >= 2, tokens[first - 1].text == "The", tokens[first].spaceBefore else {
        continue
      }
      let article = first - 1
      let before = tokens[article - 1]
      let sentence = sentenceOfToken[article]
      guard sentenceOfToken[article - 1] == sentence, sentenceOfToken[first] == sentence,
        !weakCase(sentence), tokens[article].spaceBefore,
        !ArticleInNameExtender.openers.contains(before.text), !covered.contains(article)
      else { continue }
      result[index].start = tokens[article].start
      result[index].tokens = article..<result[index].tokens.upperBound
    }
    return result
  }
}
