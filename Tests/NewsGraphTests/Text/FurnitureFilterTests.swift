import Foundation
import Testing

@testable import NewsGraph

@Suite struct FurnitureFilterTests {
  /// What the filter made of a page: kept blocks as `kind: text`, dropped lines as text.
  struct Outcome {
    var blocks: [TextBlock]
    var kept: [String]
    var dropped: [String]
  }

  static func filter(_ page: String) -> Outcome {
    let text = SourceText(page)
    let (blocks, dropped) = FurnitureFilter().blocks(in: text)
    return Outcome(
      blocks: blocks,
      kept: blocks.map { "\($0.kind.rawValue): \(text.text($0.range))" },
      dropped: dropped.map { text.text($0.range) })
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var page: String
    var kept: [String]
    var dropped: [String]
    var explanation: String
    var testDescription: String { explanation }
  }

  @Test(arguments: [
    Case(
      page: """
        1. News
        2. Americas
        3. Floods close schools across the region

        Floods close schools across the region

        Heavy rain closed schools across the region on Monday, officials said.
        """,
      kept: [
        "heading: Floods close schools across the region",
        "prose: Heavy rain closed schools across the region on Monday, officials said.",
      ],
      dropped: ["1. News", "2. Americas", "3. Floods close schools across the region"],
      explanation: "numbered breadcrumb lines are a menu, the title after them is kept"),
    Case(
      page: """
        Officials met in Lima on Friday.
        Advertisement
        They agreed to meet again.
        """,
      kept: ["prose: Officials met in Lima on Friday.", "prose: They agreed to meet again."],
      dropped: ["Advertisement"],
      explanation: "an advertisement label between paragraphs"),
    Case(
      page: """
        Officials met in Lima on Friday.

        Read more

        Read more: Floods in Peru
        """,
      kept: ["prose: Officials met in Lima on Friday."],
      dropped: ["Read more", "Read more: Floods in Peru"],
      explanation: "calls to read more, alone or with a headline"),
    Case(
      page: """
        Peru braces for rain
        5 min read
        Politics3 min read
        Officials met in Lima on Friday.
        """,
      kept: ["heading: Peru braces for rain", "prose: Officials met in Lima on Friday."],
      dropped: ["5 min read", "Politics3 min read"],
      explanation: "reading times, also glued to a section name"),
    Case(
      page: """
        floods peru lima rain schools

        Officials met in Lima on Friday.
        """,
      kept: ["prose: Officials met in Lima on Friday."],
      dropped: ["floods peru lima rain schools"],
      explanation: "a tag line: words without capitals or punctuation"),
    Case(
      page: """
        Officials met in Lima on Friday.
        Share this article
        Follow us on social media
        """,
      kept: ["prose: Officials met in Lima on Friday."],
      dropped: ["Share this article", "Follow us on social media"],
      explanation: "share and follow buttons"),
    Case(
      page: """
        Home | World | Business | Sport | Weather
        Americas › Peru › Politics
        Officials met in Lima on Friday.
        """,
      kept: ["prose: Officials met in Lima on Friday."],
      dropped: ["Home | World | Business | Sport | Weather", "Americas › Peru › Politics"],
      explanation: "menus with pipes or chevrons between items"),
    Case(
      page: """
        Peru Braces For More Rain

        Peru Braces For More Rain
        By Ana Ruiz

        Peru Braces For More Rain
        Rain fell again in Lima on Sunday.
        """,
      kept: [
        "heading: Peru Braces For More Rain", "heading: By Ana Ruiz",
        "prose: Rain fell again in Lima on Sunday.",
      ],
      dropped: ["Peru Braces For More Rain", "Peru Braces For More Rain"],
      explanation: "a title repeated three times is kept once"),
    Case(
      page: """
        AFP/John Smith
        Photo: Jane Doe
        Rescuers searched the river on Sunday.
        """,
      kept: [
        "credit: AFP/John Smith", "credit: Photo: Jane Doe",
        "prose: Rescuers searched the river on Sunday.",
      ],
      dropped: [],
      explanation: "photo credits are kept as credits, not prose"),
    Case(
      page: """
        (Photo by Jane Doe)
        Image credit: AFP
        Pictured: Rescuers in Lima
        Rescuers searched the river on Sunday.
        """,
      kept: [
        "credit: (Photo by Jane Doe)", "credit: Image credit: AFP",
        "credit: Pictured: Rescuers in Lima", "prose: Rescuers searched the river on Sunday.",
      ],
      dropped: [],
      explanation: "credit prefixes of each first letter, and one that opens a bracket"),
    Case(
      page: """
        The minister told reporters in the capital on Tuesday that the talks with the rebels
        would resume next week in Geneva, and that both sides had agreed to a ceasefire.
        """,
      kept: [
        "prose: The minister told reporters in the capital on Tuesday that the talks with the rebels\nwould resume next week in Geneva, and that both sides had agreed to a ceasefire."
      ],
      dropped: [],
      explanation: "a hard-wrapped sentence becomes one block"),
    Case(
      page: """
        Officials met in Lima on Friday.
        1. They agreed on a budget.
        2. They agreed on a date.
        """,
      kept: [
        "prose: Officials met in Lima on Friday.", "prose: 1. They agreed on a budget.",
        "prose: 2. They agreed on a date.",
      ],
      dropped: [],
      explanation: "a numbered list of sentences is article text, not a menu"),
  ])
  func dropsFurnitureAndKeepsText(_ example: Case) {
    let outcome = Self.filter(example.page)
    #expect(outcome.kept == example.kept)
    #expect(outcome.dropped == example.dropped)
  }

