import Foundation
import Testing

@testable import NewsGraph

/// Coverage of the bundled dictionaries: they fail when the data loses what news needs.
@Suite(.enabled(if: RepositoryPaths.hasRealDictionaries))
struct DictionaryCoverageTests {
  /// The entries a whole surface names, best first, as the gazetteer orders them.
  static func entries(_ surface: String, _ gazetteer: Gazetteer) -> [DictionaryEntry] {
    let text = SourceText(surface)
    let keys = Tokenizer().tokens(in: text, range: 0..<text.count).map(\.text)
    let found = gazetteer.exact.matches(startingAt: 0, count: keys.count) { keys[$0] }
    guard let whole = found.last, whole.length == keys.count else { return [] }
    return whole.payloads.map { gazetteer.entries[Int($0.entry)] }
  }

  @Test(arguments: UnitedNationsMembers.all)
  func memberStateResolvesFromItsNames(_ member: UnitedNationsMembers.Member) throws {
    let gazetteer = try RealDictionaries.gazetteer()
    for surface in [member.name, member.isoName, member.demonym] where !surface.isEmpty {
      let best = Self.entries(surface, gazetteer).first
      #expect(best?.id == member.id, "'\(surface)' gives \(best?.id ?? "nothing")")
    }
  }

  @Test(arguments: UnitedNationsMembers.all)
  func capitalIsAPlace(_ member: UnitedNationsMembers.Member) throws {
    // Monaco is a city-state: its capital is the country itself.
    guard member.code != "MC" else { return }
    let gazetteer = try RealDictionaries.gazetteer()
    let places = Self.entries(member.capital, gazetteer).filter { $0.type == .place }
    #expect(!places.isEmpty, "capital '\(member.capital)' of \(member.name) is not a place")
    if member.code != "SC" {  // Victoria is also the Australian state, which keeps the name.
      #expect(places.contains { $0.isCapital }, "'\(member.capital)' is not flagged capital")
    }
  }

  @Test func unitedNationsHas193Members() {
    #expect(UnitedNationsMembers.all.count == 193)
    #expect(Set(UnitedNationsMembers.all.map(\.id)).count == 193)
  }

  /// The four entity files as the command reads them.
  static func entityFiles() throws -> [(name: String, entries: [DictionaryEntry])] {
    try ["countries.tsv", "organizations.tsv", "people.tsv", "places.tsv"].map { name in
      let url = RepositoryPaths.dictionaries.appendingPathComponent(name)
      let text = try String(contentsOf: url, encoding: .utf8)
      return (name, try DictionaryParser().entries(in: text, file: name))
    }
  }

  @Test func idsAreUniqueAcrossFiles() throws {
    var seen: [String: String] = [:]
    for (name, entries) in try Self.entityFiles() {
      for entry in entries {
        if let other = seen[entry.id] {
          Issue.record("\(entry.origin): id '\(entry.id)' also in \(other)")
        }
        seen[entry.id] = name
      }
    }
    #expect(seen.count > 40_000)
  }

  /// Surfaces that deliberately name entities of two types, from the generator's review list.
  static func allowedConflicts() throws -> [String: Set<String>] {
    let url = RepositoryPaths.root.appendingPathComponent(
      "scripts/dictionaries/allowed-conflicts.tsv")
    var result: [String: Set<String>] = [:]
    for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
    where !line.hasPrefix("#") && !line.hasPrefix("surface\t") {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count >= 2 else { continue }
      result[String(fields[0])] = Set(fields[1].split(separator: ",").map(String.init))
    }
    return result
  }

