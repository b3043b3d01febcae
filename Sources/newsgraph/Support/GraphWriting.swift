import GraphvizRender
import NewsGraph

/// Writes a graph in any output format: text formats to a file or standard output, rendered
/// formats and CSV to files (in `output/` when no -o is given).
enum GraphWriting {
  /// Entities drawn at most in a picture when no pruning option is given.
  static let automaticTopNodes = 150

  /// Prunes as the options say and, for a big picture with no pruning asked for, keeps the
  /// most-mentioned entities (saying so on standard error).
  static func prepared(
    _ graph: CooccurrenceGraph, pruning: PruningOptions, format: OutputFormat
  ) throws(Failure) -> CooccurrenceGraph {
    var graph = graph
    graph.weighting = pruning.weight
    if pruning.isGiven {
      graph = try pruning.pruner(for: graph).prune(graph)
    } else if format.isRendered && graph.nodes.count > automaticTopNodes {
      let total = graph.nodes.count
      graph = GraphPruner(topNodes: automaticTopNodes).prune(graph)
      FileIO.printError(
        "note: drawing the \(graph.nodes.count) most-mentioned of \(total) entities; --top-nodes K to choose, --top-nodes 0 for all"
      )
    }
    return graph
  }

  /// Writes `graph`; `name` names files in `output/` and titles a one-document diagram.
  /// Returns the paths written.
  @discardableResult
  static func write(
    _ graph: CooccurrenceGraph, options: GraphOutputOptions, name: String, title: String?
  ) throws(Failure) -> [String] {
    let format = options.resolvedFormat
    var target = options.output
    if target == nil && format.goesToFolder {
      if !FileIO.isDirectory("output") { try FileIO.makeFolder("output") }
      target = "output/\(name).\(format.rawValue)"
    }
    if format == .csv {
      let (nodes, edges) = csvPaths(target ?? "output/\(name).csv")
      // Both or neither: renamed into place only when both are written.
      try FileIO.write([
        (Array(CSVWriter().nodes(graph).utf8), nodes),
        (Array(CSVWriter().edges(graph).utf8), edges),
      ])
      return [nodes, edges]
    }
    let bytes: [UInt8]
    switch format {
    case .json: bytes = JSONWriter().graphUTF8(graph)
    case .graphml: bytes = Array(GraphMLWriter().graphML(graph).utf8)
    case .gexf: bytes = Array(GEXFWriter().gexf(graph).utf8)
    case .dot, .csv: bytes = Array(DOTWriter(title: title).dot(graph).utf8)
    case .svg, .png, .pdf:
      bytes = try render(
        DOTWriter(title: title).dot(graph), format: format, layout: options.layout,
        nodes: graph.nodes.count)
    }
    try FileIO.write(bytes, to: target ?? "-")
    return target.map { $0 == "-" ? [] : [$0] } ?? []
  }

  static func render(_ dot: String, format: OutputFormat, layout: LayoutChoice, nodes: Int)
    throws(Failure) -> [UInt8]
  {
    guard let rendered = format.graphviz else { return Array(dot.utf8) }
    do {
      return try GraphvizRenderer().render(
        dot: dot, layout: layout.engine(nodes: nodes), format: rendered)
    } catch {
      throw Failure("newsgraph: error: graphviz: \(error)")
    }
  }

  /// `NAME.csv` (or `NAME`) stands for `NAME.nodes.csv` and `NAME.edges.csv`.
  static func csvPaths(_ path: String) -> (nodes: String, edges: String) {
    var stem = path
    if stem.lowercased().hasSuffix(".csv") { stem = String(stem.dropLast(4)) }
    return (stem + ".nodes.csv", stem + ".edges.csv")
  }
}
