/// Character classes with an ASCII fast path: Unicode property look-ups cost far more than
/// a comparison, and most news text is ASCII.
///
/// The look-ups beyond ASCII are functions of their own, never inlined: a function that reads
/// `Unicode.Scalar.Properties` itself fetches the metadata of that type (and of
/// `Unicode.GeneralCategory`) at every call, which cost a word token twice the rest of its
/// case tests.
enum ScalarClass {
  @inline(__always) static func isSpace(_ c: Unicode.Scalar) -> Bool {
    if c.value < 0x80 {
      return c == " " || c == "\n" || c == "\t" || c == "\r" || c.value == 0x0B || c.value == 0x0C
    }
    return isWhitespace(c)
  }

  @inline(__always) static func isLetter(_ c: Unicode.Scalar) -> Bool {
    if c.value < 0x80 { return (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
    return isAlphabetic(c)
  }

  @inline(__always) static func isUpper(_ c: Unicode.Scalar) -> Bool {
    if c.value < 0x80 { return c.value >= 0x41 && c.value <= 0x5A }
    return isUppercaseOrTitlecase(c)
  }

  @inline(__always) static func isLower(_ c: Unicode.Scalar) -> Bool {
    if c.value < 0x80 { return c.value >= 0x61 && c.value <= 0x7A }
    return isLowercase(c)
  }

  @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool {
    if c.value < 0x80 { return c.value >= 0x30 && c.value <= 0x39 }
    return isNumeric(c)
  }

  @inline(never) static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
    c.properties.isWhitespace
  }

  @inline(never) static func isAlphabetic(_ c: Unicode.Scalar) -> Bool {
    c.properties.isAlphabetic
  }

  @inline(never) static func isUppercaseOrTitlecase(_ c: Unicode.Scalar) -> Bool {
    c.properties.isUppercase || c.properties.generalCategory == .titlecaseLetter
  }

  @inline(never) static func isLowercase(_ c: Unicode.Scalar) -> Bool {
    c.properties.isLowercase
  }

  @inline(never) static func isNumeric(_ c: Unicode.Scalar) -> Bool {
    c.properties.numericType != nil
  }

  @inline(never) static func lowercaseMapping(_ c: Unicode.Scalar) -> String {
    c.properties.lowercaseMapping
  }
}

/// What the tokenizer and a word's case tests ask of a scalar, in one byte.
///
/// A word's scalars are read once, by the tokenizer: the traits of each, from one look-up in
/// `ascii` for an ASCII scalar, are joined with `|` as it goes, and the joined traits answer
/// whether a word is all digits, has a letter or has a lower-case letter without a second pass
/// over its scalars.
struct ScalarTraits: OptionSet, Sendable {
  let rawValue: UInt8
  /// `ScalarClass.isSpace`.
  static let space = ScalarTraits(rawValue: 1)
  /// `isWordScalar`: a letter, a digit, a mark or a joiner.
  static let word = ScalarTraits(rawValue: 2)
  /// A word scalar that is not an ASCII digit: a word of none is a number.
  static let notDigit = ScalarTraits(rawValue: 4)
  /// `ScalarClass.isLetter`.
  static let letter = ScalarTraits(rawValue: 8)
  /// `ScalarClass.isUpper`.
  static let upper = ScalarTraits(rawValue: 16)
  /// `ScalarClass.isLower`.
  static let lower = ScalarTraits(rawValue: 32)
  /// An ASCII scalar after which a word ends with nothing more to join or check: no letter or
  /// digit, and none of the scalars the tokenizer reads on after a word ("-", "'", ".", ",",
  /// "&" and ":": hyphens, apostrophes, numbers, dotted acronyms, ampersands, URLs).
  static let wordEnd = ScalarTraits(rawValue: 64)

  init(rawValue: UInt8) { self.rawValue = rawValue }

  /// The traits of any scalar, by the tests they stand for, so that the table agrees with them.
  ///
  /// Out of line: in a loop, only scalars beyond ASCII come here.
  ///
  /// Each test beyond ASCII looks a property up in the standard library's tables, a few hundred
  /// instructions: a letter, nearly every such scalar in a word, is asked whether it is a letter
  /// first, and is then known to be a word scalar (`isWordScalar` asks the same first) and no
  /// space (no white space is a letter), without those look-ups.
  @inline(never) init(_ scalar: Unicode.Scalar) {
    var traits: ScalarTraits = []
    let isLetter = ScalarClass.isLetter(scalar)
    if !isLetter && ScalarClass.isSpace(scalar) { traits.insert(.space) }
    if isLetter || isWordScalar(scalar) {
      traits.insert(.word)
      if !isDigit(scalar) { traits.insert(.notDigit) }
    }
    if isLetter { traits.insert(.letter) }
    if ScalarClass.isUpper(scalar) { traits.insert(.upper) }
    if ScalarClass.isLower(scalar) { traits.insert(.lower) }
    if scalar.isASCII && !traits.contains(.word) && !ScalarTraits.wordJoiners.contains(scalar) {
      traits.insert(.wordEnd)
    }
    self = traits
  }

  /// The ASCII scalars that are no `wordEnd` though no word scalars either.
  static let wordJoiners: [Unicode.Scalar] = ["-", "'", ".", ",", "&", ":"]

  /// The traits of each ASCII scalar, by value.
  static let ascii: [ScalarTraits] = (0..<0x80).map { ScalarTraits(Unicode.Scalar(UInt8($0))) }

  /// The traits of each byte of `SourceText.ascii`: an ASCII scalar's below 0x80, and none
  /// from 0x80 (a scalar beyond ASCII, or one folded to ASCII from beyond it, whose traits only
  /// the scalar tells), so that a loop over bytes reads any byte without a test and stops there.
  static let bytes: [ScalarTraits] = ascii + Array(repeating: [], count: 0x80)

  /// The traits of `scalar`, from `table` (`ascii`'s storage, which a loop reads once) when it
  /// is ASCII.
  @inline(__always) static func of(
    _ scalar: Unicode.Scalar, in table: UnsafeBufferPointer<ScalarTraits>
  ) -> ScalarTraits {
    scalar.value < 0x80 ? table[Int(scalar.value)] : ScalarTraits(scalar)
  }
}
