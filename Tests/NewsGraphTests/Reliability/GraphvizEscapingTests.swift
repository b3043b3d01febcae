import Foundation
import Testing

@testable import NewsGraph

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Graphviz reads more into a DOT string than the DOT grammar says: `\N` and its kind are
/// escapes, `&amp;` and `&#60;` are character references, in labels, tooltips and HTML-like
/// labels alike. Names from articles must come out of Graphviz as they were written.
@Suite struct GraphvizEscapingTests {
  /// Names that Graphviz would change if written as they are.
  static let names = [
    "AT&amp;T", "&#60;3", "&lt;b&gt;", "a & b", "back\\slash", "\\N", "\\G \\E \\T \\H \\L",
    "\\n\\l\\r", "trailing\\", "x\\\\y", "He said \"hi\"", "]; n0 -- n1 [", "<b>bold</b>",
    "&;", "&x", "javascript:alert(1)",
  ]

  @Test func labelsAndTooltipsAreEscapedForGraphviz() {
    let writer = DOTWriter()
    #expect(writer.quoted("AT&amp;T & co") == #""AT&amp;amp;T & co""#)
    #expect(writer.quoted("&#60; &x; &;") == #""&amp;#60; &amp;x; &;""#)
    #expect(writer.quoted("\\N") == #""\\N""#)
    #expect(writer.quotedTooltip("\\N") == #""\\\\N""#)
    #expect(writer.quoted("bad\u{FFFE}\u{FFFF}") == "\"bad\u{FFFD}\u{FFFD}\"")
    #expect(writer.html("a\\b & <c>\u{7}") == "a\\\\b &amp; &lt;c&gt;")
  }

  static func graph(_ names: [String]) -> CooccurrenceGraph {
    let nodes = names.enumerated().map { index, name in
      CooccurrenceGraph.Node(
        id: "person/n\(String(100 + index))", label: name, type: .person, mentions: 1,
        documents: 1, aliases: [name], windows: 1)
    }
    let edges = zip(nodes, nodes.dropFirst()).map { a, b in
      CooccurrenceGraph.Edge(
        source: a.id, target: b.id, count: 1, documents: 1,
        evidence: [.init(document: "d", sentence: 0, text: "\(a.label) | \(b.label)")])
    }
    return CooccurrenceGraph(
      nodes: nodes, edges: edges, window: .sentence, documentCount: 1, windowCount: 1)
  }

  /// What an SVG shows: the text of its `<text>` elements and its tooltips (`xlink:title`).
  final class SVGText: NSObject, XMLParserDelegate {
    var texts: [String] = []
    var titles: [String] = []
    var current: String?

    func parser(
      _ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      if element == "text" { current = "" }
      if let title = attributes["xlink:title"] { titles.append(title) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      current? += string
    }

    func parser(
      _ parser: XMLParser, didEndElement element: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      if element == "text", let text = current { texts.append(text) }
      current = nil
    }
  }

  @Test(
    .enabled(
      if: FileManager.default.isExecutableFile(atPath: "/usr/bin/dot"), "Graphviz is not installed")
  )
  func graphvizShowsEveryNameAsWritten() throws {
    let title = "T&amp;itle \\N <x>"
    let dot = DOTWriter(title: title).dot(Self.graph(Self.names))
    let result = try DOTWriterTests.run("/usr/bin/dot", ["-Tsvg"], input: dot)
    #expect(result.status == 0, "dot said: \(result.stderr)")
    let svg = SVGText()
    let parser = XMLParser(data: Data(result.stdout.utf8))
    parser.delegate = svg
    #expect(parser.parse(), "the SVG is well-formed: \(String(describing: parser.parserError))")
    for name in Self.names {
      #expect(svg.texts.contains(name), "label \(name) shown as written")
      #expect(svg.titles.contains { $0.hasPrefix(name + " (person)") }, "tooltip of \(name)")
    }
    #expect(svg.titles.contains { $0.contains("AT&amp;T | &#60;3") }, "edge tooltip as written")
    #expect(svg.texts.contains { $0.hasPrefix(title + ":") }, "the legend's title as written")
    #expect(svg.texts.count >= Self.names.count)
  }
}
