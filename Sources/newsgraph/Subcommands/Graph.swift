import ArgumentParser
import GraphvizRender
import NewsGraph

extension NewsGraphCommand {
  struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Build the co-occurrence graph of articles and write it as DOT, JSON, SVG, PNG or PDF.",
      discussion: """
        Without -o, DOT and JSON go to standard output and a rendered format to \
        output/NAME.EXT, NAME from the first input file. With -o, the format comes from its \
        extension unless --format is given. Outputs are written to a temporary file and renamed \
        into place.
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var dictionaries: DictionaryOptions

    @Option(
      name: .shortAndLong,
      help: ArgumentHelp("Output file; '-' for standard output.", valueName: "path"))
    var output: String?

    @Option(help: "Output format: dot, json, svg, png or pdf (default: from -o, else dot).")
    var format: OutputFormat?

    @Option(help: "Co-occurrence window: sentence, paragraph, document, or a number of sentences.")
    var window: String = "sentence"

    @Option(
      help:
        "Graphviz layout for rendered formats: auto (neato, sfdp above 300 nodes), dot, neato, fdp, sfdp, circo or twopi."
    )
    var layout: LayoutChoice = .auto

    @Option(help: "Evidence sentences kept per edge in JSON and tooltips.")
    var evidence: Int = 3

    func validate() throws {
      guard Window(window) != nil else {
        throw ValidationError(
          "--window must be sentence, paragraph, document or a whole number >= 1, not '\(window)'")
      }
      guard evidence >= 0 else { throw ValidationError("--evidence must be 0 or more") }
      if format == nil, let output, output != "-", OutputFormat(path: output) == nil {
        throw ValidationError(
          "cannot tell the format of '\(output)' from its extension; add --format")
      }
    }

    func run() throws {
      try reportingFailures {
        let format = self.format ?? output.flatMap(OutputFormat.init(path:)) ?? .dot
        let recognizer = Recognizer(gazetteer: try DictionaryLoader.gazetteer(dictionaries))
        let builder = GraphBuilder(window: Window(window) ?? .sentence, evidenceLimit: evidence)
        var accumulator = GraphBuilder.Accumulator(builder: builder)
        for path in input.files {
          let text = try FileIO.readText(path)
          accumulator.add(recognizer.analyze(id: Articles.documentID(path), text: text), text: text)
        }
        let graph = accumulator.graph()
        let name = Articles.documentID(input.files[0])
        let dot = DOTWriter(title: input.files.count == 1 ? name : nil).dot(graph)

        var target = output
        if target == nil && format.isRendered {
          if !FileIO.isDirectory("output") { try FileIO.makeFolder("output") }
          target = "output/\(name).\(format.rawValue)"
        }
        let bytes: [UInt8]
        if let rendered = format.graphviz {
          let engine = layout.engine(nodes: graph.nodes.count)
          do {
            bytes = try GraphvizRenderer().render(dot: dot, layout: engine, format: rendered)
          } catch {
            throw Failure("newsgraph: error: graphviz: \(error)")
          }
        } else if format == .json {
          bytes = Array(JSONWriter().graph(graph).utf8)
        } else {
          bytes = Array(dot.utf8)
        }
        try FileIO.write(bytes, to: target ?? "-")
        if let target, target != "-" {
          FileIO.printError(
            "wrote \(target) (\(graph.nodes.count) entities, \(graph.edges.count) links)")
        }
      }
    }
  }
}

/// The formats `graph` writes.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case dot, json, svg, png, pdf

  init?(path: String) {
    guard let dot = path.lastIndex(of: ".") else { return nil }
    let ext = path[path.index(after: dot)...].lowercased()
    self.init(rawValue: ext == "gv" ? "dot" : ext)
  }

  var isRendered: Bool { graphviz != nil }

  var graphviz: GraphvizFormat? {
    switch self {
    case .svg: .svg
    case .png: .png
    case .pdf: .pdf
    case .dot, .json: nil
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
