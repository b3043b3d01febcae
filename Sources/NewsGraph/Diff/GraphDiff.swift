/// What changed between two graphs: entities and links added, removed and changed.
///
/// Link changes are ranked by the size of the weight change, biggest first (an absent link
/// counts as weight 0), ties by the heavier side, then ids; entity changes by the change in
/// mentions. Both orders ignore which side is old, so swapping the sides swaps `added` and
/// `removed`, negates every delta and keeps the order.
public struct GraphDiff: Sendable, Equatable {
  public enum Change: String, Sendable, Equatable, CaseIterable {
    case added
    case removed
    case changed
  }

  /// An entity present on one side only, or with other mentions or documents.
  public struct NodeChange: Sendable, Equatable {
    public var change: Change
    public var id: String
    public var label: String
    public var type: EntityType
    public var old: CooccurrenceGraph.Node?
    public var new: CooccurrenceGraph.Node?

    /// New mentions minus old ones, an absent side counting 0.
    public var mentionsDelta: Int { (new?.mentions ?? 0) - (old?.mentions ?? 0) }
  }

  /// A link present on one side only, or with another weight.
  public struct EdgeChange: Sendable, Equatable {
    public var change: Change
    public var source: String
    public var target: String
    public var old: CooccurrenceGraph.Edge?
    public var new: CooccurrenceGraph.Edge?
    public var oldWeight: Double?
    public var newWeight: Double?

    /// New weight minus old, an absent side counting 0.
    public var delta: Double {
      EdgeWeighting.rounded((newWeight ?? 0) - (oldWeight ?? 0))
    }

    /// Evidence sentences only the old side has, only the new side has, and both have (the
    /// new side's record), compared by text: two versions of an article share sentences even
    /// when their document ids and sentence numbers differ.
    public var evidence:
      (
        onlyOld: [CooccurrenceGraph.Evidence], onlyNew: [CooccurrenceGraph.Evidence],
        both: [CooccurrenceGraph.Evidence]
      )
    {
      let oldItems = old?.evidence ?? []
      let newItems = new?.evidence ?? []
      let oldTexts = Set(oldItems.map(\.text))
      let newTexts = Set(newItems.map(\.text))
      return (
        oldItems.filter { !newTexts.contains($0.text) },
        newItems.filter { !oldTexts.contains($0.text) },
        newItems.filter { oldTexts.contains($0.text) }
      )
    }
  }

  public var weighting: EdgeWeighting
  public var old: CooccurrenceGraph
  public var new: CooccurrenceGraph
  public var nodes: [NodeChange]
  public var edges: [EdgeChange]

  /// Whether the graphs have the same entities with the same mentions and documents, and the
  /// same links with the same weights. Labels, aliases and evidence are not compared.
  public var isEmpty: Bool { nodes.isEmpty && edges.isEmpty }

  public func nodes(_ change: Change) -> [NodeChange] { nodes.filter { $0.change == change } }
  public func edges(_ change: Change) -> [EdgeChange] { edges.filter { $0.change == change } }

  /// Links on both sides with the same weight.
  public var unchangedEdgeCount: Int {
    new.edges.count - edges(.added).count - edges(.changed).count
  }

  /// The label of an id from whichever side has it.
  public func label(_ id: String) -> String {
    new.nodes.first { $0.id == id }?.label ?? old.nodes.first { $0.id == id }?.label ?? id
  }
}
