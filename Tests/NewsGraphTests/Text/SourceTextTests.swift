import Testing

@testable import NewsGraph

@Suite struct SourceTextTests {
  struct DecodeCase: Sendable, CustomTestStringConvertible {
    var bytes: [UInt8]
    var error: TextError
    var explanation: String
    var testDescription: String { explanation }
  }

  @Test(arguments: [
    DecodeCase(
      bytes: Array("ab".utf8) + [0xFF] + Array("cd".utf8), error: .invalidUTF8(byteOffset: 2),
      explanation: "a byte that never occurs in UTF-8"),
    DecodeCase(
      bytes: Array("ab".utf8) + [0xE2, 0x82], error: .invalidUTF8(byteOffset: 2),
      explanation: "a 3-byte sequence cut short at the end of the input"),
    DecodeCase(
      bytes: Array("é€".utf8) + [0x80], error: .invalidUTF8(byteOffset: 5),
      explanation: "the offset counts bytes of the multi-byte scalars before it, not scalars"),
    DecodeCase(
      bytes: [0xC0, 0xAF], error: .invalidUTF8(byteOffset: 0),
      explanation: "an overlong encoding of '/'"),
    DecodeCase(
      bytes: Array("x".utf8) + [0xED, 0xA0, 0x80], error: .invalidUTF8(byteOffset: 1),
      explanation: "an encoded UTF-16 surrogate"),
    DecodeCase(
      bytes: Array("ab".utf8) + [0x00] + Array("cd".utf8), error: .binary(byteOffset: 2),
      explanation: "a NUL byte means binary data, not text"),
    DecodeCase(
      bytes: Array("😀".utf8) + [0x00], error: .binary(byteOffset: 4),
      explanation: "the NUL offset counts the four bytes of an emoji"),
    DecodeCase(
      bytes: Array("abc".utf8) + [0x00] + Array("defghijk".utf8), error: .binary(byteOffset: 3),
      explanation: "a NUL among eight ASCII bytes read at once"),
    DecodeCase(
      bytes: Array("twelve bytes".utf8) + [0x00] + Array("and more text".utf8),
      error: .binary(byteOffset: 12), explanation: "a NUL after eight ASCII bytes read at once"),
  ])
  func badBytesThrowWithOffset(_ example: DecodeCase) {
    #expect(throws: example.error) { try SourceText(utf8: example.bytes) }
  }

  @Test func errorDescriptionsNameTheOffset() {
    #expect(TextError.invalidUTF8(byteOffset: 7).description == "invalid UTF-8 at byte offset 7")
    #expect(TextError.binary(byteOffset: 3).description.contains("byte offset 3"))
  }

  @Test func validBytesDecodeToScalars() throws {
    let input = "Kyiv – Київ 😀 e\u{301}"
    let text = try SourceText(utf8: Array(input.utf8))
    #expect(text.original == Array(input.unicodeScalars))
    #expect(text.count == input.unicodeScalars.count)
    #expect(text.text(0..<text.count) == input)
  }

  @Test func decodingFoldsEachScalarAsItGoes() throws {
    let input =
      "long\tASCII\rline\r\n, a\tb\u{2019}s \u{201C}c\u{201D}\r\n\u{2013}\u{00A0}é😀\u{2028}z"
      + " and\tmore ASCII after it"
    let text = try SourceText(utf8: Array(input.utf8))
    #expect(text.original == Array(input.unicodeScalars))
    #expect(text.folded == text.original.map(SourceText.fold))
  }

  @Test func eightByteRunsFoldEveryLane() throws {
    // A tab, a carriage return and a NUL-free ASCII run around each lane of the eight decoded
    // at a time, and a tail shorter than eight.
    for position in 0..<19 {
      var bytes = Array("Officials met in Lima".utf8)
      bytes[position] = position % 2 == 0 ? 0x09 : 0x0D
      let text = try SourceText(utf8: bytes)
      #expect(text.original.map(\.value) == bytes.map(UInt32.init), "position \(position)")
      #expect(text.folded == text.original.map(SourceText.fold), "position \(position)")
    }
  }

