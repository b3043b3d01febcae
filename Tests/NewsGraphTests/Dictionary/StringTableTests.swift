import Testing

@testable import NewsGraph

/// A token's text is found by the token's hash as `number(of:)` finds it by the text, and a
/// string's hash is read where it is stored.
@Suite struct StringTableTests {
  static let table = StringTable(
    ["Vladimir", "Zürich", "Anna", "New York", "Anna", "\u{212A}ing"], indexed: true)

  @Test(arguments: [
    "Vladimir", "Zürich", "Anna", "New York", "Kelvin", "\u{212A}ing", "King", "anna",
    "Zu\u{308}rich",
    "", "a-very-long-word-that-no-small-string-holds",
  ])
  func tokenTextIsFoundAsItsText(_ text: String) {
    let token = TokenFactsTests.word(text)
    #expect(Self.table.number(ofTextOf: token) == Self.table.number(of: text))
  }

  @Test func equalStringsAreFoundAsTheFirst() {
    #expect(Self.table.number(ofTextOf: TokenFactsTests.word("Anna")) == 2)
  }

  @Test func tableWithoutIndexFindsNothing() {
    let table = StringTable(["Anna"], indexed: false)
    #expect(table.number(ofTextOf: TokenFactsTests.word("Anna")) == nil)
  }

  @Test func hashOfAStringIsTheHashOfItsBytes() {
    for number in 0..<Self.table.count {
      let bytes = Array(Self.table[number].utf8)
      #expect(Self.table.hash(of: number) == bytes.withUnsafeBufferPointer(StringTable.hash))
    }
  }

  @Test func manyStringsAreFoundAndOthersAreNot() {
    // Enough strings that many share a first slot and differ only in their tags.
    let words = (0..<3000).map { "w\($0)" }
    let table = StringTable(words, indexed: true)
    for (number, word) in words.enumerated() { #expect(table.number(of: word) == number) }
    for other in ["w3000", "w-1", "W1", "w01", ""] { #expect(table.number(of: other) == nil) }
  }

  @Test func lookupFromAFirstSlotReadAheadFindsTheSame() {
    let words = (0..<3000).map { "w\($0)" }
    let table = StringTable(words, indexed: true)
    for word in words + ["w3000", "", "W1"] {
      let bytes = Array(word.utf8)
      let found = bytes.withUnsafeBufferPointer {
        let hash = StringTable.hash($0)
        return table.number(ofUTF8: $0, hash: hash, first: table.firstSlot(ofHash: hash))
      }
      #expect(found == table.number(of: word))
    }
  }

  @Test(arguments: [
    // Numbers of the same twelve bits: a big table's word in its own first slot has the tag
    // the smaller table expects, and a number past the smaller table's count.
    (0..<2100).map { "x\($0)" },
    // Numbers of three bits: a big table's slot can hold 0 in them, or a number past five.
    ["w1", "w2", "w3", "w4", "w5"],
  ])
  func firstSlotOfAnotherTableNeverReadsOutOfBounds(smaller: [String]) {
    // A misuse, which must find nothing rather than read past the smaller table's offsets.
    let words = (0..<3000).map { "w\($0)" }
    let big = StringTable(words, indexed: true)
    let small = StringTable(smaller, indexed: true)
    for word in words {
      let bytes = Array(word.utf8)
      let found = bytes.withUnsafeBufferPointer {
        let hash = StringTable.hash($0)
        return small.number(ofUTF8: $0, hash: hash, first: big.firstSlot(ofHash: hash))
      }
      #expect(found == nil || found == small.number(of: word))
    }
  }

  @Test func tableOfNoStringsFindsNothing() {
    let table = StringTable([], indexed: true)
    #expect(table.isWellFormed)
    #expect(table.number(of: "") == nil)
  }

  /// Each slot damaged in one way: a lookup that trusted it would read outside the table.
  @Test(arguments: [
    (UInt32(0xFFFF_0000), "a tag over no number"),
    (UInt32(0x0000_0007), "a number past the last string"),
    (UInt32(0xFFFF_FFFF), "every bit set"),
  ])
  func damagedSlotIsRejected(slot: UInt32, explanation: String) throws {
    let table = StringTable(["Anna", "Berlin", "Chad", "Dover"], indexed: true)
    #expect(table.isWellFormed)
    var slots = table.slots.array
    let empty = try #require(slots.firstIndex(of: 0))
    slots[empty] = slot
    let damaged = StringTable(bytes: table.bytes, starts: table.starts, slots: FlatArray(slots))
    #expect(!damaged.isWellFormed, "\(explanation)")
  }

  @Test func fullIndexIsRejected() {
    let table = StringTable(["Anna"], indexed: true)
    let full = FlatArray([UInt32](repeating: table.slots.first { $0 != 0 } ?? 1, count: 16))
    #expect(!StringTable(bytes: table.bytes, starts: table.starts, slots: full).isWellFormed)
  }

  @Test func givenNamesOfTheSentence() throws {
    let context = try #require(
      Pipeline.contexts("Jeremy met anna and Anna.", gazetteer: TestDictionary.gazetteer).first)
    let given = context.range.filter { context.isGivenName(at: $0) }
    #expect(given.map { context.tokens[$0].text } == ["Jeremy", "Anna"])
  }
}