  @Test func interfaceWordsStartingASentenceAreKept() {
    let outcome = Self.filter(
      """
      Read more about the floods in our report.
      Share prices fell sharply on Monday.
      Related talks will follow in June.
      """)
    #expect(outcome.dropped == [])
    #expect(outcome.kept.count == 3)
  }

  @Test func crlfLinesGiveTheSameBlocks() {
    let page =
      "Peru braces for rain\n5 min read\n\nOfficials met in Lima on Friday.\nAdvertisement\n"
    let unix = Self.filter(page)
    let windows = Self.filter(page.replacingOccurrences(of: "\n", with: "\r\n"))
    #expect(windows.kept == unix.kept)
    #expect(windows.dropped == unix.dropped)
    #expect(windows.blocks.map(\.paragraph) == unix.blocks.map(\.paragraph))
  }

  @Test func paragraphsAreCountedAtBlankLines() {
    let outcome = Self.filter(
      """
      First paragraph here.

      Second paragraph here.
      Still the second paragraph.


      Third paragraph here.
      """)
    let paragraphs = outcome.blocks.map(\.paragraph)
    #expect(paragraphs.count == 4)
    #expect(paragraphs[1] == paragraphs[2], "no blank line between them")
    #expect(paragraphs[0] < paragraphs[1])
    #expect(paragraphs[2] < paragraphs[3])
  }

  @Test func leadingBlankLinesDoNotShiftTheFirstParagraph() {
    let withBlanks = Self.filter("\n\n\nOne line here.\n\nTwo lines here.")
    let without = Self.filter("One line here.\n\nTwo lines here.")
    #expect(withBlanks.blocks.map(\.paragraph) == without.blocks.map(\.paragraph))
  }

  struct CaseFlags: Sendable, CustomTestStringConvertible {
    var line: String
    var allCaps: Bool
    var titleCase: Bool
    var explanation: String
    var testDescription: String { explanation }
  }

