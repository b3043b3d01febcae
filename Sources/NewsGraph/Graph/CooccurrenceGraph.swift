/// A weighted, undirected graph of entities that are named together.
///
/// Every count is additive: two graphs of disjoint sets of documents merge into the graph of
/// their union by adding counts (`GraphMerger`). The weight drawn and written is computed from
/// the counts by `weighting`, so any weight can be recomputed from a saved graph.
public struct CooccurrenceGraph: Sendable, Equatable {
  public struct Node: Sendable, Equatable {
    public var id: String
    public var label: String
    public var type: EntityType
    /// Mentions over all documents.
    public var mentions: Int
    /// Documents that name the entity.
    public var documents: Int
    /// Surface forms seen, sorted.
    public var aliases: [String]
    /// Windows that name the entity (with or without another entity), for PMI-type weights.
    public var windows: Int = 0
    /// Distinct dates (`YYYY-MM-DD`) of the documents that name it, sorted; empty when the
    /// documents carry no dates.
    public var dates: [String] = []

    public init(
      id: String, label: String, type: EntityType, mentions: Int, documents: Int,
      aliases: [String], windows: Int = 0, dates: [String] = []
    ) {
      self.id = id
      self.label = label
      self.type = type
      self.mentions = mentions
      self.documents = documents
      self.aliases = aliases
      self.windows = windows
      self.dates = dates
    }
  }

  public struct Edge: Sendable, Equatable {
    /// The smaller id first.
    public var source: String
    public var target: String
    /// Windows in which both entities occur.
    public var count: Int
    /// Documents in which both occur in one window.
    public var documents: Int
    /// Where the two were named together: at most the graph's `evidenceLimit` sentences, the
    /// first by (document, sentence, text), so the choice does not depend on input order.
    public var evidence: [Evidence]
    /// Distinct dates of the documents that link them, sorted.
    public var dates: [String] = []

    public init(
      source: String, target: String, count: Int, documents: Int, evidence: [Evidence],
      dates: [String] = []
    ) {
      self.source = source
      self.target = target
      self.count = count
      self.documents = documents
      self.evidence = evidence
      self.dates = dates
    }
  }

  /// A sentence that links two entities.
  public struct Evidence: Sendable, Equatable, Hashable, Comparable {
    public var document: String
    public var sentence: Int
    public var text: String
    /// What the input said about the document (JSON Lines `date`, `source`, `title`).
    public var date: String? = nil
    public var source: String? = nil
    public var title: String? = nil

    public init(
      document: String, sentence: Int, text: String, date: String? = nil, source: String? = nil,
      title: String? = nil
    ) {
      self.document = document
      self.sentence = sentence
      self.text = text
      self.date = date
      self.source = source
      self.title = title
    }

    /// Document, then sentence, then text: a total order, so the evidence kept is the same
    /// whatever order documents arrive in.
    public static func < (lhs: Evidence, rhs: Evidence) -> Bool {
      if lhs.document != rhs.document { return lhs.document < rhs.document }
      if lhs.sentence != rhs.sentence { return lhs.sentence < rhs.sentence }
      if lhs.text != rhs.text { return lhs.text < rhs.text }
      return (lhs.date ?? "", lhs.source ?? "", lhs.title ?? "")
        < (rhs.date ?? "", rhs.source ?? "", rhs.title ?? "")
    }
  }

  /// Nodes sorted by id; edges sorted by source, then target.
  public var nodes: [Node]
  public var edges: [Edge]
  public var window: Window
  public var documentCount: Int
  /// Windows over all documents, the N of PMI-type weights.
  public var windowCount: Int
  /// How `weight(of:)` turns counts into the weight written and drawn.
  public var weighting: EdgeWeighting
  /// Evidence sentences kept per edge at most.
  public var evidenceLimit: Int
  /// Whether nodes or edges were left out (`--top-nodes` and the like): such a graph no longer
  /// holds every count of its documents, so merging it gives partial counts.
  public var pruned: Bool

  public init(
    nodes: [Node], edges: [Edge], window: Window, documentCount: Int, windowCount: Int = 0,
    weighting: EdgeWeighting = .count, evidenceLimit: Int = 3, pruned: Bool = false
  ) {
    self.nodes = nodes
    self.edges = edges
    self.window = window
    self.documentCount = documentCount
    self.windowCount = windowCount
    self.weighting = weighting
    self.evidenceLimit = evidenceLimit
    self.pruned = pruned
  }
}

/// The span of text in which two entities count as named together.
public enum Window: Sendable, Equatable, Hashable, CustomStringConvertible {
  case sentence
  case paragraph
  case document
  /// A sliding window of this many sentences.
  case sentences(Int)

  public init?(_ text: String) {
    switch text {
    case "sentence": self = .sentence
    case "paragraph": self = .paragraph
    case "document": self = .document
    default:
      guard let count = Int(text), count >= 1 else { return nil }
      self = count == 1 ? .sentence : .sentences(count)
    }
  }

  public var description: String {
    switch self {
    case .sentence: "sentence"
    case .paragraph: "paragraph"
    case .document: "document"
    case .sentences(let count): "\(count)"
    }
  }
}