  @Test func noSurfaceSilentlyNamesTwoEntities() throws {
    var owners: [String: Set<String>] = [:]
    for (_, entries) in try Self.entityFiles() {
      for entry in entries {
        for surface in [entry.label] + entry.aliases + entry.demonyms {
          owners[surface, default: []].insert(entry.id)
        }
      }
    }
    let allowed = try Self.allowedConflicts()
    for (surface, ids) in owners.sorted(by: { $0.key < $1.key }) where ids.count > 1 {
      #expect(
        allowed[surface] == ids,
        "'\(surface)' names \(ids.sorted().joined(separator: ", ")) and is not in allowed-conflicts.tsv"
      )
    }
  }

  @Test func curatedFilesReachTheirSize() throws {
    let files = Dictionary(
      uniqueKeysWithValues: try Self.entityFiles().map { ($0.name, $0.entries) })
    #expect((files["organizations.tsv"]?.count ?? 0) >= 1_500)
    #expect((files["people.tsv"]?.count ?? 0) >= 1_000)
    #expect((files["countries.tsv"]?.count ?? 0) >= 249)
  }

  struct AmbiguousName: Sendable, CustomTestStringConvertible {
    var surface: String
    /// The id the gazetteer must rank first.
    var best: String
    var isCommonWord: Bool = false
    var explanation: String
    var testDescription: String { explanation }
  }

  /// What the data and the gazetteer's order decide on their own, without context.
  @Test(arguments: [
    AmbiguousName(
      surface: "Jordan", best: "country/jordan",
      explanation: "Jordan is the country; a person named Jordan needs a full name"),
    AmbiguousName(
      surface: "Georgia", best: "country/georgia",
      explanation: "Georgia the country ranks before the US state"),
    AmbiguousName(
      surface: "Chad", best: "country/chad", isCommonWord: true,
      explanation: "Chad is the country, flagged as a given name and word"),
    AmbiguousName(
      surface: "Turkey", best: "country/turkey", isCommonWord: true,
      explanation: "Turkey is the country, flagged as a common word"),
    AmbiguousName(
      surface: "Guinea", best: "country/guinea", isCommonWord: true,
      explanation: "Guinea is the country, flagged as a common word"),
    AmbiguousName(
      surface: "Nice", best: "place/nice", isCommonWord: true,
      explanation: "Nice is a city but also a word"),
    AmbiguousName(
      surface: "Reading", best: "place/reading", isCommonWord: true,
      explanation: "Reading is a town but also a word"),
    AmbiguousName(
      surface: "Split", best: "place/split", isCommonWord: true,
      explanation: "Split is a city but also a word"),
    AmbiguousName(
      surface: "Mobile", best: "place/mobile", isCommonWord: true,
      explanation: "Mobile is a city but also a word"),
    AmbiguousName(
      surface: "Bath", best: "place/bath", isCommonWord: true,
      explanation: "Bath is a city but also a word"),
    AmbiguousName(
      surface: "Washington", best: "place/washington",
      explanation: "Washington is the capital; the state is Washington State"),
    AmbiguousName(
      surface: "Michael Jordan", best: "person/michael-jordan",
      explanation: "the full name is the person"),
    AmbiguousName(
      surface: "Hitachi", best: "organization/hitachi",
      explanation: "the company is listed, the city of the same name is left out"),
  ])
  func ambiguousNameHasTheExpectedReading(_ example: AmbiguousName) throws {
    let gazetteer = try RealDictionaries.gazetteer()
    let found = Self.entries(example.surface, gazetteer)
    #expect(found.first?.id == example.best, "got \(found.map(\.id))")
    #expect(found.first?.isCommonWord == example.isCommonWord)
  }

  @Test func wordsInLowerCaseAreNoNames() throws {
    let gazetteer = try RealDictionaries.gazetteer()
    for word in ["china", "turkey", "jordan", "nice", "reading", "of", "the", "said"] {
      #expect(Self.entries(word, gazetteer).isEmpty, "'\(word)' matched")
    }
  }

  @Test func smallTownsNamedLikeWordsOrPeopleAreLeftOut() throws {
    let gazetteer = try RealDictionaries.gazetteer()
    // "Of" (Turkey, about 20,000 people) is an English word: not a place at all.
    #expect(Self.entries("Of", gazetteer).isEmpty)
    // A city under a million named like a person is flagged `minor`.
    let austin = Self.entries("Austin", gazetteer).first { $0.type == .place }
    #expect(austin?.isMinor == true)
    let paris = Self.entries("Paris", gazetteer).first { $0.type == .place }
    #expect(paris?.isMinor == false, "a capital is never minor")
  }

  /// In context, through the whole recognizer, what the dictionaries alone decide.
  @Test(arguments: [
    ("Protests spread in Jordan on Friday.", "Jordan", "country/jordan"),
    ("King Abdullah said Jordan would not take part.", "Jordan", "country/jordan"),
    ("Michael Jordan said he would not play.", "Michael Jordan", "person/michael-jordan"),
    ("The talks in Georgia ended without a deal.", "Georgia", "country/georgia"),
    ("Troops left Chad last year.", "Chad", "country/chad"),
    ("Flights to Nice resumed on Monday.", "Nice", "place/nice"),
  ])
  func nameInContext(_ text: String, _ surface: String, _ id: String) throws {
    let gazetteer = try RealDictionaries.gazetteer()
    let mentions = Pipeline.document(text, gazetteer: gazetteer).mentions
    let mention = mentions.first { $0.text == surface }
    #expect(mention?.entity == id, "\(mentions.map { "\($0.text)=\($0.entity)" })")
  }
}
