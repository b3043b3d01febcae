/// Splits the tokens of one block into sentences.
///
/// A sentence ends at ".", "!", "?" or an ellipsis (with any closing quotes and brackets after
/// it) when the next token can start a sentence. Titles and initials ("Mr.", "Gen.", "B.")
/// never end one; "U.S." and "Inc." end one only before a word that usually starts sentences.
public struct SentenceSplitter: Sendable {
  public init() {}

  /// Abbreviations that may also close a sentence.
  static let closingAbbreviations: Set<String> = [
    "Inc.", "Corp.", "Ltd.", "Co.", "Bros.", "Plc.", "Jr.", "Sr.", "etc.", "a.m.", "p.m.", "Cos.",
  ]

  /// Capitalized words that usually start a sentence rather than continue a name.
  static let sentenceStarters: Set<String> = [
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or", "So", "Yet",
    "In", "On", "At", "For", "As", "If", "When", "While", "After", "Before", "Since", "Although",
    "This", "That", "These", "Those", "There", "Here", "His", "Her", "Its", "Their", "Our", "My",
    "Meanwhile", "However", "Still", "Also", "Then", "Now", "Some", "Many", "Most", "Officials",
    "According", "Last", "Earlier", "Later", "Under", "With", "Without", "From", "By", "To",
    "One", "Two", "Three", "What", "Why", "How", "Who", "Where", "Both", "Neither", "Such",
  ]

  /// `closingAbbreviations` and `sentenceStarters` for the splitter's own look-ups: the same
  /// answers, found by the hash the tokenizer worked out rather than by hashing each word with
  /// SipHash.
  private static let closingAbbreviationSet = WordSet(closingAbbreviations)
  private static let sentenceStarterSet = WordSet(sentenceStarters)

  /// Ranges of token indices, relative to `tokens`, one per sentence.
  public func sentences(in tokens: [Token]) -> [Range<Int>] {
    Array(sentences(in: tokens, range: tokens.indices))
  }

  /// The sentences of the block of tokens `range` (indices of `tokens`, as are the ranges
  /// returned): a document's tokens are split a block at a time in place, each sentence found
  /// as it is read, without an array of the block's sentences made for the loop that reads them.
  public func sentences(in tokens: [Token], range: Range<Int>) -> Sentences {
    Sentences(tokens: tokens, range: range)
  }

  /// The sentences of a block of tokens, in order, each found when the one before it is read.
  public struct Sentences: Sequence, IteratorProtocol, Sendable {
    private let tokens: [Token]
    private let end: Int
    /// Where the next sentence starts.
    private var start: Int

    fileprivate init(tokens: [Token], range: Range<Int>) {
      self.tokens = tokens
      end = range.upperBound
      start = range.lowerBound
    }

    public mutating func next() -> Range<Int>? {
      guard start < end else { return nil }
      let (start, end) = (start, end)
      // Read in place: a copy of each token (its string retained and released) cost more than
      // the splitting.
      let found = tokens.withUnsafeBufferPointer {
        SentenceSplitter.sentenceEnd(in: $0, from: start, before: end)
      }
      self.start = found
      return start..<found
    }
  }

  /// Where the sentence that starts at `start` ends: the index after its last token, `end` at
  /// the latest.
  private static func sentenceEnd(
    in tokens: UnsafeBufferPointer<Token>, from start: Int, before end: Int
  ) -> Int {
    var quotes = 0
    var index = start
    while index < end {
      // Nearly every token is a word or a number that neither ends a sentence nor is a quote.
      guard tokens[index].mayEndSentenceOrQuote else {
        index += 1
        continue
      }
      if tokens[index].asciiCharacter == 0x22 { quotes += 1 }
      guard let strength = endStrength(tokens[index]) else {
        index += 1
        continue
      }
      // Closing quotes and brackets belong to the sentence they close.
      var last = index
      var openQuote = quotes % 2 == 1
      while last + 1 < end {
        let next = tokens[last + 1].asciiCharacter
        if next == 0x22 && openQuote {
          openQuote = false
          quotes += 1
        } else if next == 0x29 || next == 0x5D || next == 0x27 {  // ) ] '
        } else {
          break
        }
        last += 1
      }
      let nextIndex = last + 1
      if nextIndex < end && !canStart(tokens[nextIndex], after: strength) {
        index = nextIndex
        continue
      }
      return nextIndex
    }
    return end
  }

  private enum Strength { case strong, weak }

  @inline(__always) private static func endStrength(_ token: borrowing Token) -> Strength? {
    switch token.kind {
    case .punctuation:
      switch token.asciiCharacter {
      case 0x2E, 0x21, 0x3F: return .strong  // . ! ?
      case 0: break
      default: return nil
      }
      if token.text == "…" { return .strong }
      return token.text.hasPrefix("...") ? .weak : nil
    case .word:
      // An ASCII text's last scalar is its last character: its period is one without the
      // comparison of characters that `hasSuffix` makes.
      guard token.endsInPeriodScalar, token.isASCII || token.text.hasSuffix(".") else {
        return nil
      }
      if SentenceSplitter.closingAbbreviationSet.contains(textOf: token) { return .weak }
      // Dotted acronyms of two or more letters ("U.S.", "U.N."), not initials ("B."): the
      // periods and the other scalars counted in one pass, with no array of either.
      var periods = 0
      var letters = 0
      for scalar in token.text.unicodeScalars {
        if scalar == "." { periods += 1 } else { letters += 1 }
      }
      return letters >= 2 && periods >= 2 ? .weak : nil
    default:
      return nil
    }
  }

  private static func canStart(_ token: borrowing Token, after strength: Strength) -> Bool {
    switch token.kind {
    case .word:
      if token.isLowercase { return false }
      if strength == .weak { return SentenceSplitter.sentenceStarterSet.contains(textOf: token) }
      return true
    case .number, .symbol, .url:
      return strength == .strong
    case .punctuation:
      let character = token.asciiCharacter
      return strength == .strong && (character == 0x22 || character == 0x28 || character == 0x2D)
    case .possessive:
      return false
    }
  }
}