  @Test(arguments: [
    CaseFlags(
      line: "CAIRO TALKS COLLAPSE", allCaps: true, titleCase: false,
      explanation: "a headline in capitals"),
    CaseFlags(
      line: "Egypt And Russia Sign Arms Deal", allCaps: false, titleCase: true,
      explanation: "a headline in title case"),
    CaseFlags(
      line: "Egypt and Russia signed an arms deal on Monday.", allCaps: false, titleCase: false,
      explanation: "a sentence in ordinary case"),
    CaseFlags(
      line: "Egypt and Russia sign arms deal", allCaps: false, titleCase: false,
      explanation: "a headline in sentence case"),
    CaseFlags(
      line: "Egypt And Russia Sign Arms Deal Today.", allCaps: false, titleCase: false,
      explanation: "capitalized words that end a sentence"),
    CaseFlags(
      line: "  Egypt, Russia  And 2 \u{C9}tats Sign $5 Arms Deal  ", allCaps: false,
      titleCase: true,
      explanation: "words without letters count neither way; white space around and between"),
    CaseFlags(
      line: "Egypt and russia sign 4 deals", allCaps: false, titleCase: false,
      explanation: "two capitalized words of five with letters"),
    CaseFlags(
      line: "Egypt Russia", allCaps: false, titleCase: false,
      explanation: "two capitalized words are too few for a headline"),
    CaseFlags(
      line: "Egypt 2 Russia", allCaps: false, titleCase: false,
      explanation: "three words, but only two with a letter"),
    CaseFlags(
      line: "Egypt Russia Sign", allCaps: false, titleCase: true,
      explanation: "three capitals, the fewest a headline has"),
    CaseFlags(
      line: "Egypt Russia sign", allCaps: false, titleCase: false,
      explanation: "two capitals tell the line without reading its words again"),
    CaseFlags(
      line: "\u{C9}gypt \u{212B}rhus \u{1C5}ign", allCaps: false, titleCase: true,
      explanation: "capitals beyond ASCII, one of title case"),
    CaseFlags(
      line: "the and Egypt Russia Sign Arms Deal In Cairo Today", allCaps: false,
      titleCase: true,
      explanation: "two lower-case words of ten, the most a headline has, come first"),
    CaseFlags(
      line: "the and of Egypt Russia Sign Arms Deal In Cairo Today", allCaps: false,
      titleCase: false, explanation: "three lower-case words of eleven are one too many"),
  ])
  func caseFlags(_ example: CaseFlags) throws {
    let outcome = Self.filter(example.line)
    let block = try #require(outcome.blocks.first)
    #expect(block.isAllCaps == example.allCaps)
    #expect(block.isTitleCase == example.titleCase)
  }

  @Test func blockRangesAreTrimmedCodePointRanges() throws {
    let page = "😀\n   Rescuers searched the river.   \n"
    let text = SourceText(page)
    let block = try #require(FurnitureFilter().blocks(in: text).blocks.first)
    #expect(block.range == 5..<33)
    #expect(text.text(block.range) == "Rescuers searched the river.")
  }

