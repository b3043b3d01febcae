/// How an edge's counts become the weight that is written, drawn, pruned and compared.
///
/// With `c` the edge's window count, `d` its document count, `a` and `b` the windows that
/// name each end, and `N` the windows of the whole corpus:
///
/// | weighting | formula |
/// | --- | --- |
/// | `count` | `c` |
/// | `documents` | `d` |
/// | `pmi` | `ln(c·N / (a·b))` |
/// | `npmi` | `pmi / −ln(c/N)`, 1 when `c = N` |
/// | `dice` | `2c / (a + b)` |
/// | `jaccard` | `c / (a + b − c)` |
///
/// Computed weights are rounded to six decimals, so they print the same on every machine.
public enum EdgeWeighting: String, Sendable, CaseIterable, Equatable {
  case count
  case documents
  case pmi
  case npmi
  case dice
  case jaccard

  /// Whether the weight can be zero or negative (pruning and the backbone need to know).
  public var canBeNonPositive: Bool { self == .pmi || self == .npmi }

  /// The weight of an edge from its counts; 0 when a count it divides by is 0.
  public func weight(count c: Int, documents d: Int, windowsA a: Int, windowsB b: Int, total n: Int)
    -> Double
  {
    switch self {
    case .count: return Double(c)
    case .documents: return Double(d)
    case .pmi:
      guard c > 0, a > 0, b > 0, n > 0 else { return 0 }
      return Self.rounded(naturalLog(Double(c) * Double(n) / (Double(a) * Double(b))))
    case .npmi:
      guard c > 0, a > 0, b > 0, n > 0 else { return 0 }
      if c >= n { return 1 }
      let pmi = naturalLog(Double(c) * Double(n) / (Double(a) * Double(b)))
      return Self.rounded(pmi / -naturalLog(Double(c) / Double(n)))
    case .dice:
      guard a + b > 0 else { return 0 }
      return Self.rounded(2 * Double(c) / Double(a + b))
    case .jaccard:
      guard a + b - c > 0 else { return 0 }
      return Self.rounded(Double(c) / Double(a + b - c))
    }
  }

  static func rounded(_ value: Double) -> Double {
    (value * 1_000_000).rounded() / 1_000_000
  }
}

extension CooccurrenceGraph {
  /// The weight of every edge under the graph's `weighting`, in edge order.
  public func weights() -> [Double] {
    weights(using: weighting)
  }

  /// The weight of every edge under another weighting, in edge order.
  public func weights(using weighting: EdgeWeighting) -> [Double] {
    if weighting == .count { return edges.map { Double($0.count) } }
    if weighting == .documents { return edges.map { Double($0.documents) } }
    let windows = nodeWindows()
    return edges.map { edge in
      weighting.weight(
        count: edge.count, documents: edge.documents, windowsA: windows[edge.source] ?? 0,
        windowsB: windows[edge.target] ?? 0, total: windowCount)
    }
  }

  /// The weight of one edge under the graph's `weighting`.
  public func weight(of edge: Edge) -> Double {
    weighting.weight(
      count: edge.count, documents: edge.documents,
      windowsA: nodes.first { $0.id == edge.source }?.windows ?? 0,
      windowsB: nodes.first { $0.id == edge.target }?.windows ?? 0, total: windowCount)
  }

  func nodeWindows() -> [String: Int] {
    var windows: [String: Int] = [:]
    windows.reserveCapacity(nodes.count)
    for node in nodes { windows[node.id] = node.windows }
    return windows
  }
}

/// The natural logarithm, from `log2` (no libm in a pure library).
func naturalLog(_ x: Double) -> Double {
  log2(x) * 0.6931471805599453
}
