/// One token of a document: a word, a number or a punctuation mark.
///
/// Offsets are Unicode code points from the start of the input, end exclusive. `text` is the
/// folded form (curly quotes, dashes and no-break spaces replaced) that matching uses.
public struct Token: Sendable, Hashable {
  /// What a token is made of.
  public enum Kind: UInt8, Sendable, Hashable {
    case word
    case number
    case possessive
    case punctuation
    case symbol
    case url
  }

  public var text: String
  public var start: Int
  public var end: Int
  public var kind: Kind
  /// Whether white space (or the start of the text) comes right before the token.
  public var spaceBefore: Bool

  public init(text: String, start: Int, end: Int, kind: Kind, spaceBefore: Bool) {
    self.text = text
    self.start = start
    self.end = end
    self.kind = kind
    self.spaceBefore = spaceBefore
  }
}

extension Token {
  /// Whether the first letter is upper case ("Putin", "US", "al-Sisi" is not).
  public var isCapitalized: Bool {
    guard kind == .word, let first = text.unicodeScalars.first else { return false }
    return ScalarClass.isUpper(first)
  }

  /// Whether the token has letters and none of them is lower case ("REUTERS", "U.S.").
  public var isAllCaps: Bool {
    guard kind == .word else { return false }
    var letters = 0
    for scalar in text.unicodeScalars {
      if ScalarClass.isLower(scalar) { return false }
      if ScalarClass.isLetter(scalar) { letters += 1 }
    }
    return letters > 0
  }

  /// Whether the first letter is lower case.
  public var isLowercase: Bool {
    guard kind == .word, let first = text.unicodeScalars.first else { return false }
    return ScalarClass.isLower(first)
  }

  /// "Boston-based", "US-led": a hyphen followed by a lower-case word.
  public var hasLowercaseSuffix: Bool {
    guard kind == .word, let hyphen = text.unicodeScalars.lastIndex(of: "-") else { return false }
    let after = text.unicodeScalars[text.unicodeScalars.index(after: hyphen)...]
    return after.first.map(ScalarClass.isLower) ?? false
  }
}
