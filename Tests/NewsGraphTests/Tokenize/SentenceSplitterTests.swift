import Testing

@testable import NewsGraph

@Suite struct SentenceSplitterTests {
  /// The sentences of `input` as the text from their first to their last token.
  static func sentences(_ input: String) -> [String] {
    let text = SourceText(input)
    let tokens = Tokenizer().tokens(in: text, range: 0..<text.count)
    return SentenceSplitter().sentences(in: tokens).map { range in
      text.text(tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end)
    }
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var input: String
    var sentences: [String]
    var explanation: String
    var testDescription: String { explanation }
  }

  @Test(arguments: [
    Case(
      input: "Talks began. They ended.", sentences: ["Talks began.", "They ended."],
      explanation: "a period before a capital ends a sentence"),
    Case(
      input: "Mr. Smith arrived. He left.", sentences: ["Mr. Smith arrived.", "He left."],
      explanation: "a title with a period before a name does not end a sentence"),
    Case(
      input: "Gen. Sisi spoke.", sentences: ["Gen. Sisi spoke."],
      explanation: "a military rank with a period"),
    Case(
      input: "The U.S. military said so.", sentences: ["The U.S. military said so."],
      explanation: "a dotted acronym before a lower-case word"),
    Case(
      input: "He met U.S. Secretary Blinken.", sentences: ["He met U.S. Secretary Blinken."],
      explanation: "a dotted acronym before a capitalized word that continues the name"),
    Case(
      input: "He flew to the U.S. The talks failed.",
      sentences: ["He flew to the U.S.", "The talks failed."],
      explanation: "a dotted acronym before a word that starts sentences ends one"),
    Case(
      input: "A report by Michael B. Kelley appeared.",
      sentences: ["A report by Michael B. Kelley appeared."],
      explanation: "an initial is not the end of a sentence"),
    Case(
      input: "It cost $3.5 billion. Then it grew.",
      sentences: ["It cost $3.5 billion.", "Then it grew."],
      explanation: "the decimal point of a number is not a period"),
    Case(
      input: "\"It is mutual frustration.\" Next came talks.",
      sentences: ["\"It is mutual frustration.\"", "Next came talks."],
      explanation: "the closing quote belongs to the sentence it closes"),
    Case(
      input: "\u{201C}It is over.\u{201D} Then silence.",
      sentences: ["\u{201C}It is over.\u{201D}", "Then silence."],
      explanation: "curly quotes are folded before splitting"),
    Case(
      input: "\"Sphere,\" Shoigu said.", sentences: ["\"Sphere,\" Shoigu said."],
      explanation: "a comma inside quotes does not end a sentence"),
    Case(
      input: "\"Why?\" she asked.", sentences: ["\"Why?\" she asked."],
      explanation: "a question mark followed by a lower-case word"),
    Case(
      input: "Stop! now, he said.", sentences: ["Stop! now, he said."],
      explanation: "an exclamation mark followed by a lower-case word"),
    Case(
      input: "Why? Because. Fine!", sentences: ["Why?", "Because.", "Fine!"],
      explanation: "question and exclamation marks before capitals"),
    Case(
      input: "He spoke. (The rest was silent.) Then he left.",
      sentences: ["He spoke.", "(The rest was silent.)", "Then he left."],
      explanation: "a sentence in parentheses keeps its closing bracket"),
    Case(
      input: "Putin (L) met Sisi (R). They talked.",
      sentences: ["Putin (L) met Sisi (R).", "They talked."],
      explanation: "brackets inside a sentence"),
    Case(
      input: "He works at Acme Inc. The firm grew.",
      sentences: ["He works at Acme Inc.", "The firm grew."],
      explanation: "a company suffix may close a sentence before a sentence starter"),
    Case(
      input: "Acme Inc. said no.", sentences: ["Acme Inc. said no."],
      explanation: "a company suffix inside a sentence"),
    Case(
      input: "Wait... what now", sentences: ["Wait... what now"],
      explanation: "an ellipsis before a lower-case word"),
    Case(
      input: "It ended... Then peace.", sentences: ["It ended...", "Then peace."],
      explanation: "an ellipsis before a sentence starter"),
    Case(
      input: "No final period", sentences: ["No final period"],
      explanation: "text without an end mark is one sentence"),
    Case(
      input: "Talks ended. 5 people died.", sentences: ["Talks ended.", "5 people died."],
      explanation: "a sentence may start with a number"),
  ])
  func splits(_ example: Case) {
    #expect(Self.sentences(example.input) == example.sentences)
  }