  @Test func wrappedLineWithoutCapitalsIsKept() {
    let outcome = Self.filter(
      """
      The minister told reporters on Tuesday that the talks with the rebels
      would resume next week and that both sides had agreed to extend the
      ceasefire in Geneva.
      """)
    #expect(outcome.dropped == [])
    #expect(
      outcome.kept == [
        "prose: The minister told reporters on Tuesday that the talks with the rebels\n"
          + "would resume next week and that both sides had agreed to extend the\n"
          + "ceasefire in Geneva."
      ])
  }

  @Test
  func wrappedLineStartingWithANameIsJoined() {
    let outcome = Self.filter(
      """
      The minister told reporters in the capital on Tuesday that the talks with
      Peru would resume next week in Geneva, and that both sides had agreed.
      """)
    #expect(outcome.kept.count == 1)
  }

  @Test func repeatsAreFoundUnderCanonicalEquivalence() {
    let outcome = Self.filter(
      "Caf\u{E9} Owners Protest In Lima\nCafe\u{301} owners protest in Lima\n"
        + "OFFICIALS MET IN LIMA\nOfficials met in  Lima\nOfficials met in Lima on Friday.")
    #expect(
      outcome.dropped == ["Cafe\u{301} owners protest in Lima", "Officials met in  Lima"])
  }

  @Test func slashesMakeCreditsOnlyInsideWords() {
    let outcome = Self.filter(
      "Reuters/Jane Doe \nScores /3 Lima/Cusco\nRuiz / Lima\nOfficials met in Lima on Friday.")
    #expect(
      outcome.kept == [
        "credit: Reuters/Jane Doe", "heading: Scores /3 Lima/Cusco", "heading: Ruiz / Lima",
        "prose: Officials met in Lima on Friday.",
      ])
  }

  @Test func interfaceTextIsFoundThroughPunctuationAndSymbols() {
    let outcome = Self.filter(
      "\u{2014} Share this article \u{2014}\n\u{A9} 2024 Reuters\nWatch: Floods in Lima\n"
        + "Watching the floods in Lima\nOfficials met in Lima on Friday.")
    #expect(
      outcome.dropped == [
        "\u{2014} Share this article \u{2014}", "\u{A9} 2024 Reuters", "Watch: Floods in Lima",
      ])
    #expect(outcome.kept.first == "heading: Watching the floods in Lima")
  }

  @Test func keysLongerThanTheirLinesAreWrittenWhole() {
    // "İ" (two bytes) lowers to "i" and a combining dot (three): the key outgrows the line.
    let outcome = Self.filter(
      "\u{130}\u{130}\u{130}\u{130} \u{130}STANBUL TALKS\n"
        + "i\u{307}i\u{307}i\u{307}i\u{307} i\u{307}stanbul Talks\n"
        + "Officials met in Istanbul on Friday.")
    #expect(outcome.dropped == ["i\u{307}i\u{307}i\u{307}i\u{307} i\u{307}stanbul Talks"])
    #expect(outcome.kept.count == 2)
  }

  @Test func linesAreSplitAtEachBreakAndTrimmed() {
    // A last line break starts an empty line; white space around a line is neither in its
    // range nor in its key, and white space inside is one space.
    let text = SourceText(" Floods  hit Lima \n\n\t\nRain   \n")
    let (shapes, keys) = LineShape.shapes(of: text)
    #expect(shapes.map(\.trimmed) == [1..<17, 19..<19, 21..<21, 22..<26, 30..<30])
    #expect(
      shapes.map { String(decoding: keys[$0.key], as: UTF8.self) } == [
        "floods hit lima", "", "", "rain", "",
      ])
    #expect(shapes.map(\.words) == [3, 0, 0, 1, 0])
  }

  @Test(arguments: [
    "The U.S. Senate voted 52-48 on Tuesday, REUTERS said.",
    "Two  spaces  here,   three there and\ttabs\t\tbetween WORDS~and_marks{}|",
    "1234567 ABCDEFGH abcdefgh        eight spaces then Caf\u{E9} d\u{E9}j\u{E0} vu",
    "\u{7F}DEL and @[`{ around letters: AZaz az AZ \u{B}vertical\u{C}feed END",
    "ISTANBUL \u{130}stanbul i\u{307}stanbul \u{212A}elvin short",
    "x", "exactly8", "exactly8 ", "ends with a space after eight ",
  ])
  func lineScanAgreesWithScalarByScalarCounts(_ line: String) {
    // Lines long enough that most of each is read eight scalars at a time, with double spaces,
    // controls and scalars beyond ASCII at every offset of the eight (the line repeated with
    // one to eight letters before it).
    for shift in 0..<9 {
      let line = String(repeating: "a", count: shift) + line
      let text = SourceText(line + "\nNext")
      let (shapes, keys) = LineShape.shapes(of: text)
      let scalars = text.folded[shapes[0].trimmed]
      let words = scalars.split(whereSeparator: ScalarClass.isSpace)
      let key = words.map { word in
        word.map { ScalarClass.lowercaseMapping($0) }.joined()
      }.joined(separator: " ")
      #expect(Array(keys[shapes[0].key]) == Array(key.utf8))
      #expect(
        shapes[0].keyHasCombiningRange
          == Array(key.utf8).withUnsafeBufferPointer { LineKeySet.hasCombiningRange($0) })
      #expect(shapes[0].keyIsASCII == key.utf8.allSatisfy { $0 < 0x80 })
      #expect(shapes[0].words == words.count)
      #expect(shapes[0].letters == scalars.filter(ScalarClass.isLetter).count)
      #expect(shapes[0].uppercaseLetters == scalars.filter(ScalarClass.isUpper).count)
    }
  }

  @Test func repeatsAreFoundWhateverTheWhiteSpaceAroundThem() {
    let outcome = Self.filter("Floods in Lima  \n  Floods   in Lima\nOfficials met on Friday.")
    #expect(outcome.dropped == ["Floods   in Lima"])
  }

  @Test(arguments: [0, 1, 15, 16, 17, 31, 32, 33, 80, 16 * 255 + 5, 16 * 600 + 9])
  func countsLineFeedsAndBytesBeyondASCIISixteenAtATime(_ length: Int) {
    // Every third scalar a line feed and every fifth beyond ASCII, so that some fall in the
    // tail after the last sixteen; long enough texts sum more than 255 vectors.
    let scalars: [Unicode.Scalar] = (0..<length).map {
      $0 % 3 == 0 ? "\n" : $0 % 5 == 0 ? "\u{E9}" : "a"
    }
    let text = SourceText(String(String.UnicodeScalarView(scalars)))
    let counts = text.ascii.withUnsafeBytes { LineShape.counts(of: $0) }
    #expect(counts.lineFeeds == scalars.filter { $0 == "\n" }.count)
    #expect(counts.beyondASCII == scalars.filter { !$0.isASCII }.count)
  }

  @Test(arguments: [
    (key: "2 min read", expected: true, explanation: "ends with the suffix"),
    (key: "read", expected: true, explanation: "is the suffix"),
    (key: "ead", expected: false, explanation: "shorter than the suffix"),
    (key: "", expected: false, explanation: "empty"),
    (key: "reader", expected: false, explanation: "holds the suffix, not at its end"),
    (key: "2 min réad", expected: false, explanation: "a byte beyond ASCII in its place"),
  ])
  func suffixesAreComparedByBytes(key: String, expected: Bool, explanation: String) {
    let found = Array(key.utf8).withUnsafeBufferPointer { FurnitureFilter.hasSuffix($0, "read") }
    #expect(found == expected, Comment(rawValue: explanation))
  }

  /// A line break other than a line feed is not counted, yet has its line (the array grows).
  @Test func linesOfOtherBreaksAreShapedThoughNotCounted() {
    let text = SourceText("Floods in Lima\u{2028}Officials met\u{85}on Friday.\u{2029}End")
    let counts = text.ascii.withUnsafeBytes { LineShape.counts(of: $0) }
    #expect(counts.lineFeeds == 0)
    #expect(counts.beyondASCII == 3)
    #expect(LineShape.shapes(of: text).shapes.count == 4)
  }

  /// The bytes of a key tell a reading time as its string does.
  @Test(arguments: [
    (key: "5 min read", explanation: "a number and the phrase"),
    (key: "politics3 min read", explanation: "glued to a section name"),
    (key: "12 minutes read", explanation: "the longest phrase"),
    (key: "3 mins read", explanation: "the first phrase is not in it, the second is"),
    (key: "2min read", explanation: "the phrase without its space"),
    (key: "min read", explanation: "no number"),
    (key: "long read", explanation: "no phrase"),
    (key: "a 5 min read", explanation: "the number not first"),
    (key: "5 min read min read", explanation: "the first place of the phrase decides"),
    (key: "five min read", explanation: "a word, not a number"),
    (key: "\u{0663} min read", explanation: "a digit beyond ASCII, told by the string"),
    (key: "5 min réad", explanation: "a letter beyond ASCII"),
  ])
  func readingTimesAreToldByBytes(key: String, explanation: String) {
    let found = Array(key.utf8).withUnsafeBufferPointer { LineShape.mentionsReadingTime($0) }
    #expect(found == LineShape.mentionsReadingTime(key), Comment(rawValue: explanation))
  }

  /// Marks read eight scalars at a time from the bytes are those read one by one, whatever the
  /// offset of the marks among the eight (the line repeated with one to eight letters before it).
  @Test(arguments: [
    "Home \u{203A} World \u{203A} Europe | Politics > Elections",
    "Reuters/John Smith, 12/3 and 3/12 (photo): \"quoted\"; done.",
    "a/b c /d e/ 1/2/3 x/9 y /z q//r",
    "1/2 (a)", "|",
    "apostrophe's and hyphen-ated #tags $5 10% a&b *x+y<z=w",
    "Caf\u{E9} \u{BB} Lima \u{2022} Cusco\u{2022}Puno >>> ||| ...",
  ])
  func marksReadByBytesAreThoseReadOneByOne(_ line: String) {
    for shift in 0..<9 {
      let text = SourceText(String(repeating: "a", count: shift) + line)
      let (bytes, one) = text.folded.withUnsafeBufferPointer { scalars in
        text.ascii.withUnsafeBytes { ascii in
          (
            LineMarks(scalars, scalars.indices, ascii: ascii.baseAddress),
            LineMarks(scalars, scalars.indices, ascii: nil)
          )
        }
      }
      #expect(bytes.slashInsideWord == one.slashInsideWord, "shift \(shift)")
      #expect(bytes.separators == one.separators, "shift \(shift)")
      #expect(bytes.hasProsePunctuation == one.hasProsePunctuation, "shift \(shift)")
    }
  }

  /// Every marked ASCII scalar is a candidate, and the bytes from U+0022 to U+003E and "|" are
  /// the only ones.
  @Test func markCandidatesHoldEveryMarkedASCIIScalar() {
    for byte in UInt64(0x20)..<0x80 {
      let word = byte &* 0x0101_0101_0101_0101
      let expected = (0x22...0x3E).contains(byte) || byte == 0x7C
      #expect(LineMarks.candidates(word) == (expected ? 0x8080_8080_8080_8080 : 0), "\(byte)")
    }
    for scalar in "0123456789/>|,.\"():;".unicodeScalars {
      #expect((0x22...0x3E).contains(scalar.value) || scalar == "|", "\(scalar)")
    }
  }

  /// The bytes of an ASCII key tell interface text as its string does: prefixes are compared
  /// only when their first bytes are the key's.
  @Test(arguments: [
    "read more", "read more about floods", "reading the floods", "(c) 2024 reuters",
    "(photo) floods", "-- share this article --", "watch: floods in lima", "xwatch: floods",
    "updated 10:30 gmt", "updated", "", "--", "advertisement", "all rights reserved.",
    "you may also like", "you may", "subscribe now!", "\"related\"",
  ])
  func interfaceTextIsToldByBytes(_ key: String) {
    let found = Array(key.utf8).withUnsafeBufferPointer {
      FurnitureFilter.isInterfaceText($0, isASCII: true)
    }
    #expect(found == FurnitureFilter.isInterfaceText(key))
  }

  @Test func creditPrefixesStartWithTheBytesTold() {
    for byte in UInt8.min...UInt8.max {
      #expect(
        LineShape.startsCreditPrefix(byte)
          == LineShape.creditPrefixes.contains { $0.utf8.first == byte }, "\(byte)")
    }
  }

  /// Words read eight scalars at a time from the bytes are counted as the words of the line
  /// split at white space, whatever the offset of the words among the eight (the line after
  /// zero to eight capitalized letters): lines at the bound of eight in ten either way, words
  /// with no letter, double spaces and scalars beyond ASCII.
  @Test(arguments: [
    "Alpha Beta Gamma Delta epsilon", "Alpha Beta Gamma delta epsilon",
    "Internationalization Organizations Meet Today -- 12 34 now",
    "Internationalization organizations meet Today -- 12 34 Now",
    "The U.S.  Senate Votes 52-48 On Tuesday -- 'Quoted' (Bracketed) Words",
    "\u{AB}\u{C9}lan\u{BB} \u{DC}ber Caf\u{E9} Owners Protest In Lima \u{2014} Reuters",
    "A B C d E F G h I J K l", "123 456 Abc Def Ghi", "x Y Z W V U T S R Q P O N",
    "Floods hit Lima and Cusco on Friday night as rivers rise",
  ])
  func capitalizedWordsAreCountedByBytesAsByWords(_ line: String) {
    for shift in 0..<9 {
      let prefix = shift == 0 ? "" : String(repeating: "Q", count: shift) + " "
      let text = SourceText(prefix + line)
      let words = text.folded.split(whereSeparator: ScalarClass.isSpace)
      let withLetters = words.filter { $0.contains(where: ScalarClass.isLetter) }
      let capitalized = withLetters.filter { $0.first.map(ScalarClass.isUpper) ?? false }
      let expected = withLetters.count >= 3 && capitalized.count * 10 >= withLetters.count * 8
      for useBytes in [true, false] {
        let found = text.folded.withUnsafeBufferPointer { scalars in
          text.ascii.withUnsafeBytes { ascii in
            LineShape.mostWordsCapitalized(
              scalars, scalars.indices, words: words.count,
              ascii: useBytes ? ascii.baseAddress : nil)
          }
        }
        #expect(found == expected, "shift \(shift), bytes \(useBytes)")
      }
    }
  }
}