  /// Every ASCII byte but NUL, in every lane of the runs decoded sixteen and eight at a time:
  /// only a tab or a carriage return (which the runs' test tells from the others by one bit)
  /// is folded, and the text's scalars and bytes are the input's.
  @Test func everyASCIIByteInEveryLaneDecodesAndFolds() throws {
    let run = Array("Officials met in Lima on Monday".utf8)
    for byte in UInt8(1)..<0x80 {
      for position in 0..<run.count {
        var bytes = run
        bytes[position] = byte
        let text = try SourceText(utf8: bytes)
        #expect(text.original.map(\.value) == bytes.map(UInt32.init), "byte \(byte) at \(position)")
        #expect(text.folded == text.original.map(SourceText.fold), "byte \(byte) at \(position)")
        #expect(text.ascii == bytes)
      }
    }
  }

  /// A text that folds to itself keeps one array of scalars for both; one that folding changes
  /// anywhere (a scalar beyond ASCII, a tab, a carriage return) has its own folded copy.
  @Test func aTextFoldedToItselfSharesItsScalars() throws {
    func sharesScalars(_ input: String) throws -> Bool {
      let text = try SourceText(utf8: Array(input.utf8))
      #expect(text.original == Array(input.unicodeScalars))
      #expect(text.folded == text.original.map(SourceText.fold))
      let original = text.original.withUnsafeBufferPointer { $0.baseAddress }
      return original == text.folded.withUnsafeBufferPointer { $0.baseAddress }
    }
    let long = "Officials met in Lima on Monday, said the minister of Peru"
    #expect(try sharesScalars(long))
    #expect(try sharesScalars("Zoë in Zürich and Genève met officials of Київ 😀"))
    for changed in ["\u{2019}", "\u{00A0}", "\u{2014}", "\u{2028}", "\t", "\r", "\r\n"] {
      for position in [0, 7, 8, 15, 16, 17, long.unicodeScalars.count] {
        var scalars = Array(long.unicodeScalars)
        scalars.insert(contentsOf: changed.unicodeScalars, at: position)
        #expect(try !sharesScalars(String(String.UnicodeScalarView(scalars))))
      }
    }
  }

  @Test func asciiRunsStopAtANULOrAByteBeyondASCIIInAnyLane() throws {
    // Runs of sixteen and of eight ASCII bytes decoded at a time, broken in each lane of
    // either: a NUL is found at its offset, and a scalar beyond ASCII decoded in its place.
    let ascii = Array("Officials\tmet in Lima on Monday\r\n, said".utf8)
    for position in 0..<ascii.count {
      var withNUL = ascii
      withNUL[position] = 0
      #expect(throws: TextError.binary(byteOffset: position)) { try SourceText(utf8: withNUL) }
      var beyond = ascii
      beyond.replaceSubrange(position..<(position + 1), with: Array("é".utf8))
      let text = try SourceText(utf8: beyond)
      let input = String(decoding: beyond, as: UTF8.self)
      #expect(text.original == Array(input.unicodeScalars), "position \(position)")
      #expect(text.folded == text.original.map(SourceText.fold), "position \(position)")
      #expect(text.ascii == text.original.map { $0.isASCII ? UInt8($0.value) : 0x80 })
    }
  }

  @Test func stringsOfScalarsAreTheirText() {
    for text in ["", "a", "é", "Egypt", "U.S.", "Київ", "Zoë", "a😀b", "€1", "x\u{7F}"] {
      let scalars = Array(text.unicodeScalars)
      #expect(scalars.withUnsafeBufferPointer { SourceText.string($0) } == text)
    }
  }

