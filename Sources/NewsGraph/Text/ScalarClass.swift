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
