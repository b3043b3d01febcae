/// A city or state followed by a capitalized plural is a team: "Cleveland Indians", "Boston Red
/// Sox", "Bradford Bulls", "Texas Rangers", "Los Angeles Lakers".
public struct TeamNicknameRule: Rule {
  public init() { source = "rule:\(id)" }

  public let id = "team-nickname"
  public let source: String
  public let summary = "a known city or state, then capitalized words ending in a plural"
  public let examples: [RuleExample] = [
    RuleExample("the «Tulsa Comets» won.", .organization, "city and nickname"),
    RuleExample("the «Omaha Red Hawks» lost.", .organization, "a two-word nickname"),
    RuleExample("Chicago police said.", .organization, "a lower-case noun is no nickname"),
    RuleExample("in France Sunday.", .organization, "a country is not a team's home here"),
  ]

  /// The facts a sentence needs one of for the rule to find anything in it: `RuleCalls` passes
  /// over a sentence without any, and does not call the rule.
  static var sentenceCue: TokenFacts { .phrase }

  public func appendCandidates(in context: SentenceContext, to result: inout [Candidate]) {
    let tokens = context.tokens
    // A team's home is a place the dictionary knows: a phrase starts there.
    guard !context.sentenceFacts.isDisjoint(with: Self.sentenceCue) else { return }
    var i = context.range.lowerBound
    while i < context.range.upperBound {
      // The tokens where no phrase starts, most, are passed over at once.
      i = context.firstToken(from: i, withAnyOf: .phrase)
      guard i < context.range.upperBound, let match = context.dictionaryMatch(at: i) else {
        i += 1
        continue
      }
      guard match.entry.type == .place else {
        i += match.length
        continue
      }
      var end = i + match.length
      var last: Int?
      while end < context.range.upperBound, end - (i + match.length) < 2,
        tokens[end].kind == .word, tokens[end].isCapitalized,
        !tokens[end].isAllCaps || context.block.isAllCaps,
        !NameShape.isFunctionWord(at: end, context), context.dictionaryMatch(at: end) == nil
      {
        if isPlural(tokens[end].text) { last = end }
        end += 1
      }
      if let last {
        result.append(makeCandidate(i..<(last + 1), .organization, context, priority: 8))
        i = last + 1
      } else {
        i += match.length
      }
    }
  }

  /// "Yankees", "Sox", "Bulls": ends in "s" but is not a possessive or a word like "Times".
  private func isPlural(_ word: String) -> Bool {
    // An ASCII word is read on its bytes, each a character, in lower case as `lowercased()`
    // makes them: no new string for each word after a team's home.
    let answer = word.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      let lower = { (index: Int) in
        bytes[index] &- UInt8(ascii: "A") < 26 ? bytes[index] | 0x20 : bytes[index]
      }
      let count = bytes.count
      if count == 3 {
        return lower(0) == UInt8(ascii: "s") && lower(1) == UInt8(ascii: "o")
          && lower(2) == UInt8(ascii: "x")
      }
      guard count > 3, lower(count - 1) == UInt8(ascii: "s") else { return false }
      switch lower(count - 2) {
      case UInt8(ascii: "s"), UInt8(ascii: "u"), UInt8(ascii: "i"): return false
      default: return true
      }
    }
    if let known = answer ?? nil { return known }
    let lower = word.lowercased()
    return
      (lower.hasSuffix("s") && lower.count > 3 && !lower.hasSuffix("ss") && !lower.hasSuffix("us")
      && !lower.hasSuffix("is")) || lower == "sox"
  }
}
