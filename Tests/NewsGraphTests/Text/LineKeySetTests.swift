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
      explanation: "keys of one length told apart by bytes in their middle"),
  ])
  func answersAsASetOfStrings(_ c: Case) {
    let (got, expected) = Self.insertions(c.keys)
    #expect(got == expected)
  }

  /// Keys of 0 to 30 bytes: a key one byte longer, or with any one byte changed, has another
  /// hash. A hash of a few of the bytes gave lines that differ only between them one hash, and
  /// the set compared each such line with every one before it.
  @Test func hashReadsTheLengthAndEveryByte() {
    let text = Array("abcdefghijklmnopqrstuvwxyz0123".utf8)
    for count in 0...text.count {
      let key = Array(text[0..<count])
      let hash = key.withUnsafeBufferPointer { LineKeySet.hash($0) }
      let longer = key + [0x61]
      #expect(hash != longer.withUnsafeBufferPointer { LineKeySet.hash($0) }, "\(count) bytes")
      for changed in 0..<count {
        var other = key
        other[changed] ^= 0x20
        #expect(
          hash != other.withUnsafeBufferPointer { LineKeySet.hash($0) },
          "\(count) bytes, byte \(changed) changed")
      }
    }
  }

  /// Rows of a table: lines of one length, the same first sixteen bytes and last eight, that
  /// differ only in between. Each is new, and they take as many slots' hashes as there are
  /// lines: no two share a hash, so none is compared with another byte by byte.
  @Test func rowsThatDifferInTheMiddleHaveTheirOwnHashes() {
    let rows = (0..<2_000).map { "The scores of the match \(String(100_000 + $0)) were recorded." }
    let (got, expected) = Self.insertions(rows)
    #expect(got == expected)
    let hashes = Set(
      rows.map { row in Array(row.utf8).withUnsafeBufferPointer { LineKeySet.hash($0) } })
    #expect(hashes.count == rows.count)
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
