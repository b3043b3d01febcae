import ArgumentParser
import GraphvizRender

/// Where a graph goes and in what form.
struct GraphOutputOptions: ParsableArguments {
  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      "Output file; '-' for standard output. For csv, NAME.csv stands for NAME.nodes.csv and NAME.edges.csv.",
      valueName: "path"))
  var output: String?

  @Option(
    help:
      "Output format: dot, json, svg, png, pdf, graphml, gexf or csv (default: from -o, else dot).")
  var format: OutputFormat?

  @Option(
    help:
      "Graphviz layout for rendered formats: auto (neato, sfdp above 300 nodes), dot, neato, fdp, sfdp, circo or twopi."
  )
  var layout: LayoutChoice = .auto

  func validate() throws {
    if format == nil, let output, output != "-", OutputFormat(path: output) == nil {
      throw ValidationError(
        "cannot tell the format of '\(output)' from its extension; add --format")
    }
    if resolvedFormat == .csv && output == "-" {
      throw ValidationError("csv is two files (nodes and edges); give -o NAME.csv, not '-'")
    }
  }

  var resolvedFormat: OutputFormat {
    format ?? output.flatMap(OutputFormat.init(path:)) ?? .dot
  }
}

/// The formats a graph is written in.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case dot, json, svg, png, pdf, graphml, gexf, csv

  init?(path: String) {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    let ext = path[path.index(after: dot)...].lowercased()
    self.init(rawValue: ext == "gv" ? "dot" : ext)
  }

  var isRendered: Bool { graphviz != nil }

  /// Whether the output is one or more files in `output/` when no -o is given.
  var goesToFolder: Bool { isRendered || self == .csv }

  var graphviz: GraphvizFormat? {
    switch self {
    case .svg: .svg
    case .png: .png
    case .pdf: .pdf
    default: nil
    }
  }
}

/// `--layout`: a Graphviz engine, or auto.
enum LayoutChoice: String, ExpressibleByArgument, CaseIterable {
  case auto, dot, neato, fdp, sfdp, circo, twopi

  func engine(nodes: Int) -> GraphvizLayout {
    if self == .auto { return nodes > 300 ? .sfdp : .neato }
    return GraphvizLayout(rawValue: rawValue) ?? .sfdp
  }
}
