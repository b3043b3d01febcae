@testable import NewsGraph

/// A small dictionary written in the tests, so most tests do not depend on `dictionaries/`.
enum TestDictionary {
  static let entries: [DictionaryEntry] = [
    DictionaryEntry(
      id: "country/russia", type: .country, label: "Russia", aliases: ["Russian Federation"],
      demonyms: ["Russian", "Russians"], population: 144_000_000),
    DictionaryEntry(
      id: "country/egypt", type: .country, label: "Egypt", demonyms: ["Egyptian", "Egyptians"],
      population: 105_000_000),
    DictionaryEntry(
      id: "country/united-states", type: .country, label: "United States",
      aliases: ["US", "U.S.", "USA"], demonyms: ["American"], population: 330_000_000),
    DictionaryEntry(id: "country/china", type: .country, label: "China", population: 1_400_000_000),
    DictionaryEntry(
      id: "country/georgia", type: .country, label: "Georgia", population: 3_700_000),
    DictionaryEntry(
      id: "place/georgia-us-state", type: .place, label: "Georgia", population: 10_000_000),
    DictionaryEntry(
      id: "place/moscow", type: .place, label: "Moscow", population: 12_000_000, isCapital: true),
    DictionaryEntry(id: "place/cairo", type: .place, label: "Cairo", population: 10_000_000),
    DictionaryEntry(id: "place/sochi", type: .place, label: "Sochi", population: 400_000),
    DictionaryEntry(id: "place/black-sea", type: .place, label: "Black Sea"),
    DictionaryEntry(id: "place/new-york", type: .place, label: "New York", population: 8_000_000),
    DictionaryEntry(id: "place/york", type: .place, label: "York", population: 200_000),
    DictionaryEntry(
      id: "place/nice", type: .place, label: "Nice", population: 340_000, isCommonWord: true),
    DictionaryEntry(id: "place/alpha-beta", type: .place, label: "Alpha Beta"),
    DictionaryEntry(id: "organization/beta-gamma", type: .organization, label: "Beta Gamma"),
    DictionaryEntry(
      id: "organization/new-york-times", type: .organization, label: "The New York Times",
      aliases: ["New York Times"]),
    DictionaryEntry(id: "organization/reuters", type: .organization, label: "Reuters"),
    DictionaryEntry(
      id: "person/sergei-shoigu", type: .person, label: "Sergei Shoigu", aliases: ["Sergey Shoygu"]),
  ]

  static let titles: [(String, Gazetteer.TitleKind)] = [
    ("President", .role), ("president", .role), ("Defense Minister", .role),
    ("Foreign Minister", .role), ("Minister", .role), ("spokesman", .role), ("Mr.", .honorific),
    ("Mrs.", .honorific),
  ]

  static let givenNames = ["Vladimir", "Sergei", "Jeremy", "Michael", "Ed", "David", "Anna"]

  static let gazetteer = Gazetteer(entries: entries, titles: titles, givenNames: givenNames)

  /// A gazetteer of the test entries plus `extra`, optionally with user entries.
  static func with(_ extra: [DictionaryEntry] = [], user: [DictionaryEntry] = []) -> Gazetteer {
    Gazetteer(entries: entries + extra, userEntries: user, titles: titles, givenNames: givenNames)
  }
}
