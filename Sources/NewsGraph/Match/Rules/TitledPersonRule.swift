/// A role or honorific followed by a capitalized name is a person: "Defense Minister Sergei
/// Shoigu", "President Putin", "Mr. Smith", "spokesman John Kirby".
///
/// The title is left out of the span; a nationality before it is matched by the dictionary on
/// its own ("Russian" is a mention of Russia).
public struct TitledPersonRule: Rule {
  public init() { source = "rule:\(id)" }

  public let id = "titled-person"
  public let source: String
  public let summary = "a title from titles.tsv, then a capitalized name"
  public let examples: [RuleExample] = [
    RuleExample(
      "Russian Defense Minister «Sergei Shoigu» said.", .person, "a multi-word title before a name"),
    RuleExample(
      "Egyptian Defense Minister «Sobqi» said.", .person, "a surname alone after a title"),
    RuleExample("It was President «Vladimir Putin» (L).", .person, "the name stops at a bracket"),
    RuleExample("Talks with Mr. «Jones» ended.", .person, "an honorific with its period"),
    RuleExample("The president said nothing.", .person, "a title without a name finds nothing"),
    RuleExample("Foreign Minister of France said.", .person, "a lower-case word ends the title"),
    RuleExample("at the General Meeting in Madrid", .person, "a word-like title before a noun"),
    RuleExample(
      "EGYPT'S PRESIDENT MEETS PUTIN", .person, "in capitals, a name must start with a given name"),
    RuleExample("RUSSIAN PRESIDENT «VLADIMIR PUTIN» VISITS", .person, "a given name in capitals"),
  ]

  /// Titles that are also ordinary words ("General Meeting", "Miss Murder", "Official
  /// Website"): one capitalized word after them is no name unless it is a given name.
  static let wordLikeTitles: WordSet = [
    "General", "Major", "Miss", "Official", "Private", "Chief", "Master", "Grand", "Royal",
  ]

  /// The facts a sentence needs one of for the rule to find anything in it: `RuleCalls` passes
  /// over a sentence without any, and does not call the rule.
  static var sentenceCue: TokenFacts { .titleStart }

  public func appendCandidates(in context: SentenceContext, to result: inout [Candidate]) {
    guard !context.sentenceFacts.isDisjoint(with: Self.sentenceCue) else { return }
    var i = context.range.lowerBound
    while i < context.range.upperBound {
      // Most tokens start no title: passed over at once, they make no array of titles.
      i = context.firstToken(from: i, withAnyOf: .titleStart)
      guard i < context.range.upperBound, let longest = context.longestTitle(at: i) else {
        i += 1
        continue
      }
      let nameStart = i + longest
      if nameStart < context.range.upperBound,
        let span = NameShape.nameSpan(
          from: nameStart, in: context, limit: context.block.isAllCaps ? 2 : 5),
        context.dictionaryMatch(at: span.lowerBound).map({ $0.entry.type == .person }) ?? true,
        !context.block.isAllCaps || startsWithGivenName(span, context),
        !context.facts(at: i).contains(.wordLikeTitle) || longest > 1
          || span.count > 1 || startsWithGivenName(span, context)
      {
        result.append(makeCandidate(span, .person, context, priority: 8))
        i = span.upperBound
      } else {
        i += 1
      }
    }
  }

  /// In text in capitals any word looks like a name: require a known given name first.
  private func startsWithGivenName(_ span: Range<Int>, _ context: SentenceContext) -> Bool {
    let word = context.tokens[span.lowerBound].text
    guard let first = word.first else { return false }
    return context.gazetteer.givenNames.contains(String(first) + word.dropFirst().lowercased())
  }
}
