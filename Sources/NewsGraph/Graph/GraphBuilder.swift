/// Builds the co-occurrence graph of one or more analyzed documents.
///
/// Each window (a sentence, a paragraph, the document, or N consecutive sentences sliding one
/// sentence at a time) adds one to the count of every pair of distinct entities in it, and one
/// to the window count of every entity in it. The result does not depend on the order in which
/// documents are added: counts add, aliases and dates are sets, the label kept is the smallest
/// seen and the evidence kept is the first by (document, sentence, text). That is what makes
/// a graph built in parallel, or merged from shards, the same as one built in one pass.
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
    private var nodes: [String: NodeState] = [:]
    private var edges: [Pair: EdgeState] = [:]
    private var documentCount = 0
    private var windowCount = 0
    private var evidenceLimit: Int
    private var pruned = false

    struct NodeState: Sendable {
      var label: String
      var type: EntityType
      var mentions = 0
      var documents = 0
      var windows = 0
      var aliases: Set<String> = []
      var dates: Set<String> = []
    }

    struct EdgeState: Sendable {
      var count = 0
      var documents = 0
      var evidence: [CooccurrenceGraph.Evidence] = []
      var dates: Set<String> = []
    }

    public init(builder: GraphBuilder) {
      self.builder = builder
      self.evidenceLimit = max(0, builder.evidenceLimit)
    }

    /// Documents added so far.
    public var documents: Int { documentCount }

    public mutating func add(
      _ document: Document, text: SourceText, metadata: DocumentMetadata = DocumentMetadata()
    ) {
      documentCount += 1
      for entity in document.entities {
        var node =
          nodes[entity.id] ?? NodeState(label: entity.label, type: entity.type)
        if entity.label < node.label { node.label = entity.label }
        node.mentions += entity.mentions
        node.documents += 1
        node.aliases.formUnion(entity.aliases)
        if let date = metadata.date { node.dates.insert(date) }
        nodes[entity.id] = node
      }
      let (total, windows, bySentence) = builder.windows(of: document)
      windowCount += total
      var pairsInDocument = Set<Pair>()
      for window in windows {
        for id in window.ids { nodes[id]?.windows += 1 }
        guard window.ids.count > 1 else { continue }
        let sorted = window.ids.sorted()
        for i in sorted.indices {
          for j in sorted.indices where j > i {
            let pair = Pair(a: sorted[i], b: sorted[j])
            var edge = edges.removeValue(forKey: pair) ?? EdgeState()
            edge.count += 1
            if pairsInDocument.insert(pair).inserted {
              edge.documents += 1
              if let date = metadata.date { edge.dates.insert(date) }
            }
            if wouldKeep(document.id, window.sentences.lowerBound, in: edge.evidence) {
              let item = builder.evidence(
                document, window: window.sentences, pair: pair, bySentence: bySentence,
                text: text, metadata: metadata)
              Self.insert(item, into: &edge.evidence, limit: evidenceLimit)
            }
            edges[pair] = edge
          }
        }
      }
    }

    /// Adds a whole graph of other documents: counts add, sets unite, and the evidence kept is
    /// the first of both by (document, sentence, text), at most the smaller of the two limits.
    ///
    /// - Throws: `GraphMergeError.windowMismatch` when the graph was built with another window.
    public mutating func add(_ graph: CooccurrenceGraph) throws(GraphMergeError) {
      guard graph.window == builder.window else {
        throw .windowMismatch(expected: builder.window.description, found: graph.window.description)
      }
      documentCount += graph.documentCount
      windowCount += graph.windowCount
      pruned = pruned || graph.pruned
      if graph.evidenceLimit < evidenceLimit {
        evidenceLimit = max(0, graph.evidenceLimit)
        for key in Array(edges.keys) {
          guard var edge = edges[key], edge.evidence.count > evidenceLimit else { continue }
          edge.evidence.removeLast(edge.evidence.count - evidenceLimit)
          edges[key] = edge
        }
      }
      for other in graph.nodes {
        var node = nodes[other.id] ?? NodeState(label: other.label, type: other.type)
        if other.label < node.label { node.label = other.label }
        if other.type < node.type { node.type = other.type }
        node.mentions += other.mentions
        node.documents += other.documents
        node.windows += other.windows
        node.aliases.formUnion(other.aliases)
        node.dates.formUnion(other.dates)
        nodes[other.id] = node
      }
      for other in graph.edges {
        let pair = Pair(a: other.source, b: other.target)
        var edge = edges.removeValue(forKey: pair) ?? EdgeState()
        edge.count += other.count
        edge.documents += other.documents
        edge.dates.formUnion(other.dates)
        for item in other.evidence { Self.insert(item, into: &edge.evidence, limit: evidenceLimit) }
        edges[pair] = edge
      }
    }

    /// Whether evidence from this document and sentence could enter a full list: cheap, so
    /// the sentence text is cut only when it may be kept.
    private func wouldKeep(
      _ document: String, _ sentence: Int, in evidence: [CooccurrenceGraph.Evidence]
    ) -> Bool {
      guard evidenceLimit > 0 else { return false }
      guard evidence.count >= evidenceLimit, let last = evidence.last else { return true }
      return (document, sentence) <= (last.document, last.sentence)
    }

    /// Inserts in order, drops duplicates, keeps the first `limit`.
    static func insert(
      _ item: CooccurrenceGraph.Evidence, into evidence: inout [CooccurrenceGraph.Evidence],
      limit: Int
    ) {
      guard limit > 0 else { return }
      var index = evidence.endIndex
      while index > evidence.startIndex && item < evidence[index - 1] { index -= 1 }
      if index > evidence.startIndex && evidence[index - 1] == item { return }
      guard index < limit else { return }
      evidence.insert(item, at: index)
      if evidence.count > limit { evidence.removeLast(evidence.count - limit) }
    }

    public func graph() -> CooccurrenceGraph {
      let nodeList = nodes.map { id, state in
        CooccurrenceGraph.Node(
          id: id, label: state.label, type: state.type, mentions: state.mentions,
          documents: state.documents, aliases: state.aliases.sorted(), windows: state.windows,
          dates: state.dates.sorted())
      }.sorted { $0.id < $1.id }
      let edgeList = edges.map { pair, state in
        CooccurrenceGraph.Edge(
          source: pair.a, target: pair.b, count: state.count, documents: state.documents,
          evidence: state.evidence, dates: state.dates.sorted())
      }.sorted { ($0.source, $0.target) < ($1.source, $1.target) }
      return CooccurrenceGraph(
        nodes: nodeList, edges: edgeList, window: builder.window, documentCount: documentCount,
        windowCount: windowCount, evidenceLimit: evidenceLimit, pruned: pruned)
    }
  }

  /// One window: its sentences and the entities named in them.
  struct WindowSpan {
    var sentences: Range<Int>
    var ids: Set<String>
  }

  /// The windows of a document that name at least one entity, the number of all its windows
  /// (the N of PMI-type weights) and the entities of each sentence.
  func windows(of document: Document) -> (
    total: Int, windows: [WindowSpan], bySentence: [Set<String>]
  ) {
    var bySentence = Array(repeating: Set<String>(), count: document.sentences.count)
    for mention in document.mentions where bySentence.indices.contains(mention.sentence) {
      bySentence[mention.sentence].insert(mention.entity)
    }
    let count = bySentence.count
    switch window {
    case .sentence:
      let windows = bySentence.enumerated().filter { !$0.element.isEmpty }.map {
        WindowSpan(sentences: $0.offset..<($0.offset + 1), ids: $0.element)
      }
      return (count, windows, bySentence)
    case .document:
      let all = bySentence.reduce(into: Set<String>()) { $0.formUnion($1) }
      return (1, all.isEmpty ? [] : [WindowSpan(sentences: 0..<count, ids: all)], bySentence)
    case .paragraph:
      var result: [WindowSpan] = []
      var total = 0
      var current = Set<String>()
      var first = 0
      var paragraph: Int?
      for (index, sentence) in document.sentences.enumerated() {
        if sentence.paragraph != paragraph {
          if !current.isEmpty { result.append(WindowSpan(sentences: first..<index, ids: current)) }
          current = []
          first = index
          paragraph = sentence.paragraph
          total += 1
        }
        current.formUnion(bySentence[index])
      }
      if !current.isEmpty { result.append(WindowSpan(sentences: first..<count, ids: current)) }
      return (total, result, bySentence)
    case .sentences(let size):
      guard count > 0 else { return (0, [], bySentence) }
      let last = max(0, count - size)
      let windows = (0...last).compactMap { start -> WindowSpan? in
        let range = start..<min(count, start + size)
        let ids = bySentence[range].reduce(into: Set<String>()) { $0.formUnion($1) }
        return ids.isEmpty ? nil : WindowSpan(sentences: range, ids: ids)
      }
      return (last + 1, windows, bySentence)
    }
  }

  /// The sentence of a window that names both entities; when none does, the sentences from the
  /// first that names one of them to the first that names the other.
  func evidence(
    _ document: Document, window: Range<Int>, pair: Pair, bySentence: [Set<String>],
    text: SourceText, metadata: DocumentMetadata
  ) -> CooccurrenceGraph.Evidence {
    var first = window.lowerBound
    var last = window.lowerBound
    if let both = window.first(where: {
      bySentence[$0].contains(pair.a) && bySentence[$0].contains(pair.b)
    }) {
      first = both
      last = both
    } else if let one = window.first(where: {
      bySentence[$0].contains(pair.a) || bySentence[$0].contains(pair.b)
    }) {
      let other = bySentence[one].contains(pair.a) ? pair.b : pair.a
      first = one
      last = window.first { $0 > one && bySentence[$0].contains(other) } ?? one
    }
    let start = document.sentences[first].start
    var upper = document.sentences[last].end
    var truncated = false
    if upper - start > evidenceLength {
      upper = start + evidenceLength
      truncated = true
    }
    var snippet = String(text.text(start..<upper).map { $0.isNewline ? " " : $0 })
    if truncated { snippet += "…" }
    return CooccurrenceGraph.Evidence(
      document: document.id, sentence: first, text: snippet, date: metadata.date,
      source: metadata.source, title: metadata.title)
  }

  struct Pair: Hashable, Sendable {
    var a: String
    var b: String
  }
}
