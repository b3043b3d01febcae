import Synchronization

/// Lays out DOT text with Graphviz and renders it to SVG, PNG or PDF.
///
/// The renderer holds no state. Every call takes a process-wide lock, because Graphviz is not
/// thread-safe, so renders from several threads run one after another.
public struct GraphvizRenderer: Sendable {
  /// Whether calls share one Graphviz context per process or create a fresh one each time.
  ///
  /// Sharing saves the cost of reading the plugin configuration on every call. A fresh
  /// context sees the environment at call time (`GVBINDIR`), which tests use.
  enum ContextReuse: Sendable {
    case shared
    case fresh
  }

  let contextReuse: ContextReuse

  /// Creates a renderer that shares the process-wide Graphviz context.
  public init() {
    self.contextReuse = .shared
  }

  init(contextReuse: ContextReuse) {
    self.contextReuse = contextReuse
  }

  /// Lays out DOT text with the given engine and renders it; returns the bytes of the output file.
  public func render(dot: String, layout: GraphvizLayout, format: GraphvizFormat)
    throws(RenderError) -> [UInt8]
  {
    try withGraph(dot: dot, layout: layout) { graph throws(RenderError) in
      try graph.rendered(as: format)
    }
  }

  /// Renders several formats from ONE layout (layout once, render each format), keyed by format.
  ///
  /// Repeated formats are rendered once. With no formats the DOT text is still parsed and
  /// laid out, so bad input throws the same way as for one format.
  public func render(dot: String, layout: GraphvizLayout, formats: [GraphvizFormat])
    throws(RenderError) -> [GraphvizFormat: [UInt8]]
  {
    try withGraph(dot: dot, layout: layout) { graph throws(RenderError) in
      var outputs: [GraphvizFormat: [UInt8]] = [:]
      for format in formats where outputs[format] == nil {
        outputs[format] = try graph.rendered(as: format)
      }
      return outputs
    }
  }

  /// Graphviz library version string (gvcVersion).
  public static var version: String {
    graphvizLock.withLock { shared in
      (try? sharedContext(&shared))?.version ?? ""
    }
  }

  /// Parses and lays out `dot` under the Graphviz lock, then hands the graph to `body`.
  ///
  /// The graph, and a fresh context if one was made, are released before the lock is
  /// released, because their frees are Graphviz calls too.
  private func withGraph<Output: Sendable>(
    dot: String,
    layout: GraphvizLayout,
    _ body: (GraphvizGraph) throws(RenderError) -> Output
  ) throws(RenderError) -> Output {
    try graphvizLock.withLock { shared throws(RenderError) -> Output in
      let context =
        switch contextReuse {
        case .shared: try Self.sharedContext(&shared)
        case .fresh: try GraphvizContext()
        }
      let graph = try GraphvizGraph(parsing: dot, in: context)
      try graph.layOut(using: layout)
      return try body(graph)
    }
  }

  /// The process-wide context, created on first use; call with `graphvizLock` held.
  private static func sharedContext(_ slot: inout GraphvizContext?) throws(RenderError)
    -> GraphvizContext
  {
    if let context = slot { return context }
    let context = try GraphvizContext()
    slot = context
    return context
  }
}
