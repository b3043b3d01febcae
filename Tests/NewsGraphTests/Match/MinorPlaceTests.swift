import Testing

@testable import NewsGraph

/// A small town, or one named like a person, counts only where the text places it.
@Suite struct MinorPlaceTests {
  static let gazetteer = TestDictionary.with([
    DictionaryEntry(
      id: "place/azna", type: .place, label: "Azna", population: 40_000, isMinor: true),
    DictionaryEntry(id: "place/maine", type: .place, label: "Maine"),
  ])

  static func places(_ text: String) -> [String] {
    Pipeline.document(text, gazetteer: gazetteer).mentions.filter { $0.type == .place }.map(\.text)
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var text: String
    var places: [String]
    var explanation: String
    var testDescription: String { explanation }
  }

  @Test(arguments: [
    Case(text: "He was born in Azna in 1950.", places: ["Azna"], explanation: "after 'in'"),
    Case(
      text: "Crowds left Azna, Maine at dawn.", places: ["Azna", "Maine"],
      explanation: "before ', Region'"),
    Case(text: "The band Azna played loud.", places: [], explanation: "no sign of a place"),
    Case(
      text: "Azna said nothing.", places: [],
      explanation: "a town named like a person, as a subject"),
  ])
  func minorPlaceNeedsContext(_ item: Case) {
    #expect(Self.places(item.text) == item.places)
  }
}
