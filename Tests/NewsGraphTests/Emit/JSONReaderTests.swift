import Foundation
import Testing

@testable import NewsGraph

@Suite struct JSONReaderTests {
  static func read(_ text: String) throws(JSONReadError) -> JSONValue {
    try JSONReader(file: "t.json").value(Array(text.utf8))
  }

  struct Bad: Sendable, CustomTestStringConvertible {
    var input: String
    var message: String
    var explanation: String
    var testDescription: String { explanation }
  }

  @Test(arguments: [
    Bad(
      input: "", message: "t.json:1:1: error: empty input: expected a JSON value",
      explanation: "nothing"),
    Bad(
      input: "{\"a\": 1,}", message: "t.json:1:9: error: trailing comma before '}'",
      explanation: "trailing comma in an object"),
    Bad(
      input: "[1, 2,\n ]", message: "t.json:2:2: error: trailing comma before ']'",
      explanation: "trailing comma in an array, on line 2"),
    Bad(
      input: "{\"a\": 1, \"a\": 2}", message: "t.json:1:10: error: duplicate key 'a'",
      explanation: "duplicate keys"),
    Bad(
      input: "[01]", message: "t.json:1:2: error: numbers cannot have leading zeros",
      explanation: "leading zero"),
    Bad(
      input: "[NaN]", message: "t.json:1:2: error: unexpected 'N': expected a value",
      explanation: "NaN is not JSON"),
    Bad(
      input: "// c\n{}", message: "t.json:1:1: error: unexpected '/': expected a value",
      explanation: "no comments"),
    Bad(
      input: "{\"a\": tru}", message: "t.json:1:10: error: unexpected '}' in 'true'",
      explanation: "broken literal"),
    Bad(
      input: "\"a\tb\"",
      message: "t.json:1:3: error: control character (a tab) in a string: write it as an escape",
      explanation: "raw tab in a string"),
    Bad(
      input: "\"\\x\"", message: "t.json:1:2: error: invalid escape '\\x' in a string",
      explanation: "unknown escape"),
    Bad(
      input: "\"\\ud800\"", message: "t.json:1:2: error: lone surrogate \\uD800 in a string",
      explanation: "lone high surrogate"),
    Bad(
      input: "\"\\udc00x\"", message: "t.json:1:2: error: lone surrogate \\uDC00 in a string",
      explanation: "lone low surrogate"),
    Bad(
      input: "\"abc", message: "t.json:1:1: error: unterminated string",
      explanation: "unterminated string"),
    Bad(
      input: "{} {}", message: "t.json:1:4: error: unexpected '{' after the JSON value",
      explanation: "two values"),
    Bad(
      input: "[1e999]", message: "t.json:1:2: error: number '1e999' is out of range",
      explanation: "overflow"),
    Bad(
      input: "{\"é\": [1 2]}", message: "t.json:1:10: error: unexpected '2': expected ',' or ']'",
      explanation: "columns count characters, not bytes"),
  ])
  func rejectsWithFileLineAndColumn(_ example: Bad) {
    do {
      _ = try Self.read(example.input)
      Issue.record("accepted \(example.input)")
    } catch {
      #expect(error.description == example.message)
    }
  }

