@testable import NewsGraph

/// The first stages of the recognizer, run by hand so a test can call one matcher or rule.
enum Pipeline {
  /// One context per sentence, built from FurnitureFilter, Tokenizer and SentenceSplitter the
  /// way `Recognizer` builds them.
  static func contexts(_ text: SourceText, gazetteer: Gazetteer) -> [SentenceContext] {
    let (blocks, _) = FurnitureFilter().blocks(in: text)
    var tokens: [Token] = []
    var sentences: [(range: Range<Int>, block: TextBlock)] = []
    for block in blocks {
      let blockTokens = Tokenizer().tokens(in: text, range: block.range)
      let offset = tokens.count
      tokens += blockTokens
      for local in SentenceSplitter().sentences(in: blockTokens) {
        sentences.append(((local.lowerBound + offset)..<(local.upperBound + offset), block))
      }
    }
    return sentences.enumerated().map { index, sentence in
      SentenceContext(
        tokens: tokens, range: sentence.range, index: index, block: sentence.block,
        gazetteer: gazetteer)
    }
  }

  static func contexts(_ text: String, gazetteer: Gazetteer) -> [SentenceContext] {
    contexts(SourceText(text), gazetteer: gazetteer)
  }

  /// The document of `text` analyzed by the full recognizer.
  static func document(
    _ text: String, gazetteer: Gazetteer = TestDictionary.gazetteer, rules: [any Rule] = Rules.all
  ) -> Document {
    Recognizer(gazetteer: gazetteer, rules: rules).analyze(id: "test", text: SourceText(text))
  }

  /// The mentions of `text` as spans, sorted.
  static func mentionSpans(
    _ text: String, gazetteer: Gazetteer = TestDictionary.gazetteer, rules: [any Rule] = Rules.all,
    where include: (Mention) -> Bool = { _ in true }
  ) -> [FoundSpan] {
    document(text, gazetteer: gazetteer, rules: rules).mentions.filter(include)
      .map { FoundSpan(start: $0.start, end: $0.end, text: $0.text) }.sorted()
  }
}
