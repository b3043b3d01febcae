import Testing

@testable import NewsGraph

@Suite struct TokenTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var text: String
    var kind: Token.Kind
    var capitalized: Bool
    var allCaps: Bool
    var lowercase: Bool
    var lowercaseSuffix: Bool
    var explanation: String
    var testDescription: String { explanation }
  }

  @Test(arguments: [
    Case(
      text: "Putin", kind: .word, capitalized: true, allCaps: false, lowercase: false,
      lowercaseSuffix: false, explanation: "a capitalized word"),
    Case(
      text: "U.S.", kind: .word, capitalized: true, allCaps: true, lowercase: false,
      lowercaseSuffix: false, explanation: "a dotted acronym is all capitals"),
    Case(
      text: "al-Sisi", kind: .word, capitalized: false, allCaps: false, lowercase: true,
      lowercaseSuffix: false, explanation: "a lower-case particle before a hyphen"),
    Case(
      text: "US-led", kind: .word, capitalized: true, allCaps: false, lowercase: false,
      lowercaseSuffix: true, explanation: "a lower-case word after the last hyphen"),
    Case(
      text: "Boston-based", kind: .word, capitalized: true, allCaps: false, lowercase: false,
      lowercaseSuffix: true, explanation: "the hyphen after the first lower-case letter counts"),
    Case(
      text: "AL-QAEDA", kind: .word, capitalized: true, allCaps: true, lowercase: false,
      lowercaseSuffix: false, explanation: "capitals on both sides of a hyphen"),
    Case(
      text: "e-X-ray", kind: .word, capitalized: false, allCaps: false, lowercase: true,
      lowercaseSuffix: true, explanation: "only the last hyphen counts"),
    Case(
      text: "e-ray-X", kind: .word, capitalized: false, allCaps: false, lowercase: true,
      lowercaseSuffix: false, explanation: "a capital after the last hyphen"),
    Case(
      text: "Émile", kind: .word, capitalized: true, allCaps: false, lowercase: false,
      lowercaseSuffix: false, explanation: "an accented capital"),
    Case(
      text: "Putin", kind: .number, capitalized: false, allCaps: false, lowercase: false,
      lowercaseSuffix: false, explanation: "only words have a case"),
  ])
  func caseTestsMatchBothInitializers(_ c: Case) {
    let text = SourceText(c.text)
    // The tokenizer joins the traits of the scalars as it reads them.
    let traits = text.folded.reduce(into: ScalarTraits()) { $0.formUnion(ScalarTraits($1)) }
    let made = text.folded.withUnsafeBufferPointer {
      Token(
        text: c.text, scalars: $0, first: ScalarTraits(text.folded[0]), traits: traits, start: 0,
        end: text.count, kind: c.kind,
        spaceBefore: true, hasHyphen: c.text.contains("-"))
    }
    let given = Token(text: c.text, start: 0, end: text.count, kind: c.kind, spaceBefore: true)
    for token in [made, given] {
      #expect(token.kind == c.kind)
      #expect(token.spaceBefore)
      #expect(token.isCapitalized == c.capitalized)
      #expect(token.isAllCaps == c.allCaps)
      #expect(token.isLowercase == c.lowercase)
      #expect(token.hasLowercaseSuffix == c.lowercaseSuffix)
    }
    #expect(made == given)
  }

  @Test func asciiCharacterIsTheOneASCIIByte() {
    func character(_ text: String) -> UInt8 {
      Token(text: text, start: 0, end: 1, kind: .punctuation, spaceBefore: false).asciiCharacter
    }
    #expect(character("\"") == 0x22)
    #expect(character(".") == 0x2E)
    #expect(character("…") == 0)
    #expect(character("...") == 0)
    #expect(character("") == 0)
    #expect(character("é") == 0)
  }

  @Test func endsInPeriodScalarOfWords() {
    func ends(_ text: String, _ kind: Token.Kind = .word) -> Bool {
      Token(text: text, start: 0, end: 1, kind: kind, spaceBefore: false).endsInPeriodScalar
    }
    #expect(ends("Mr."))
    #expect(ends("U.S."))
    #expect(!ends("U.S"))
    #expect(!ends("3.", .number))
  }

  /// What the lookups ask of the bytes follows the text, whichever initializer made the token.
  @Test(arguments: [
    "", "The", "REUTERS", "McCain", "Zürich", "US-led", "-",
    "a-very-long-word-beyond-fifteen-bytes",
  ])
  func bytesFactsAreThoseOfTheText(_ text: String) {
    let bytes = Array(text.utf8)
    var token = Token(text: "x", start: 0, end: 1, kind: .word, spaceBefore: true)
    token.text = text
    #expect(token.textHash == bytes.withUnsafeBufferPointer { StringTable.hash($0) })
    #expect(token.isASCII == bytes.allSatisfy { $0 < 0x80 })
    #expect(token.containsHyphen == bytes.contains(UInt8(ascii: "-")))
    #expect(token.hasCapitalAfterFirst == bytes.dropFirst().contains { $0 &- 0x41 < 26 })
    let scalars = Array(text.unicodeScalars)
    let made = scalars.withUnsafeBufferPointer {
      Token(
        text: text, scalars: $0, first: [], traits: [], start: 0, end: scalars.count,
        kind: .punctuation, spaceBefore: true, hasHyphen: false)
    }
    let given = Token(
      text: text, start: 0, end: scalars.count, kind: .punctuation, spaceBefore: true)
    #expect(made == given)
  }

  /// The sentence splitter passes over a token that is no mark, no word ending in a period and
  /// no quote: what its kind and character would tell.
  @Test func mayEndSentenceOrQuoteIsWhatTheSplitterAsks() {
    let cases: [(String, Token.Kind, Bool)] = [
      (".", .punctuation, true), ("!", .punctuation, true), (",", .punctuation, true),
      ("\u{2026}", .punctuation, true), ("...", .punctuation, true), ("\"", .punctuation, true),
      ("U.S.", .word, true), ("Inc.", .word, true), ("B.", .word, true), ("said", .word, false),
      ("U.S", .word, false), ("3.5", .number, false), ("5.", .number, false),
      ("$", .symbol, false), ("'s", .possessive, false), ("https://a.b/.", .url, false),
      ("\"", .word, true), ("\"", .symbol, true),
    ]
    for (text, kind, expected) in cases {
      let token = Token(text: text, start: 0, end: 1, kind: kind, spaceBefore: true)
      #expect(token.mayEndSentenceOrQuote == expected, "\(text) \(kind)")
    }
  }

  @Test func settingAPropertyKeepsTheOthers() {
    var token = Token(text: "Putin", start: 3, end: 8, kind: .word, spaceBefore: true)
    token.spaceBefore = false
    #expect(!token.spaceBefore && token.kind == .word && token.isCapitalized)
    token.kind = .number
    #expect(token.kind == .number && !token.isCapitalized && !token.spaceBefore)
    token.kind = .word
    token.text = "iPhone"
    #expect(token.isLowercase && !token.isCapitalized && token.kind == .word)
    token.text = "\""
    token.kind = .punctuation
    #expect(token.asciiCharacter == 0x22 && token.start == 3 && token.end == 8)
  }
}
