/// The disparity filter of Serrano, Boguñá and Vespignani (PNAS 106:6483, 2009).
///
/// For a node with `k` links and strength `s` (the sum of their weights), a link of weight `w`
/// carries the share `p = w / s`. Under the null hypothesis that the node's strength is spread
/// over its links uniformly at random, the chance of a share at least that large is
/// `α = (1 − p)^(k − 1)`. A link is kept when `α < alpha` at either end. A node with one link
/// cannot make that link significant (the share is 1 by necessity), so such a link survives
/// only through its other end. Links of weight zero or less (PMI can be negative) carry no
/// share and are never significant.
public struct BackboneFilter: Sendable {
  public var alpha: Double

  public init(alpha: Double) {
    self.alpha = alpha
  }

  /// The smaller α of each edge's two ends, in edge order; 1 when neither end can test it.
  public func significance(_ graph: CooccurrenceGraph, weights: [Double]) -> [Double] {
    var strength: [String: Double] = [:]
    var degree: [String: Int] = [:]
    for (edge, weight) in zip(graph.edges, weights) where weight > 0 {
      for end in [edge.source, edge.target] {
        strength[end, default: 0] += weight
        degree[end, default: 0] += 1
      }
    }
    return zip(graph.edges, weights).map { edge, weight in
      guard weight > 0 else { return 1 }
      var best = 1.0
      for end in [edge.source, edge.target] {
        let k = degree[end] ?? 0
        guard k > 1, let s = strength[end], s > 0 else { continue }
        best = min(best, Self.power(1 - weight / s, k - 1))
      }
      return best
    }
  }

  /// Whether each edge is kept, in edge order.
  public func keeps(_ graph: CooccurrenceGraph, weights: [Double]) -> [Bool] {
    significance(graph, weights: weights).map { $0 < alpha }
  }

  /// `base` to a whole power, by squaring.
  static func power(_ base: Double, _ exponent: Int) -> Double {
    var result = 1.0
    var factor = base
    var remaining = exponent
    while remaining > 0 {
      if remaining & 1 == 1 { result *= factor }
      factor *= factor
      remaining >>= 1
    }
    return result
  }
}
