/// A known given name followed by a capitalized surname is a person: "Jeremy Bender",
/// "Michael B Kelley", "Mohammed Morsi".
public struct GivenNamePersonRule: Rule {
  public init() { source = "rule:\(id)" }

  public let id = "given-name"
  public let source: String
  public let summary = "a given name from given-names.tsv, then capitalized surnames"
  public let examples: [RuleExample] = [
    RuleExample(
      "A report by «Jeremy Bender» and «Michael B Kelley».", .person, "given names with an initial"),
    RuleExample("Talks with «Sergei Lavrov» ended.", .person, "a given name and surname"),
    RuleExample("In June Russia said no.", .person, "a month or a country is not a surname"),
    RuleExample("Jeremy said yes.", .person, "a given name alone is not enough"),
    RuleExample(
      "Awards went to «Jeremy Bander Jr.» and «Alma Trusk III».", .person, "generational suffixes"),
    RuleExample("He lifted the Jeremy Cup twice.", .person, "an event's name is no one's"),
  ]

  public func appendCandidates(in context: SentenceContext, to result: inout [Candidate]) {
    let tokens = context.tokens
    var i = context.range.lowerBound
    while i + 1 < context.range.upperBound {
      // A name goes on with a capitalized word, or with a particle joined to one ("al-Sisi"),
      // which has a hyphen: where the next token is neither, neither it nor this one starts a
      // name, and one test of the next token passes both, most of a sentence's tokens.
      guard tokens[i + 1].kind == .word,
        tokens[i + 1].isCapitalized || tokens[i + 1].containsHyphen
      else {
        i += 2
        continue
      }
      guard tokens[i].kind == .word, tokens[i].isCapitalized,
        !tokens[i].isAllCaps || context.block.isAllCaps,
        // The next word before the list of given names: most capitalized words have no name
        // after them, and the list hashes the word.
        NameShape.isNameWord(at: i + 1, context) || context.facts(at: i + 1).contains(.initial),
        context.isGivenName(at: i), !insideDictionaryName(i, context),
        context.dictionaryMatch(at: i).map({ $0.entry.type == .person || $0.length < 2 }) ?? true,
        !context.stopsName(at: i + 1),
        let span = NameShape.nameSpan(from: i, in: context, limit: 4, minimum: 2)
      else {
        i += 1
        continue
      }
      result.append(makeCandidate(span, .person, context, priority: 6))
      i = span.upperBound
    }
  }

  /// "San Francisco Bay": a name does not start inside a longer name the dictionary knows.
  private func insideDictionaryName(_ i: Int, _ context: SentenceContext) -> Bool {
    for start in max(context.range.lowerBound, i - 3)..<i {
      if let match = context.dictionaryMatch(at: start), start + match.length > i { return true }
    }
    return false
  }
}
