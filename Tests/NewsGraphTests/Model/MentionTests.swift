import Testing

@testable import NewsGraph

struct MentionTests {
  private func mention(entityIndex: Int?, text: String = "Putin") -> Mention {
    Mention(
      text: text, start: 4, end: 9, sentence: 0, type: .person, entity: "person/vladimir-putin",
      form: .short, source: "rule:given-name", entityIndex: entityIndex)
  }

  @Test func entityIndexIsAHintLeftOutOfEquality() {
    let resolved = mention(entityIndex: 3)
    let byHand = mention(entityIndex: nil)
    #expect(resolved == byHand)
    #expect(Set([resolved, byHand]).count == 1)
    #expect(resolved.hashValue == byHand.hashValue)
  }

  @Test func everyOtherFieldCountsInEquality() {
    let base = mention(entityIndex: nil)
    var changed = [base, base, base, base, base, base, base, base]
    changed[0].text = "PUTIN"
    changed[1].start = 5
    changed[2].end = 10
    changed[3].sentence = 1
    changed[4].type = .organization
    changed[5].entity = "person/putin"
    changed[6].form = .name
    changed[7].source = "dictionary:people.tsv"
    for other in changed { #expect(other != base) }
  }
}
