/// Builds the co-occurrence graph of one or more analyzed documents.
///
/// Each window (a sentence, a paragraph, the document, or N consecutive sentences sliding one
/// sentence at a time) adds one to the weight of every pair of distinct entities in it.
public struct GraphBuilder: Sendable {
  public var window: Window
  /// Sentences kept as evidence per edge.
  public var evidenceLimit: Int
  /// Characters of a sentence kept as evidence.
  public var evidenceLength: Int

  public init(window: Window = .sentence, evidenceLimit: Int = 3, evidenceLength: Int = 240) {
    self.window = window
    self.evidenceLimit = evidenceLimit
    self.evidenceLength = evidenceLength
  }

  public func graph(of documents: [(Document, SourceText)]) -> CooccurrenceGraph {
    var accumulator = Accumulator(builder: self)
    for (document, text) in documents { accumulator.add(document, text: text) }
    return accumulator.graph()
  }

  /// Adds documents one at a time, so a corpus never has to be held in memory whole.
  public struct Accumulator: Sendable {
    let builder: GraphBuilder
    private var nodes: [String: CooccurrenceGraph.Node] = [:]
    private var edges: [Pair: CooccurrenceGraph.Edge] = [:]
    private var documentCount = 0

    public init(builder: GraphBuilder) {
      self.builder = builder
    }

    public mutating func add(_ document: Document, text: SourceText) {
      documentCount += 1
      for entity in document.entities {
        var node =
          nodes[entity.id]
          ?? CooccurrenceGraph.Node(
            id: entity.id, label: entity.label, type: entity.type, mentions: 0, documents: 0,
            aliases: [])
        node.mentions += entity.mentions
        node.documents += 1
        if !Set(node.aliases).isSuperset(of: entity.aliases) {
          node.aliases = Array(Set(node.aliases).union(entity.aliases)).sorted()
        }
        nodes[entity.id] = node
      }
      var pairsInDocument = Set<Pair>()
      for (sentence, ids) in builder.windows(of: document) {
        let sorted = ids.sorted()
        for i in sorted.indices {
          for j in sorted.indices where j > i {
            let pair = Pair(a: sorted[i], b: sorted[j])
            var edge =
              edges.removeValue(forKey: pair)
              ?? CooccurrenceGraph.Edge(
                source: pair.a, target: pair.b, count: 0, documents: 0, evidence: [])
            edge.count += 1
            if pairsInDocument.insert(pair).inserted { edge.documents += 1 }
            if edge.evidence.count < builder.evidenceLimit {
              edge.evidence.append(builder.evidence(document, sentence, text))
            }
            edges[pair] = edge
          }
        }
      }
    }

    public func graph() -> CooccurrenceGraph {
      CooccurrenceGraph(
        nodes: nodes.values.sorted { $0.id < $1.id },
        edges: edges.values.sorted { ($0.source, $0.target) < ($1.source, $1.target) },
        window: builder.window, documentCount: documentCount)
    }
  }

  /// The entity ids of each window, with the index of the window's first sentence.
  func windows(of document: Document) -> [(Int, Set<String>)] {
    var bySentence = Array(repeating: Set<String>(), count: document.sentences.count)
    for mention in document.mentions where bySentence.indices.contains(mention.sentence) {
      bySentence[mention.sentence].insert(mention.entity)
    }
    switch window {
    case .sentence:
      return bySentence.enumerated().filter { $0.element.count > 1 }.map { ($0.offset, $0.element) }
    case .document:
      let all = bySentence.reduce(into: Set<String>()) { $0.formUnion($1) }
      return all.count > 1 ? [(0, all)] : []
    case .paragraph:
      var result: [(Int, Set<String>)] = []
      var current = Set<String>()
      var first = 0
      var paragraph = -1
      for (index, sentence) in document.sentences.enumerated() {
        if sentence.paragraph != paragraph {
          if current.count > 1 { result.append((first, current)) }
          current = []
          first = index
          paragraph = sentence.paragraph
        }
        current.formUnion(bySentence[index])
      }
      if current.count > 1 { result.append((first, current)) }
      return result
    case .sentences(let size):
      let count = bySentence.count
      guard count > 0 else { return [] }
      let last = max(0, count - size)
      return (0...last).compactMap { start in
        let ids = bySentence[start..<min(count, start + size)].reduce(into: Set<String>()) {
          $0.formUnion($1)
        }
        return ids.count > 1 ? (start, ids) : nil
      }
    }
  }

  func evidence(_ document: Document, _ sentence: Int, _ text: SourceText)
    -> CooccurrenceGraph.Evidence
  {
    let range = document.sentences[sentence]
    var upper = range.end
    var truncated = false
    if upper - range.start > evidenceLength {
      upper = range.start + evidenceLength
      truncated = true
    }
    var snippet = String(
      text.text(range.start..<upper).map { $0.isNewline ? " " : $0 })
    if truncated { snippet += "…" }
    return CooccurrenceGraph.Evidence(document: document.id, sentence: sentence, text: snippet)
  }

  struct Pair: Hashable, Sendable {
    var a: String
    var b: String
  }
}