  @Test func rejectsInvalidUTF8WithItsPosition() {
    var bytes = Array("{\"a\":\n \"x".utf8)
    bytes += [0xC3, 0x28]
    bytes += Array("\"}".utf8)
    #expect(
      throws: JSONReadError.syntax(
        TextPosition(file: "f", line: 2, column: 4), "invalid UTF-8 in a string")
    ) {
      try JSONReader(file: "f").value(bytes)
    }
  }

  @Test func limitsNesting() {
    let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
    #expect(throws: JSONReadError.self) { try Self.read(deep) }
    let fine = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
    #expect((try? Self.read(fine)) != nil)
  }

  @Test func readsWhatFoundationWrites() throws {
    let object: [String: Any] = [
      "s": "quote \" slash \\ tab \t nl \n emoji 😀 \u{2028} \u{1}", "n": -12.5e-3, "i": 42,
      "b": true, "z": NSNull(), "a": [1, [2, [3]], ["k": "v"]],
    ]
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    let value = try JSONReader(file: "x").value(Array(data))
    #expect(value["s"]?.string == object["s"] as? String)
    #expect(value["n"]?.number == -12.5e-3)
    #expect(value["i"]?.integer == 42)
    #expect(value["b"]?.kind == .bool(true))
    #expect(value["z"]?.kind == .null)
    #expect(value["a"]?.array?.count == 3)
    #expect(value["a"]?.array?[2]["k"]?.string == "v")
  }

  @Test func decodesEscapesAndSurrogatePairs() throws {
    let value = try Self.read(#"["\u00e9\ud83d\ude00\/\b\f\n\r\t\"\\"]"#)
    #expect(value.array?.first?.string == "é😀/\u{8}\u{C}\n\r\t\"\\")
  }

  /// Pieces of JSON strings and what they decode to, for the tests that put them at every
  /// offset of a string (strings are read eight plain bytes at a time).
  static let pieces: [(json: String, text: String)] = [
    ("a", "a"), (#"\""#, "\""), (#"\\"#, "\\"), (#"\/"#, "/"), (#"\n"#, "\n"), (#"\t"#, "\t"),
    (#"\b\f\r"#, "\u{8}\u{C}\r"), (#"\u00e9"#, "é"), (#"\u00E9"#, "é"), (#"\u20AC"#, "€"),
    (#"\u0000"#, "\u{0}"), (#"\ud83d\ude00"#, "😀"), (#"\uD83D\uDE00"#, "😀"), ("é", "é"),
    ("€", "€"), ("😀", "😀"), ("\u{7F}", "\u{7F}"), ("\u{FEFF}", "\u{FEFF}"), ("'", "'"),
  ]

  @Test func decodesEveryEscapeAtEveryOffset() throws {
    for (json, text) in Self.pieces {
      for before in 0...17 {
        for after in [0, 1, 9] {
          let plain = String(repeating: "x", count: before)
          let tail = String(repeating: "y", count: after)
          let value = try Self.read("[\"\(plain)\(json)\(tail)\(json)\"]")
          #expect(value.array?.first?.string == plain + text + tail + text, "\(json) at \(before)")
        }
      }
    }
    let long = try Self.read("{\"\(String(repeating: "k", count: 40))\": \"\"}")
    #expect(long.members?.first?.key.count == 40)
    #expect(long.members?.first?.value.string == "")
  }

  /// A quote after an odd number of backslashes is escaped, after an even number it ends the
  /// string.
  @Test func findsTheClosingQuoteAfterRunsOfBackslashes() {
    for run in 0...6 {
      let json = "[\"a" + String(repeating: "\\", count: run) + "\"b\", \"c\"]"
      let strings = (try? Self.read(json))?.array?.map(\.string)
      if run % 2 == 0 {
        #expect(strings == nil, "\(json): 'b' after the string")
      } else {
        let first = "a" + String(repeating: "\\", count: run / 2) + "\"b"
        #expect(strings == [first, "c"], "\(json)")
      }
    }
  }

  @Test func reportsWhatIsWrongInAStringAtEveryOffset() {
    let broken: [(json: [UInt8], message: String, shift: Int)] = [
      (Array("\t".utf8), "control character (a tab) in a string: write it as an escape", 0),
      (Array(#"\x"#.utf8), "invalid escape '\\x' in a string", 0),
      (Array(#"\u12G4"#.utf8), "unexpected 'G' in a \\u escape: expected 4 hex digits", 4),
      (Array(#"\ud800x"#.utf8), "lone surrogate \\uD800 in a string", 0),
      (Array(#"\ud800\u0041"#.utf8), "lone surrogate \\uD800 in a string", 0),
      (Array(#"\udfff"#.utf8), "lone surrogate \\uDFFF in a string", 0),
      ([0xC3, 0x28], "invalid UTF-8 in a string", 0),
      ([0xE0, 0x80, 0x80], "invalid UTF-8 in a string", 0),
      ([0xED, 0xA0, 0x80], "invalid UTF-8 in a string", 0),
      ([0xF4, 0x90, 0x80, 0x80], "invalid UTF-8 in a string", 0),
      ([0xFF], "invalid UTF-8 in a string", 0), ([0x80], "invalid UTF-8 in a string", 0),
    ]
    for (json, message, shift) in broken {
      for before in 0...17 {
        let bytes =
          Array("[\"".utf8) + Array(repeating: UInt8(ascii: "x"), count: before) + json
          + Array("xxxxxxxxxx\"]".utf8)
        do {
          _ = try JSONReader(file: "s").value(bytes)
          Issue.record("accepted \(bytes)")
        } catch {
          #expect(error.description == "s:1:\(3 + before + shift): error: \(message)")
        }
      }
    }
    #expect(
      throws: JSONReadError.syntax(
        TextPosition(file: "t.json", line: 1, column: 2), "unterminated string")
    ) {
      try Self.read("[\"abcdefghijklmnop\\\"]")
    }
    #expect(
      throws: JSONReadError.syntax(
        TextPosition(file: "t.json", line: 1, column: 2), "unterminated string")
    ) {
      try Self.read("[\"abcdefghijklmnop\\")
    }
  }

  @Test func findsDuplicateKeysInSmallAndLargeObjects() {
    for count in [2, 15, 16, 17, 40] {
      var set = JSONKeySet()
      let added = (0..<count).map { set.insert("k\($0)") }
      let again = (0..<count).map { set.insert("k\($0)") }
      #expect(added.allSatisfy { $0 } && !again.contains(true), "\(count) keys")
      // Keys are compared as strings are: canonically equivalent keys are the same key.
      let other = (set.insert("other"), set.insert("caf\u{E9}"), set.insert("cafe\u{301}"))
      #expect(other == (true, true, false))
      let members = (0..<count).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
      #expect(
        throws: JSONReadError.syntax(
          TextPosition(file: "t.json", line: 1, column: members.count + 4), "duplicate key 'k1'")
      ) {
        try Self.read("{\(members), \"k1\": 0}")
      }
    }
  }

  @Test func skipsAByteOrderMark() throws {
    let value = try JSONReader(file: "b").value([0xEF, 0xBB, 0xBF] + Array("[]".utf8))
    #expect(value.array?.isEmpty == true)
  }

  @Test func jsonLinesKeepTheirLineNumbers() {
    do {
      _ = try JSONReader(file: "c.jsonl", firstLine: 17).value(Array("{\"id\": }".utf8))
      Issue.record("accepted")
    } catch {
      #expect(error.description == "c.jsonl:17:8: error: unexpected '}': expected a value")
    }
  }

  struct LoneString: Sendable, CustomTestStringConvertible {
    /// JSON text with a string at offset 1.
    var json: String
    /// What the string stands for, nil when it is not valid.
    var decoded: String?
    var explanation: String
    var testDescription: String { explanation }
  }

  @Test(arguments: [
    LoneString(json: #" "" "#, decoded: "", explanation: "empty"),
    LoneString(
      json: #" "plain ASCII, more than sixteen bytes long", 1"#,
      decoded: "plain ASCII, more than sixteen bytes long", explanation: "plain, several words"),
    LoneString(
      json: #" "a\"b\\c\/d\n\t\u00e9\ud83d\ude00 and more after the escapes" "#,
      decoded: "a\"b\\c/d\n\té😀 and more after the escapes", explanation: "every kind of escape"),
    LoneString(json: #" "Zürich ünd Genève" "#, decoded: "Zürich ünd Genève", explanation: "UTF-8"),
    LoneString(
      json: #" "ends with a backslash\\" "#, decoded: "ends with a backslash\\",
      explanation: "an escaped backslash before the closing quote"),
    LoneString(json: #" "unterminated \" "#, decoded: nil, explanation: "an escaped quote last"),
    LoneString(json: #" "lone \ud800 surrogate" "#, decoded: nil, explanation: "lone surrogate"),
    LoneString(json: #" "bad \x escape" "#, decoded: nil, explanation: "bad escape"),
    LoneString(json: " \"tab\there\" ", decoded: nil, explanation: "control character"),
  ])
  func decodesAStringOnItsOwn(_ example: LoneString) {
    let bytes = Array(example.json.utf8)
    let string = bytes.withUnsafeBufferPointer { JSONReader.string(in: $0, at: 1) }
    let utf8 = bytes.withUnsafeBufferPointer { JSONReader.utf8(ofStringIn: $0, at: 1) }
    #expect(string?.string == example.decoded)
    #expect(utf8.map { String(decoding: $0.utf8, as: UTF8.self) } == example.decoded)
    guard example.decoded != nil else { return }
    // The end is just after the closing quote: the last quote of the text here.
    let end = (bytes.lastIndex(of: UInt8(ascii: "\"")) ?? 0) + 1
    #expect(string?.end == end)
    #expect(utf8?.end == end)
  }

  @Test func invalidUTF8InAStringDecodesToNothing() {
    let bytes: [UInt8] = [0x22, 0x61, 0xC0, 0xAF, 0x22]
    #expect(bytes.withUnsafeBufferPointer { JSONReader.string(in: $0, at: 0) } == nil)
    #expect(bytes.withUnsafeBufferPointer { JSONReader.utf8(ofStringIn: $0, at: 0) } == nil)
  }
}
