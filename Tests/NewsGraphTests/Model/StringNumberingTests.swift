import Testing

@testable import NewsGraph

@Suite struct StringNumberingTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var strings: [String]
    var explanation: String
    var testDescription: String { explanation }
  }

  /// Whatever the strings, a `StringNumbering` numbers them as a `Dictionary` that gives each
  /// new string the next number does.
  @Test(arguments: [
    Case(strings: ["a", "b", "a", "c", "b"], explanation: "ASCII strings, some again"),
    Case(strings: ["", "x", ""], explanation: "the empty string"),
    Case(strings: ["Kelvin", "\u{212A}elvin"], explanation: "the Kelvin sign equals K"),
    Case(strings: ["\u{212A}elvin", "Kelvin"], explanation: "K after the Kelvin sign"),
    Case(strings: ["café", "cafe\u{301}", "café"], explanation: "a decomposed é equals é"),
    Case(
      strings: ["person/a", "cafe\u{301}", "person/a", "café", "person/b"],
      explanation: "ASCII strings before and after one that is not"),
    Case(
      strings: ["person/a-name-beyond-fifteen-bytes", "person/a-name-beyond-fifteen-bytes"],
      explanation: "a string stored out of line"),
    Case(
      strings: ["café", "a", "b", "a", "\u{212A}", "K", "c", "cafe\u{301}", "c", "\u{37E}", ";"],
      explanation: "ASCII strings after one that is not, then after ones that equal ASCII"),
    Case(
      strings: ["x;y", "x\u{37E}y", "\u{1FEF}", "`", "caf\u{E9}"],
      explanation: "each scalar that decomposes into ASCII, after its ASCII string"),
    Case(
      strings: (0..<200).map { "rule:Name \($0 % 70)" },
      explanation: "more strings than the index first holds"),
  ])
  func numbersAsDictionaryDoes(_ example: Case) {
    var numbering = StringNumbering(capacity: 4)
    var dictionary: [String: Int] = [:]
    for string in example.strings {
      let expected = dictionary[string]
      #expect(numbering.number(of: string) == expected, "\(string) before it is inserted")
      if expected == nil { dictionary[string] = dictionary.count }
      let (number, isNew) = numbering.insert(string)
      #expect(number == dictionary[string], "\(string)")
      #expect(isNew == (expected == nil), "\(string)")
      #expect(numbering.number(of: string) == number, "\(string) after it is inserted")
      #expect(numbering[number] == string, "the string numbered, or one equal to it")
    }
    #expect(numbering.count == dictionary.count)
  }

  /// Given every string's hash by another function of the bytes (the tokenizer's, as the
  /// resolver gives a token's word), or nil for a string that is not ASCII, a numbering numbers
  /// them as a `Dictionary` does too, through the growth of its index.
  @Test(arguments: [
    Case(strings: ["Putin", "Sisi", "Putin", "al-Sisi", "Sisi"], explanation: "words, some again"),
    Case(strings: ["Kelvin", "\u{212A}elvin", "Kelvin"], explanation: "the Kelvin sign equals K"),
    Case(strings: ["cafe\u{301}", "café", "Cafe"], explanation: "words that are not ASCII"),
    Case(strings: (0..<100).map { "Name\($0 % 40)" }, explanation: "a grown index"),
  ])
  func numbersByGivenHashesAsDictionaryDoes(_ example: Case) {
    func hash(_ string: String) -> UInt64? {
      let bytes = Array(string.utf8)
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      return bytes.withUnsafeBufferPointer { UInt64(StringTable.hash($0)) }
    }
    var numbering = StringNumbering()
    var dictionary: [String: Int] = [:]
    for string in example.strings {
      let expected = dictionary[string]
      #expect(numbering.number(of: string, hash: hash(string)) == expected, "\(string) before")
      if expected == nil { dictionary[string] = dictionary.count }
      let (number, isNew) = numbering.insert(string, hash: hash(string))
      #expect(number == dictionary[string], "\(string)")
      #expect(isNew == (expected == nil), "\(string)")
      #expect(numbering.number(of: string, hash: hash(string)) == number, "\(string) after")
    }
    #expect(numbering.count == dictionary.count)
  }

  /// `mayEqualASCII(_:)` holds of a scalar beyond ASCII exactly when the string of it equals a
  /// string of one or two ASCII scalars, as `String` compares them: no scalar's canonical
  /// decomposition is longer (a mark follows a letter).
  @Test func scalarsThatMayEqualASCIIAreTheOnesThatDo() {
    var ascii = Set<String>()
    for first in 0..<128 {
      let one = String(UnicodeScalar(UInt8(first)))
      ascii.insert(one)
      for second in 0..<128 { ascii.insert(one + String(UnicodeScalar(UInt8(second)))) }
    }
    var mismatches: [UInt32] = []
    for value in UInt32(0x80)...0x10_FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let string = String(scalar)
      if ascii.contains(string) != StringNumbering.mayEqualASCII(string) {
        mismatches.append(value)
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.map { String($0, radix: 16) })")
    #expect(StringNumbering.mayEqualASCII("\u{212A}elvin"))
    #expect(!StringNumbering.mayEqualASCII("Kelvin\u{301}"))
  }

  /// Hundreds of strings grow the index many times and share hashes modulo its size.
  @Test func manyStringsKeepTheirNumbers() {
    var numbering = StringNumbering(capacity: 3)
    let ids = (0..<1_000).map { "person/\($0 * 7919 % 1_000)" }
    for (at, id) in ids.enumerated() { #expect(numbering.insert(id) == (at, true)) }
    for (at, id) in ids.enumerated().reversed() {
      #expect(numbering.insert(id) == (at, false))
      #expect(numbering.number(of: id) == at)
    }
    #expect(numbering.count == 1_000)
    #expect(numbering.strings == ids)
  }

  /// A numbering emptied for the next document numbers its strings from 0 again, whether the
  /// strings before grew its index or were not ASCII.
  @Test func removeAllForgetsEveryString() {
    var numbering = StringNumbering()
    for at in 0..<100 { _ = numbering.insert("person/\(at)") }
    _ = numbering.insert("place/cafe\u{301}")
    numbering.removeAll()
    #expect(numbering.count == 0)
    #expect(numbering.number(of: "person/7") == nil)
    #expect(numbering.number(of: "place/caf\u{E9}") == nil)
    #expect(numbering.insert("person/7") == (0, true))
    #expect(numbering.insert("place/caf\u{E9}") == (1, true))
    #expect(numbering.insert("place/cafe\u{301}") == (1, false))
    #expect(numbering.insert("person/7") == (0, false))
    #expect(numbering.strings == ["person/7", "place/caf\u{E9}"])
    numbering.removeAll()
    numbering.removeAll()
    #expect(numbering.count == 0, "emptied twice")
    let ids = (0..<100).map { "person/\(99 - $0)" }
    for (at, id) in ids.enumerated() { #expect(numbering.insert(id) == (at, true)) }
    for (at, id) in ids.enumerated() { #expect(numbering.number(of: id) == at) }
  }

  @Test(
    arguments: [
      ("K", "\u{212A}", "the Kelvin sign equals an ASCII letter"),
      ("\u{212A}", "K", "an ASCII letter equals the Kelvin sign seen first"),
      ("place/caf\u{E9}", "place/cafe\u{301}", "a composed and a decomposed accent"),
      ("place/cafe\u{301}", "place/caf\u{E9}", "a decomposed and a composed accent"),
    ] as [(String, String, String)])
  func stringsEqualAsStringsShareANumber(first: String, second: String, explanation: String) {
    var numbering = StringNumbering()
    #expect(numbering.insert("place/a") == (0, true))
    #expect(numbering.insert(first) == (1, true))
    #expect(numbering.insert(second) == (1, false), "\(explanation)")
    #expect(numbering.insert("place/z") == (2, true), "ASCII strings go on after one that is not")
    #expect(numbering.insert("place/a") == (0, false))
    #expect(numbering.strings == ["place/a", first, "place/z"])
  }

  /// Strings are hashed eight bytes at a time: every length of tail, and a byte beyond ASCII in
  /// any place, whole word or tail.
  @Test func asciiBytesAreHashedAndOthersAreNot() {
    func hash(_ text: String) -> UInt64? {
      Array(text.utf8).withUnsafeBufferPointer { StringNumbering.asciiHash($0) }
    }
    var seen = Set<UInt64>()
    for length in 0...17 {
      let text = String(repeating: "a", count: length)
      let value = hash(text)
      #expect(value != nil && value == hash(text), "length \(length)")
      seen.insert(value ?? 0)
      for at in 0..<length {
        var bytes = Array(text.utf8)
        bytes[at] = 0xC3
        #expect(bytes.withUnsafeBufferPointer { StringNumbering.asciiHash($0) } == nil)
      }
    }
    #expect(seen.count == 18, "lengths tell the hashes apart")
    #expect(hash("person/a") != hash("person/b"))
  }
}

/// Strings are put in order by their first bytes when they are ASCII: the order is the one
/// comparing the strings gives.
@Suite struct StringOrderTests {
  @Test func stringsAreInTheOrderComparingThemGives() {
    let ids = [
      "organization/university-of-oxford", "organization/university-of-cambridge",
      "organization/university-of-oxfordshire", "organization/univ", "organization/univ\u{0}",
      "person/b", "person/a", "person/", "", "a", "A", "place/\u{E9}cole", "place/e\u{301}a",
      "place/z", "place/\u{212A}", "place/L", "organization/university-of-oxford-x",
      "person/abcdefghij-x", "person/abcdefghij-a", "person/abcdefghi", "person/abcdefghi-",
    ]
    let order = StringOrder.indices(sorting: ids)
    #expect(order.map { ids[$0] } == ids.sorted())
    #expect(StringOrder.indices(sorting: []).isEmpty)
  }

  @Test func prefixIsNilForAnyByteThatIsNotASCII() {
    #expect(StringOrder.prefix("") ?? (1, 1, 1) == (0, 0, 0))
    #expect(StringOrder.prefix("AB") ?? (0, 0, 0) == (0x4142 << 48, 0, 0))
    #expect(StringOrder.prefix(String(repeating: "a", count: 30)) != nil)
    // The bytes after the twenty-four of the prefix are read too.
    for at in [0, 7, 8, 23, 24, 29] {
      let text =
        String(repeating: "a", count: at) + "\u{E9}" + String(repeating: "a", count: 29 - at)
      #expect(StringOrder.prefix(text) == nil, "\(text)")
    }
  }

  @Test func equalStringsKeepTheirOrder() {
    let strings = ["b", "K", "a", "\u{212A}", "K"]
    #expect(StringOrder.indices(sorting: strings) == [1, 3, 4, 2, 0])
  }
}
