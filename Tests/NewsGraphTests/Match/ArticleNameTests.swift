import Testing

@testable import NewsGraph

@Suite struct ArticleNameTests {
  static func organizations(_ text: String) -> [Mention] {
    Pipeline.document(text).mentions.filter { $0.type == .organization }
  }

  @Test func capitalizedArticleInsideASentenceBelongsToTheName() {
    let found = Self.organizations(
      "He joined The Velmora Association in May. The Velmora Association grew. Velmora Association members met."
    )
    #expect(
      found.map(\.text) == [
        "The Velmora Association", "Velmora Association", "Velmora Association",
      ])
    #expect(Set(found.map(\.entity)) == ["organization/velmora-association"])
    let entity = Pipeline.document("He joined The Velmora Association.").entities.first
    #expect(entity?.label == "Velmora Association")
  }

  @Test func lowerCaseArticleAndOpenersStayOutside() {
    #expect(
      Self.organizations("He joined the Velmora Association.").map(\.text) == [
        "Velmora Association"
      ])
    #expect(
      Self.organizations("He said: The Velmora Association is closed.").map(\.text) == [
        "Velmora Association"
      ])
    #expect(
      Self.organizations("He said \"The Velmora Association is closed.\"").map(\.text) == [
        "Velmora Association"
      ])
  }

  @Test func headlinesSayNothingByTheirCapitals() {
    let found = Self.organizations("Talks With The Velmora Association Collapse\n\nThey met.")
    #expect(!found.contains { $0.text.hasPrefix("The") }, "\(found.map(\.text))")
  }
}
