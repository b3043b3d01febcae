import Testing

@testable import NewsGraph

@Suite struct AcronymLinkerTests {
  static func organizations(_ text: String) -> [Mention] {
    Pipeline.document(text).mentions.filter { $0.type == .organization }
  }

  @Test func spelledOutDefinitionNamesLaterUses() throws {
    let marked = try MarkedText(
      "The «Kurdistan Democratic Party» («KDP») won. Later the «KDP» said it would talk.")
    let found = Self.organizations(marked.text)
    #expect(found.map { FoundSpan(start: $0.start, end: $0.end, text: $0.text) } == marked.expected)
    #expect(Set(found.map(\.entity)) == ["organization/kurdistan-democratic-party"])
    #expect(found.map(\.form) == [.name, .alias, .alias])
  }

  @Test func functionWordsAreSkippedInInitials() {
    let found = Self.organizations(
      "The Organisation for Security and Cooperation in Europe (OSCE) met. OSCE monitors left.")
    #expect(found.first?.text == "Organisation for Security and Cooperation in Europe")
    #expect(found.filter { $0.text == "OSCE" }.count == 2)
    #expect(Set(found.map(\.entity)).count == 1)
  }

  @Test(arguments: [
    ("", "no token"),
    ("(", "a bracket alone"),
    ("Xeno Yield (XY", "a bracket among the last two tokens"),
    ("Xeno Yield (Reuters) - Xeno Yield (XY", "a bracket after one that defines nothing"),
  ])
  func bracketClosedByNoTokenDefinesNothing(text: String, explanation: String) {
    let tokens = CompanyStemLinkerTests.tokens(text)
    let kept = AcronymLinker().link(
      [], tokens: tokens, sentenceOfToken: Array(repeating: 0, count: tokens.count))
    #expect(kept.isEmpty, "\(explanation)")
  }

  @Test func definitionsAreLookedForInTheBracketedRangesAlone() throws {
    let tokens = CompanyStemLinkerTests.tokens("The Xeno Yield Zone (XYZ) met. XYZ left.")
    let close = try #require(tokens.firstIndex { $0.text == ")" })
    let sentenceOfToken = tokens.indices.map { $0 <= close + 1 ? 0 : 1 }
    let linked = { (bracketed: [Range<Int>]) in
      AcronymLinker().link(
        [], tokens: tokens, sentenceOfToken: sentenceOfToken, bracketed: bracketed
      ).map(\.tokens)
    }
    let whole = AcronymLinker().link([], tokens: tokens, sentenceOfToken: sentenceOfToken)
    #expect(whole.count == 3, "a long form and both uses of its acronym")
    #expect(linked([0..<(close + 2)]) == whole.map(\.tokens), "the first sentence holds it")
    #expect(linked([0..<(close + 1)]) == whole.map(\.tokens), "its closing bracket is in range")
    #expect(linked([0..<close]).isEmpty, "a bracket whose closing one is past the range")
    #expect(linked([(close + 2)..<tokens.count]).isEmpty, "a range with no bracket")
    #expect(linked([]).isEmpty, "no range")
  }

  @Test func scratchKeepsNoBracketedSentenceOfTheLastDocument() {
    let recognizer = Recognizer(gazetteer: TestDictionary.gazetteer)
    var scratch = Recognizer.Scratch()
    for text in [
      "The Xeno Yield Zone (XYZ) met. XYZ left.", "XYZ said so. Later the Xeno Yield Zone met.",
      "XYZ left.", "The Xeno Yield Zone (XYZ) met.",
    ] {
      let reused = recognizer.analyze(id: "test", text: SourceText(text), scratch: &scratch)
      let new = recognizer.analyze(id: "test", text: SourceText(text))
      #expect(reused.mentions == new.mentions, "\(text)")
      scratch.recycle(reused)
    }
  }

  @Test func bracketedWordThatSpellsNothingIsNoDefinition() {
    let found = Self.organizations("Talks with Acme Trading (NOW) went well. NOW is a word here.")
    #expect(!found.contains { $0.text == "NOW" }, "\(found.map(\.text))")
  }

  @Test(arguments: [
    ("Xeno Yield", "XY", true, "two capitals are the shortest acronym"),
    ("Alpha Beta Gamma Delta Epsilon Zeta", "ABGDEZ", true, "six capitals are the longest"),
    ("Alpha Beta Gamma Delta Epsilon Zeta Eta", "ABGDEZE", false, "seven are too many"),
    ("Xeno Yield", "Xy", false, "a lowercase letter is no capital"),
    ("Xeno Yield", "X\u{212A}", false, "the Kelvin sign is no letter A to Z"),
    ("\u{C9}lan Yield", "\u{C9}Y", false, "a capital beyond ASCII is no letter A to Z"),
  ])
  func acronymIsTwoToSixCapitalsAToZ(
    name: String, acronym: String, isAcronym: Bool, explanation: String
  ) {
    let found = Self.organizations("The \(name) (\(acronym)) met. Later \(acronym) left.")
    #expect(
      found.filter { $0.text == acronym }.count == (isAcronym ? 2 : 0),
      "\(explanation): \(found.map(\.text))")
  }

  @Test func acronymBeforeItsDefinitionIsLinkedToo() {
    // A headline often uses the acronym before the body defines it.
    let found = Self.organizations("XYZ said so. Later the Xeno Yield Zone (XYZ) met.")
    #expect(found.filter { $0.text == "XYZ" }.count == 2)
    #expect(Set(found.map(\.entity)) == ["organization/xeno-yield-zone"])
  }
}
