import ArgumentParser
import NewsGraph

extension NewsGraphCommand {
  struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "diff",
      abstract:
        "Compare two graphs: entities and links added, removed and changed, weight changes ranked by size.",
      discussion: """
        Each side is a graph JSON file (*.json) or articles: a text file, a folder of *.txt \
        files, a JSON Lines file, or '-'. Articles are built with the window of the other \
        side when that is a graph JSON, else with --window. The pruning options apply to each \
        side before comparing. Exit status as diff(1): 0 when the graphs are the same \
        (same entities with the same mentions and documents, same links with the same \
        weights), 1 when they differ, 2 on trouble (a bad input or option).
        """)

    @Argument(help: ArgumentHelp("The old side: a graph JSON file or articles.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The new side: a graph JSON file or articles.", valueName: "new"))
    var new: String

    @Option(
      help: "Output format: text (default), json, or a union diagram as dot, svg, png or pdf.")
    var format: DiffFormat?

    @Option(
      name: .shortAndLong,
      help: ArgumentHelp(
        "Output file; '-' for standard output (default for text, json and dot; pictures go to output/OLD-vs-NEW.EXT).",
        valueName: "path"))
    var output: String?

    @Option(
      help: ArgumentHelp(
        "Link changes listed (text) or drawn (pictures), biggest first; 0 for all. JSON lists all.",
        valueName: "n"))
    var limit: Int = 30

    @Option(
      name: .customLong("show-evidence"),
      help: ArgumentHelp(
        "Biggest link changes whose evidence sentences the text quotes.", valueName: "n"))
    var showEvidence: Int = 5

    @Option(
      help:
        "Graphviz layout for pictures: auto (neato, sfdp above 300 nodes), dot, neato, fdp, sfdp, circo or twopi."
    )
    var layout: LayoutChoice = .auto

    @OptionGroup var pruning: PruningOptions
    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var build: BuildOptions
    @OptionGroup var dictionaries: DictionaryOptions

    /// Evidence sentences kept per link when a side is built from articles (--evidence overrides).
    static let articleEvidence = 25

    func validate() throws {
      if limit < 0 { throw ValidationError("--limit must be 0 or more") }
      if showEvidence < 0 { throw ValidationError("--show-evidence must be 0 or more") }
      if format == nil, let output, output != "-", DiffFormat(path: output) == nil {
        throw ValidationError(
          "cannot tell the format of '\(output)' from its extension; add --format")
      }
    }

    func run() throws {
      let differs: Bool
      do {
        differs = try compare()
      } catch {
        FileIO.printError(error.description)
        throw ExitCode(2)
      }
      if differs { throw ExitCode(1) }
    }

    /// Writes the diff; returns whether the graphs differ.
    private func compare() throws(Failure) -> Bool {
      let format = self.format ?? output.flatMap(DiffFormat.init(path:)) ?? .text
      let inputs = GraphInputs(corpus: corpus, build: build, dictionaries: dictionaries)
      var oldGraph: CooccurrenceGraph
      var newGraph: CooccurrenceGraph
      let requested = build.window.flatMap(Window.init)
      // Articles keep more evidence than `graph` does by default, so that a sentence both
      // sides share is seen on both, not cut from one by the limit.
      let evidence = Self.articleEvidence
      switch (GraphInputs.isGraphFile(old), GraphInputs.isGraphFile(new)) {
      case (true, false):
        oldGraph = try inputs.graph(old)
        newGraph = try inputs.graph(
          new, window: requested ?? oldGraph.window, evidence: oldGraph.evidenceLimit)
      case (false, true):
        newGraph = try inputs.graph(new)
        oldGraph = try inputs.graph(
          old, window: requested ?? newGraph.window, evidence: newGraph.evidenceLimit)
      default:
        oldGraph = try inputs.graph(old, evidence: evidence)
        newGraph = try inputs.graph(new, evidence: evidence)
      }
      guard oldGraph.window == newGraph.window else {
        throw Failure(
          "newsgraph: error: cannot compare graphs of different windows: '\(oldGraph.window)' (\(old)) and '\(newGraph.window)' (\(new))"
        )
      }
      if pruning.isGiven {
        var focusID: String?
        if let focus = pruning.focus {
          // The focus may be on one side only: look it up in both.
          let union = CooccurrenceGraph(
            nodes: newGraph.nodes + oldGraph.nodes, edges: [], window: newGraph.window,
            documentCount: 0)
          focusID = try EntityReference.id(of: focus, in: union, option: "--focus")
        }
        let pruner = pruning.pruner(focusID: focusID)
        oldGraph.weighting = pruning.weight
        newGraph.weighting = pruning.weight
        oldGraph = pruner.prune(oldGraph)
        newGraph = pruner.prune(newGraph)
      }
      let diff = GraphDiffer(weighting: pruning.weight).diff(oldGraph, newGraph)
      let oldName = old == "-" ? "<stdin>" : old
      let newName = new == "-" ? "<stdin>" : new
      var target = output
      if target == nil && format.isRendered {
        if !FileIO.isDirectory("output") { try FileIO.makeFolder("output") }
        target =
          "output/\(Articles.documentID(old))-vs-\(Articles.documentID(new)).\(format.rawValue)"
      }
      let bytes: [UInt8]
      switch format {
      case .text:
        bytes = Array(
          DiffTextWriter(
            oldName: oldName, newName: newName, limit: limit, evidenceChanges: showEvidence
          ).text(diff).utf8)
      case .json:
        bytes = Array(DiffJSONWriter(oldName: oldName, newName: newName).json(diff).utf8)
      case .dot, .svg, .png, .pdf:
        let dot = DiffDOTWriter(oldName: oldName, newName: newName, limit: limit).dot(diff)
        let outputFormat = OutputFormat(rawValue: format.rawValue) ?? .dot
        bytes = try GraphWriting.render(
          dot, format: outputFormat, layout: layout,
          nodes: Set(oldGraph.nodes.map(\.id) + newGraph.nodes.map(\.id)).count)
      }
      try FileIO.write(bytes, to: target ?? "-")
      if let target, target != "-" {
        FileIO.printError(
          "wrote \(target) (\(diff.isEmpty ? "no change" : "\(diff.nodes.count) entity and \(diff.edges.count) link changes"))"
        )
      }
      if let failure = inputs.keepGoingFailure() { throw failure }
      return !diff.isEmpty
    }
  }
}

/// The formats `diff` writes.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, dot, svg, png, pdf

  init?(path: String) {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    let ext = path[path.index(after: dot)...].lowercased()
    switch ext {
    case "txt": self = .text
    case "gv": self = .dot
    default: self.init(rawValue: ext)
    }
  }

  var isRendered: Bool { self == .svg || self == .png || self == .pdf }
}
