/// Cuts a graph down to what a reader can take in.
///
/// The steps run in a fixed order, each on what the one before left:
/// 1. `types`: keep nodes of these types;
/// 2. `focus` and `depth`: keep nodes within `depth` links of the focus (an ego graph);
/// 3. `backbone`: keep links significant at level `alpha` by the disparity filter;
/// 4. `minimumWeight`: keep links of at least this weight;
/// 5. `topNodes`: keep the nodes ranked highest by mentions or by degree;
/// 6. `topEdges`: keep the heaviest links.
///
/// A node that loses its last link in steps 3–6 goes too (one that never had a link stays);
/// the focus always stays. Weights are the graph's own `weighting`. Ties are broken by id, so
/// the result is deterministic.
public struct GraphPruner: Sendable {
  /// How `topNodes` ranks nodes.
  public enum NodeRank: String, Sendable, CaseIterable {
    case mentions
    case degree
  }

  public var types: Set<EntityType>?
  /// The id of the ego graph's centre.
  public var focus: String?
  public var depth: Int = 1
  public var backbone: Double?
  public var minimumWeight: Double?
  public var topNodes: Int?
  public var rank: NodeRank = .mentions
  public var topEdges: Int?

  public init(
    types: Set<EntityType>? = nil, focus: String? = nil, depth: Int = 1, backbone: Double? = nil,
    minimumWeight: Double? = nil, topNodes: Int? = nil, rank: NodeRank = .mentions,
    topEdges: Int? = nil
  ) {
    self.types = types
    self.focus = focus
    self.depth = depth
    self.backbone = backbone
    self.minimumWeight = minimumWeight
    self.topNodes = topNodes
    self.rank = rank
    self.topEdges = topEdges
  }

  /// Whether any step is asked for.
  public var isActive: Bool {
    types != nil || focus != nil || backbone != nil || minimumWeight != nil || topNodes != nil
      || topEdges != nil
  }

  public func prune(_ graph: CooccurrenceGraph) -> CooccurrenceGraph {
    var result = graph
    if let types {
      result = keepingNodes(result) { types.contains($0.type) }
    }
    if let focus {
      let near = result.neighbourhood(of: focus, depth: depth)
      result = keepingNodes(result) { near.contains($0.id) }
    }
    let linked = Set(result.edges.flatMap { [$0.source, $0.target] })
    if let backbone {
      let keeps = BackboneFilter(alpha: backbone).keeps(result, weights: result.weights())
      result.edges = zip(result.edges, keeps).filter { $0.1 }.map { $0.0 }
    }
    if let minimumWeight {
      result.edges = zip(result.edges, result.weights()).filter { $0.1 >= minimumWeight }.map {
        $0.0
      }
    }
    result = droppingUnlinked(result, linkedBefore: linked)
    if let topNodes {
      var degree: [String: Int] = [:]
      for edge in result.edges {
        degree[edge.source, default: 0] += 1
        degree[edge.target, default: 0] += 1
      }
      let ranked = result.nodes.sorted { a, b in
        let (da, db) = (degree[a.id] ?? 0, degree[b.id] ?? 0)
        let keyA = rank == .mentions ? (a.mentions, da) : (da, a.mentions)
        let keyB = rank == .mentions ? (b.mentions, db) : (db, b.mentions)
        if keyA != keyB { return keyA > keyB }
        return a.id < b.id
      }
      var kept = Set(ranked.prefix(max(0, topNodes)).map(\.id))
      if let focus { kept.insert(focus) }
      result = keepingNodes(result) { kept.contains($0.id) }
    }
    if let topEdges {
      let weights = result.weights()
      let order = result.edges.indices.sorted { i, j in
        if weights[i] != weights[j] { return weights[i] > weights[j] }
        if result.edges[i].count != result.edges[j].count {
          return result.edges[i].count > result.edges[j].count
        }
        return (result.edges[i].source, result.edges[i].target)
          < (result.edges[j].source, result.edges[j].target)
      }
      let kept = Set(order.prefix(max(0, topEdges)))
      result.edges = result.edges.indices.filter { kept.contains($0) }.map { result.edges[$0] }
      result = droppingUnlinked(result, linkedBefore: linked)
    }
    if result.nodes.count != graph.nodes.count || result.edges.count != graph.edges.count {
      result.pruned = true
    }
    return result
  }

  private func keepingNodes(
    _ graph: CooccurrenceGraph, where keep: (CooccurrenceGraph.Node) -> Bool
  ) -> CooccurrenceGraph {
    var result = graph
    result.nodes = graph.nodes.filter(keep)
    let ids = Set(result.nodes.map(\.id))
    result.edges = graph.edges.filter { ids.contains($0.source) && ids.contains($0.target) }
    return result
  }

  /// Drops nodes that had a link before the link steps and have none now.
  private func droppingUnlinked(_ graph: CooccurrenceGraph, linkedBefore: Set<String>)
    -> CooccurrenceGraph
  {
    let linked = Set(graph.edges.flatMap { [$0.source, $0.target] })
    return keepingNodes(graph) {
      linked.contains($0.id) || !linkedBefore.contains($0.id) || $0.id == focus
    }
  }
}
