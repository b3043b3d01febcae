import Testing

@testable import NewsGraph

@Suite struct GraphLookupTests {
  static var graph: CooccurrenceGraph {
    let nodes = [
      CooccurrenceGraph.Node(
        id: "country/egypt", label: "Egypt", type: .country, mentions: 5, documents: 1,
        aliases: ["Egypt", "Egyptian"]),
      CooccurrenceGraph.Node(
        id: "person/mohamed-morsi", label: "Mohamed Morsi", type: .person, mentions: 1,
        documents: 1, aliases: ["Mohammed Morsi"]),
      CooccurrenceGraph.Node(
        id: "place/georgia", label: "Georgia", type: .place, mentions: 1, documents: 1,
        aliases: []),
      CooccurrenceGraph.Node(
        id: "country/georgia", label: "Georgia", type: .country, mentions: 1, documents: 1,
        aliases: []),
      CooccurrenceGraph.Node(
        id: "person/vladimir-putin", label: "Vladimir Putin", type: .person, mentions: 4,
        documents: 1, aliases: ["Putin"]),
    ]
    let edges = [
      CooccurrenceGraph.Edge(
        source: "country/egypt", target: "person/mohamed-morsi", count: 1, documents: 1,
        evidence: []),
      CooccurrenceGraph.Edge(
        source: "country/egypt", target: "person/vladimir-putin", count: 2, documents: 1,
        evidence: []),
    ]
    return CooccurrenceGraph(
      nodes: nodes.sorted { $0.id < $1.id }, edges: edges, window: .sentence, documentCount: 1)
  }

  static func found(_ reference: String) -> String? {
    if case .found(let node) = graph.lookup(reference) { return node.id }
    return nil
  }

  @Test func findsByIDLabelAliasAndLastWord() {
    #expect(Self.found("country/egypt") == "country/egypt")
    #expect(Self.found("egypt") == "country/egypt")
    #expect(Self.found("EGYPTIAN") == "country/egypt")
    #expect(Self.found("Morsi") == "person/mohamed-morsi")
    #expect(Self.found("mohammed morsi") == "person/mohamed-morsi")
  }

  @Test func sameLabelTwiceIsAmbiguous() {
    guard case .ambiguous(let nodes) = Self.graph.lookup("Georgia") else {
      Issue.record("expected ambiguous")
      return
    }
    #expect(nodes.map(\.id) == ["country/georgia", "place/georgia"])
    #expect(Self.found("place/georgia") == "place/georgia")
  }

  @Test func unknownNamesGetSuggestions() {
    guard case .notFound(let suggestions) = Self.graph.lookup("Putn") else {
      Issue.record("expected not found")
      return
    }
    #expect(suggestions.map(\.id) == ["person/vladimir-putin"])
  }

  @Test func pathsAndNeighbourhoods() {
    let graph = Self.graph
    #expect(
      graph.shortestPath(from: "person/mohamed-morsi", to: "person/vladimir-putin") == [
        "person/mohamed-morsi", "country/egypt", "person/vladimir-putin",
      ])
    #expect(graph.shortestPath(from: "place/georgia", to: "country/egypt") == nil)
    #expect(
      graph.neighbourhood(of: "person/mohamed-morsi", depth: 1) == [
        "person/mohamed-morsi", "country/egypt",
      ])
    #expect(graph.edge(between: "person/vladimir-putin", and: "country/egypt")?.count == 2)
  }
}
