import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Names from articles never change the structure of an output: hostile labels (through a
/// user's dictionary, so they become real entity labels), hostile evidence sentences and a
/// hostile document id go into every format, and each output must parse and carry them as
/// written.
@Suite(.enabled(if: CommandRunner.hasDictionaries, "dictionaries/ has not been generated yet"))
struct InjectionTests {
  static let labels = [
    #"He said "hi""#, #"back\slash"#, #"trailing\"#, "a];b", "x -> y", "n0 -- n1 [color=red]",
    "<script>alert(1)</script>", "javascript:alert(1)", "<b>bold</b> <i>html</i>",
    "AT&amp;T &#60;3 &lt;", "}; digraph evil { a -> b", #"\N \G \L \n"#, "Zoë & Ünal",
    "'single' `tick`", "]]> <!-- x -->", "=1+2", "@SUM(A1)", "line\u{2028}separator",
    "<table><tr><td>x</td></tr></table>", "a;b;c", #"x"];n9 [label="pwn"#,
  ]

  /// A word the article uses for label `index`.
  static func word(_ index: Int) -> String {
    "Hostile" + String(UnicodeScalar(UInt8(65 + index))) + "word"
  }

  /// An evidence sentence (no '!' or '?', which would end it).
  static let evidence =
    #"said "<script>alert('x')</script> & ]]> \N ]; -> {" --> javascript:void(0) <i>&amp;</i>"#

  /// The dictionary, the article (named like markup) and a JSON Lines file with a hostile id.
  static func inputs(_ scratch: ScratchFolder) throws -> (dictionary: String, article: String) {
    let types = ["person", "organization", "country", "place"]
    var lines = ["id\ttype\tlabel\taliases"]
    for (index, label) in labels.enumerated() {
      let type = types[index % 4]
      lines.append("\(type)/hostile-\(index)\t\(type)\t\(label)\t\(word(index))")
    }
    let dictionary = try scratch.write("hostile.tsv", lines.joined(separator: "\n") + "\n")
    var sentences: [String] = []
    for index in labels.indices {
      let next = (index + 1) % labels.count
      sentences.append("\(word(index)) met \(word(next)) in Paris.")
    }
    sentences.append("\(word(0)) \(evidence) to \(word(1)).")
    let article = try scratch.write(#"a&b <x> "q" \N.txt"#, sentences.joined(separator: " "))
    return (dictionary, article)
  }

  static func graph(_ scratch: ScratchFolder, format: String) throws -> String {
    let (dictionary, article) = try inputs(scratch)
    let path = scratch.path("hostile.\(format)")
    let result = try CommandRunner.run(
      "graph", [article, "--dictionary", dictionary, "-o", path])
    #expect(result.status == 0, "\(result)")
    return path
  }

  /// Elements, attributes and text of an XML file, read by Foundation's XMLParser.
  final class XMLContent: NSObject, XMLParserDelegate {
    struct Element {
      var name: String
      var attributes: [String: String]
      var text = ""
    }
    var elements: [Element] = []
    private var open: [Int] = []

    static func read(_ path: String) throws -> XMLContent {
      let content = XMLContent()
      let parser = try #require(XMLParser(contentsOf: URL(fileURLWithPath: path)))
      parser.delegate = content
      #expect(
        parser.parse(), "\(path) is well-formed XML: \(String(describing: parser.parserError))")
      return content
    }

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      open.append(elements.count)
      elements.append(Element(name: name, attributes: attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if let last = open.last { elements[last].text += string }
    }

    func parser(
      _ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      open.removeLast()
    }
  }

  static func jsonGraph(_ path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// The numbers of nodes and links of the JSON of the same input.
  static func counts(_ scratch: ScratchFolder) throws -> (nodes: Int, links: Int, labels: [String])
  {
    let json = try jsonGraph(try graph(scratch, format: "json"))
    let nodes = try #require(json["nodes"] as? [[String: Any]])
    let links = try #require(json["links"] as? [[String: Any]])
    return (nodes.count, links.count, nodes.compactMap { $0["label"] as? String })
  }

  @Test func jsonCarriesTheNamesAndReadsBack() throws {
    let scratch = try ScratchFolder()
    let path = try Self.graph(scratch, format: "json")
    let json = try Self.jsonGraph(path)
    let nodes = try #require(json["nodes"] as? [[String: Any]])
    #expect(Set(nodes.compactMap { $0["label"] as? String }).isSuperset(of: Self.labels))
    let links = try #require(json["links"] as? [[String: Any]])
    let texts = links.flatMap { ($0["evidence"] as? [[String: Any]]) ?? [] }
    #expect(texts.contains { ($0["text"] as? String)?.contains(Self.evidence) == true })
    #expect(texts.contains { ($0["document"] as? String) == #"a&b <x> "q" \N"# })
    // merge reads it back with its own reader and writes the same names.
    let back = scratch.path("back.json")
    let merged = try CommandRunner.run(["merge", path, "-o", back])
    #expect(merged.status == 0, "\(merged)")
    let again = try #require(try Self.jsonGraph(back)["nodes"] as? [[String: Any]])
    #expect(
      again.compactMap { $0["label"] as? String } == nodes.compactMap { $0["label"] as? String })
  }

  @Test(
    .enabled(
      if: FileManager.default.isExecutableFile(atPath: "/usr/bin/dot"), "Graphviz is not installed")
  )
  func dotKeepsItsStructureAndGraphvizShowsTheNames() throws {
    let scratch = try ScratchFolder()
    let (nodes, links, _) = try Self.counts(scratch)
    let dot = try Self.graph(scratch, format: "dot")
    let svg = scratch.path("from-dot.svg")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
    process.arguments = ["-Tsvg", dot, "-o", svg]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    try Self.checkSVG(svg, nodes: nodes, links: links)
  }

  @Test func svgKeepsItsStructureAndShowsTheNames() throws {
    let scratch = try ScratchFolder()
    let (nodes, links, _) = try Self.counts(scratch)
    try Self.checkSVG(try Self.graph(scratch, format: "svg"), nodes: nodes, links: links)
  }

  static func checkSVG(_ path: String, nodes: Int, links: Int) throws {
    let svg = try XMLContent.read(path)
    let groups = svg.elements.filter { $0.name == "g" }.compactMap { $0.attributes["class"] }
    #expect(groups.filter { $0 == "node" }.count == nodes, "one node group per entity")
    #expect(groups.filter { $0 == "edge" }.count == links, "one edge group per link")
    let texts = Set(svg.elements.filter { $0.name == "text" }.map(\.text))
    let titles = svg.elements.compactMap { $0.attributes["xlink:title"] }
    for label in labels {
      #expect(texts.contains(label), "label \(label) is drawn as written")
      #expect(titles.contains { $0.hasPrefix(label + " (") }, "tooltip of \(label) as written")
    }
    #expect(titles.contains { $0.contains(evidence) }, "the evidence tooltip as written")
    #expect(!svg.elements.contains { $0.name == "script" })
    #expect(
      !svg.elements.contains { element in
        element.attributes.contains { $0.key.hasSuffix("href") && $0.value.contains("javascript") }
      })
  }

  @Test func graphMLAndGEXFCarryTheNames() throws {
    let scratch = try ScratchFolder()
    let graphML = try XMLContent.read(try Self.graph(scratch, format: "graphml"))
    let keys = Dictionary(
      graphML.elements.filter { $0.name == "key" }.compactMap { element in
        element.attributes["id"].map { ($0, element.attributes["attr.name"] ?? "") }
      }, uniquingKeysWith: { first, _ in first })
    let labels = graphML.elements.filter {
      $0.name == "data" && keys[$0.attributes["key"] ?? ""] == "label"
    }.map(\.text)
    #expect(Set(labels).isSuperset(of: Self.labels))
    let gexf = try XMLContent.read(try Self.graph(scratch, format: "gexf"))
    let gexfLabels = gexf.elements.filter { $0.name == "node" }.compactMap {
      $0.attributes["label"]
    }
    #expect(Set(gexfLabels).isSuperset(of: Self.labels))
  }

  @Test func csvCarriesTheNamesAndDisarmsFormulas() throws {
    let scratch = try ScratchFolder()
    let (nodes, links, _) = try Self.counts(scratch)
    _ = try Self.graph(scratch, format: "csv")
    let nodeRows = CSVReader.rows(
      try String(contentsOfFile: scratch.path("hostile.nodes.csv"), encoding: .utf8))
    let edgeRows = CSVReader.rows(
      try String(contentsOfFile: scratch.path("hostile.edges.csv"), encoding: .utf8))
    #expect(nodeRows.count == nodes + 1 && edgeRows.count == links + 1)
    #expect(nodeRows.allSatisfy { $0.count == 8 } && edgeRows.allSatisfy { $0.count == 7 })
    let shown = Set(nodeRows.dropFirst().map { $0[1] })
    for label in Self.labels {
      let expected = "=+-@".contains(label.first ?? " ") ? "'" + label : label
      #expect(shown.contains(expected), "\(label) as \(expected)")
    }
  }

  /// Reports meant for a terminal (`entities`, `explain`, `diff`) carry no escape sequence,
  /// whether it comes from a dictionary's label or from an article's sentence.
  @Test func terminalReportsCarryNoEscapeSequences() throws {
    let scratch = try ScratchFolder()
    let dictionary = try scratch.write(
      "evil.tsv",
      "id\ttype\tlabel\taliases\nperson/evil\tperson\tEvil\u{1B}]0;pwned\u{7}Name\tEvilword\n")
    let old = try scratch.write("old.txt", "Evilword met Egypt's leaders in Cairo.\n")
    let new = try scratch.write(
      "new.txt",
      "Evilword met Egypt's leaders \u{1B}[2J\u{1B}[31m in Cairo.\nEvilword left Egypt.\n")
    let runs: [[String]] = [
      ["entities", new, "--dictionary", dictionary],
      ["entities", new, "--dictionary", dictionary, "--format", "tsv", "--explain"],
      ["explain", new, "Evilword", "Egypt", "--dictionary", dictionary],
      ["diff", old, new, "--dictionary", dictionary],
    ]
    for arguments in runs {
      let result = try CommandRunner.run(
        arguments + ["--dictionaries", CommandRunner.dictionaries])
      #expect(result.status == 0 || (arguments[0] == "diff" && result.status == 1), "\(result)")
      #expect(!result.output.unicodeScalars.contains("\u{1B}"), "\(arguments[0]) stdout")
      #expect(!result.stderr.unicodeScalars.contains("\u{1B}"), "\(arguments[0]) stderr")
      if !arguments.contains("tsv") {
        #expect(result.output.contains("\u{FFFD}"), "\(arguments[0]) shows where they were")
      }
    }
  }
}
