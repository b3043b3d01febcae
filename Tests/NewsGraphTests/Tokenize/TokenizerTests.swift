import Testing

@testable import NewsGraph

@Suite struct TokenizerTests {
  /// Tokens of a whole string as `text/kind`, easy to read in a failure.
  static func tokens(_ input: String) -> [Token] {
    let text = SourceText(input)
    return Tokenizer().tokens(in: text, range: 0..<text.count)
  }

  static func describe(_ tokens: [Token]) -> [String] {
    tokens.map { "\($0.text)/\(kindName($0.kind))" }
  }

  static func kindName(_ kind: Token.Kind) -> String {
    switch kind {
    case .word: "w"
    case .number: "n"
    case .possessive: "pos"
    case .punctuation: "p"
    case .symbol: "sym"
    case .url: "url"
    }
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var input: String
    /// `text/kind` with kinds w, n, pos, p, sym, url.
    var tokens: [String]
    var explanation: String
    var testDescription: String { explanation }
  }

  @Test(arguments: [
    Case(
      input: "Russia's army", tokens: ["Russia/w", "'s/pos", "army/w"],
      explanation: "a possessive splits off its noun"),
    Case(
      input: "Russia\u{2019}s army", tokens: ["Russia/w", "'s/pos", "army/w"],
      explanation: "a curly apostrophe is folded, then split the same way"),
    Case(
      input: "Sisi's.", tokens: ["Sisi/w", "'s/pos", "./p"],
      explanation: "a possessive before the final period"),
    Case(input: "al-Sisi", tokens: ["al-Sisi/w"], explanation: "a particle joined by a hyphen"),
    Case(
      input: "the US-led coalition", tokens: ["the/w", "US-led/w", "coalition/w"],
      explanation: "a hyphenated compound stays one token"),
    Case(
      input: "the U.S. army", tokens: ["the/w", "U.S./w", "army/w"],
      explanation: "a dotted acronym keeps its final period"),
    Case(input: "U.S.A.", tokens: ["U.S.A./w"], explanation: "three letters, all dotted"),
    Case(
      input: "in the U.S.", tokens: ["in/w", "the/w", "U.S./w"],
      explanation: "a dotted acronym at the very end keeps its period"),
    Case(
      input: "No. 1 in Boston, Mass., on Mar. 5",
      tokens: [
        "No./w", "1/n", "in/w", "Boston/w", ",/p", "Mass./w", ",/p", "on/w", "Mar./w", "5/n",
      ],
      explanation: "a word-like abbreviation keeps its period before a digit or a comma"),
    Case(
      input: "He said No. Then",
      tokens: ["He/w", "said/w", "No/w", "./p", "Then/w"],
      explanation: "a word-like abbreviation before a capital gives its period to the sentence"),
    Case(
      input: "St. Louis", tokens: ["St./w", "Louis/w"],
      explanation: "a title-like abbreviation keeps its period before a name"),
    Case(
      input: "Mr. Smith, Gen. Sisi, Jan. 5",
      tokens: ["Mr./w", "Smith/w", ",/p", "Gen./w", "Sisi/w", ",/p", "Jan./w", "5/n"],
      explanation: "titles and months keep their period"),
    Case(
      input: "Louisville, \u{212A}y. and Gov\u{301}. Smith",
      tokens: [
        "Louisville/w", ",/p", "\u{212A}y./w", "and/w", "Gov\u{301}/w", "./p", "Smith/w",
      ],
      explanation: "a word beyond ASCII is an abbreviation only when canonically equal to one"),
    Case(
      input: "Gov\u{2019}t. Smith and Gov't. Jones",
      tokens: ["Gov't./w", "Smith/w", "and/w", "Gov't./w", "Jones/w"],
      explanation: "an abbreviation with a folded apostrophe is read from its scalars, as ASCII"),
    Case(
      input: "rose 3.5. Then", tokens: ["rose/w", "3.5./n", "Then/w"],
      explanation: "a period after a number with a decimal point is kept, as by a dotted word"),
    Case(
      input: "Michael B. Kelley", tokens: ["Michael/w", "B./w", "Kelley/w"],
      explanation: "an initial keeps its period"),
    Case(
      input: "a $3.5 billion deal", tokens: ["a/w", "$/sym", "3.5/n", "billion/w", "deal/w"],
      explanation: "currency sign, decimal number, word"),
    Case(
      input: "1,000 troops", tokens: ["1,000/n", "troops/w"],
      explanation: "a thousands separator inside a number"),
    Case(
      input: "In 2014, he", tokens: ["In/w", "2014/n", ",/p", "he/w"],
      explanation: "a comma after a number is punctuation"),
    Case(
      input: "It ended. 5 died", tokens: ["It/w", "ended/w", "./p", "5/n", "died/w"],
      explanation: "a period after a word that is no abbreviation stands alone"),
    Case(input: "O'Brien", tokens: ["O'Brien/w"], explanation: "an apostrophe inside a name"),
    Case(input: "don't", tokens: ["don't/w"], explanation: "a contraction is one word"),
    Case(
      input: "see https://example.com/a?b=1&c=2 now",
      tokens: ["see/w", "https://example.com/a?b=1&c=2/url", "now/w"],
      explanation: "a URL runs to the next white space"),
    Case(
      input: "Wait... what", tokens: ["Wait/w", ".../p", "what/w"],
      explanation: "three periods are one ellipsis"),
    Case(
      input: "Wait\u{2026} what", tokens: ["Wait/w", "\u{2026}/p", "what/w"],
      explanation: "the ellipsis character is one token"),
    Case(
      input: "S&P and M&S", tokens: ["S&P/w", "and/w", "M&S/w"],
      explanation: "ampersand between single capitals"),
    Case(
      input: "\"Sphere,\" he said (L).",
      tokens: [
        "\"/p", "Sphere/w", ",/p", "\"/p", "he/w", "said/w", "(/p", "L/w", ")/p", "./p",
      ],
      explanation: "quotes, commas and brackets are tokens of their own"),
    Case(
      input: "Defense2 min", tokens: ["Defense2/w", "min/w"],
      explanation: "letters glued to digits stay one word"),
  ])
  func tokenizes(_ example: Case) {
    #expect(Self.describe(Self.tokens(example.input)) == example.tokens)
  }

