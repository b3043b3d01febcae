import Testing

@testable import NewsGraph

@Suite struct ScalarTraitsTests {
  /// The tests each trait stands for, by name.
  static let tests: [(ScalarTraits, String, @Sendable (Unicode.Scalar) -> Bool)] = [
    (.space, "space", ScalarClass.isSpace),
    (.word, "word", isWordScalar),
    (.notDigit, "not digit", { isWordScalar($0) && !isDigit($0) }),
    (.letter, "letter", ScalarClass.isLetter),
    (.upper, "upper", ScalarClass.isUpper),
    (.lower, "lower", ScalarClass.isLower),
    (
      .wordEnd, "word end",
      { $0.isASCII && !isWordScalar($0) && !"-'.,&:".unicodeScalars.contains($0) }
    ),
  ]

  @Test func asciiTableAgreesWithTheTests() {
    #expect(ScalarTraits.ascii.count == 0x80)
    for value in UInt8(0)..<0x80 {
      let scalar = Unicode.Scalar(value)
      for (trait, name, test) in Self.tests {
        #expect(ScalarTraits.ascii[Int(value)].contains(trait) == test(scalar), "\(name) \(value)")
      }
    }
  }

  /// Every byte has traits, so a loop over `SourceText.ascii` reads any without a test; from
  /// 0x80, a scalar beyond ASCII, none, so the loop stops for the scalar to be read.
  @Test func byteTableIsTheASCIITableThenNothing() {
    #expect(ScalarTraits.bytes.count == 0x100)
    #expect(ScalarTraits.bytes[..<0x80].map(\.rawValue) == ScalarTraits.ascii.map(\.rawValue))
    #expect(ScalarTraits.bytes[0x80...].allSatisfy { $0.isEmpty })
  }

  @Test(
    arguments: [
      "\u{00A0}", "\u{2003}", "É", "é", "ǅ", "٣", "\u{0301}", "\u{200D}", "€", "К", "ß", "😀",
    ] as [Unicode.Scalar])
  func scalarsBeyondASCIIHaveTheTestsTraits(_ scalar: Unicode.Scalar) {
    let traits = ScalarTraits.ascii.withUnsafeBufferPointer { ScalarTraits.of(scalar, in: $0) }
    for (trait, name, test) in Self.tests {
      #expect(traits.contains(trait) == test(scalar), "\(name) U+\(scalar.value)")
    }
  }

  /// `ScalarTraits(_:)` takes a letter for a word scalar, and for no space, without asking:
  /// true of every scalar.
  @Test func everyLetterIsAWordScalarAndNoSpace() {
    for value in UInt32(0)...0x10_FFFF {
      guard let scalar = Unicode.Scalar(value), ScalarClass.isLetter(scalar) else { continue }
      #expect(isWordScalar(scalar) && !ScalarClass.isSpace(scalar), "U+\(value)")
    }
  }

  @Test func joinedTraitsTellNumbersFromWords() {
    func joined(_ text: String) -> ScalarTraits {
      text.unicodeScalars.reduce(into: []) { $0.formUnion(ScalarTraits($1)) }
    }
    #expect(!joined("1984").contains(.notDigit))
    #expect(joined("1984s").contains(.notDigit))
    #expect(joined("٣").contains(.notDigit), "only ASCII digits make a number")
    #expect(joined("NATO").contains(.letter) && !joined("NATO").contains(.lower))
  }
}
