import Foundation
import Synchronization
import Testing

@testable import GraphvizRender

/// Graphviz is not thread-safe and keeps process-wide state, so these tests run one at a time;
/// the concurrency test starts its own threads to check the renderer's lock.
@Suite(.serialized)
struct GraphvizRendererTests {
  let renderer = GraphvizRenderer()

  @Test(arguments: GraphvizFormat.allCases)
  func rendersEachFormat(format: GraphvizFormat) throws {
    let bytes = try renderer.render(dot: SampleGraphs.small, layout: .dot, format: format)
    #expect(SampleGraphs.looksLike(format.rawValue, bytes), "\(format) starts \(bytes.prefix(8))")
  }

  @Test(arguments: GraphvizLayout.allCases)
  func eachLayoutEngineWorks(layout: GraphvizLayout) throws {
    let bytes = try renderer.render(dot: SampleGraphs.small, layout: layout, format: .svg)
    let svg = String(decoding: bytes, as: UTF8.self)
    #expect(svg.contains("<svg"))
    #expect(svg.contains("Siemens"))
  }

  @Test func versionComesFromTheLibrary() {
    let version = GraphvizRenderer.version
    #expect(version.first?.isNumber == true, "version '\(version)'")
    #expect(version.contains("."))
  }

  @Test func syntaxErrorThrowsWithLineNumber() throws {
    // A successful parse first: Graphviz's lexer keeps counting lines across reads unless reset.
    _ = try renderer.render(dot: "digraph {\n\n\n a -> b }\n\n\n", layout: .dot, format: .svg)
    let error = #expect(throws: RenderError.self) {
      try renderer.render(dot: "digraph {\n  a -> b;\n  c -> ;\n}\n", layout: .dot, format: .svg)
    }
    guard case .syntax(let message) = error else {
      Issue.record("expected .syntax, got \(String(describing: error))")
      return
    }
    #expect(message.contains("syntax error in line 3"), "message '\(message)'")
    #expect(message == error?.description)
  }

  @Test(arguments: [
    (dot: "", explanation: "empty text holds no graph and Graphviz reports nothing"),
    (dot: "// only a comment\n", explanation: "a comment alone holds no graph"),
    (dot: "digraph { a -> \"unterminated }", explanation: "an unterminated quoted string"),
    (dot: "digraph { a -> b", explanation: "a missing closing brace"),
    (dot: "digraph { a\u{0}b }", explanation: "a nul byte would silently truncate the C string"),
    (dot: "\"unterminated", explanation: "a string left open before any graph"),
    (dot: "/* unterminated", explanation: "a comment left open before any graph"),
    (dot: "<<<html", explanation: "an HTML string left open, three levels deep"),
  ])
  func badDOTThrowsSyntaxAndLeavesGraphvizUsable(dot: String, explanation: String) throws {
    let error = #expect(throws: RenderError.self, "\(explanation)") {
      try renderer.render(dot: dot, layout: .dot, format: .svg)
    }
    guard case .syntax(let message) = error else {
      Issue.record("\(explanation): expected .syntax, got \(String(describing: error))")
      return
    }
    #expect(!message.isEmpty, "\(explanation)")
    #expect(!message.hasSuffix("."), "\(explanation): '\(message)'")
    #expect(message.first?.isUppercase == false, "\(explanation): '\(message)'")
    // Graphviz's lexer state is process-wide: an unterminated string used to make every
    // later parse fail silently.
    let bytes = try renderer.render(dot: SampleGraphs.small, layout: .dot, format: .svg)
    #expect(String(decoding: bytes, as: UTF8.self).contains("Siemens"), "\(explanation)")
  }

  @Test(arguments: [
    (trailer: " digraph B { intruder }", explanation: "a second graph on the same line"),
    (trailer: " \"unterminated", explanation: "an open string after the graph"),
    (trailer: " /* unterminated", explanation: "an open comment after the graph"),
    (trailer: "\n\n\n", explanation: "newlines after the graph shifted later line numbers"),
  ])
  func textAfterTheFirstGraphDoesNotLeakIntoTheNextRead(trailer: String, explanation: String)
    throws
  {
    let first = try renderer.render(dot: "digraph A { a }" + trailer, layout: .dot, format: .svg)
    #expect(!String(decoding: first, as: UTF8.self).contains("intruder"), "\(explanation)")
    let second = try renderer.render(dot: SampleGraphs.small, layout: .dot, format: .svg)
    let svg = String(decoding: second, as: UTF8.self)
    #expect(svg.contains("Siemens") && !svg.contains("intruder"), "\(explanation)")
    let error = #expect(throws: RenderError.self) {
      try renderer.render(dot: "digraph {\n  a -> b;\n  c -> ;\n}\n", layout: .dot, format: .svg)
    }
    #expect(error == .syntax("syntax error in line 3 near ';'"), "\(explanation)")
  }

  @Test func awkwardLabelRendersAndIsEscapedInSVG() throws {
    let label = #"Quote \" backslash \\ <script>alert('x')</script> & Москва القاهرة"#
    let dot = "digraph { n0 [label=\"\(label)\"]; n1 [label=\"plain\"]; n0 -> n1 }"
    let outputs = try renderer.render(dot: dot, layout: .dot, formats: GraphvizFormat.allCases)
    for format in GraphvizFormat.allCases {
      let bytes = try #require(outputs[format])
      #expect(SampleGraphs.looksLike(format.rawValue, bytes), "\(format)")
    }
    let svg = String(decoding: try #require(outputs[.svg]), as: UTF8.self)
    #expect(!svg.contains("<script>"))
    #expect(svg.contains("&lt;script&gt;"))
    #expect(svg.contains("&amp;"))
    #expect(!svg.contains(" & "))
    #expect(svg.contains("Москва"))
    #expect(svg.contains("القاهرة"))
    #expect(svg.contains(#"backslash \ "#))
  }

  @Test func severalFormatsFromOneLayout() throws {
    let outputs = try renderer.render(
      dot: SampleGraphs.small, layout: .neato, formats: [.svg, .png, .pdf, .svg])
    #expect(Set(outputs.keys) == Set(GraphvizFormat.allCases))
    for (format, bytes) in outputs {
      #expect(SampleGraphs.looksLike(format.rawValue, bytes), "\(format)")
    }
    // The SVG from the shared layout matches a separate render of the same graph.
    let alone = try renderer.render(dot: SampleGraphs.small, layout: .neato, format: .svg)
    #expect(outputs[.svg] == alone)
  }

  @Test func noFormatsStillValidatesTheDOT() throws {
    #expect(try renderer.render(dot: SampleGraphs.small, layout: .dot, formats: []).isEmpty)
    #expect(throws: RenderError.self) {
      try renderer.render(dot: "digraph {", layout: .dot, formats: [])
    }
  }

  @Test func twoHundredNodeRandomGraphWithSfdp() throws {
    let dot = SampleGraphs.random(nodes: 200, seed: 42)
    #expect(dot == SampleGraphs.random(nodes: 200, seed: 42))
    let bytes = try renderer.render(dot: dot, layout: .sfdp, format: .svg)
    let svg = String(decoding: bytes, as: UTF8.self)
    #expect(svg.contains("Entity 199"))
  }

  @Test func concurrentCallsAreSerialized() throws {
    let results = ResultBox()
    let finished = DispatchGroup()
    for index in 0..<8 {
      finished.enter()
      let thread = Thread { [renderer] in
        defer { finished.leave() }
        let layout = GraphvizLayout.allCases[index % GraphvizLayout.allCases.count]
        let format = GraphvizFormat.allCases[index % GraphvizFormat.allCases.count]
        let dot = SampleGraphs.random(nodes: 30, seed: UInt64(index))
        do {
          let bytes = try renderer.render(dot: dot, layout: layout, format: format)
          results.append(SampleGraphs.looksLike(format.rawValue, bytes) ? nil : "\(format) bad")
        } catch {
          results.append("\(layout)/\(format): \(error)")
        }
      }
      thread.start()
    }
    finished.wait()
    let outcomes = results.values
    #expect(outcomes.count == 8)
    #expect(outcomes.compactMap { $0 }.isEmpty, "\(outcomes)")
  }

  @Test func pluginConfigurationIsPresent() throws {
    // GVBINDIR and the plugin configuration are read once per process (Graphviz caches the
    // directory in a static), so the empty-plugin-list message cannot be provoked here.
    let (layouts, devices) = try graphvizLock.withLock { _ throws(RenderError) in
      let context = try GraphvizContext()
      return (context.pluginCount(kind: "layout"), context.pluginCount(kind: "device"))
    }
    #expect(layouts >= GraphvizLayout.allCases.count)
    #expect(devices > 0)
  }

  @Test(arguments: GraphvizLayout.allCases)
  func sharedContextRendersLikeAFreshOne(layout: GraphvizLayout) throws {
    // Earlier calls on the process-wide context, failed ones included, must not change what
    // it produces.
    _ = try? renderer.render(dot: "digraph { a -> }", layout: layout, format: .svg)
    _ = try renderer.render(
      dot: SampleGraphs.random(nodes: 40, seed: 9), layout: layout, formats: [.png, .svg])
    let shared = try renderer.render(dot: SampleGraphs.small, layout: layout, format: .svg)
    let fresh = try GraphvizRenderer(contextReuse: .fresh)
      .render(dot: SampleGraphs.small, layout: layout, format: .svg)
    #expect(shared == fresh)
  }
}

/// Outcomes gathered from several threads: `nil` for success, otherwise a problem.
private final class ResultBox: Sendable {
  private let storage = Mutex<[String?]>([])

  func append(_ outcome: String?) {
    storage.withLock { $0.append(outcome) }
  }

  var values: [String?] {
    storage.withLock { $0 }
  }
}