  /// ASCII scalars make the same string either way: one, small, and beyond a small string.
  @Test func asciiStringsAreTheirText() {
    for text in [
      "", "a", ".", "Egypt", "x\u{7F}", "fifteen-letters", "a-word-of-more-than-sixteen",
    ] {
      let scalars = Array(text.unicodeScalars)
      #expect(scalars.withUnsafeBufferPointer { SourceText.asciiString($0) } == text)
    }
  }

  /// A word whose `ascii` bytes are all below 0x80 is made from them, a few bytes at a time;
  /// one with a byte of 0x80 (a scalar folded to ASCII from beyond it) from its scalars.
  @Test func asciiStringsOfBytesAreTheirText() {
    let letters = Array("abcdefghijklmnopqrstuvwxyz".unicodeScalars)
    for count in 1...letters.count {
      let scalars = Array(letters[0..<count])
      let text = String(String.UnicodeScalarView(scalars))
      let bytes = scalars.map { UInt8($0.value) }
      for hidden in [nil, 0, count / 2, count - 1] {
        var read = bytes
        if let hidden { read[hidden] = 0x80 }
        let made = scalars.withUnsafeBufferPointer { scalars in
          read.withUnsafeBufferPointer { SourceText.asciiString(scalars, bytes: $0) }
        }
        #expect(made == text, "\(count) scalars, byte \(String(describing: hidden)) hidden")
      }
    }
  }

  @Test func byteOrderMarkBecomesASpaceAndKeepsOffsets() throws {
    let text = try SourceText(utf8: [0xEF, 0xBB, 0xBF] + Array("Egypt".utf8))
    #expect(text.count == 6)
    #expect(text.foldedText(1..<6) == "Egypt")
    // Its byte stays 0x80 (read the scalar): the space is no byte of the text to copy.
    #expect(text.ascii[0] == 0x80)
    #expect(text.singleLineText(0..<6) == " Egypt")
  }

  struct FoldCase: Sendable, CustomTestStringConvertible {
    var input: String
    var folded: String
    var explanation: String
    var testDescription: String { explanation }
  }

  @Test(arguments: [
    FoldCase(input: "a\u{00A0}b", folded: "a b", explanation: "no-break space"),
    FoldCase(input: "a\u{202F}b", folded: "a b", explanation: "narrow no-break space"),
    FoldCase(input: "Russia\u{2019}s", folded: "Russia's", explanation: "curly apostrophe"),
    FoldCase(input: "\u{2018}no\u{2019}", folded: "'no'", explanation: "single curly quotes"),
    FoldCase(input: "\u{201C}yes\u{201D}", folded: "\"yes\"", explanation: "double curly quotes"),
    FoldCase(input: "1990\u{2013}91", folded: "1990-91", explanation: "en dash"),
    FoldCase(input: "war\u{2014}again", folded: "war-again", explanation: "em dash"),
    FoldCase(input: "a\tb\r", folded: "a b ", explanation: "tab and carriage return"),
    FoldCase(input: "a\u{2028}b", folded: "a\nb", explanation: "Unicode line separator"),
  ])
  func foldingMapsOneScalarToOne(_ example: FoldCase) {
    let text = SourceText(example.input)
    #expect(text.folded.count == example.input.unicodeScalars.count)
    #expect(text.foldedText(0..<text.count) == example.folded)
    #expect(text.text(0..<text.count) == example.input, "the original is kept as written")
  }

  @Test func lettersAreNotFolded() {
    let input = "Ünal Şahin, Αθήνα, 東京"
    #expect(SourceText(input).foldedText(0..<input.unicodeScalars.count) == input)
  }

  struct OffsetCase: Sendable, CustomTestStringConvertible {
    var marked: String
    var explanation: String
    var testDescription: String { explanation }
  }

