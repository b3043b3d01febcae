/// Acronyms defined in the text name the same entity as their long form: once "the Kurdistan
/// Democratic Party (KDP)" is written, every "KDP" of the document is that party, including
/// one in a headline above the definition.
///
/// A definition is an acronym in brackets right after a mention ("European Union (EU)") or
/// after capitalized words whose initials spell it ("Organisation for Security and Cooperation
/// in Europe (OSCE)"), which then become an organization mention themselves.
public struct AcronymLinker: Sendable {
  public init() {}

  /// Words skipped when initials are spelled out.
  static let skipped: WordSet = [
    "of", "for", "and", "the", "in", "on", "de", "&", "to", "des", "du",
  ]

  public func link(_ kept: [Candidate], tokens: [Token], sentenceOfToken: [Int]) -> [Candidate] {
    link(
      kept, tokens: tokens, sentenceOfToken: sentenceOfToken,
      bracketed: CollectionOfOne(tokens.indices))
  }

  /// `link(_:tokens:sentenceOfToken:)`, whose definitions are looked for in `bracketed` alone:
  /// ranges of tokens, in order, outside which no "(" has a definition after it.
  ///
  /// The recognizer gives the sentences whose facts have an opening bracket, few of a
  /// document's: a look at every token of the document for a bracket cost more than the rest
  /// of the linking. A definition's brackets are in one sentence, so its range holds them.
  func link(
    _ kept: [Candidate], tokens: [Token], sentenceOfToken: [Int],
    bracketed: some Sequence<Range<Int>>
  ) -> [Candidate] {
    var result = kept
    var longForms: [Range<Int>] = []
    var definitions: [String: Candidate] = [:]
    for range in bracketed {
      var next = Self.openingBracket(from: range.lowerBound, before: range.upperBound, tokens)
      while let open = next {
        next = Self.openingBracket(from: open + 1, before: range.upperBound, tokens)
        let acronym = tokens[open + 1]
        guard tokens[open + 2].asciiCharacter == 0x29, isAcronym(acronym.text),
          definitions[acronym.text] == nil,
          sentenceOfToken[open] == sentenceOfToken[open + 2]
        else { continue }
        // Brackets are few: the mention ending right before one is looked for when one comes.
        if let before = kept.last(where: { $0.tokens.upperBound == open }), before.type != .person,
          initial(of: before.tokens, tokens) == acronym.text.unicodeScalars.first
        {
          definitions[acronym.text] = before
        } else if let long = spelledOut(acronym.text, before: open, tokens, sentenceOfToken),
          // Mentions inside the long form are parts of its name ("... in Europe (OSCE)"); one
          // that reaches outside it is a conflict.
          !result.contains(where: {
            $0.tokens.overlaps(long)
              && ($0.tokens.lowerBound < long.lowerBound || $0.tokens.upperBound > long.upperBound)
          })
        {
          result.removeAll {
            long.contains($0.tokens.lowerBound) && $0.tokens.upperBound <= long.upperBound
          }
          let candidate = Candidate(
            start: tokens[long.lowerBound].start, end: tokens[long.upperBound - 1].end,
            tokens: long, sentence: sentenceOfToken[open], type: .organization, entity: nil,
            form: .name, source: "rule:acronym", priority: 9)
          result.append(candidate)
          longForms.append(long)
          definitions[acronym.text] = candidate
        }
      }
    }
    guard !definitions.isEmpty else { return kept }

    var covered = [Bool](repeating: false, count: tokens.count)
    for range in kept.indices.map({ kept[$0].tokens }) + longForms {
      for index in range { covered[index] = true }
    }
    for index in tokens.indices where tokens[index].kind == .word && !covered[index] {
      // Every acronym is in capitals: other words need no lookup.
      guard tokens[index].isAllCaps, let definition = definitions[tokens[index].text] else {
        continue
      }
      let token = tokens[index]
      var candidate = definition
      candidate.start = token.start
      candidate.end = token.end
      candidate.tokens = index..<(index + 1)
      candidate.sentence = sentenceOfToken[index]
      candidate.form = .alias
      candidate.source = "rule:acronym"
      if definition.entity == nil {
        // Name the long form so the resolver gives both the same id.
        candidate.label = definition.tokens.map { tokens[$0].text }.joined(separator: " ")
        candidate.entity = Slug.id(definition.type, candidate.label ?? "")
      }
      result.append(candidate)
    }
    // Sorted in place: `sorted` copied each candidate, its strings retained, and the array it
    // copied released them again.
    result.sort { $0.start < $1.start }
    return result
  }

  /// The index of the first "(" from `start` on that two tokens before `end` follow, or nil.
  ///
  /// The brackets are told by a token's one ASCII character, a byte the tokenizer stored: as
  /// exact as comparing the strings (nothing else is canonically equivalent to a bracket), and
  /// it spares every token a read of its text. The tokens are read in place: through the
  /// array, each read checked its bounds.
  private static func openingBracket(from start: Int, before end: Int, _ tokens: [Token]) -> Int? {
    tokens.withUnsafeBufferPointer { tokens in
      (start..<max(start, min(end, tokens.count) - 2)).first { tokens[$0].asciiCharacter == 0x28 }
    }
  }

  /// Whether `text` is two to six capital letters A to Z.
  ///
  /// Told by its UTF-8 bytes, one a letter: an array of its scalars cost an allocation and its
  /// freeing for every word in brackets ("(Reuters)"), and any other scalar makes it no acronym.
  private func isAcronym(_ text: String) -> Bool {
    let utf8 = text.utf8
    return (2...6).contains(utf8.count) && utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
  }

  /// The first scalar of the first word of `span` that is not skipped: the initial an acronym
  /// of the words starts with. (Read in place: arrays of the words and their initials cost more
  /// than the test.)
  private func initial(of span: Range<Int>, _ tokens: [Token]) -> Unicode.Scalar? {
    span.lazy.map { tokens[$0].text }
      .first { !$0.isEmpty && !AcronymLinker.skipped.contains($0) }?.unicodeScalars.first
  }

  /// Capitalized words right before `open` whose initials spell `acronym`.
  private func spelledOut(
    _ acronym: String, before open: Int, _ tokens: [Token], _ sentenceOfToken: [Int]
  ) -> Range<Int>? {
    let letters = Array(acronym.unicodeScalars)
    var start = open
    var matched = 0
    while start > 0, sentenceOfToken[start - 1] == sentenceOfToken[open], open - start < 12 {
      let word = tokens[start - 1]
      if AcronymLinker.skipped.contains(word.text) {
        start -= 1
        continue
      }
      guard word.kind == .word, word.isCapitalized, matched < letters.count,
        word.text.unicodeScalars.first == letters[letters.count - 1 - matched]
      else { break }
      matched += 1
      start -= 1
      if matched == letters.count { break }
    }
    while start < open, AcronymLinker.skipped.contains(tokens[start].text) { start += 1 }
    return matched == letters.count && matched >= 2 ? start..<open : nil
  }
}
