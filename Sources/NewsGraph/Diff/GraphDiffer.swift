/// Compares two graphs: entities and links added, removed and changed, weights compared under
/// one weighting.
///
/// Each side's weights come from its own counts and totals, so with PMI-type weightings two
/// corpora of different sizes compare fairly; with `count` they compare raw windows.
public struct GraphDiffer: Sendable {
  public var weighting: EdgeWeighting

  public init(weighting: EdgeWeighting = .count) {
    self.weighting = weighting
  }

  public func diff(_ old: CooccurrenceGraph, _ new: CooccurrenceGraph) -> GraphDiff {
    var old = old
    var new = new
    old.weighting = weighting
    new.weighting = weighting
    var nodeChanges: [GraphDiff.NodeChange] = []
    let oldNodes = Dictionary(old.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let newNodes = Dictionary(new.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    for id in Set(oldNodes.keys).union(newNodes.keys) {
      let before = oldNodes[id]
      let after = newNodes[id]
      let change: GraphDiff.Change
      switch (before, after) {
      case (nil, .some): change = .added
      case (.some, nil): change = .removed
      case (.some(let a), .some(let b)):
        guard a.mentions != b.mentions || a.documents != b.documents else { continue }
        change = .changed
      case (nil, nil): continue
      }
      let node = after ?? before
      nodeChanges.append(
        GraphDiff.NodeChange(
          change: change, id: id, label: node?.label ?? id, type: node?.type ?? .place,
          old: before, new: after))
    }
    nodeChanges.sort {
      let (a, b) = (abs($0.mentionsDelta), abs($1.mentionsDelta))
      return a != b ? a > b : $0.id < $1.id
    }

    struct Side {
      var edge: CooccurrenceGraph.Edge
      var weight: Double
    }
    func sides(_ graph: CooccurrenceGraph) -> [[String]: Side] {
      var result: [[String]: Side] = [:]
      for (edge, weight) in zip(graph.edges, graph.weights()) {
        result[[edge.source, edge.target]] = Side(edge: edge, weight: weight)
      }
      return result
    }
    let oldEdges = sides(old)
    let newEdges = sides(new)
    var edgeChanges: [GraphDiff.EdgeChange] = []
    for key in Set(oldEdges.keys).union(newEdges.keys) {
      let before = oldEdges[key]
      let after = newEdges[key]
      let change: GraphDiff.Change
      switch (before, after) {
      case (nil, .some): change = .added
      case (.some, nil): change = .removed
      case (.some(let a), .some(let b)):
        guard a.weight != b.weight else { continue }
        change = .changed
      case (nil, nil): continue
      }
      edgeChanges.append(
        GraphDiff.EdgeChange(
          change: change, source: key[0], target: key[1], old: before?.edge, new: after?.edge,
          oldWeight: before?.weight, newWeight: after?.weight))
    }
    // Biggest change first; among equal changes the heavier link (either side), then ids: keys
    // that do not depend on which side is old.
    edgeChanges.sort {
      let (a, b) = (abs($0.delta), abs($1.delta))
      if a != b { return a > b }
      let heavier = { (change: GraphDiff.EdgeChange) in
        max(abs(change.oldWeight ?? 0), abs(change.newWeight ?? 0))
      }
      let (x, y) = (heavier($0), heavier($1))
      if x != y { return x > y }
      return ($0.source, $0.target) < ($1.source, $1.target)
    }
    return GraphDiff(
      weighting: weighting, old: old, new: new, nodes: nodeChanges, edges: edgeChanges)
  }
}
