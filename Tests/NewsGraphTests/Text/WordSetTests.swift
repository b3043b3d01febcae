import Testing

@testable import NewsGraph

@Suite struct WordSetTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var words: [String]
    var query: String
    var explanation: String
    var testDescription: String { explanation }
  }

  /// Whatever the words and the query, a `WordSet` answers as a `Set<String>` does.
  @Test(arguments: [
    Case(words: ["of", "the", "Times"], query: "Times", explanation: "an ASCII word in the set"),
    Case(words: ["of", "the", "Times"], query: "times", explanation: "case counts"),
    Case(words: ["of", "the"], query: "", explanation: "the empty string"),
    Case(words: ["", "of"], query: "", explanation: "the empty string as a word"),
    Case(words: ["Kelvin"], query: "\u{212A}elvin", explanation: "the Kelvin sign equals K"),
    Case(words: ["\u{212A}elvin"], query: "Kelvin", explanation: "a word with the Kelvin sign"),
    Case(words: ["café"], query: "cafe\u{301}", explanation: "a decomposed é equals é"),
    Case(words: ["cafe\u{301}"], query: "café", explanation: "a decomposed word, a composed query"),
    Case(words: ["Zürich", "of"], query: "Zürich", explanation: "a word that is not ASCII"),
    Case(
      words: ["Organisation", "Organization"], query: "Organisation for Security",
      explanation: "a longer query that starts with a word"),
    Case(
      words: ["a-very-long-word-beyond-fifteen-bytes"],
      query: "a-very-long-word-beyond-fifteen-bytes", explanation: "a word stored out of line"),
  ])
  func answersAsSetOfStringDoes(_ example: Case) {
    let set = WordSet(example.words)
    #expect(set.contains(example.query) == Set(example.words).contains(example.query))
    let byBytes = Array(example.query.utf8).withUnsafeBufferPointer {
      set.number(
        of: example.query, utf8: $0, hash: StringTable.hash($0),
        isASCII: example.query.utf8.allSatisfy { $0 < 0x80 })
    }
    #expect(byBytes == set.number(of: example.query), "the bytes at hand give the same answer")
  }

  @Test func wordsAreNumberedOnceEach() {
    let set = WordSet(["of", "the", "Zürich", "the", "cafe\u{301}"])
    #expect(set.count == 4)
    let numbers = ["of", "the", "Zürich", "café"].compactMap { set.number(of: $0) }
    #expect(Set(numbers) == Set(0..<4), "one number for each word, below `count`")
    #expect(set.number(of: "cafe\u{301}") == set.number(of: "café"), "equal words, one number")
    #expect(set.number(of: "The") == nil)
    #expect(Set(set.elements) == ["of", "the", "Zürich", "café"])
  }

  @Test func manyWordsAndMisses() {
    let words = (0..<500).map { "w\($0)" }
    let set = WordSet(words)
    for index in 0..<1000 {
      #expect(set.contains("w\(index)") == (index < 500))
    }
    #expect(set.union(["x"]).contains("x") && set.union(["x"]).contains("w1"))
    #expect(set.union(WordSet(["y"])).contains("y"))
  }
}
