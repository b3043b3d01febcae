/// A weighted, undirected graph of entities that are named together.
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
  }

  public struct Edge: Sendable, Equatable {
    /// The smaller id first.
    public var source: String
    public var target: String
    /// Windows in which both entities occur.
    public var count: Int
    /// Documents in which both occur in one window.
    public var documents: Int
    /// Where the two were named together: the first few sentences, in order.
    public var evidence: [Evidence]
    public var weight: Double { Double(count) }
  }

  /// A sentence that links two entities.
  public struct Evidence: Sendable, Equatable {
    public var document: String
    public var sentence: Int
    public var text: String
  }

  /// Nodes sorted by id; edges sorted by source, then target.
  public var nodes: [Node]
  public var edges: [Edge]
  public var window: Window
  public var documentCount: Int

  public init(nodes: [Node], edges: [Edge], window: Window, documentCount: Int) {
    self.nodes = nodes
    self.edges = edges
    self.window = window
    self.documentCount = documentCount
  }
}

/// The span of text in which two entities count as named together.
public enum Window: Sendable, Equatable, CustomStringConvertible {
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
