import Testing

@testable import NewsGraph

@Suite struct CompanyStemLinkerTests {
  static func tokens(_ text: String) -> [Token] {
    let source = SourceText(text)
    return Tokenizer().tokens(in: source, range: 0..<source.count)
  }

  /// An organization found by a rule on `range` of `tokens`.
  static func organization(_ tokens: [Token], _ range: Range<Int>) -> Candidate {
    Candidate(
      start: tokens[range.lowerBound].start, end: tokens[range.upperBound - 1].end, tokens: range,
      sentence: 0, type: .organization, entity: nil, form: .name, source: "rule:test",
      priority: 8)
  }

  static func link(_ kept: [Candidate], _ tokens: [Token]) -> [Candidate] {
    CompanyStemLinker().link(
      kept, tokens: tokens, sentenceOfToken: Array(repeating: 0, count: tokens.count))
  }

  @Test func nameWithoutItsLegalFormIsTheSameCompany() throws {
    let tokens = Self.tokens("Lear Corp said profit rose. Lear shares fell.")
    let later = try #require(tokens.lastIndex { $0.text == "Lear" })
    let result = Self.link([Self.organization(tokens, 0..<2)], tokens)
    try #require(result.count == 2)
    #expect(result[1].tokens == later..<(later + 1))
    #expect(result[1].form == .short)
    #expect(result[1].source == "rule:company-stem")
    #expect(result[1].label == "Lear Corp")
    #expect(result[1].entity == "organization/lear-corp")
  }

  @Test func wordsInsideAnotherMentionAreNotLinked() {
    // "Lear" in "Lear Seating" is part of another name.
    let tokens = Self.tokens("Lear Corp and Lear Seating met.")
    let kept = [Self.organization(tokens, 0..<2), Self.organization(tokens, 3..<5)]
    #expect(Self.link(kept, tokens).map(\.tokens) == [0..<2, 3..<5])
  }

  @Test func stemEndingInAConjunctionIsNoName() {
    let tokens = Self.tokens("Smith and Co said so. Smith and Jones left.")
    #expect(Self.link([Self.organization(tokens, 0..<3)], tokens).count == 1)
  }

  @Test func everyLegalFormIsDroppedButTheFirstWord() throws {
    // "Holdings Ltd" goes, "Group" alone is no stem: a company all legal forms keeps one word.
    let tokens = Self.tokens("Vantor Holdings Ltd and Group Inc met. Vantor and Group left.")
    let kept = [Self.organization(tokens, 0..<3), Self.organization(tokens, 4..<6)]
    let linked = Self.link(kept, tokens).filter { $0.source == "rule:company-stem" }
    #expect(linked.map { tokens[$0.tokens.lowerBound].text } == ["Vantor", "Group"])
    #expect(linked.map(\.entity) == ["organization/vantor-holdings-ltd", "organization/group-inc"])
  }

  @Test func aStemDefinedTwiceKeepsItsFirstCompany() throws {
    let tokens = Self.tokens("Lear Corp and Lear Inc met. Lear said so.")
    let kept = [Self.organization(tokens, 0..<2), Self.organization(tokens, 3..<5)]
    let linked = try #require(Self.link(kept, tokens).last)
    #expect(linked.source == "rule:company-stem")
    #expect(linked.entity == "organization/lear-corp")
  }

  /// Two stems that match at one token: the longer wins, whatever order the companies came in
  /// (it once followed a dictionary's order, which changes from run to run).
  @Test func longerStemWinsWhereTwoMatch() throws {
    for text in [
      "Brenfold Corp and Brenfold Marine Inc merged. Brenfold Marine said so.",
      "Brenfold Marine Inc and Brenfold Corp merged. Brenfold Marine said so.",
    ] {
      let tokens = Self.tokens(text)
      let first = try #require(tokens.firstIndex { $0.text == "Corp" })
      let second = try #require(tokens.firstIndex { $0.text == "Inc" })
      let kept = [
        Self.organization(tokens, (first - 1)..<(first + 1)),
        Self.organization(tokens, (second - 2)..<(second + 1)),
      ].sorted { $0.start < $1.start }
      let later = try #require(tokens.lastIndex { $0.text == "Brenfold" })
      for _ in 0..<8 {
        let linked = try #require(Self.link(kept, tokens).last)
        #expect(linked.tokens == later..<(later + 2), "\(text)")
        #expect(linked.entity == "organization/brenfold-marine-inc", "\(text)")
      }
    }
  }

  /// A word written with other scalars that are canonically equivalent is the stem's word, as
  /// `String` compares them: only ASCII words are told apart by the hashes of their bytes.
  @Test(arguments: [
    ("\u{212A}ia Motors Corp fell. Kia Motors rose.", "the stem's Kelvin sign is an ASCII K"),
    ("Kia Motors Corp fell. \u{212A}ia Motors rose.", "an ASCII K is the later Kelvin sign"),
    ("Nestl\u{E9} SA fell. Nestle\u{301} rose.", "a composed and a decomposed \u{E9}"),
  ])
  func canonicallyEquivalentWordIsTheStem(text: String, explanation: String) throws {
    let tokens = Self.tokens(text)
    let end = try #require(tokens.firstIndex { $0.text == "Corp" || $0.text == "SA" })
    let result = Self.link([Self.organization(tokens, 0..<(end + 1))], tokens)
    try #require(result.count == 2, "\(explanation)")
    let later = try #require(tokens.indices.last { tokens[$0].text == tokens[0].text })
    #expect(later > end, "\(explanation)")
    #expect(result[1].tokens.lowerBound == later, "\(explanation)")
  }
}