  /// Offsets count scalars: an emoji is 1 (2 in UTF-16, 4 in UTF-8), a combining accent is 1
  /// more (the same Character), Cyrillic is 1 (2 bytes).
  @Test(arguments: [
    OffsetCase(marked: "🇪🇬😀 «Egypt» and «Russia».", explanation: "flag and emoji before names"),
    OffsetCase(marked: "Привет из «Moscow».", explanation: "Cyrillic before a name"),
    OffsetCase(marked: "Cafe\u{301} de Flore, «Cairo».", explanation: "a combining accent"),
    OffsetCase(
      marked: "«Egypt»\u{2019}s \u{201C}ally\u{201D} «Russia»\u{00A0}said.",
      explanation: "folded punctuation keeps offsets"),
  ])
  func mentionOffsetsCountScalars(_ example: OffsetCase) throws {
    let marked = try MarkedText(example.marked)
    let found = Pipeline.mentionSpans(marked.text, rules: [])
    #expect(found == marked.expected)
    for span in found {
      #expect(marked.text.scalars(span.start..<span.end) == span.text)
    }
  }

  @Test func offsetsDifferFromUTF16AndCharacters() throws {
    // Guards the table above: were offsets UTF-16 units or Characters, these would disagree.
    let marked = try MarkedText("😀e\u{301} «Egypt»")
    let start = marked.spans[0].lowerBound
    #expect(start == 4)
    #expect(Array(marked.text.utf16).count - "Egypt".utf16.count == 5)
    #expect(marked.text.count - "Egypt".count == 3)
    let mention = try #require(Pipeline.document(marked.text).mentions.first)
    #expect(mention.start == 4)
    #expect(mention.end == 9)
  }

  @Test(arguments: [
    "plain ASCII text, longer than eight bytes\tand\r\nlines",
    "\u{FEFF}Caf\u{E9} \u{2019}quoted\u{2019} \u{1F600} na\u{EF}ve\u{A0}text and more",
    "",
  ])
  func asciiBytesAreTheScalarsBelowASCII(_ string: String) throws {
    // Each way of making a text: every byte below 0x80 is its scalar, and every scalar beyond
    // ASCII (or the byte-order mark made a space) has a byte of 0x80 or above.
    let bytes = Array(string.utf8)
    let texts = [
      SourceText(string), try SourceText(utf8: bytes), try SourceText(utf8: bytes[...]),
    ]
    for text in texts {
      #expect(text.ascii.count == text.count)
      for (scalar, byte) in zip(text.original, text.ascii) {
        #expect(byte >= 0x80 || scalar.value == UInt32(byte))
        #expect(scalar.isASCII || byte >= 0x80)
      }
    }
    if string.utf8.allSatisfy({ $0 < 0x80 }) { #expect(texts.allSatisfy { $0.ascii == bytes }) }
  }

  @Test(arguments: [
    "Officials met in Lima on Friday to talk about the floods.",
    "Rain fell\r\non Lima,\nthen\rstopped\u{2028}again\r\n\r\nand again",
    "Caf\u{E9} \u{1F600} na\u{EF}ve \u{212A}elvin and\tmore text",
    "\u{7F}\u{B}\u{C}\u{85}control scalars among printable text\u{2029}",
  ])
  func singleLineTextPutsOneSpaceForEachLineBreak(_ line: String) {
    // Cut at every start and end, so that line breaks and scalars beyond ASCII fall at each
    // place of the eight scalars copied together; compared with the scalars mapped one by one.
    let text = SourceText(line)
    let breaks: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]
    for start in 0..<min(9, text.count) {
      for end in start...text.count {
        var expected = String.UnicodeScalarView()
        var index = start
        while index < end {
          let scalar = text.original[index]
          expected.append(breaks.contains(scalar.value) ? " " : scalar)
          if scalar == "\r", index + 1 < end, text.original[index + 1] == "\n" { index += 1 }
          index += 1
        }
        let single = text.singleLineText(start..<end, suffix: "\u{2026}")
        #expect(Array(single.utf8) == Array(String(expected).utf8) + Array("\u{2026}".utf8))
      }
    }
  }
}
