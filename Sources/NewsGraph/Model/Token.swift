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
    didSet { traits = Traits(text: text, kind: kind, spaceBefore: spaceBefore) }
  }
  public var start: Int
  public var end: Int
  public var kind: Kind {
    get { traits.kind }
    set { traits = Traits(text: text, kind: newValue, spaceBefore: spaceBefore) }
  }
  /// Whether white space (or the start of the text) comes right before the token.
  public var spaceBefore: Bool {
    get { traits.spaceBefore }
    set { traits.spaceBefore = newValue }
  }
  /// The kind, the space before, the case tests and the one ASCII character, worked out once
  /// and packed in one word: rules ask them of every token, often many times, and copy tokens
  /// often (a token of four stored fields is copied inline, one of more through a call).
  private var traits: Traits

  public init(text: String, start: Int, end: Int, kind: Kind, spaceBefore: Bool) {
    self.text = text
    self.start = start
    self.end = end
    traits = Traits(text: text, kind: kind, spaceBefore: spaceBefore)
  }

  /// A token whose text is `scalars`, as the tokenizer makes it: the case tests read the
  /// traits of the scalars, which the tokenizer joined as it read them, rather than the new
  /// string. `hasHyphen` is whether the scalars hold a hyphen, which the tokenizer knows from
  /// joining the word.
  init(
    text: String, scalars: UnsafeBufferPointer<Unicode.Scalar>, traits: ScalarTraits, start: Int,
    end: Int, kind: Kind, spaceBefore: Bool, hasHyphen: Bool
  ) {
    self.text = text
    self.start = start
    self.end = end
    self.traits = Traits(
      scalars: scalars, traits: traits, kind: kind, spaceBefore: spaceBefore, hasHyphen: hasHyphen)
  }

  /// Whether the first letter is upper case ("Putin", "US", "al-Sisi" is not).
  public var isCapitalized: Bool { traits.shape.contains(.capitalized) }

  /// Whether the token has letters and none of them is lower case ("REUTERS", "U.S.").
  public var isAllCaps: Bool { traits.shape.contains(.allCaps) }

  /// Whether the first letter is lower case.
  public var isLowercase: Bool { traits.shape.contains(.lowercase) }

  /// "Boston-based", "US-led": a hyphen followed by a lower-case word.
  public var hasLowercaseSuffix: Bool { traits.shape.contains(.lowercaseSuffix) }

  /// Whether a word's last scalar is a period: true of every word whose text ends with a
  /// period and false of nearly every other word, so that a check of the text can follow it.
  var endsInPeriodScalar: Bool { traits.shape.contains(.endsInPeriod) }

  /// The text's one byte when it is one ASCII character, else 0.
  ///
  /// The sentence splitter asks every token whether it is a quote, a bracket or a period: a
  /// byte answers without the comparison of characters that `==` makes, and as exactly, since
  /// no other text is canonically equivalent to one ASCII character but ";", "`" and "K"
  /// (U+037E, U+1FEF and U+212A).
  var asciiCharacter: UInt8 { traits.asciiCharacter }

  /// One word of bits: a struct of several small fields is copied field by field.
  private struct Traits: Sendable, Hashable {
    /// The kind in bits 0-7, the shape in 8-15, the ASCII character in 16-23, the space
    /// before in bit 24.
    private var bits: UInt32

    var kind: Kind { Kind(rawValue: UInt8(truncatingIfNeeded: bits)) ?? .word }
    var shape: Shape { Shape(rawValue: UInt8(truncatingIfNeeded: bits >> 8)) }
    var asciiCharacter: UInt8 { UInt8(truncatingIfNeeded: bits >> 16) }
    var spaceBefore: Bool {
      get { bits & 1 << 24 != 0 }
      set { bits = bits & ~(1 << 24) | (newValue ? 1 << 24 : 0) }
    }

    private init(kind: Kind, shape: Shape, asciiCharacter: UInt8, spaceBefore: Bool) {
      bits =
        UInt32(kind.rawValue) | UInt32(shape.rawValue) << 8 | UInt32(asciiCharacter) << 16
        | (spaceBefore ? 1 << 24 : 0)
    }

    init(text: String, kind: Kind, spaceBefore: Bool) {
      let utf8 = text.utf8
      let first = utf8.first ?? 0x80
      self.init(
        kind: kind,
        shape: kind == .word
          ? Array(text.unicodeScalars).withUnsafeBufferPointer { Shape(word: $0) } : [],
        asciiCharacter: utf8.count == 1 && first < 0x80 ? first : 0, spaceBefore: spaceBefore)
    }

    init(
      scalars: UnsafeBufferPointer<Unicode.Scalar>, traits: ScalarTraits, kind: Kind,
      spaceBefore: Bool, hasHyphen: Bool
    ) {
      self.init(
        kind: kind,
        shape: kind == .word ? Shape(word: scalars, traits: traits, hasHyphen: hasHyphen) : [],
        asciiCharacter: scalars.count == 1 && scalars[0].isASCII ? UInt8(scalars[0].value) : 0,
        spaceBefore: spaceBefore)
    }
  }

  /// The case of a word token.
  private struct Shape: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let capitalized = Shape(rawValue: 1)
    static let allCaps = Shape(rawValue: 2)
    static let lowercase = Shape(rawValue: 4)
    static let lowercaseSuffix = Shape(rawValue: 8)
    static let endsInPeriod = Shape(rawValue: 16)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The shape of a word, from its scalars alone.
    init(word scalars: UnsafeBufferPointer<Unicode.Scalar>) {
      var traits: ScalarTraits = []
      ScalarTraits.ascii.withUnsafeBufferPointer { table in
        for scalar in scalars { traits.formUnion(ScalarTraits.of(scalar, in: table)) }
      }
      self.init(word: scalars, traits: traits, hasHyphen: true)
    }

    /// The shape of a word whose scalars' traits, joined, are `traits`; `hasHyphen` false skips
    /// the search for a hyphen, which costs a word of no hyphen (nearly every word) as much as
    /// its case tests.
    ///
    /// Inlined into the tokenizer, whose every word comes here: the tests are a few operations
    /// on bits, fewer than a call and its return took.
    @inline(__always) init(
      word scalars: UnsafeBufferPointer<Unicode.Scalar>, traits: ScalarTraits, hasHyphen: Bool
    ) {
      guard let first = scalars.first else {
        self = []
        return
      }
      var shape: Shape = []
      if ScalarClass.isUpper(first) { shape.insert(.capitalized) }
      if ScalarClass.isLower(first) { shape.insert(.lowercase) }
      if traits.contains(.letter) && !traits.contains(.lower) { shape.insert(.allCaps) }
      if scalars[scalars.count - 1] == "." { shape.insert(.endsInPeriod) }
      if hasHyphen && Shape.hasLowercaseSuffix(scalars) { shape.insert(.lowercaseSuffix) }
      self = shape
    }

    /// Whether a lower-case letter follows the last hyphen of `scalars`, found from the end.
    @inline(never) private static func hasLowercaseSuffix(
      _ scalars: UnsafeBufferPointer<Unicode.Scalar>
    ) -> Bool {
      var lastHyphen = scalars.count - 1
      while lastHyphen >= 0, scalars[lastHyphen] != "-" { lastHyphen -= 1 }
      return lastHyphen >= 0 && lastHyphen + 1 < scalars.count
        && ScalarClass.isLower(scalars[lastHyphen + 1])
    }
  }
}
