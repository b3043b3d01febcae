internal import CGraphviz

/// A graph parsed from DOT text, owned by this process until `deinit`.
///
/// Not `Sendable`: it is created, used and released only while `graphvizLock` is held.
final class GraphvizGraph {
  /// Kept alive by the graph: gvFreeLayout and agclose must run before gvFreeContext.
  let context: GraphvizContext
  private let pointer: UnsafeMutablePointer<Agraph_t>
  private var layoutAttempted = false

  /// Parses the first graph in DOT text; Graphviz copies what it needs.
  ///
  /// Text after the first graph is ignored. Reading goes through the shim's `cgraphviz_read`,
  /// so none of it is left in Graphviz's lexer for the next read. The corresponding Graphviz
  /// call is `agread`.
  init(parsing dot: String, in context: GraphvizContext) throws(RenderError) {
    if let offset = dot.utf8.firstIndex(of: 0) {
      let byte = dot.utf8.distance(from: dot.utf8.startIndex, to: offset)
      throw .syntax(Self.nulByteMessage(at: byte))
    }
    GraphvizDiagnostics.reset()
    let parsed = Self.read(dot)
    if GraphvizDiagnostics.hasError {
      if let parsed {
        // A graph read with errors is ours and is released with agclose.
        _ = agclose(parsed)
      }
      throw .syntax(Self.syntaxMessage(GraphvizDiagnostics.errorMessage))
    }
    guard let parsed else {
      // No graph and no error: the text was empty, only comments, or ended inside a string
      // or comment, and in the last case the lexer is still inside it.
      Self.resetLexer()
      throw .syntax(Self.syntaxMessage(nil))
    }
    self.context = context
    self.pointer = parsed
  }

  deinit {
    if layoutAttempted {
      // gvLayout attaches layout records to the graph; gvFreeLayout releases them and must
      // run before agclose. It is a no-op when the layout failed before attaching anything.
      _ = gvFreeLayout(context.pointer, pointer)
    }
    // agread's graph is ours and is released with agclose, which also frees its nodes,
    // edges, subgraphs and interned strings.
    _ = agclose(pointer)
  }

  /// Computes positions with a layout engine; they are stored in the graph.
  ///
  /// The corresponding Graphviz call is `gvLayout`.
  func layOut(using engine: GraphvizLayout) throws(RenderError) {
    GraphvizDiagnostics.reset()
    layoutAttempted = true
    let status = gvLayout(context.pointer, pointer, engine.rawValue)
    guard status != 0 || GraphvizDiagnostics.hasError else { return }
    if context.pluginCount(kind: "layout") == 0 {
      throw .layout(Self.noPluginsMessage(engine: engine))
    }
    throw .layout(Self.layoutMessage(engine: engine, GraphvizDiagnostics.errorMessage))
  }

  /// Renders the laid-out graph and returns a copy of the output bytes.
  ///
  /// The corresponding Graphviz call is `gvRenderData`.
  func rendered(as format: GraphvizFormat) throws(RenderError) -> [UInt8] {
    GraphvizDiagnostics.reset()
    var data: UnsafeMutablePointer<CChar>?
    var length = 0
    let status = cgraphviz_render_data(
      context.pointer, pointer, format.graphvizName, &data, &length)
    // gvRenderData's buffer is the caller's and is released with gvFreeRenderData (not free:
    // on some platforms Graphviz allocates from a different heap). It may be set on failure.
    defer { if let data { gvFreeRenderData(data) } }
    guard status == 0, !GraphvizDiagnostics.hasError, let data else {
      if context.pluginCount(kind: "device") == 0 {
        throw .render(Self.noRenderersMessage(format: format))
      }
      throw .render(Self.renderMessage(format: format, GraphvizDiagnostics.errorMessage))
    }
    return Array(UnsafeRawBufferPointer(start: UnsafeRawPointer(data), count: length))
  }

  /// Reads the first graph in `dot`, with error line numbers counted from this text.
  ///
  /// The corresponding Graphviz call is `agread`.
  private static func read(_ dot: String) -> UnsafeMutablePointer<Agraph_t>? {
    // The lexer's line counter (and a file name from a `#line` directive) is process-wide;
    // agsetfile resets both.
    agsetfile(nil)
    return dot.withCString { cgraphviz_read($0, dot.utf8.count) }
  }

  /// Brings the lexer back to its initial state after a read that ended inside a comment,
  /// a quoted string or an HTML string.
  ///
  /// Such a read returns no graph and reports nothing, and the lexer stays in that state for
  /// every later read in the process, which then also fail silently. Each closer below ends
  /// one of those states and is followed by a token that makes a syntax error, and a syntax
  /// error is what resets the lexer; text that is already in the initial state goes wrong at
  /// once. Diagnostics from this are discarded. The corresponding Graphviz call is `agread`.
  private static func resetLexer() {
    let closers = ["*/ ;", "\" ;", String(repeating: ">", count: 64) + " ;"]
    for _ in 0..<16 {
      for closer in closers {
        GraphvizDiagnostics.reset()
        if let stray = read(closer) {
          // Not expected from these texts; a graph read here is ours and released with
          // agclose.
          _ = agclose(stray)
        }
        if GraphvizDiagnostics.hasError {
          GraphvizDiagnostics.reset()
          return
        }
      }
    }
    GraphvizDiagnostics.reset()
  }

  fileprivate static func nulByteMessage(at byte: Int) -> String {
    "the dot text contains a nul character at byte \(byte)"
  }

  fileprivate static func syntaxMessage(_ graphvizMessage: String?) -> String {
    // agread reports nothing when the text holds no graph at all (empty or only comments).
    graphvizMessage ?? "no graph found in the dot text"
  }

  fileprivate static func noPluginsMessage(engine: GraphvizLayout) -> String {
    "layout engine '\(engine.rawValue)' is unavailable because graphviz has no plugins "
      + "registered (empty plugin list); run `dot -c` as root to register them"
  }

  fileprivate static func layoutMessage(engine: GraphvizLayout, _ graphvizMessage: String?)
    -> String
  {
    "layout with '\(engine.rawValue)' failed: \(graphvizMessage ?? "no reason given")"
  }

  fileprivate static func noRenderersMessage(format: GraphvizFormat) -> String {
    "format '\(format.rawValue)' is unavailable because graphviz has no output plugins "
      + "registered (empty plugin list); run `dot -c` as root to register them"
  }

  fileprivate static func renderMessage(format: GraphvizFormat, _ graphvizMessage: String?)
    -> String
  {
    "rendering '\(format.rawValue)' failed: \(graphvizMessage ?? "no reason given")"
  }
}
