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

  public var text: String {
    didSet { shape = Shape(text, kind) }
  }
  public var start: Int
  public var end: Int
  public var kind: Kind {
    didSet { shape = Shape(text, kind) }
  }
  /// Whether white space (or the start of the text) comes right before the token.
  public var spaceBefore: Bool
  /// The case tests below, worked out once: rules ask them of every token, often many times.
  private var shape: Shape

  public init(text: String, start: Int, end: Int, kind: Kind, spaceBefore: Bool) {
    self.text = text
    self.start = start
    self.end = end
    self.kind = kind
    self.spaceBefore = spaceBefore
    shape = Shape(text, kind)
  }

  /// A token whose text is `scalars`, as the tokenizer makes it: the case tests read the
  /// scalars it has at hand rather than the new string.
  init(
    text: String, scalars: ArraySlice<Unicode.Scalar>, start: Int, end: Int, kind: Kind,
    spaceBefore: Bool
  ) {
    self.text = text
    self.start = start
    self.end = end
    self.kind = kind
    self.spaceBefore = spaceBefore
    shape = kind == .word ? scalars.withUnsafeBufferPointer { Shape(word: $0) } : []
  }

  /// Whether the first letter is upper case ("Putin", "US", "al-Sisi" is not).
  public var isCapitalized: Bool { shape.contains(.capitalized) }

  /// Whether the token has letters and none of them is lower case ("REUTERS", "U.S.").
  public var isAllCaps: Bool { shape.contains(.allCaps) }

  /// Whether the first letter is lower case.
  public var isLowercase: Bool { shape.contains(.lowercase) }

  /// "Boston-based", "US-led": a hyphen followed by a lower-case word.
  public var hasLowercaseSuffix: Bool { shape.contains(.lowercaseSuffix) }

  /// The case of a word token.
  private struct Shape: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let capitalized = Shape(rawValue: 1)
    static let allCaps = Shape(rawValue: 2)
    static let lowercase = Shape(rawValue: 4)
    static let lowercaseSuffix = Shape(rawValue: 8)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(_ text: String, _ kind: Kind) {
      guard kind == .word else {
        self = []
        return
      }
      self = Array(text.unicodeScalars).withUnsafeBufferPointer { Shape(word: $0) }
    }

    init(word scalars: UnsafeBufferPointer<Unicode.Scalar>) {
      guard let first = scalars.first else {
        self = []
        return
      }
      var shape: Shape = []
      if ScalarClass.isUpper(first) { shape.insert(.capitalized) }
      if ScalarClass.isLower(first) { shape.insert(.lowercase) }
      var hasLetter = false
      var hasLower = false
      var lastHyphen = -1
      for index in scalars.indices {
        let scalar = scalars[index]
        let value = scalar.value
        if value < 0x80 {
          let isLower = value &- 0x61 < 26
          hasLower = hasLower || isLower
          hasLetter = hasLetter || isLower || value &- 0x41 < 26
          if value == 0x2D { lastHyphen = index }
        } else {
          hasLower = hasLower || ScalarClass.isLower(scalar)
          hasLetter = hasLetter || ScalarClass.isLetter(scalar)
        }
      }
      if hasLetter && !hasLower { shape.insert(.allCaps) }
      // The scalar after the last hyphen.
      if lastHyphen >= 0, lastHyphen + 1 < scalars.count,
        ScalarClass.isLower(scalars[lastHyphen + 1])
      {
        shape.insert(.lowercaseSuffix)
      }
      self = shape
    }
  }
}
