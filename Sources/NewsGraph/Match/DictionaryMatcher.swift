/// Finds the dictionary's names in a sentence: every phrase at every token, as candidates.
///
/// Matching is case-sensitive, so "china" and "turkey" in lower case are not countries. A token
/// in capitals also matches the upper-cased phrase ("REUTERS", "CAIRO"), except names flagged as
/// common words. A name flagged as a common word ("Nice", "Reading") counts only inside a
/// sentence of ordinary case, not at its start. A hyphenated token that matches nothing whole
/// is matched part by part ("US-led" names the US).
public struct DictionaryMatcher: Sendable {
  public init() {}

  /// The candidates of one sentence.
  public func candidates(in context: SentenceContext) -> [Candidate] {
    var result: [Candidate] = []
    appendCandidates(in: context, to: &result)
    return result
  }

  /// Appends the candidates of one sentence to `result`: the recognizer gathers those of every
  /// sentence in one array, as it does the rules' (`Rule.appendCandidates(in:to:)`).
  public func appendCandidates(in context: SentenceContext, to result: inout [Candidate]) {
    let tokens = context.tokens
    let range = context.range
    let gazetteer = context.gazetteer
    // Only a token where a phrase starts, in capitals or with a hyphen can start a name: the
    // facts tell them apart from the rest, most tokens, without reading the token.
    let starts: TokenFacts = [.phrase, .allCaps, .hyphen]
    guard !context.sentenceFacts.isDisjoint(with: starts) else { return }
    // The upper-cased phrases at a token in capitals, gathered again at each such token in this
    // one array: `TokenTrie.matches` made an array for each.
    var upperMatches: [TokenTrie<Gazetteer.Surface>.Match] = []
    for i in context.tokens(withAnyOf: starts) {
      // The token's fields are read in place: copying it retained its text at every token.
      let kind = tokens[i].kind
      guard kind == .word || kind == .number else { continue }
      var found = false
      for phrase in context.dictionaryPhrases(at: i) {
        let length = Int(phrase.length)
        // The first payload allowed here, read through the context: a closure that mapped
        // each position to its payload would hold a copy of the context.
        for position in phrase.payloads {
          let surface = context.dictionaryPayload(at: position)
          if allowed(surface, at: i, length: length, context) {
            result.append(candidate(surface, i..<(i + length), context))
            found = true
            break
          }
        }
      }
      // An ASCII text has as many scalars as bytes, which it counts without reading them.
      if tokens[i].isAllCaps
        && (tokens[i].isASCII
          ? tokens[i].text.utf8.count > 1 : tokens[i].text.unicodeScalars.count > 1)
      {
        // Each text found by its token's hash, not hashed again.
        let upper = gazetteer.upper
        let keys = upper.keys
        upperMatches.removeAll(keepingCapacity: true)
        upper.appendMatches(
          startingAt: i, count: range.upperBound,
          keyNumber: {
            guard tokens[$0].kind != .word || tokens[$0].isAllCaps,
              let number = keys.number(ofTextOf: tokens[$0])
            else { return -1 }
            return Int32(number)
          }, to: &upperMatches)
        for phrase in upperMatches {
          if let first = phrase.payloads.first {
            let length = Int(phrase.length)
            result.append(candidate(upper.payload(at: first), i..<(i + length), context))
            found = true
          }
        }
      }
      if !found, kind == .word, context.facts(at: i).contains(.hyphen) {
        appendPartCandidates(of: i, context, to: &result)
      }
    }
  }

  private func allowed(
    _ surface: Gazetteer.Surface, at i: Int, length: Int, _ context: SentenceContext
  ) -> Bool {
    let position = Int(surface.entry)
    let entries = context.gazetteer.entries
    // "Stanley Cup", "Melbourne Cup", "Boston Marathon": a place named in an event's name is
    // not mentioned; the event is.
    let next = i + length
    if next < context.range.upperBound, surface.form != .demonym,
      entries.type(at: position) == .place, context.facts(at: next).contains(.eventHead)
    {
      return false
    }
    // A small town, or one named like a person, counts only where the text says it is a place:
    // "born in Azna", "Bridgton, Maine".
    if entries.type(at: position) == .place, entries.isMinor(at: position),
      !hasPlaceContext(at: i, length: length, context)
    {
      return false
    }
    guard entries.isCommonWord(at: position) else { return true }
    if context.caseIsWeak { return false }
    var first = context.range.lowerBound
    while first < i, context.tokens[first].kind == .punctuation { first += 1 }
    return i != first
  }