  @Test func sentencesCoverEveryTokenOnce() {
    let text = SourceText("Mr. Smith left. \"Yes,\" she said. The U.S. agreed? No.")
    let tokens = Tokenizer().tokens(in: text, range: 0..<text.count)
    let ranges = SentenceSplitter().sentences(in: tokens)
    #expect(ranges.first?.lowerBound == 0)
    #expect(ranges.last?.upperBound == tokens.count)
    for (a, b) in zip(ranges, ranges.dropFirst()) {
      #expect(a.upperBound == b.lowerBound)
      #expect(!a.isEmpty)
    }
    #expect(ranges.count == 4)
  }

  /// The closing abbreviations and sentence starters are looked up by each token's hash: tokens
  /// made by the public initializer, whose hash comes from their text, split as the
  /// tokenizer's do.
  @Test func listsAreFoundInTokensOfAnyMaking() {
    func split(_ words: [String]) -> [Range<Int>] {
      let tokens = words.enumerated().map { index, word in
        let kind: Token.Kind = word == "." ? .punctuation : .word
        return Token(text: word, start: index, end: index + 1, kind: kind, spaceBefore: true)
      }
      return SentenceSplitter().sentences(in: tokens)
    }
    #expect(split(["Acme", "Inc.", "The", "firm", "grew", "."]) == [0..<2, 2..<6])
    #expect(split(["Acme", "Inc.", "Smith", "said", "."]) == [0..<5])
    #expect(split(["the", "U.S.", "Then", "."]) == [0..<2, 2..<4])
    #expect(split(["the", "U.S.", "Army", "."]) == [0..<4])
    // A word beyond ASCII is looked up by its string, and is no starter.
    #expect(split(["to", "Co.", "\u{00DC}ber", "."]) == [0..<4])
  }

  @Test func noTokensNoSentences() {
    #expect(SentenceSplitter().sentences(in: []).isEmpty)
  }

  @Test func sentencesOfARangeStayInsideIt() {
    // A range that starts and stops inside sentences, and an empty one: the sentences are
    // found as they are read, never past the range's end nor before its start.
    let text = SourceText("He left. She said no. They agreed? Yes.")
    let tokens = Tokenizer().tokens(in: text, range: 0..<text.count)
    let splitter = SentenceSplitter()
    #expect(Array(splitter.sentences(in: tokens, range: 1..<6)) == [1..<3, 3..<6])
    #expect(Array(splitter.sentences(in: tokens, range: 4..<4)).isEmpty)
    var sentences = splitter.sentences(in: tokens, range: 0..<tokens.count)
    #expect(sentences.next() == 0..<3)
    #expect(Array(sentences) == [3..<7, 7..<10, 10..<12])
  }

  /// A document's blocks appended to one array and split in place give the sentences (in that
  /// array's indices) and tokens of each block tokenized and split on its own.
  @Test func blocksAppendedAndSplitInPlaceAreSplitAsAlone() {
    let text = SourceText(
      "Mr. Smith left. He said no.\n\n\"Yes,\" she said. The U.S. agreed?\n\nNo")
    let blocks = [0..<27, 29..<62, 64..<66]
    var all: [Token] = []
    var ranges: [Range<Int>] = []
    for block in blocks {
      let offset = all.count
      Tokenizer().append(in: text, range: block, to: &all)
      ranges += SentenceSplitter().sentences(in: all, range: offset..<all.count)
      let alone = Tokenizer().tokens(in: text, range: block)
      #expect(Array(all[offset...]) == alone)
      let local = SentenceSplitter().sentences(in: alone)
      #expect(
        ranges.suffix(local.count)
          == local.map { ($0.lowerBound + offset)..<($0.upperBound + offset) }[...])
    }
    #expect(ranges.count == 5)
    #expect(ranges.last == (all.count - 1)..<all.count)
  }
}

extension SentenceSplitterTests {
  @Test()
  func abbreviationThatIsAlsoAWordEndsASentence() {
    #expect(
      Self.sentences("He told The Sun. Then he left.") == ["He told The Sun.", "Then he left."])
    #expect(Self.sentences("The answer was No. He left.") == ["The answer was No.", "He left."])
  }
}
