import Foundation
import TestSupport
import Testing

@testable import NewsGraph

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// GraphML, GEXF and CSV: well-formed whatever the labels say, and carrying what they should.
@Suite struct ExportWriterTests {
  /// Element names, attributes and text as an XML parser sees them.
  final class Collector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var texts: [String: [String]] = [:]
    private var current = ""
    private var stack: [String] = []

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      elements.append((name, attributes))
      stack.append(name)
      current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(
      _ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      texts[name, default: []].append(current)
      current = ""
      stack.removeLast()
    }
  }

  static func parse(_ xml: String) throws -> Collector {
    let parser = XMLParser(data: Data(xml.utf8))
    let collector = Collector()
    parser.delegate = collector
    let ok = parser.parse()
    try #require(ok, "not well-formed XML: \(String(describing: parser.parserError))")
    return collector
  }

  /// Hostile labels plus the characters XML cannot carry at all.
  static var graph: CooccurrenceGraph {
    var graph = EmitSamples.hostileGraph
    graph.nodes[0].label = "nul\u{0}and\u{1}and\u{FFFE} ]]> <!-- --> &amp;"
    graph.nodes[1].dates = ["2024-03-01", "2024-03-02", "2024-03-07"]
    graph.edges[0].dates = ["2024-03-02"]
    return graph
  }

  @Test func graphMLIsWellFormedAndKeepsLabels() throws {
    let graph = Self.graph
    let xml = GraphMLWriter(version: "1 -- 2").graphML(graph)
    let parsed = try Self.parse(xml)
    #expect(parsed.elements.filter { $0.name == "node" }.count == graph.nodes.count)
    #expect(parsed.elements.filter { $0.name == "edge" }.count == graph.edges.count)
    let ids = parsed.elements.filter { $0.name == "node" }.compactMap { $0.attributes["id"] }
    #expect(ids == graph.nodes.map(\.id))
    let data = parsed.texts["data"] ?? []
    for label in EmitSamples.hostileLabels.dropFirst().dropLast(0) where !label.contains("\u{7}") {
      #expect(data.contains(label), "label \(label.debugDescription) survives")
    }
    #expect(data.contains("nul\u{FFFD}and\u{FFFD}and\u{FFFD} ]]> <!-- --> &amp;"))
    #expect(data.contains("2024-03-01 2024-03-02 2024-03-07"))
  }

  @Test func gexfIsWellFormedWithTypesAndSpells() throws {
    let graph = Self.graph
    let xml = GEXFWriter().gexf(graph)
    let parsed = try Self.parse(xml)
    let graphElement = try #require(parsed.elements.first { $0.name == "graph" })
    #expect(graphElement.attributes["mode"] == "dynamic")
    #expect(graphElement.attributes["timeformat"] == "date")
    let nodes = parsed.elements.filter { $0.name == "node" }
    #expect(
      nodes.compactMap { $0.attributes["label"] }
        == graph.nodes.map(\.label).map {
          String(
            $0.unicodeScalars.map {
              $0.value < 0x20 && $0 != "\n" && $0 != "\t" || $0.value == 0xFFFE
                ? "\u{FFFD}" : Character($0)
            })
        })
    let types = parsed.elements.filter { $0.name == "attvalue" && $0.attributes["for"] == "type" }
    #expect(types.compactMap { $0.attributes["value"] } == graph.nodes.map(\.type.rawValue))
    let spells = parsed.elements.filter { $0.name == "spell" }.map {
      "\($0.attributes["start"] ?? "")..\($0.attributes["end"] ?? "")"
    }
    #expect(
      spells == ["2024-03-01..2024-03-02", "2024-03-07..2024-03-07", "2024-03-02..2024-03-02"])
    let edges = parsed.elements.filter { $0.name == "edge" }
    #expect(edges.count == graph.edges.count)
    #expect(edges.first?.attributes["weight"] == "2")
  }

  @Test func gexfWithoutDatesIsStatic() throws {
    let parsed = try Self.parse(GEXFWriter().gexf(EmitSamples.articleGraph()))
    #expect(parsed.elements.first { $0.name == "graph" }?.attributes["mode"] == "static")
    #expect(!parsed.elements.contains { $0.name == "spell" })
  }

  @Test func attributesKeepLineBreaksAndTabs() {
    #expect(XMLText.attribute("a\nb\tc\r\"'<>&") == "a&#10;b&#9;c&#13;&quot;&apos;&lt;&gt;&amp;")
    #expect(XMLText.content("a\nb\tc") == "a\nb\tc")
  }

  @Test func csvQuotesWhatItMustAndDisarmsFormulas() throws {
    var graph = EmitSamples.hostileGraph
    graph.nodes[2].label = "=HYPERLINK(\"http://x\")"
    graph.nodes[3].label = "-2+3"
    let nodes = CSVReader.rows(CSVWriter().nodes(graph))
    #expect(
      nodes.first == [
        "id", "label", "type", "mentions", "documents", "windows", "aliases", "dates",
      ])
    #expect(nodes.count == graph.nodes.count + 1)
    #expect(nodes.dropFirst().allSatisfy { $0.count == 8 })
    #expect(nodes[1][1] == graph.nodes[0].label)
    #expect(nodes[3][1] == "'=HYPERLINK(\"http://x\")")
    #expect(nodes[4][1] == "'-2+3")
    #expect(nodes.contains { $0[1] == "line\nbreak" })
    let edges = CSVReader.rows(CSVWriter().edges(graph))
    #expect(
      edges.first == ["source", "target", "weight", "count", "documents", "dates", "evidence"])
    #expect(edges.count == graph.edges.count + 1)
    #expect(edges[1][2] == "2")
    #expect(edges[1][6] == "doc \"1\" #0: \(graph.edges[0].evidence[0].text)")
  }

  @Test func negativeWeightsAreNumbersNotFormulas() throws {
    var graph = Self.graph
    graph.weighting = .pmi
    graph.nodes = graph.nodes.map { node in
      var node = node
      node.windows = 50
      return node
    }
    graph.windowCount = 100
    let edges = CSVReader.rows(CSVWriter().edges(graph))
    #expect(edges[1][2].hasPrefix("-"), "\(edges[1])")
  }
}
