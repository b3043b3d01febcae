import Testing

@testable import NewsGraph

@Suite struct GraphJSONReaderTests {
  static func read(_ text: String) throws(JSONReadError) -> CooccurrenceGraph {
    try GraphJSONReader().graph(Array(text.utf8), file: "g.json")
  }

  static let valid = """
    {"directed": false, "multigraph": false,
     "graph": {"window": "sentence", "documents": 2, "windows": 9, "weight": "pmi", "evidence": 2},
     "nodes": [
       {"id": "country/b", "label": "B", "type": "country", "mentions": 3, "documents": 2, "windows": 3, "aliases": ["B"]},
       {"id": "country/a", "label": "A", "type": "country", "mentions": 2, "documents": 1, "windows": 2, "aliases": ["A"], "dates": ["2024-01-02"]}
     ],
     "links": [
       {"source": "country/b", "target": "country/a", "weight": 0.4, "count": 2, "documents": 1,
        "evidence": [{"document": "d", "sentence": 4, "text": "later"}, {"document": "d", "sentence": 1, "text": "A and B", "date": "2024-01-02"}]}
     ]}
    """

  @Test func readsAndPutsThingsInOrder() throws {
    let graph = try Self.read(Self.valid)
    #expect(graph.nodes.map(\.id) == ["country/a", "country/b"])
    #expect(graph.edges.map { [$0.source, $0.target] } == [["country/a", "country/b"]])
    #expect(graph.edges.first?.evidence.map(\.sentence) == [1, 4])
    #expect(graph.edges.first?.evidence.first?.date == "2024-01-02")
    #expect(graph.weighting == .pmi)
    #expect(graph.windowCount == 9)
    #expect(graph.evidenceLimit == 2)
    #expect(graph.nodes.first?.dates == ["2024-01-02"])
  }

  @Test func roundTripsTheWritersOutput() throws {
    for graph in [EmitSamples.articleGraph(), EmitSamples.hostileGraph] {
      let text = JSONWriter().graph(graph)
      #expect(try Self.read(text) == graph)
    }
  }

  @Test func acceptsEdgesAsTheLinkKey() throws {
    let text = Self.valid.replacingOccurrences(of: "\"links\"", with: "\"edges\"")
    #expect(try Self.read(text).edges.count == 1)
  }

  struct Bad: Sendable, CustomTestStringConvertible {
    var from: String
    var to: String
    var message: String
    var explanation: String
    var testDescription: String { explanation }
  }

  /// Each case edits the valid graph and expects one message at one position.
  @Test(arguments: [
    Bad(
      from: "{\"directed\": false", to: "[{\"directed\": false",
      message: "g.json:10:4: error: unexpected end of input: expected ',' or ']'",
      explanation: "an unclosed array around the object"),
    Bad(
      from: "\"directed\": false", to: "\"directed\": true",
      message:
        "g.json:1:14: error: 'directed' must be false: newsgraph graphs are simple and undirected",
      explanation: "directed graph"),
    Bad(
      from: "\"window\": \"sentence\"", to: "\"window\": \"week\"",
      message:
        "g.json:2:22: error: 'graph' 'window' must be sentence, paragraph, document or a number of sentences, not 'week'",
      explanation: "unknown window"),
    Bad(
      from: "\"documents\": 2, \"windows\": 9,", to: "\"documents\": 2,",
      message:
        "g.json:2:11: error: 'graph' has no 'windows' field (it holds the window total that PMI-type weights need; rebuild the graph with this newsgraph)",
      explanation: "an older graph without window totals"),
    Bad(
      from: "\"type\": \"country\", \"mentions\": 3", to: "\"type\": \"nation\", \"mentions\": 3",
      message:
        "g.json:4:46: error: node 'country/b' 'type' must be person, country, organization or place, not 'nation'",
      explanation: "unknown type"),
    Bad(
      from: "\"mentions\": 2,", to: "\"mentions\": \"2\",",
      message:
        "g.json:5:69: error: node 'country/a' 'mentions' must be a whole number of at least 0, not '2'",
      explanation: "a count as a string"),
    Bad(
      from: "\"mentions\": 2,", to: "\"mentions\": 2.5,",
      message:
        "g.json:5:69: error: node 'country/a' 'mentions' must be a whole number of at least 0, not 2.5",
      explanation: "a fractional count"),
    Bad(
      from: "\"label\": \"A\", ", to: "",
      message: "g.json:5:4: error: node 'country/a' has no 'label' field",
      explanation: "missing label"),
    Bad(
      from: "\"id\": \"country/a\"", to: "\"id\": \"country/b\"",
      message: "g.json:5:4: error: node 'country/b' appears twice", explanation: "duplicate node"),
    Bad(
      from: "\"target\": \"country/a\"", to: "\"target\": \"country/zz\"",
      message:
        "g.json:8:4: error: link 'country/b' – 'country/zz': no node has the id 'country/zz'",
      explanation: "dangling link"),
    Bad(
      from: "\"target\": \"country/a\"", to: "\"target\": \"country/b\"",
      message: "g.json:8:4: error: link 'country/b' – 'country/b' links a node to itself",
      explanation: "self loop"),
    Bad(
      from: "\"count\": 2,", to: "\"count\": 5,",
      message:
        "g.json:8:4: error: link 'country/a' – 'country/b' is counted in 5 windows, but 'country/a' is in only 2",
      explanation: "impossible count"),
    Bad(
      from: "\"count\": 2,", to: "\"count\": 0,",
      message:
        "g.json:8:75: error: link 'country/a' – 'country/b' 'count' must be a whole number of at least 1, not 0",
      explanation: "zero count"),
    Bad(
      from: "\"nodes\": [", to: "\"nodes\": {\"x\": 1}, \"n\": [",
      message: "g.json:3:11: error: 'nodes' must be an array, not an object",
      explanation: "nodes not an array"),
    Bad(
      from: "\"dates\": [\"2024-01-02\"]", to: "\"dates\": [\"Jan 2\"]",
      message: "g.json:5:130: error: node 'country/a' date 'Jan 2' is not a day written YYYY-MM-DD",
      explanation: "bad date"),
    Bad(
      from: "\"text\": \"later\"", to: "\"text\": 7",
      message: "g.json:9:59: error: evidence 'text' must be a string, not a number",
      explanation: "evidence text not a string"),
  ])
  func rejectsWhatIsNotAGraph(_ example: Bad) {
    let text = Self.valid.replacingOccurrences(of: example.from, with: example.to)
    #expect(text != Self.valid, "the edit applies")
    do {
      _ = try Self.read(text)
      Issue.record("accepted")
    } catch {
      #expect(error.description == example.message)
    }
  }

  @Test func otherJSONIsNotAGraph() {
    for (text, message) in [
      (
        "[1, 2]",
        "g.json:1:1: error: expected a graph (a networkx node-link JSON object), found an array"
      ),
      ("{\"nodes\": []}", "g.json:1:1: error: the graph has no 'graph' field"),
      (
        "{\"graph\": {\"window\": \"sentence\", \"documents\": 0, \"windows\": 0}}",
        "g.json:1:1: error: the graph has no 'nodes' field"
      ),
    ] {
      do {
        _ = try Self.read(text)
        Issue.record("accepted \(text)")
      } catch {
        #expect(error.description == message)
      }
    }
  }
}
