import Foundation
import TestSupport
import Testing

@testable import NewsGraph

/// The graph JSON reader keeps memory to the graph it reads: it checks the text whole without
/// building it, then reads a node and a link at a time, and refuses graphs over its limits.
@Suite struct GraphJSONLimitsTests {
  static func read(_ text: String, reader: GraphJSONReader = GraphJSONReader())
    throws(JSONReadError) -> CooccurrenceGraph
  {
    try reader.graph(Array(text.utf8), file: "g.json")
  }

  static func nodes(_ count: Int) -> String {
    (0..<count).map {
      #"{"id": "person/p\#($0)", "label": "P", "type": "person", "mentions": 1, "documents": 1, "windows": 1}"#
    }.joined(separator: ",\n")
  }

  static func graph(nodes: Int, links: String = "") -> String {
    """
    {"graph": {"window": "sentence", "documents": 1, "windows": 5},
     "nodes": [\(Self.nodes(nodes))],
     "links": [\(links)]}
    """
  }

  @Test func refusesMoreNodesThanItsLimit() throws {
    let reader = GraphJSONReader(maximumNodes: 3, maximumLinks: 10)
    #expect(try Self.read(Self.graph(nodes: 3), reader: reader).nodes.count == 3)
    #expect(
      throws: JSONReadError.content(
        TextPosition(file: "g.json", line: 5, column: 1),
        "more than 3 nodes: newsgraph reads graphs of at most 3 entities and 10 links")
    ) {
      try Self.read(Self.graph(nodes: 4), reader: reader)
    }
  }

  @Test func refusesMoreLinksThanItsLimit() throws {
    let link = #"{"source": "person/p0", "target": "person/p1", "count": 1, "documents": 1}"#
    let reader = GraphJSONReader(maximumNodes: 10, maximumLinks: 1)
    #expect(throws: JSONReadError.self) {
      try Self.read(Self.graph(nodes: 3, links: link + ", " + link), reader: reader)
    }
    let error = #expect(throws: JSONReadError.self) {
      try Self.read(
        Self.graph(
          nodes: 3,
          links: link + ", "
            + link.replacingOccurrences(of: "\"person/p1\"", with: "\"person/p2\"")),
        reader: reader)
    }
    #expect(error?.message.hasPrefix("more than 1 links") == true)
  }

  /// Syntax errors anywhere come before content errors, as when the text was read whole.
  @Test func syntaxErrorsComeFirst() throws {
    let text =
      Self.graph(nodes: 2).replacingOccurrences(
        of: "\"type\": \"person\"", with: "\"type\": \"nation\"") + " x"
    let error = #expect(throws: JSONReadError.self) { try Self.read(text) }
    #expect(error?.message.hasPrefix("unexpected 'x' after the JSON value") == true)
  }

  @Test func membersMayComeInAnyOrder() throws {
    let ordered = try Self.read(Self.graph(nodes: 2))
    let shuffled = """
      {"links": [], "nodes": [\(Self.nodes(2))], "extra": [[[{"a": [1, 2, {}]}]]],
       "graph": {"windows": 5, "documents": 1, "window": "sentence"}, "directed": false}
      """
    #expect(try Self.read(shuffled) == ordered)
  }

  @Test func linksWinOverEdges() throws {
    let link = #"{"source": "person/p0", "target": "person/p1", "count": 1, "documents": 1}"#
    let text = """
      {"graph": {"window": "sentence", "documents": 1, "windows": 5},
       "edges": [{"source": "person/p0", "target": "nobody", "count": 1, "documents": 1}],
       "nodes": [\(Self.nodes(2))], "links": [\(link)]}
      """
    #expect(try Self.read(text).edges.count == 1)
  }

  @Test(arguments: [
    ("[1, 2]", "an array"), ("\"graph\"", "a string"), ("7", "a number"), ("null", "null"),
    ("true", "a boolean"),
  ])
  func aRootThatIsNotAnObjectIsNamed(text: String, kind: String) throws {
    let error = #expect(throws: JSONReadError.self) { try Self.read(text) }
    #expect(
      error?.description
        == "g.json:1:1: error: expected a graph (a networkx node-link JSON object), found \(kind)")
  }

  /// Evidence is sorted once, not inserted one at a time (which took minutes for 50,000 items
  /// in reverse order), and only the graph's limit is kept.
  @Test func longEvidenceInReverseIsReadFast() throws {
    let items = (0..<50_000).reversed().map {
      #"{"document": "d", "sentence": \#($0), "text": "t"}"#
    }.joined(separator: ",")
    let text = """
      {"graph": {"window": "sentence", "documents": 1, "windows": 5, "evidence": 2},
       "nodes": [\(Self.nodes(2))],
       "links": [{"source": "person/p1", "target": "person/p0", "count": 1, "documents": 1,
                  "evidence": [\(items), {"document": "d", "sentence": 0, "text": "t"}]}]}
      """
    let start = Date()
    let graph = try Self.read(text)
    // Under a sanitizer the read takes 30 s or more (ASan on 2 cores): the bound only says
    // something about the algorithm in an ordinary build.
    if Sanitizer.active == nil { #expect(Date().timeIntervalSince(start) < 20) }
    #expect(graph.edges.first?.evidence.map(\.sentence) == [0, 1])
  }

  @Test func aTreeHasAValueBudget() throws {
    let reader = JSONReader(file: "v.json", maximumValues: 100)
    _ = try reader.value(Array("[\(Array(repeating: "0", count: 99).joined(separator: ","))]".utf8))
    let error = #expect(throws: JSONReadError.self) {
      try reader.value(Array("[\(Array(repeating: "0", count: 100).joined(separator: ","))]".utf8))
    }
    #expect(error?.message == "more than 100 values in one piece: too much to read")
  }

  @Test func duplicateKeysAreFoundAtEveryDepthWithoutBuilding() throws {
    let text = Self.graph(nodes: 2).replacingOccurrences(
      of: "\"label\": \"P\"", with: "\"label\": \"P\", \"label\": \"Q\"")
    let error = #expect(throws: JSONReadError.self) { try Self.read(text) }
    #expect(error?.message == "duplicate key 'label'")
  }
}
