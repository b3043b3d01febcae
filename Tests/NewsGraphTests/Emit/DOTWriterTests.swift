import Foundation
import Testing

@testable import NewsGraph

@Suite struct DOTWriterTests {
  /// Whether the double quotes of a line pair up, counting `\"` as escaped.
  static func quotesAreBalanced(_ line: String) -> Bool {
    var inside = false
    var escaped = false
    for scalar in line.unicodeScalars {
      if escaped {
        escaped = false
      } else if scalar == "\\" {
        escaped = inside
      } else if scalar == "\"" {
        inside.toggle()
      }
    }
    return !inside
  }

  static func nodeLines(_ dot: String) -> [String] {
    dot.split(separator: "\n").map(String.init).filter {
      $0.range(of: #"^  n[0-9]+ \["#, options: .regularExpression) != nil
    }
  }

  static func edgeLines(_ dot: String) -> [String] {
    dot.split(separator: "\n").map(String.init).filter {
      $0.range(of: #"^  n[0-9]+ -- n[0-9]+ \["#, options: .regularExpression) != nil
    }
  }

  @Test func quotedEscapesQuotesBackslashesAndLineBreaks() {
    let writer = DOTWriter()
    #expect(writer.quoted(#"a "b" \c"#) == #""a \"b\" \\c""#)
    #expect(writer.quoted("one\ntwo\r") == #""one\ntwo\n""#)
    #expect(writer.quoted("bell\u{7}") == #""bell""#)
    #expect(writer.quoted("trailing\\") == #""trailing\\""#)
  }

  @Test func hostileLabelsDoNotBreakTheStructure() throws {
    let graph = EmitSamples.hostileGraph
    let dot = DOTWriter(title: "Q&A <b>\"x\"</b> ]; -> \\").dot(graph)
    let nodes = Self.nodeLines(dot)
    let edges = Self.edgeLines(dot)
    #expect(nodes.count == graph.nodes.count)
    #expect(edges.count == graph.edges.count)
    for line in nodes + edges {
      #expect(line.hasSuffix("];"), "line: \(line)")
      #expect(Self.quotesAreBalanced(line), "line: \(line)")
    }
    let lines = dot.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "graph newsgraph {")
    #expect(lines.dropLast().last == "}")
    #expect(dot.components(separatedBy: "\n}").count == 2, "only the last line closes the graph")
    // The legend is an HTML-like label: the title is escaped as HTML there, not as a DOT string.
    let legend = try #require(lines.first { $0.hasPrefix("    label=<") })
    #expect(legend.contains("Q&amp;A &lt;b&gt;&quot;x&quot;&lt;/b&gt; ]; -&gt; \\"))
    #expect(!legend.contains("<b>"))
    #expect(legend.hasSuffix(">];"))
  }

  @Test(
    .enabled(
      if: FileManager.default.isExecutableFile(atPath: "/usr/bin/dot"), "Graphviz is not installed")
  )
  func graphvizParsesHostileLabels() throws {
    let dot = DOTWriter(title: "Q&A <b>\"x\"</b> ]; -> \\").dot(EmitSamples.hostileGraph)
    let result = try Self.run("/usr/bin/dot", ["-Tsvg"], input: dot)
    #expect(result.status == 0, "dot said: \(result.stderr)")
    #expect(result.stdout.contains("&lt;script&gt;"), "the label is shown, escaped")
    #expect(!result.stdout.contains("<script"))
    #expect(result.stdout.contains("Zoë &amp; Ünal"))
  }

  static func run(_ path: String, _ arguments: [String], input: String) throws
    -> (status: Int32, stdout: String, stderr: String)
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let writer = Thread {
      stdin.fileHandleForWriting.write(Data(input.utf8))
      try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let errors = ErrorReader(stderr.fileHandleForReading)
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: out, as: UTF8.self), errors.text())
  }

  @Test func nodeIdsAreSyntheticAndEdgesUseThem() {
    let graph = EmitSamples.hostileGraph
    let dot = DOTWriter().dot(graph)
    #expect(Self.nodeLines(dot).first?.hasPrefix("  n0 [label=\"He said \\\"hi\\\"\"") == true)
    #expect(Self.edgeLines(dot).first?.hasPrefix("  n0 -- n1 [") == true)
    #expect(!dot.contains("person/n10"), "entity ids never appear as DOT ids")
  }

  @Test func stylesFollowTypesAndWeights() {
    let nodes = [
      EmitSamples.node("country/a", "A", .country), EmitSamples.node("person/b", "B", .person),
      EmitSamples.node("place/c", "C", .place),
    ]
    let edges = [
      CooccurrenceGraph.Edge(
        source: "country/a", target: "person/b", count: 4, documents: 1, evidence: []),
      CooccurrenceGraph.Edge(
        source: "country/a", target: "place/c", count: 1, documents: 1, evidence: []),
    ]
    let dot = DOTWriter().dot(
      CooccurrenceGraph(nodes: nodes, edges: edges, window: .sentence, documentCount: 1))
    let nodeLines = Self.nodeLines(dot)
    #expect(nodeLines[0].contains("shape=box"))
    #expect(nodeLines[1].contains("shape=ellipse"))
    #expect(nodeLines[2].contains("shape=house"))
    let edgeLines = Self.edgeLines(dot)
    #expect(edgeLines[0].contains("penwidth=6") && edgeLines[0].contains("label=\"4\""))
    #expect(edgeLines[1].contains("penwidth=2.3") && !edgeLines[1].contains("label="))
    #expect(edgeLines[1].contains("tooltip=\"A – C: 1 sentence, 1 document\""))
    #expect(
      dot.contains(">country</td>") && dot.contains(">place</td>")
        && !dot.contains(">organization</td>"))
  }

  @Test func sameInputGivesTheSameBytes() {
    let once = DOTWriter(title: "synthetic").dot(EmitSamples.articleGraph())
    let twice = DOTWriter(title: "synthetic").dot(EmitSamples.articleGraph())
    #expect(Array(once.utf8) == Array(twice.utf8))
  }
}

/// Reads a pipe on another thread so a chatty child cannot block on a full pipe.
final class ErrorReader: @unchecked Sendable {
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    Thread {
      self.data = handle.readDataToEndOfFile()
      self.done.signal()
    }.start()
  }

  func text() -> String {
    done.wait()
    return String(decoding: data, as: UTF8.self)
  }
}
