import Testing

@testable import NewsGraph

/// The texts of a document's evidence, cut once per range of sentences.
@Suite struct SnippetsTests {
  @Test func aTextIsFoundByItsFirstAndLastSentence() {
    var snippets = GraphBuilder.Snippets(sentences: 4)
    #expect(snippets.text(1, 1) == nil, "nothing cut yet")
    snippets.insert("one", 1, 1)
    snippets.insert("one to three", 1, 3)
    snippets.insert("two", 2, 2)
    #expect(snippets.text(1, 1) == "one", "an earlier text from the same first sentence")
    #expect(snippets.text(1, 3) == "one to three")
    #expect(snippets.text(2, 2) == "two")
    #expect(snippets.text(1, 2) == nil, "same first sentence, another last")
    #expect(snippets.text(0, 3) == nil)
    #expect(snippets.text(3, 3) == nil)
    snippets.reset(sentences: 2)
    #expect(snippets.text(1, 1) == nil, "reset for another document: no text is left")
    snippets.insert("next", 1, 1)
    #expect(snippets.text(1, 1) == "next")
  }

  /// The places of a document's texts are written over by the next document's, which may cut
  /// fewer or more of them.
  @Test func textsOfTheDocumentBeforeAreWrittenOver() {
    var snippets = GraphBuilder.Snippets(sentences: 3)
    snippets.insert("a", 0, 0)
    snippets.insert("b", 0, 1)
    snippets.reset(sentences: 3)
    snippets.insert("c", 0, 0)
    #expect(snippets.text(0, 0) == "c")
    #expect(snippets.text(0, 1) == nil, "the second place is the document before's")
    snippets.insert("d", 0, 1)
    snippets.insert("e", 2, 2)
    #expect(snippets.text(0, 0) == "c" && snippets.text(0, 1) == "d")
    #expect(snippets.text(2, 2) == "e")
  }
}
