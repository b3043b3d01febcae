/// The whole recognizer: text in, a document with sentences, mentions and entities out.
///
/// Runs the stages in order: furniture filter, tokenizer, sentence splitter, dictionary
/// matcher and rules, overlap policy, entity resolver. It holds only immutable data, so one
/// value serves every document of a run, on any thread.
public struct Recognizer: Sendable {
  public let gazetteer: Gazetteer
  public let rules: [any Rule]
  /// What each document's lookups read of the gazetteer, gathered once.
  private let tables: TokenLookups.Tables
  /// The rules, as the recognizer calls them for every sentence.
  private let calls: RuleCalls

  public init(gazetteer: Gazetteer, rules: [any Rule] = Rules.all) {
    self.gazetteer = gazetteer
    self.rules = rules
    tables = TokenLookups.Tables(gazetteer)
    calls = RuleCalls(rules)
  }

  /// What the recognizer decided and why, for `--explain`.
  public struct Trace: Sendable {
    public var dropped: [DroppedLine]
    public var blocks: [TextBlock]
    public var beaten: [(Candidate, by: Candidate)]
  }

  public func analyze(id: String, text: SourceText) -> Document {
    var resolver = EntityResolver()
    return analyze(id: id, text: text, resolver: &resolver)
  }

  /// The document, resolved by `resolver`: a caller that analyzes many documents keeps one
  /// resolver for them, which reuses the storage of its tables.
  public func analyze(id: String, text: SourceText, resolver: inout EntityResolver) -> Document {
    analyze(id: id, text: text, tracing: false, resolver: &resolver).document
  }

  public func analyzeWithTrace(id: String, text: SourceText) -> (document: Document, trace: Trace) {
    var resolver = EntityResolver()
    return analyze(id: id, text: text, tracing: true, resolver: &resolver)
  }

  /// The document, and the trace; its beaten candidates only when `tracing`, since copying each
  /// loser with its winner is work that only `--explain` shows.
  private func analyze(
    id: String, text: SourceText, tracing: Bool, resolver: inout EntityResolver
  ) -> (document: Document, trace: Trace) {
    let (blocks, dropped) = FurnitureFilter().blocks(in: text)
    let tokenizer = Tokenizer()
    let splitter = SentenceSplitter()
    let matcher = DictionaryMatcher()
    var tokens: [Token] = []
    tokens.reserveCapacity(Tokenizer.capacity(for: text.count))
    var sentences: [Document.Sentence] = []
    var candidates: [Candidate] = []
    var blockOfSentence: [Int] = []
    // Room for a sentence every 64 code points, more than news text has (one in about 90), so
    // that the arrays of sentences seldom grow.
    sentences.reserveCapacity(text.count / 64 + 4)
    blockOfSentence.reserveCapacity(text.count / 64 + 4)
    for (blockIndex, block) in blocks.enumerated() {
      let offset = tokens.count
      tokenizer.append(in: text, range: block.range, to: &tokens)
      for range in splitter.sentences(in: tokens, range: offset..<tokens.count) {
        sentences.append(
          Document.Sentence(
            tokens: range, paragraph: block.paragraph, start: tokens[range.lowerBound].start,
            end: tokens[range.upperBound - 1].end))
        blockOfSentence.append(blockIndex)
      }
    }
    // Each token's sentence, written run by run once the sentences are known: an append of a
    // run for each sentence cost a call, with its checks of room and uniqueness, per sentence.
    let sentenceOfToken = [Int](
      unsafeUninitializedCapacity: sentences.reduce(0) { $0 + $1.tokens.count }
    ) { buffer, count in
      for (index, sentence) in sentences.enumerated() {
        UnsafeMutableBufferPointer(rebasing: buffer[count..<(count + sentence.tokens.count)])
          .initialize(repeating: index)
        count += sentence.tokens.count
      }
    }
    var lookups = TokenLookups(start: 0, tables: tables, capacity: tokens.count)
    // The union of each sentence's facts, worked out as its tokens are looked up.
    var factsOfSentence: [TokenFacts] = []
    factsOfSentence.reserveCapacity(sentences.count)
    for (index, sentence) in sentences.enumerated() {
      factsOfSentence.append(
        lookups.append(
          sentence: sentence.tokens, of: tokens,
          allCaps: blocks[blockOfSentence[index]].isAllCaps))
    }
    let shared = TokenLookups.Shared(consume lookups)
    // Room for a candidate every eight tokens, more than news text has (one in about thirteen):
    // the matchers append to one array, which grew by doubling about four times per document.
    candidates.reserveCapacity(tokens.count / 8 + 8)
    // One context, moved from sentence to sentence (`SentenceContext.move`).
    if let first = sentences.first {
      var context = SentenceContext(
        tokens: tokens, range: first.tokens, index: 0, block: blocks[blockOfSentence[0]],
        gazetteer: gazetteer, lookups: shared, sentenceFacts: factsOfSentence[0])
      for (index, sentence) in sentences.enumerated() {
        context.move(
          to: sentence.tokens, index: index, block: blocks[blockOfSentence[index]],
          sentenceFacts: factsOfSentence[index])
        matcher.appendCandidates(in: context, to: &candidates)
        calls.appendCandidates(in: context, to: &candidates)
      }
    }
    var beaten: [(Candidate, by: Candidate)] = []
    let kept: [Candidate]
    if tracing {
      (kept, beaten) = OverlapPolicy().resolve(candidates)
    } else {
      OverlapPolicy().keep(&candidates)
      kept = candidates
    }
    let linked = CompanyStemLinker().link(
      AcronymLinker().link(kept, tokens: tokens, sentenceOfToken: sentenceOfToken),
      tokens: tokens, sentenceOfToken: sentenceOfToken)
    let (mentions, entities) = resolver.resolve(
      linked, tokens: tokens, sentenceOfToken: sentenceOfToken, text: text, gazetteer: gazetteer,
      lookups: shared)
    let document = Document(
      id: id, tokens: tokens, sentences: sentences, mentions: mentions, entities: entities,
      length: text.count)
    return (document, Trace(dropped: dropped, blocks: blocks, beaten: beaten))
  }
}
