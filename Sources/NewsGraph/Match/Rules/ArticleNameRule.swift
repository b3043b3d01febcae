/// Inside a sentence, a capitalized "The" before capitalized words marks a name that carries its
/// article, and the names that do are mostly organizations: bands ("The Zutons"), papers ("The
/// Australian"), clubs and societies ("The Portsmouth Society"). Names the dictionary knows as
/// something else keep their type ("The Gambia", "The Hague"); an organization the dictionary or
/// another rule knows gains its article, and stays the same entity (the resolver drops a leading
/// "The" from ids): "The Scout Association" and "Scout Association" are one node.
///
/// At a sentence's start, after an opening quote, bracket, colon or dash, and in headlines the
/// capital says nothing. The rule ranks below every other, so a longer or surer name wins.
public struct ArticleNameRule: Rule {
  public init() { source = "rule:\(id)" }

  public let id = "article-name"
  public let source: String
  public let summary = "a capitalized 'The' inside a sentence, then capitalized words"
  public let examples: [RuleExample] = [
    RuleExample("He toured with «The Quillfeathers» in 2006.", .organization, "a band"),
    RuleExample(
      "a review in «The Harbour Examiner» said", .organization, "a paper with its article"),
    RuleExample("The Quillfeathers toured in 2006.", .organization, "a sentence's first word"),
    RuleExample("He said: The Quillfeathers are back.", .organization, "after a colon"),
    RuleExample("He toured with the Quillfeathers.", .organization, "a lower-case article"),
    RuleExample(
      "with «The Quillfeathers» and Mara Tolsk", .organization, "'and' joins two names"),
    RuleExample("He moved to The Hague in 2006.", .organization, "a place the dictionary knows"),
  ]

  /// The facts a sentence needs one of for the rule to find anything in it: `RuleCalls` passes
  /// over a sentence without any, and does not call the rule.
  static var sentenceCue: TokenFacts { .capitalThe }

  public func appendCandidates(in context: SentenceContext, to result: inout [Candidate]) {
    let tokens = context.tokens
    let range = context.range
    guard !context.caseIsWeak, !context.sentenceFacts.isDisjoint(with: Self.sentenceCue) else {
      return
    }
    var i = range.lowerBound + 1
    while i + 1 < range.upperBound {
      // The tokens that are no "The", most, are passed over at once.
      i = context.firstToken(from: i, withAnyOf: .capitalThe)
      defer { i += 1 }
      guard i + 1 < range.upperBound else { continue }
      let before = tokens[i - 1]
      // After a lower-case word or a comma: "Dwayne The Rock Johnson" is another kind of name.
      guard before.text == "," || before.kind == .word,
        before.text.first?.isLowercase == true || before.text == ",",
        tokens[i + 1].spaceBefore, tokens[i + 1].kind == .word, tokens[i + 1].isCapitalized,
        !context.facts(at: i + 1).contains(.functionWord)
      else { continue }
      // Capitalized words, with "of" and "&" between them ("The Mamas & the Papas"), up to
      // five; "and" joins two names ("The Stooges and Captain Beefheart").
      var end = i + 1
      var last = i + 1
      while end < range.upperBound, end - i <= 5, tokens[end].spaceBefore {
        let token = tokens[end]
        if token.kind == .word, token.isCapitalized, !token.hasLowercaseSuffix,
          !context.facts(at: end).contains(.functionWord)
        {
          last = end
        } else if token.text == "of" || token.text == "&"
          || (token.text == "the" && tokens[end - 1].text == "&"), end > i + 1
        {
          // only between words
        } else {
          break
        }
        end += 1
      }
      let name = (i + 1)..<(last + 1)
      if let known = context.dictionaryMatch(at: i + 1), known.length >= name.count,
        known.entry.type != .organization
      {
        continue
      }
      // "The" is part of a name the dictionary lists ("The Times"): the dictionary finds it.
      if let known = context.dictionaryMatch(at: i), known.length > 1 { continue }
      result.append(makeCandidate(i..<(last + 1), .organization, context, priority: 1))
      i = last
    }
  }
}
