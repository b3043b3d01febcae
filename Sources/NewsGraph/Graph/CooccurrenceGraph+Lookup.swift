extension CooccurrenceGraph {
  /// What a name given on the command line refers to.
  public enum NodeLookup: Sendable, Equatable {
    case found(Node)
    /// Several nodes answer to the name equally well.
    case ambiguous([Node])
    /// None does; `suggestions` are nodes whose id or label contains the name.
    case notFound(suggestions: [Node])
  }

  /// The node a reference names: an id (`country/egypt`), a label (`Egypt`) or an alias seen
  /// (`Egyptian`), tried in that order; labels and aliases ignore case.
  public func lookup(_ reference: String) -> NodeLookup {
    if let node = nodes.first(where: { $0.id == reference }) { return .found(node) }
    let exact = nodes.filter { $0.label == reference }
    if exact.count == 1 { return .found(exact[0]) }
    let folded = reference.lowercased()
    let byLabel = exact.isEmpty ? nodes.filter { $0.label.lowercased() == folded } : exact
    if byLabel.count == 1 { return .found(byLabel[0]) }
    if byLabel.count > 1 { return .ambiguous(byLabel) }
    let byAlias = nodes.filter { node in node.aliases.contains { $0.lowercased() == folded } }
    if byAlias.count == 1 { return .found(byAlias[0]) }
    if byAlias.count > 1 { return .ambiguous(byAlias) }
    let suggestions = nodes.filter {
      $0.id.lowercased().contains(folded) || $0.label.lowercased().contains(folded)
    }
    .sorted { ($1.mentions, $0.id) < ($0.mentions, $1.id) }
    return .notFound(suggestions: Array(suggestions.prefix(5)))
  }

  /// The edge between two node ids, if any.
  public func edge(between a: String, and b: String) -> Edge? {
    let (source, target) = a < b ? (a, b) : (b, a)
    return edges.first { $0.source == source && $0.target == target }
  }

  /// Neighbours of every node, sorted by id.
  public func adjacency() -> [String: [String]] {
    var neighbours: [String: [String]] = [:]
    for edge in edges {
      neighbours[edge.source, default: []].append(edge.target)
      neighbours[edge.target, default: []].append(edge.source)
    }
    for key in Array(neighbours.keys) { neighbours[key]?.sort() }
    return neighbours
  }

  /// The ids within `depth` links of `center`, by breadth-first search.
  public func neighbourhood(of center: String, depth: Int) -> Set<String> {
    let neighbours = adjacency()
    var seen: Set<String> = [center]
    var frontier = [center]
    for _ in 0..<max(0, depth) {
      var next: [String] = []
      for id in frontier {
        for other in neighbours[id] ?? [] where seen.insert(other).inserted { next.append(other) }
      }
      frontier = next
    }
    return seen
  }

  /// A shortest chain of links from `a` to `b` (ids, both ends included), the first in id
  /// order among equals; nil when they are not connected.
  public func shortestPath(from a: String, to b: String) -> [String]? {
    if a == b { return [a] }
    let neighbours = adjacency()
    var previous: [String: String] = [a: a]
    var frontier = [a]
    while !frontier.isEmpty {
      var next: [String] = []
      for id in frontier {
        for other in neighbours[id] ?? [] where previous[other] == nil {
          previous[other] = id
          if other == b {
            var path = [b]
            var step = id
            while step != a {
              path.append(step)
              step = previous[step] ?? a
            }
            path.append(a)
            return path.reversed()
          }
          next.append(other)
        }
      }
      frontier = next
    }
    return nil
  }
}
