import Testing

@testable import NewsGraph

@Suite struct EntryNamesTests {
  /// Every entry gives its own label, asked first or again, in any order.
  @Test func givesTheLabelsOfTheEntries() {
    let gazetteer = TestDictionary.gazetteer
    var labels = EntryNames()
    for round in 0..<2 {
      for entry in gazetteer.entries.indices.reversed() {
        #expect(
          labels.label(at: entry, in: gazetteer) == gazetteer.entries.label(at: entry),
          "round \(round)")
      }
    }
  }

  /// A label asked again is the string made the first time, not a new one.
  @Test func makesEachLabelOnce() throws {
    let gazetteer = TestDictionary.with([
      DictionaryEntry(
        id: "organization/long", type: .organization,
        label: "A Label Too Long To Be Stored In The String Itself")
    ])
    let entry = try #require(gazetteer.index["organization/long"])
    var labels = EntryNames()
    let first = labels.label(at: entry, in: gazetteer)
    let again = labels.label(at: entry, in: gazetteer)
    #expect(first == again)
    #expect(
      first.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
        == again.utf8.withContiguousStorageIfAvailable { $0.baseAddress })
  }

  /// Given another gazetteer, whose entry at the same position has another label, the table
  /// gives that one.
  @Test func forgetsTheLabelsOfAnotherGazetteer() throws {
    let one = TestDictionary.with([
      DictionaryEntry(id: "place/one", type: .place, label: "One")
    ])
    let other = TestDictionary.with([
      DictionaryEntry(id: "place/other", type: .place, label: "Other")
    ])
    let entry = try #require(one.index["place/one"])
    try #require(other.entries.label(at: entry) != one.entries.label(at: entry))
    var labels = EntryNames()
    #expect(labels.label(at: entry, in: one) == one.entries.label(at: entry))
    #expect(labels.label(at: entry, in: other) == other.entries.label(at: entry))
    #expect(labels.label(at: entry, in: one) == one.entries.label(at: entry))
  }

  /// The surnames of a person are the last words of the forms that have several, the label's
  /// first, split by Characters beyond ASCII, and the same when asked again.
  @Test func givesTheLastWordsOfTheFormsOfSeveralWords() throws {
    let gazetteer = TestDictionary.with([
      DictionaryEntry(
        id: "person/kowalski", type: .person, label: "Jan Kowalski",
        aliases: ["Kowalski", "J.  Kowalski ", "\u{141}ukasz Kowalski\u{301}"])
    ])
    let entry = try #require(gazetteer.index["person/kowalski"])
    var names = EntryNames()
    let expected = ["Kowalski", "Kowalski", "Kowalski\u{301}"]
    #expect(names.surnames(at: entry, in: gazetteer) == expected)
    #expect(names.label(at: entry, in: gazetteer) == "Jan Kowalski")
    #expect(names.surnames(at: entry, in: gazetteer) == expected)
  }
}
