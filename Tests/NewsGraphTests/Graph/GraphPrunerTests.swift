import Testing

@testable import NewsGraph

@Suite struct GraphPrunerTests {
  static func node(_ id: String, mentions: Int) -> CooccurrenceGraph.Node {
    CooccurrenceGraph.Node(
      id: id, label: id.uppercased(), type: RandomCorpus.type(of: id), mentions: mentions,
      documents: 1, aliases: [], windows: mentions)
  }

  static func edge(_ a: String, _ b: String, _ count: Int) -> CooccurrenceGraph.Edge {
    CooccurrenceGraph.Edge(
      source: min(a, b), target: max(a, b), count: count, documents: 1, evidence: [])
  }

  /// A star: the hub `country/h` is linked heavily to one leaf and lightly to four; a pair of
  /// people aside; a lone place.
  static var star: CooccurrenceGraph {
    let ids = ["country/h", "person/a", "person/b", "place/c", "place/d", "place/e"]
    var nodes = ids.map { node($0, mentions: 20) }
    nodes += [
      node("person/x", mentions: 3), node("person/y", mentions: 2), node("place/z", mentions: 9),
    ]
    let edges = [
      edge("country/h", "person/a", 10), edge("country/h", "person/b", 1),
      edge("country/h", "place/c", 1), edge("country/h", "place/d", 1),
      edge("country/h", "place/e", 1), edge("person/x", "person/y", 2),
    ]
    return CooccurrenceGraph(
      nodes: nodes.sorted { $0.id < $1.id },
      edges: edges.sorted { ($0.source, $0.target) < ($1.source, $1.target) }, window: .sentence,
      documentCount: 1, windowCount: 40)
  }

  static func ids(_ graph: CooccurrenceGraph) -> [String] { graph.nodes.map(\.id) }
  static func pairs(_ graph: CooccurrenceGraph) -> [String] {
    graph.edges.map { "\($0.source) \($0.target)" }
  }

  @Test func noOptionsChangeNothing() {
    let pruned = GraphPruner().prune(Self.star)
    #expect(pruned == Self.star)
    #expect(!pruned.pruned)
  }

  @Test func typesKeepNodesOfThoseTypes() {
    let pruned = GraphPruner(types: [.person]).prune(Self.star)
    #expect(Self.ids(pruned) == ["person/a", "person/b", "person/x", "person/y"])
    #expect(Self.pairs(pruned) == ["person/x person/y"])
    #expect(pruned.pruned)
  }

  @Test func focusKeepsTheEgoGraph() {
    let one = GraphPruner(focus: "person/a", depth: 1).prune(Self.star)
    #expect(Self.ids(one) == ["country/h", "person/a"])
    let two = GraphPruner(focus: "person/a", depth: 2).prune(Self.star)
    #expect(
      Self.ids(two) == ["country/h", "person/a", "person/b", "place/c", "place/d", "place/e"])
    let alone = GraphPruner(focus: "place/z", depth: 3).prune(Self.star)
    #expect(Self.ids(alone) == ["place/z"])
  }

  @Test func minimumWeightDropsLightLinksAndTheNodesTheyLeaveAlone() {
    let pruned = GraphPruner(minimumWeight: 2).prune(Self.star)
    #expect(Self.pairs(pruned) == ["country/h person/a", "person/x person/y"])
    // place/z never had a link: it stays; place/c lost its only link: it goes.
    #expect(Self.ids(pruned) == ["country/h", "person/a", "person/x", "person/y", "place/z"])
  }

  @Test func topEdgesKeepsTheHeaviestWithTiesByID() {
    let pruned = GraphPruner(topEdges: 3).prune(Self.star)
    #expect(
      Self.pairs(pruned) == ["country/h person/a", "country/h person/b", "person/x person/y"])
  }

  @Test func topNodesRanksByMentionsOrDegree() {
    let byMentions = GraphPruner(topNodes: 2).prune(Self.star)
    #expect(Self.ids(byMentions) == ["country/h", "person/a"])
    let byDegree = GraphPruner(topNodes: 3, rank: .degree).prune(Self.star)
    #expect(Self.ids(byDegree) == ["country/h", "person/a", "person/b"])
  }

  @Test func focusSurvivesLaterSteps() {
    let pruned = GraphPruner(focus: "place/e", depth: 1, minimumWeight: 5).prune(Self.star)
    #expect(Self.ids(pruned) == ["place/e"])
  }

  @Test func backboneKeepsTheLinkThatStandsOut() {
    // Hub: k = 5, s = 14. Heavy link: α = (1 − 10/14)^4 ≈ 0.0067; light ones (13/14)^4 ≈ 0.7435.
    // Leaves have one link and cannot make it significant; x and y have one link each.
    let filter = BackboneFilter(alpha: 0.05)
    let graph = Self.star
    let alphas = filter.significance(graph, weights: graph.weights())
    #expect(abs(alphas[0] - 0.006664) < 1e-6)
    #expect(abs(alphas[1] - 0.743466) < 1e-6)
    #expect(alphas[5] == 1)
    let pruned = GraphPruner(backbone: 0.05).prune(graph)
    #expect(Self.pairs(pruned) == ["country/h person/a"])
    #expect(Self.ids(pruned) == ["country/h", "person/a", "place/z"])
  }

  @Test func backboneAlphaIsTheIntegralOfTheNullModel() {
    // α = 1 − (k − 1) ∫₀ᵖ (1 − x)^(k − 2) dx, integrated numerically.
    for (k, p) in [(2, 0.3), (5, 0.1), (9, 0.45)] {
      let steps = 100_000
      var integral = 0.0
      for i in 0..<steps {
        let x = (Double(i) + 0.5) / Double(steps) * p
        integral += BackboneFilter.power(1 - x, k - 2) * p / Double(steps)
      }
      let alpha = 1 - Double(k - 1) * integral
      #expect(abs(alpha - BackboneFilter.power(1 - p, k - 1)) < 1e-8, "k \(k), p \(p)")
    }
  }

  @Test func backboneIgnoresNonPositiveWeights() {
    var graph = Self.star
    graph.weighting = .pmi
    let weights = graph.weights()
    let alphas = BackboneFilter(alpha: 0.5).significance(graph, weights: weights)
    for (weight, alpha) in zip(weights, alphas) where weight <= 0 { #expect(alpha == 1) }
  }
}