  /// A preposition of place before the name, or ", Region" after it.
  private func hasPlaceContext(at i: Int, length: Int, _ context: SentenceContext) -> Bool {
    let tokens = context.tokens
    if i > context.range.lowerBound,
      NameShape.contains(
        DictionaryMatcher.placeWords, lowercased: tokens[i - 1].text, keepingFirst: false)
        ?? DictionaryMatcher.placeWords.contains(tokens[i - 1].text.lowercased())
    {
      return true
    }
    let after = i + length
    if after + 1 < context.range.upperBound, tokens[after].text == ",",
      let next = context.dictionaryMatch(at: after + 1),
      next.entry.type == .country || (next.entry.type == .place && next.entry.population == 0)
    {
      return true
    }
    return false
  }

  static let placeWords: WordSet = [
    "in", "at", "near", "from", "to", "outside", "into", "across", "around", "via", "of",
    "towards", "toward", "through", "inside", "village", "town", "city", "downtown",
  ]

  private func candidate(
    _ surface: Gazetteer.Surface, _ tokens: Range<Int>, _ context: SentenceContext
  ) -> Candidate {
    // The type and id only: building the whole entry (its names and lists) cost more than the
    // matching.
    let entries = context.gazetteer.entries
    let position = Int(surface.entry)
    return Candidate(
      start: context.tokens[tokens.lowerBound].start,
      end: context.tokens[tokens.upperBound - 1].end, tokens: tokens, sentence: context.index,
      type: entries.type(at: position), entity: entries.id(at: position), form: surface.form,
      source: "dictionary", priority: 10, label: nil, entry: position)
  }

  /// Appends the candidates of the capitalized parts of a hyphenated token that the dictionary
  /// knows: "US-led", "Russia-Egypt".
  ///
  /// Each part is looked up and appended as it is found: gathered in an array of parts and
  /// returned in an array of candidates, they made two arrays for each hyphenated token, and
  /// nearly all of them find nothing.
  private func appendPartCandidates(
    of i: Int, _ context: SentenceContext, to result: inout [Candidate]
  ) {
    let exact = context.gazetteer.exact
    let text = context.tokens[i].text
    // An ASCII text is split and looked up on its bytes, which are its scalars, with no string
    // made for a part: at a fraction of the cost.
    let isASCII =
      text.utf8.withContiguousStorageIfAvailable { bytes in
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
        var from = 0
        for to in 0...bytes.count where to == bytes.count || bytes[to] == UInt8(ascii: "-") {
          // Only "A" to "Z" are upper case in ASCII.
          if to > from, bytes[from] &- UInt8(ascii: "A") < 26 {
            let part = UnsafeBufferPointer(rebasing: bytes[from..<to])
            appendPartCandidate(
              key: exact.keyNumber(ofUTF8: part, hash: StringTable.hash(part)), offset: from,
              length: to - from, of: i, context, to: &result)
          }
          from = to + 1
        }
        return true
      } ?? false
    if !isASCII {
      var offset = 0
      for part in text.split(separator: "-", omittingEmptySubsequences: false) {
        let length = part.unicodeScalars.count
        defer { offset += length + 1 }
        if let first = part.unicodeScalars.first, first.properties.isUppercase {
          appendPartCandidate(
            key: exact.keyNumber(of: String(part)), offset: offset, length: length, of: i,
            context, to: &result)
        }
      }
    }
  }

  /// Appends the candidate of the part of token `i` that starts `offset` code points into it and
  /// is `length` long, whose key number in the dictionary's trie is `key` (-1 for none), when a
  /// name that is no common word is the part alone.
  private func appendPartCandidate(
    key: Int32, offset: Int, length: Int, of i: Int, _ context: SentenceContext,
    to result: inout [Candidate]
  ) {
    guard key >= 0,
      let payloads = context.gazetteer.exact.matches(
        startingAt: 0, count: 1, keyNumber: { _ in key }
      )
      .first?.payloads,
      let surface = payloads.first(where: {
        !context.gazetteer.entries.isCommonWord(at: Int($0.entry))
      })
    else { return }
    var item = candidate(surface, i..<(i + 1), context)
    item.start = context.tokens[i].start + offset
    item.end = item.start + length
    result.append(item)
  }
}
