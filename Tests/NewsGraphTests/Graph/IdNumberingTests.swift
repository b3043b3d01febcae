import Testing

@testable import NewsGraph

/// The table that numbers entity ids gives the numbers a `[String: Int32]` would.
@Suite struct IdNumberingTests {
  @Test func idsAreNumberedAsFirstSeen() {
    var numbering = IdNumbering()
    #expect(numbering.number("place/b") == (0, true))
    #expect(numbering.number("place/a") == (1, true))
    #expect(numbering.number("place/b") == (0, false), "seen before")
    #expect(numbering.ids == ["place/b", "place/a"])
  }

  /// Hundreds of ids grow the table many times and share hashes modulo its size.
  @Test func manyIdsKeepTheirNumbers() {
    var numbering = IdNumbering(minimumCapacity: 3)
    let ids = (0..<1_000).map { "person/\($0 * 7919 % 1_000)" }
    for (at, id) in ids.enumerated() { #expect(numbering.number(id) == (Int32(at), true)) }
    for (at, id) in ids.enumerated().reversed() {
      #expect(numbering.number(id) == (Int32(at), false))
    }
    #expect(numbering.count == 1_000)
  }

  @Test(
    arguments: [
      ("K", "\u{212A}", "the Kelvin sign equals an ASCII letter"),
      ("\u{212A}", "K", "an ASCII letter equals the Kelvin sign seen first"),
      ("place/caf\u{E9}", "place/cafe\u{301}", "a composed and a decomposed accent"),
      ("place/cafe\u{301}", "place/caf\u{E9}", "a decomposed and a composed accent"),
    ] as [(String, String, String)])
  func idsEqualAsStringsShareANumber(first: String, second: String, explanation: String) {
    var numbering = IdNumbering()
    #expect(numbering.number("place/a") == (0, true))
    #expect(numbering.number(first) == (1, true))
    #expect(numbering.number(second) == (1, false), "\(explanation)")
    #expect(numbering.number("place/z") == (2, true), "ASCII ids go on after one that is not")
    #expect(numbering.number("place/a") == (0, false))
    #expect(numbering.ids == ["place/a", first, "place/z"])
  }

  /// Ids are hashed eight bytes at a time: every length of tail, and a byte beyond ASCII in
  /// any place, whole word or tail.
  @Test func asciiBytesAreHashedAndOthersAreNot() {
    func hash(_ text: String) -> UInt64? {
      Array(text.utf8).withUnsafeBufferPointer { IdNumbering.asciiHash($0) }
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
        #expect(bytes.withUnsafeBufferPointer { IdNumbering.asciiHash($0) } == nil)
      }
    }
    #expect(seen.count == 18, "lengths tell the hashes apart")
    #expect(hash("person/a") != hash("person/b"))
  }

  @Test func anEmptyIdIsAnId() {
    var numbering = IdNumbering()
    #expect(numbering.number("") == (0, true))
    #expect(numbering.number("") == (0, false))
  }
}
