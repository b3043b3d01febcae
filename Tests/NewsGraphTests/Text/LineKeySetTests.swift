import Testing

@testable import NewsGraph

@Suite struct LineKeySetTests {
  /// Whether each key was new, as a set of strings of the same keys answers.
  static func insertions(_ keys: [String]) -> (got: [Bool], expected: [Bool]) {
    var bytes: [UInt8] = []
    var ranges: [Range<Int>] = []
    for key in keys {
      let start = bytes.count
      bytes += Array(key.utf8)
      ranges.append(start..<bytes.count)
    }
    var set = LineKeySet(minimumCapacity: 1)
    var strings = Set<String>()
    let got = bytes.withUnsafeBufferPointer { bytes in
      ranges.map {
        set.insert(
          $0, of: bytes,
          hasCombiningRange: LineKeySet.hasCombiningRange(UnsafeBufferPointer(rebasing: bytes[$0])))
      }
    }
    return (got, keys.map { strings.insert($0).inserted })
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var keys: [String]
    var explanation: String
    var testDescription: String { explanation }
  }

  @Test(arguments: [
    Case(keys: ["read more", "share", "read more", "share"], explanation: "repeated ASCII keys"),
    Case(
      keys: ["a", "ab", "abc", "abcdefgh", "abcdefghi", "abcdefgh", "abcdefghi"],
      explanation: "keys shorter and longer than one word of the hash"),
    Case(
      keys: ["caf\u{E9}", "cafe\u{301}", "caf\u{E9}"],
      explanation: "canonically equivalent keys that are not ASCII are one key"),
    Case(
      keys: ["k", "\u{212A}", "k", ";", "\u{37E}"],
      explanation: "a sign equal to an ASCII letter or mark, after ASCII keys"),
    Case(
      keys: ["\u{37E}", ";", "x", "x", "y"],
      explanation: "ASCII keys after the first key that is not ASCII"),
    Case(
      keys: ["caf\u{E9}", "na\u{EF}ve", "caf\u{E9}", "cafe", "na\u{EF}ve"],
      explanation: "accented Latin keys below U+0300, compared by their bytes"),
    Case(
      keys: ["\u{C5}ngstr\u{F6}m", "\u{212B}ngstr\u{F6}m", "\u{C5}ngstr\u{F6}m"],
      explanation: "a sign equal to a Latin letter, after keys compared by their bytes"),
    Case(keys: ["", "", " "], explanation: "empty keys"),
    Case(
      keys: [
        "0123456789abcdef", "0123456789abcdeF", "0123456789abcdef", "x123456789abcdef",
        "0123456789abcdefg", "0123456789abcdefh", "0123456789abcdefg",
      ],
      explanation: "keys of whole words and one byte more, told apart by a first or last byte"),
    Case(
      keys: [
        "updated 10:30 gmt on monday", "updated 11:45 gmt on monday",
        "updated 10:30 gmt on monday", "updated 11:45 gmt on monday",
      ],
      explanation: "keys of one length told apart by bytes between those the hash reads"),
  ])
  func answersAsASetOfStrings(_ c: Case) {
    let (got, expected) = Self.insertions(c.keys)
    #expect(got == expected)
  }

  /// Keys of 0 to 30 bytes: the hash reads a short key byte by byte, a longer one by its first
  /// sixteen bytes and its last eight, words that overlap in a key of fewer than 24.
  @Test func hashReadsTheLengthAndTheEnds() {
    let text = Array("abcdefghijklmnopqrstuvwxyz0123".utf8)
    for count in 0...text.count {
      let key = Array(text[0..<count])
      let hash = key.withUnsafeBufferPointer { LineKeySet.hash($0) }
      let longer = key + [0x61]
      #expect(hash != longer.withUnsafeBufferPointer { LineKeySet.hash($0) }, "\(count) bytes")
      for changed in [0, min(15, count - 1), count - 1] where count > 0 {
        var other = key
        other[changed] ^= 0x20
        #expect(
          hash != other.withUnsafeBufferPointer { LineKeySet.hash($0) },
          "\(count) bytes, byte \(changed) changed")
      }
    }
  }

  @Test func toldCombiningRangeByLeadBytes() {
    for key in ["caf\u{E9}", "\u{E9}", "a long line that ends in caf\u{E9}", "k"] {
      Array(key.utf8).withUnsafeBufferPointer { bytes in
        #expect(!LineKeySet.hasCombiningRange(bytes), "\(key): below U+0300")
      }
    }
    Array("cafe\u{301}".utf8).withUnsafeBufferPointer { bytes in
      #expect(LineKeySet.hasCombiningRange(bytes))
    }
  }

  @Test func growsPastItsFirstSize() {
    let keys = (0..<200).map { "line \($0)" } + (0..<200).map { "line \($0 * 2)" }
    let (got, expected) = Self.insertions(keys)
    #expect(got == expected)
    #expect(got.filter { $0 }.count == 300)
  }
}
