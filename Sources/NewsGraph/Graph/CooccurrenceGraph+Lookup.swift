extension CooccurrenceGraph {
  /// What a name given on the command line refers to.
  public enum NodeLookup: Sendable, Equatable {
    case found(Node)
    /// Several nodes answer to the name equally well.
    case ambiguous([Node])
    /// None does; `suggestions` are nodes whose id or label contains the name.
    case notFound(suggestions: [Node])
  }

  /// The node a reference names: an id (`country/egypt`), a label (`Egypt`), an alias seen
  /// (`Egyptian`) or the last word of a label or alias (`Morsi`), tried in that order; all but
  /// the id ignore case.
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
    let byLastWord = nodes.filter { node in
      ([node.label] + node.aliases).contains { Self.lastWord($0) == folded }
    }
    if byLastWord.count == 1 { return .found(byLastWord[0]) }
    if byLastWord.count > 1 { return .ambiguous(byLastWord) }
    let suggestions = nodes.filter { node in
      node.id.lowercased().contains(folded) || node.label.lowercased().contains(folded)
        || ([node.label] + node.aliases).contains { name in
          name.lowercased().split(separator: " ").contains {
            Self.editDistance(Array($0.unicodeScalars), Array(folded.unicodeScalars)) <= 2
          }
        }
    }
    .sorted { ($1.mentions, $0.id) < ($0.mentions, $1.id) }
    return .notFound(suggestions: Array(suggestions.prefix(5)))
  }

  static func lastWord(_ name: String) -> String {
    String(name.lowercased().split(separator: " ").last ?? "")
  }

  /// Levenshtein distance, for "did you mean" suggestions.
  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = Swift.min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
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
