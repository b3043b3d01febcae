/// Character classes with an ASCII fast path: Unicode property look-ups cost far more than
/// a comparison, and most news text is ASCII.
enum ScalarClass {
  @inline(__always) static func isSpace(_ c: Unicode.Scalar) -> Bool {
    if c.value < 0x80 {
      return c == " " || c == "\n" || c == "\t" || c == "\r" || c.value == 0x0B || c.value == 0x0C
    }
    return c.properties.isWhitespace
  }

  @inline(__always) static func isLetter(_ c: Unicode.Scalar) -> Bool {
    if c.value < 0x80 { return (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
    return c.properties.isAlphabetic
  }

  @inline(__always) static func isUpper(_ c: Unicode.Scalar) -> Bool {
    if c.value < 0x80 { return c.value >= 0x41 && c.value <= 0x5A }
    return c.properties.isUppercase || c.properties.generalCategory == .titlecaseLetter
  }

  @inline(__always) static func isLower(_ c: Unicode.Scalar) -> Bool {
    if c.value < 0x80 { return c.value >= 0x61 && c.value <= 0x7A }
    return c.properties.isLowercase
  }

  @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool {
    if c.value < 0x80 { return c.value >= 0x30 && c.value <= 0x39 }
    return c.properties.numericType != nil
  }

  /// Appends the UTF-8 bytes of the lower-case form of a scalar.
  @inline(__always) static func appendLowercased(_ c: Unicode.Scalar, toUTF8 bytes: inout [UInt8]) {
    if c.value < 0x80 {
      bytes.append(UInt8(c.value >= 0x41 && c.value <= 0x5A ? c.value + 0x20 : c.value))
    } else {
      bytes.append(contentsOf: c.properties.lowercaseMapping.utf8)
    }
  }
}
