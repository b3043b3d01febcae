import ArgumentParser
import NewsGraph

extension NewsGraphCommand {
  struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "merge",
      abstract: "Merge graph JSON files of separate sets of articles into the graph of them all.",
      discussion: """
        Counts add (mentions, documents and windows of entities; windows and documents of \
        links; the graphs' documents and windows), aliases and dates unite, and weights are \
        recomputed from the merged counts, so merging the graphs of shards gives the graph of \
        one run over all the articles, whatever the order or grouping. Graphs built with \
        different windows cannot be merged. A folder stands for every *.json file below it. \
        Without -o the merged JSON goes to standard output; -o and --format choose any other \
        format, and the pruning options apply to the merged graph.
        """)

    @Argument(
      help: ArgumentHelp(
        "Graph JSON files written by 'newsgraph graph --format json' or 'merge', or folders of them; '-' reads one from standard input.",
        valueName: "graph"))
    var graphs: [String] = []

    @Option(
      help: ArgumentHelp(
        "Evidence sentences kept per link (at most the smallest number the inputs kept).",
        valueName: "n"))
    var evidence: Int?

    @OptionGroup var pruning: PruningOptions
    @OptionGroup var outputOptions: GraphOutputOptions

    func validate() throws {
      if graphs.isEmpty { throw ValidationError("give at least one graph JSON file") }
      if let evidence, evidence < 0 { throw ValidationError("--evidence must be 0 or more") }
    }

    func run() throws {
      try reportingFailures {
        let format =
          outputOptions.format ?? outputOptions.output.flatMap(OutputFormat.init(path:)) ?? .json
        var paths: [String] = []
        for path in graphs {
          if FileIO.isDirectory(path) {
            let found = Corpus.walk(path, suffix: ".json", sizes: false)
            guard !found.isEmpty else { throw Failure(path: path, "no .json files in this folder") }
            paths += found.map { (path.hasSuffix("/") ? path : path + "/") + $0.path }
          } else {
            paths.append(path)
          }
        }
        var inputs: [CooccurrenceGraph] = []
        for path in paths {
          let graph = try GraphInputs.readGraph(path)
          if graph.pruned {
            FileIO.printError(
              "\(path): warning: this graph was pruned; the merged counts cover only what it kept")
          }
          if let first = inputs.first, first.window != graph.window {
            throw Failure(
              path: path,
              "built with window '\(graph.window)', not '\(first.window)' like \(paths[0]): counts of different windows do not add up"
            )
          }
          inputs.append(graph)
        }
        let merged: CooccurrenceGraph
        do {
          merged = try GraphMerger().merge(inputs, evidenceLimit: evidence)
        } catch {
          throw Failure("newsgraph: error: \(error)")
        }
        let graph = try GraphWriting.prepared(merged, pruning: pruning, format: format)
        var options = outputOptions
        options.format = format
        let written = try GraphWriting.write(
          graph, options: options, name: Articles.documentID(paths.first ?? "merged"), title: nil)
        if !written.isEmpty {
          FileIO.printError(
            "wrote \(written.joined(separator: " and ")) (\(paths.count) graphs, \(graph.documentCount) documents, \(graph.nodes.count) entities, \(graph.edges.count) links)"
          )
        }
      }
    }
  }
}
