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

  /// What a caller that analyzes many documents keeps from one to the next (one for each
  /// thread): the resolver, with its tables, and the arrays the recognizer fills for each
  /// document and no longer needs once it is made, emptied for the next with their storage kept.
  ///
  /// Made anew for each document, the arrays were allocated, grown and freed every time. A
  /// document's result does not depend on what the scratch served before.
  public struct Scratch: Sendable {
    var resolver = EntityResolver()
    /// The index of each token's sentence.
    var sentenceOfToken: [Int] = []
    /// The index in the blocks of each sentence's block.
    var blockOfSentence: [Int] = []
    /// The union of the facts of each sentence's tokens.
    var factsOfSentence: [TokenFacts] = []
    /// The tokens of each sentence whose facts have an opening bracket, where an acronym may be
    /// defined (`AcronymLinker`).
    var bracketed: [Range<Int>] = []
    /// The candidates of the matchers, then those the overlap policy keeps.
    var candidates: [Candidate] = []
    /// The arrays of a document given back (`recycle(_:)`), emptied, for the next document.
    var tokens: [Token] = []
    var sentences: [Document.Sentence] = []
    var mentions: [Mention] = []
    var entities: [Entity] = []
    /// The last document's lookups, whose arrays the next document's take back
    /// (`TokenLookups.init(reclaiming:)`).
    var lookups: TokenLookups.Shared?

    public init() {}

    /// Takes back the arrays of `document`, which the caller is done with, for the next
    /// document: its tokens, sentences, mentions and entities are written into them, where
    /// four arrays were allocated (and the mentions' and entities' grown) and freed for every
    /// document.
    ///
    /// The elements are freed here; an array that is still shared elsewhere is left to its
    /// other owners, and the next document gets a new one.
    public mutating func recycle(_ document: consuming Document) {
      swap(&tokens, &document.tokens)
      swap(&sentences, &document.sentences)
      swap(&mentions, &document.mentions)
      swap(&entities, &document.entities)
      tokens.removeAll(keepingCapacity: true)
      sentences.removeAll(keepingCapacity: true)
      mentions.removeAll(keepingCapacity: true)
      entities.removeAll(keepingCapacity: true)
    }
  }

  public func analyze(id: String, text: SourceText) -> Document {
    var scratch = Scratch()
    return analyze(id: id, text: text, scratch: &scratch)
  }

  /// The document, analyzed in `scratch`, which a caller that analyzes many documents keeps
  /// for them.
  public func analyze(id: String, text: SourceText, scratch: inout Scratch) -> Document {
    analyze(id: id, text: text, tracing: false, scratch: &scratch).document
  }

  public func analyzeWithTrace(id: String, text: SourceText) -> (document: Document, trace: Trace) {
    var scratch = Scratch()
    return analyze(id: id, text: text, tracing: true, scratch: &scratch)
  }

  /// The document, and the trace; its beaten candidates only when `tracing`, since copying each
  /// loser with its winner is work that only `--explain` shows.
  private func analyze(
    id: String, text: SourceText, tracing: Bool, scratch: inout Scratch
  ) -> (document: Document, trace: Trace) {
    let (blocks, dropped) = FurnitureFilter().blocks(in: text)
    let tokenizer = Tokenizer()
    let splitter = SentenceSplitter()
    let matcher = DictionaryMatcher()
    // (Taken out of the scratch, to be moved into the document: the scratch keeps no other
    // reference to them.)
    var tokens = scratch.tokens
    scratch.tokens = []
    tokens.reserveCapacity(Tokenizer.capacity(for: text.count))
    var sentences = scratch.sentences
    scratch.sentences = []
    scratch.blockOfSentence.removeAll(keepingCapacity: true)
    // Room for a sentence every 64 code points, more than news text has (one in about 90), so
    // that the array of sentences seldom grows.
    sentences.reserveCapacity(text.count / 64 + 4)
    for (blockIndex, block) in blocks.enumerated() {
      let offset = tokens.count
      tokenizer.append(in: text, range: block.range, to: &tokens)
      for range in splitter.sentences(in: tokens, range: offset..<tokens.count) {
        sentences.append(
          Document.Sentence(
            tokens: range, paragraph: block.paragraph, start: tokens[range.lowerBound].start,
            end: tokens[range.upperBound - 1].end))
        scratch.blockOfSentence.append(blockIndex)
      }
    }
    let blockOfSentence = scratch.blockOfSentence
    // Each token's sentence, written run by run once the sentences are known: an append of a
    // run for each sentence cost a call, with its checks of room and uniqueness, per sentence.
    scratch.sentenceOfToken.removeAll(keepingCapacity: true)
    scratch.sentenceOfToken.append(
      contentsOf: repeatElement(0, count: sentences.reduce(0) { $0 + $1.tokens.count }))
    scratch.sentenceOfToken.withUnsafeMutableBufferPointer { buffer in
      var count = 0
      for (index, sentence) in sentences.enumerated() {
        UnsafeMutableBufferPointer(rebasing: buffer[count..<(count + sentence.tokens.count)])
          .update(repeating: index)
        count += sentence.tokens.count
      }
    }
    let sentenceOfToken = scratch.sentenceOfToken
    // The last document's lookups, their arrays written again: one binding of them, so that
    // the arrays are unique when they are written.
    var lookups =
      TokenLookups(reclaiming: &scratch.lookups)
      ?? TokenLookups(start: 0, tables: tables, capacity: tokens.count)
    lookups.reset(tables: tables)
    // The union of each sentence's facts, worked out as its tokens are looked up.
    scratch.factsOfSentence.removeAll(keepingCapacity: true)
    scratch.factsOfSentence.reserveCapacity(sentences.count)
    scratch.bracketed.removeAll(keepingCapacity: true)
    for (index, sentence) in sentences.enumerated() {
      let facts = lookups.append(
        sentence: sentence.tokens, of: tokens, allCaps: blocks[blockOfSentence[index]].isAllCaps)
      scratch.factsOfSentence.append(facts)
      if facts.contains(.openingBracket) { scratch.bracketed.append(sentence.tokens) }
    }
    let factsOfSentence = scratch.factsOfSentence
    let shared = TokenLookups.Shared(consume lookups)
    scratch.candidates.removeAll(keepingCapacity: true)
    // Room for a candidate every eight tokens, more than news text has (one in about thirteen):
    // the matchers append to one array, which grew by doubling about four times per document.
    scratch.candidates.reserveCapacity(tokens.count / 8 + 8)
    // One context, moved from sentence to sentence (`SentenceContext.move`).
    if let first = sentences.first {
      var context = SentenceContext(
        tokens: tokens, range: first.tokens, index: 0, block: blocks[blockOfSentence[0]],
        gazetteer: gazetteer, lookups: shared, sentenceFacts: factsOfSentence[0])
      for (index, sentence) in sentences.enumerated() {
        context.move(
          to: sentence.tokens, index: index, block: blocks[blockOfSentence[index]],
          sentenceFacts: factsOfSentence[index])
        matcher.appendCandidates(in: context, to: &scratch.candidates)
        calls.appendCandidates(in: context, to: &scratch.candidates)
      }
    }
    var beaten: [(Candidate, by: Candidate)] = []
    let kept: [Candidate]
    if tracing {
      (kept, beaten) = OverlapPolicy().resolve(scratch.candidates)
    } else {
      OverlapPolicy().keep(&scratch.candidates)
      kept = scratch.candidates
    }
    // An acronym's definition is in brackets: only sentences with an opening bracket are read
    // for one.
    let linked = CompanyStemLinker().link(
      AcronymLinker().link(
        kept, tokens: tokens, sentenceOfToken: sentenceOfToken, bracketed: scratch.bracketed),
      tokens: tokens, sentenceOfToken: sentenceOfToken)
    var mentions = scratch.mentions
    var entities = scratch.entities
    (scratch.mentions, scratch.entities) = ([], [])
    scratch.resolver.resolve(
      linked, tokens: tokens, sentenceOfToken: sentenceOfToken, text: text, gazetteer: gazetteer,
      lookups: shared, into: &mentions, &entities)
    scratch.lookups = shared
    let document = Document(
      id: id, tokens: tokens, sentences: sentences, mentions: mentions, entities: entities,
      length: text.count)
    return (document, Trace(dropped: dropped, blocks: blocks, beaten: beaten))
  }
}
