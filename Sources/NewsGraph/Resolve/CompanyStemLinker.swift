/// A company named with its legal form is later named without it: after "Lear Corp." or
/// "Daniels Pharmaceuticals Inc", "Lear" and "Daniels Pharmaceuticals" are the same company.
public struct CompanyStemLinker: Sendable {
  public init() {}

  /// Legal forms and the like that a company's short name drops.
  static let legalForms: WordSet = [
    "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.", "Company", "Ltd", "Ltd.",
    "Limited", "Group", "Holdings", "PLC", "Plc", "plc", "LLC", "L.L.C.", "AG", "SA", "S.A.",
    "NV", "N.V.", "GmbH", "SpA", "S.p.A.", "AB", "ASA", "Oyj", "Bhd", "Berhad", "LP", "L.P.",
  ]

  public func link(_ kept: [Candidate], tokens: [Token], sentenceOfToken: [Int]) -> [Candidate] {
    // Each stem once, with the first organization that defined it, in the order defined. (A
    // document has few: a look through them is cheaper than a set of word arrays.)
    var stems: [(words: [String], definition: Candidate)] = []
    // (Fetched once: each fetch of a static table passes through its lazy initialization.)
    let legalForms = CompanyStemLinker.legalForms
    for position in kept.indices
    where kept[position].type == .organization && kept[position].tokens.count >= 2 {
      // The stem is told by the tokens before the candidate is read: most organizations end in
      // no legal form, and a copy of the candidate and an array of its words for each cost more
      // than the rest.
      let span = kept[position].tokens
      var end = span.upperBound
      while end - span.lowerBound > 1, legalForms.contains(textOf: tokens[end - 1]) {
        end -= 1
      }
      guard end < span.upperBound, tokens[end - 1].text != "&", tokens[end - 1].text != "and"
      else { continue }
      let words = (span.lowerBound..<end).map { tokens[$0].text }
      guard !stems.contains(where: { $0.words == words }) else { continue }
      var definition = kept[position]
      if definition.entity == nil {
        definition.label = span.map { tokens[$0].text }.joined(separator: " ")
        definition.entity = Slug.id(.organization, definition.label ?? "")
      }
      stems.append((words, definition))
    }
    guard !stems.isEmpty else { return kept }
    // Where two stems match at a token ("Lear" and "Lear Industries"), the longer wins, and of
    // two as long the one defined first. Two arrays read in place: a stem and its Candidate
    // copied out of a table at every token cost more than the matching.
    let ordered = stems.indices.sorted {
      stems[$0].words.count != stems[$1].words.count
        ? stems[$0].words.count > stems[$1].words.count : $0 < $1
    }
    let stemWords = ordered.map { stems[$0].words }
    let stemDefinitions = ordered.map { stems[$0].definition }
    // The hash of the bytes of each stem's first word, a token of its definition, or nil when
    // they are not ASCII: a token whose text is ASCII and hashes otherwise is not that word (two
    // ASCII strings are equal only when their bytes are), and most tokens are turned away by
    // it without comparing strings.
    let stemHashes = ordered.map { stem -> UInt32? in
      let first = stems[stem].definition.tokens.lowerBound
      return tokens[first].isASCII ? tokens[first].textHash : nil
    }
    var covered = [Bool](repeating: false, count: tokens.count)
    for position in kept.indices {
      for token in kept[position].tokens { covered[token] = true }
    }
    var result = kept
    var index = 0
    while index < tokens.count {
      var matched = false
      if covered[index] {  // no span through a covered token can match
        index += 1
        continue
      }
      for stem in stemWords.indices where index + stemWords[stem].count <= tokens.count {
        if let hash = stemHashes[stem], tokens[index].isASCII, tokens[index].textHash != hash {
          continue
        }
        let words = stemWords[stem]
        let span = index..<(index + words.count)
        guard !span.contains(where: { covered[$0] }),
          sentenceOfToken[span.lowerBound] == sentenceOfToken[span.upperBound - 1],
          zip(span, words).allSatisfy({ tokens[$0.0].text == $0.1 })
        else { continue }
        var candidate = stemDefinitions[stem]
        candidate.start = tokens[span.lowerBound].start
        candidate.end = tokens[span.upperBound - 1].end
        candidate.tokens = span
        candidate.sentence = sentenceOfToken[span.lowerBound]
        candidate.form = .short
        candidate.source = "rule:company-stem"
        result.append(candidate)
        for token in span { covered[token] = true }
        index = span.upperBound
        matched = true
        break
      }
      if !matched { index += 1 }
    }
    // Sorted in place: `sorted` copied each candidate, its strings retained, and the array it
    // copied released them again.
    result.sort { $0.start < $1.start }
    return result
  }
}