  @Test func offsetsAreCodePointsOfTheInput() {
    let input = "😀 Київ's «U.S.» $3.5"
    let tokens = Self.tokens(input)
    for token in tokens {
      #expect(
        SourceText(input).foldedText(token.start..<token.end) == token.text,
        "token \(token.text) at \(token.start)..<\(token.end)")
    }
    let kyiv = tokens.first { $0.text == "Київ" }
    #expect(kyiv?.start == 2)
    #expect(kyiv?.end == 6)
    let dollar = tokens.first { $0.text == "$" }
    #expect(dollar?.start == 16)
  }

  @Test func asciiWordScalarsAreDigitsAndLetters() {
    for value in UInt8(0)..<0x80 {
      let scalar = Unicode.Scalar(value)
      let expected = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
      #expect(isWordScalar(scalar) == expected, "scalar \(value)")
    }
  }

  @Test func tokensHaveTheShapeOfTheirText() {
    // The tokenizer tells a token's shape whether a hyphen joined it: the same shape as a token
    // made from its text alone.
    for token in Self.tokens("US-led Boston-based al-Sisi well-Known plain-x e.g. -led") {
      let given = Token(
        text: token.text, start: token.start, end: token.end, kind: token.kind,
        spaceBefore: token.spaceBefore)
      #expect(token == given, "token \(token.text)")
      #expect(token.hasLowercaseSuffix == given.hasLowercaseSuffix, "token \(token.text)")
    }
    #expect(Self.tokens("US-led").first?.hasLowercaseSuffix == true)
  }

  /// The tokenizer hashes a word as it joins it, separators and a kept period included, and a
  /// mark of one ASCII scalar by its byte: the hash and the facts of the bytes are those of a
  /// token made from its text, and the hash is the tables' (`StringTable.hash(_:)`) of its bytes.
  @Test(arguments: [
    "AT&T and S&P said", "U.S. e.g. U.S.A", "3.5 1,000 2-1", "O'Brien don't Russia's",
    "al-Sisi US-led MCCAIN-led", "Mr. Smith No. 1", "see https://example.com/a-b now",
    "Zürich Émile naïve-Looking", "wait... REUTERS McCain B. J", "1.5bn 10,000-strong",
    "a - b; (c) \u{2014} \"d\" $5 \u{20AC}3 ! + \u{A7}",
  ])
  func wordsAreHashedAsTheirBytes(_ input: String) {
    for token in Self.tokens(input) {
      let given = Token(
        text: token.text, start: token.start, end: token.end, kind: token.kind,
        spaceBefore: token.spaceBefore)
      #expect(token == given, "token \(token.text)")
      let bytes = Array(token.text.utf8)
      #expect(
        token.textHash == bytes.withUnsafeBufferPointer { StringTable.hash($0) },
        "token \(token.text)")
      #expect(token.isASCII == bytes.allSatisfy { $0 < 0x80 }, "token \(token.text)")
      #expect(token.containsHyphen == bytes.contains(UInt8(ascii: "-")), "token \(token.text)")
      #expect(
        token.hasCapitalAfterFirst == bytes.dropFirst().contains { $0 &- 0x41 < 26 },
        "token \(token.text)")
    }
  }

  /// The tokenizer reads ASCII letters and digits from `SourceText.ascii` and makes a word's
  /// string from those bytes; bytes of 0x80 for every scalar send each through the scalars
  /// instead, which must give the same tokens: texts, offsets, kinds, shapes, hashes and facts.
  @Test(arguments: [
    "Émile Zola, Zu\u{308}rich and Zürich-based naïve-Looking São Paulo officials",
    "\u{201C}Yes,\u{201D} O\u{2019}Brien said; Russia\u{2019}s don\u{2019}t \u{2018}no\u{2019}",
    "on\u{A0}Monday\u{202F}morning, 1,000.50 or 3.5bn and 10,000-strong in 1990\u{2013}91",
    "war\u{2014}again US-led al-Sisi e-ray-X O'Brien don't Russia's Sisi's.",
    "see https://example.com/a?b=1&c=2. Then http://x.org/\u{E9}t\u{E9} now",
    "the U.S. and U.S.A. e.g. Jan. 5, Mr. Smith, No. 1, Boston, Mass., St. Louis",
    "AT&T and S&P, M&S; Wait... what\u{2026} \u{212A}y. Gov\u{301}. B. J",
    "a of the four seven88 eightxyz fifteen-letters sixteen-letters1 seventeen-letters",
    "internationally-recognised counterterrorism multimillion-dollar 12345678901234567",
    "tab\there\rand\u{2028}there \u{FEFF}zero\u{200D}width caf\u{E9}s CAF\u{C9} \u{1F600}x",
    "Київ's «U.S.» $3.5 €3 § + ~ | ^ 2-1 1.5 .5 5. -led -",
  ])
  func asciiBytesGiveTheScalarsTokens(_ input: String) {
    let text = SourceText(input)
    let read = Tokenizer().tokens(in: text, range: 0..<text.count)
    let unread = text.folded.withUnsafeBufferPointer { scalars in
      [UInt8](repeating: 0x80, count: scalars.count).withUnsafeBufferPointer { bytes in
        var tokens: [Token] = []
        Tokenizer().append(in: scalars, bytes: bytes, range: 0..<scalars.count, to: &tokens)
        return tokens
      }
    }
    #expect(Self.describe(read) == Self.describe(unread))
    #expect(read == unread)
    #expect(!read.isEmpty)
  }

  /// A word of ASCII letters and digits that a space, a plain mark, a comma or the end of the
  /// range ends, or a period, an apostrophe or a colon that it does not join, is made from its
  /// bytes, its traits from those it joined: of every length (one byte from a table, two to
  /// sixteen as two words, more through the general string), and in every case and kind, it is
  /// the token made from its text, at the same offsets.
  @Test(arguments: [
    "a I x 7", "an US of 42 Ok oK", "the USA Ab1 999", "four WORD Word word 2024",
    "seven88 eightxyz NINELETTR Ten0123456", "fifteenLetters1 counterterrorism",
    "seventeenLetters1 12345678901234567 InternationallyKnown",
    "Egypt, Cairo; (Giza) [Nile] Sinai! Aswan? \"Luxor\" end", "trailing word at the end",
    "He said. Egypt's ARMY: 3 men- 1990. IT'S done'", "seventeenLetters1. x: Ab'",
  ])
  func plainASCIIWordsAreTheTokensOfTheirTexts(_ input: String) {
    let tokens = Self.tokens(input)
    let text = SourceText(input)
    for token in tokens {
      let given = Token(
        text: token.text, start: token.start, end: token.end, kind: token.kind,
        spaceBefore: token.spaceBefore)
      #expect(token == given, "token \(token.text)")
      #expect(token.isCapitalized == given.isCapitalized, "token \(token.text)")
      #expect(token.isAllCaps == given.isAllCaps, "token \(token.text)")
      #expect(token.isLowercase == given.isLowercase, "token \(token.text)")
      #expect(text.foldedText(token.start..<token.end) == token.text, "token \(token.text)")
    }
    let words = tokens.filter { $0.kind == .word || $0.kind == .number }.map(\.text)
    // Possessives split off: their "s" is no word of its own.
    let parts: [String] = input.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    #expect(words == parts.filter { $0.lowercased() != "s" })
  }

  /// Every ASCII mark, on its own or folded to from beyond ASCII (a curly quote, a dash), is a
  /// token of one scalar made from its byte: the token made from its text, of the same kind.
  @Test func asciiMarksAreTheTokensOfTheirTexts() {
    let marks = (UInt8(0x21)..<0x7F).map { Character(Unicode.Scalar($0)) }.filter {
      !$0.isLetter && !$0.isNumber
    }
    let input = marks.map { " \($0) " }.joined() + "\u{201C}x\u{201D} a \u{2014} b"
    let tokens = Self.tokens(input)
    for token in tokens {
      let given = Token(
        text: token.text, start: token.start, end: token.end, kind: token.kind,
        spaceBefore: token.spaceBefore)
      #expect(token == given, "token \(token.text)")
    }
    let kinds = Dictionary(
      uniqueKeysWithValues: tokens.prefix(marks.count).map { ($0.text, $0.kind) })
    #expect(tokens.prefix(marks.count).map(\.text) == marks.map(String.init))
    #expect(kinds["$"] == .symbol)
    #expect(kinds["-"] == .punctuation)
    #expect(Array(tokens.suffix(6).map(\.text)) == ["\"", "x", "\"", "a", "-", "b"])
  }

  @Test func tokenizesOnlyTheGivenRange() {
    let text = SourceText("skip Egypt skip")
    let tokens = Tokenizer().tokens(in: text, range: 5..<10)
    #expect(tokens.map(\.text) == ["Egypt"])
    #expect(tokens.first?.start == 5)
  }

  @Test func spaceBeforeIsRecorded() {
    let tokens = Self.tokens("Putin (L) said")
    #expect(tokens.map(\.spaceBefore) == [true, true, false, false, true])
  }

  @Test func emptyAndBlankTextHaveNoTokens() {
    #expect(Self.tokens("").isEmpty)
    #expect(Self.tokens(" \n\t ").isEmpty)
  }

  @Test()
  func ampersandAfterTwoCapitals() {
    #expect(Self.describe(Self.tokens("AT&T said")) == ["AT&T/w", "said/w"])
  }

  @Test()
  func urlLeavesTheFinalPeriod() {
    #expect(
      Self.describe(Self.tokens("Read https://example.com/news. Then")) == [
        "Read/w", "https://example.com/news/url", "./p", "Then/w",
      ])
  }

  @Test func abbreviationsAreASCIISoLongerWordsNeverMatch() {
    // The tokenizer rules out a word longer than every abbreviation before looking it up.
    #expect(Tokenizer.abbreviations.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } })
    #expect(
      Tokenizer.longestAbbreviation
        == Tokenizer.abbreviations.map { $0.unicodeScalars.count }.max())
    #expect(Self.describe(Self.tokens("Messrs. Smith")).first == "Messrs./w")
    #expect(Self.describe(Self.tokens("Messrsx. Smith")).prefix(2) == ["Messrsx/w", "./p"])
  }
}
