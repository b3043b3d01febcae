/// Merges graphs of disjoint sets of documents into the graph of their union.
///
/// Counts add (node mentions, documents and windows; edge counts and documents; the graph's
/// documents and windows), aliases and dates unite, the smallest label wins and the evidence
/// kept is the first by (document, sentence, text). Every one of those is associative and
/// commutative, so shards can be merged in any grouping and order, and the result is the
/// graph one run over all the documents gives. Weights are recomputed from the merged counts.
public struct GraphMerger: Sendable {
  public init() {}

  /// The merged graph, weighted by `weighting`.
  ///
  /// - Parameter evidenceLimit: keep at most this many sentences per edge (never more than the
  ///   smallest limit of the inputs, which is all they can be trusted to hold).
  public func merge(
    _ graphs: [CooccurrenceGraph], weighting: EdgeWeighting = .count, evidenceLimit: Int? = nil
  ) throws(GraphMergeError) -> CooccurrenceGraph {
    guard let first = graphs.first else { throw .noGraphs }
    let limit = min(evidenceLimit ?? Int.max, graphs.map(\.evidenceLimit).min() ?? 0)
    var accumulator = GraphBuilder.Accumulator(
      builder: GraphBuilder(window: first.window, evidenceLimit: limit))
    for (index, graph) in graphs.enumerated() {
      do {
        try accumulator.add(graph)
      } catch {
        throw .windowMismatch(
          expected: first.window.description, found: graph.window.description, index: index)
      }
    }
    var merged = accumulator.graph()
    merged.weighting = weighting
    return merged
  }
}

/// Why graphs cannot be merged.
public enum GraphMergeError: Error, Equatable, CustomStringConvertible {
  case noGraphs
  /// Counts of different windows do not add up to anything. `index` is the input's position.
  case windowMismatch(expected: String, found: String, index: Int = 0)

  public var description: String {
    switch self {
    case .noGraphs: "no graphs to merge"
    case .windowMismatch(let expected, let found, _):
      "built with window '\(found)', not '\(expected)' like the first graph: counts of different windows do not add up"
    }
  }
}
