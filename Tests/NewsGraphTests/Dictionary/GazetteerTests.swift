import Testing

@testable import NewsGraph

@Suite struct GazetteerTests {
  /// The entity ids of the mentions of `text`, in order, found by the dictionary alone.
  static func ids(_ text: String, _ gazetteer: Gazetteer) -> [String] {
    Pipeline.document(text, gazetteer: gazetteer, rules: []).mentions.map(\.entity)
  }

  @Test func countryBeatsPlaceOfTheSameNameInEitherOrder() {
    let forward = TestDictionary.gazetteer
    let backward = Gazetteer(entries: TestDictionary.entries.reversed())
    #expect(Self.ids("Georgia signed the deal.", forward) == ["country/georgia"])
    #expect(Self.ids("Georgia signed the deal.", backward) == ["country/georgia"])
  }

  @Test func largerPlaceWinsThenId() {
    let small = DictionaryEntry(
      id: "place/springfield-a", type: .place, label: "Springfield", population: 100)
    let large = DictionaryEntry(
      id: "place/springfield-b", type: .place, label: "Springfield", population: 900)
    let twin = DictionaryEntry(
      id: "place/springfield-c", type: .place, label: "Springfield", population: 900)
    for entries in [[small, large, twin], [twin, large, small], [large, twin, small]] {
      #expect(
        Self.ids("We drove to Springfield.", Gazetteer(entries: entries)) == ["place/springfield-b"]
      )
    }
  }

  @Test func userEntryWinsOverBuiltIn() {
    let user = DictionaryEntry(id: "place/georgia-user", type: .place, label: "Georgia")
    let gazetteer = TestDictionary.with(user: [user])
    #expect(Self.ids("Georgia signed the deal.", gazetteer) == ["place/georgia-user"])
    #expect(Self.ids("Georgia signed the deal.", TestDictionary.gazetteer) == ["country/georgia"])
  }

  @Test func userEntryWithAnExistingIdAddsNames() throws {
    let user = DictionaryEntry(
      id: "country/egypt", type: .country, label: "Misr", aliases: ["Kemet"])
    let gazetteer = TestDictionary.with(user: [user])
    #expect(gazetteer.entries.count == TestDictionary.entries.count)
    let index = try #require(gazetteer.index["country/egypt"])
    let egypt = gazetteer.entries[index]
    #expect(egypt.label == "Egypt")
    #expect(egypt.aliases.contains("Misr"))
    #expect(egypt.aliases.contains("Kemet"))
    let document = Pipeline.document(
      "Misr, Kemet and Egypt are one.", gazetteer: gazetteer, rules: [])
    #expect(document.mentions.map(\.entity) == ["country/egypt", "country/egypt", "country/egypt"])
    #expect(document.mentions.map(\.form) == [.alias, .alias, .name])
    #expect(document.entities.count == 1)
  }

  @Test func phrasesAreKeyedByTokens() {
    let gazetteer = TestDictionary.gazetteer
    let found = gazetteer.exact.matches(startingAt: 0, count: 1) { _ in "U.S." }
    #expect(found.count == 1, "'U.S.' is one token, as the tokenizer makes it")
    let phrase = ["The", "New", "York", "Times"]
    let lengths = gazetteer.exact.matches(startingAt: 0, count: 4) { phrase[$0] }.map(\.length)
    #expect(lengths == [4])
    let place = ["New", "York", "Times"]
    #expect(gazetteer.exact.matches(startingAt: 0, count: 3) { place[$0] }.map(\.length) == [2, 3])
  }

  @Test func commonWordsHaveNoUpperCaseForm() {
    let gazetteer = TestDictionary.gazetteer
    #expect(gazetteer.upper.matches(startingAt: 0, count: 1) { _ in "NICE" }.isEmpty)
    #expect(!gazetteer.upper.matches(startingAt: 0, count: 1) { _ in "CAIRO" }.isEmpty)
  }
}
