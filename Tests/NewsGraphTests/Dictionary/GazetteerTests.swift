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

  /// `appendMatches` finds what `matches` finds, after what the array held already, with the
  /// same payloads read back with `payload(at:)`.
  @Test func appendedMatchesFollowTheArraysPhrases() {
    let trie = TestDictionary.gazetteer.exact
    let place = ["New", "York", "Times", "Cairo"]
    let keys = place.map { trie.keyNumber(of: $0) }
    var found: [TokenTrie<Gazetteer.Surface>.Match] = []
    trie.appendMatches(startingAt: 3, count: 4, keyNumber: { keys[$0] }, to: &found)
    #expect(found.map(\.length) == [1], "Cairo")
    for start in 0..<3 {
      let before = found.count
      trie.appendMatches(startingAt: start, count: 4, keyNumber: { keys[$0] }, to: &found)
      let alone = trie.matches(startingAt: start, count: 4) { keys[$0] }
      #expect(
        found[before...].map { Int($0.length) } == alone.map(\.length), "from \(place[start])")
      #expect(
        found[before...].map { $0.payloads.map { trie.payload(at: $0).packed } }
          == alone.map { $0.payloads.map(\.packed) }, "from \(place[start])")
    }
    #expect(found.map(\.length).starts(with: [1, 2, 3]), "Cairo, New York, New York Times")
  }

  /// `longestMatch` is the last phrase `matches` finds, with its payloads, or nil when it finds
  /// none.
  @Test func theLongestMatchIsTheLastOfTheMatches() {
    let trie = TestDictionary.gazetteer.exact
    let place = ["New", "York", "Times", "said", "Cairo"]
    let keys = place.map { trie.keyNumber(of: $0) }
    for start in place.indices {
      let all = trie.matches(startingAt: start, count: place.count) { keys[$0] }
      let longest = trie.longestMatch(startingAt: start, count: place.count) { keys[$0] }
      #expect(longest.map { Int($0.length) } == all.last?.length, "from \(place[start])")
      #expect(
        longest.map { $0.payloads.map { trie.payload(at: $0).packed } }
          == all.last.map { $0.payloads.map(\.packed) }, "from \(place[start])")
    }
    #expect(trie.longestMatch(startingAt: 3, count: 5) { keys[$0] } == nil, "said")
    #expect(trie.longestMatch(startingAt: 0, count: 2) { keys[$0] }?.length == 2, "New York")
  }

  @Test func commonWordsHaveNoUpperCaseForm() {
    let gazetteer = TestDictionary.gazetteer
    #expect(gazetteer.upper.matches(startingAt: 0, count: 1) { _ in "NICE" }.isEmpty)
    #expect(!gazetteer.upper.matches(startingAt: 0, count: 1) { _ in "CAIRO" }.isEmpty)
  }

  @Test func smallTownNeverBeatsACountryOrAPerson() {
    let town = DictionaryEntry(
      id: "place/jordan", type: .place, label: "Jordan", population: 20_000)
    let country = DictionaryEntry(id: "country/jordan", type: .country, label: "Jordan")
    let person = DictionaryEntry(
      id: "person/jordan-smith", type: .person, label: "Jordan Smith", aliases: ["Jordan"])
    for entries in [[town, country], [country, town], [town, person, country]] {
      let gazetteer = Gazetteer(entries: entries)
      let best = gazetteer.exact.matches(startingAt: 0, count: 1) { _ in "Jordan" }.first?.payloads
        .first
      let expected = entries.contains(person) ? "person/jordan-smith" : "country/jordan"
      #expect(best.map { gazetteer.entries[Int($0.entry)].id } == expected)
    }
  }

  @Test func minorPlaceRanksAfterOtherPlaces() {
    let minor = DictionaryEntry(
      id: "place/florence-us", type: .place, label: "Florence", population: 900_000, isMinor: true)
    let city = DictionaryEntry(
      id: "place/florence", type: .place, label: "Florence", population: 380_000)
    for entries in [[minor, city], [city, minor]] {
      #expect(Self.ids("We flew to Florence.", Gazetteer(entries: entries)) == ["place/florence"])
    }
  }

  @Test func entriesKeepEveryField() throws {
    let entry = DictionaryEntry(
      id: "place/nice", type: .place, label: "Nice", aliases: ["Nizza"], demonyms: [],
      population: 340_000, isCommonWord: true, isCapital: false, isMinor: true,
      origin: "places.tsv:12")
    let gazetteer = Gazetteer(entries: [entry])
    let index = try #require(gazetteer.index["place/nice"])
    #expect(gazetteer.entries[index] == entry)
    #expect(gazetteer.entries.type(at: index) == .place)
    #expect(gazetteer.entries.isCommonWord(at: index))
    #expect(gazetteer.index["place/nizza"] == nil)
  }

  /// A payload for trie tests: a plain number.
  struct Tag: TriePayload, Equatable {
    var packed: UInt32
    init(packed: UInt32) { self.packed = packed }
  }

  @Test func insertAddsToABuiltTrie() {
    var trie = TokenTrie<Tag>(phrases: [
      (["New", "York"], Tag(packed: 1)), (["York"], Tag(packed: 2)),
    ])
    trie.insert(["New", "York"], Tag(packed: 3))
    trie.insert(["New", "York", "Times"], Tag(packed: 4))
    let words = ["New", "York", "Times"]
    let found = trie.matches(startingAt: 0, count: 3) { words[$0] }
    #expect(found.map(\.length) == [2, 3])
    #expect(found.map { $0.payloads.map(\.packed) } == [[1, 3], [4]])
    #expect(trie.matches(startingAt: 1, count: 3) { words[$0] }.map(\.length) == [1])
    #expect(trie.phrases.count == 4)
  }

  @Test func walkOverKeyNumbersFindsWhatTheTextWalkFinds() {
    let trie = TokenTrie<Tag>(phrases: [
      (["New", "York"], Tag(packed: 1)), (["New", "York", "Times"], Tag(packed: 2)),
      (["York"], Tag(packed: 3)),
    ])
    let words = ["in", "New", "York", "Times", "York"]
    let keys = words.map { trie.keyNumber(of: $0) }
    #expect(keys[0] == -1, "a text no phrase has")
    #expect(keys[2] == keys[4], "one number for one text")
    for start in words.indices {
      let byText = trie.matches(startingAt: start, count: words.count) { words[$0] }
      let byNumber = trie.matches(startingAt: start, count: words.count) { keys[$0] }
      #expect(byNumber.map(\.length) == byText.map(\.length))
      #expect(
        byNumber.map { $0.payloads.map(\.packed) } == byText.map { $0.payloads.map(\.packed) })
    }
    // The walk stops at `count`, and at a text the trie lacks.
    #expect(trie.matches(startingAt: 1, count: 2) { keys[$0] }.isEmpty)
    #expect(trie.matches(startingAt: 0, count: 5) { keys[$0] }.isEmpty)
  }

  /// Texts that start phrases are numbered first, so the root's edges sit at their keys; a text
  /// met inside a phrase before it starts one, and a phrase added later, are still found.
  @Test func rootEdgesSitAtTheirKeys() {
    let trie = TokenTrie<Tag>(phrases: [
      (["Bank", "of", "England"], Tag(packed: 1)), (["England"], Tag(packed: 2)),
      (["of"], Tag(packed: 3)),
    ])
    #expect((0..<3).map { trie.edgeKey[$0] } == [0, 1, 2], "Bank, England, of")
    #expect(trie.keyNumber(of: "Bank") == 0)
    // "Rovers" takes key 3 but starts no phrase: the root's edges are no longer at their keys.
    let grown = trie.adding([
      (["England", "Rovers"], Tag(packed: 6)), (["Old", "Bank"], Tag(packed: 4)),
      (["Zed"], Tag(packed: 5)),
    ]).trie
    #expect((0..<5).map { grown.edgeKey[$0] } == [0, 1, 2, 4, 5])
    let words = ["Old", "Bank", "of", "England", "Zed", "Nowhere"]
    for candidate in [trie, grown] {
      let keys = words.map { candidate.keyNumber(of: $0) }
      for start in words.indices {
        let byText = candidate.matches(startingAt: start, count: words.count) { words[$0] }
        let byNumber = candidate.matches(startingAt: start, count: words.count) { keys[$0] }
        #expect(
          byNumber.map { $0.payloads.map(\.packed) } == byText.map { $0.payloads.map(\.packed) })
      }
    }
    let found = { (trie: TokenTrie<Tag>, start: Int) in
      trie.matches(startingAt: start, count: words.count) { words[$0] }.map {
        $0.payloads.map(\.packed)
      }
    }
    #expect(found(trie, 1) == [[1]])
    #expect(found(trie, 2) == [[3]])
    #expect(found(trie, 3) == [[2]])
    #expect(found(grown, 0) == [[4]])
    #expect(found(grown, 4) == [[5]])
    #expect(found(grown, 5).isEmpty)
  }
}
