import ArgumentParser
import NewsGraph

extension NewsGraphCommand {
  struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "graph",
      abstract:
        "Build the co-occurrence graph of articles and write it as DOT, JSON, SVG, PNG, PDF, GraphML, GEXF or CSV.",
      discussion: """
        Inputs are text files, folders (every *.txt below them, in path order; the document id \
        is the path below the folder without .txt) and JSON Lines files (*.jsonl, or any file \
        with --jsonl). Documents are analyzed on all cores; the output is the same as with \
        --jobs 1. Without -o, DOT, JSON, GraphML and GEXF go to standard output and SVG, PNG, \
        PDF and CSV to output/NAME.EXT, NAME from the first input. Pruning runs in the order \
        --types, --focus/--depth, --backbone, --min-weight, --top-nodes, --top-edges. Outputs \
        are written to a temporary file and renamed into place.
        """)

    @OptionGroup var input: CorpusInputOptions
    @OptionGroup var build: BuildOptions
    @OptionGroup var pruning: PruningOptions
    @OptionGroup var outputOptions: GraphOutputOptions
    @OptionGroup var dictionaries: DictionaryOptions

    func run() throws {
      try reportingFailures {
        let format = outputOptions.resolvedFormat
        let inputs = try input.paths()
        let corpus = try input.expand(inputs, progress: input.corpus.progress)
        let recognizer = Recognizer(gazetteer: try DictionaryLoader.gazetteer(dictionaries))
        let runner = CorpusRunner(
          recognizer: recognizer, builder: build.builder(), jobs: input.corpus.jobCount,
          progress: input.corpus.progress, keepGoing: input.corpus.keepGoing)
        let outcome = try runner.run(corpus)
        let built = outcome.graph
        let graph = try GraphWriting.prepared(built, pruning: pruning, format: format)
        let name = Articles.documentID(inputs[0])
        let single = inputs.count == 1 && built.documentCount == 1
        let written = try GraphWriting.write(
          graph, options: outputOptions, name: name, title: single ? name : nil)
        if !written.isEmpty {
          FileIO.printError(
            "wrote \(written.joined(separator: " and ")) (\(graph.nodes.count) entities, \(graph.edges.count) links)"
          )
        }
        if !outcome.failures.isEmpty {
          throw Failure(
            KeepGoing.summary(failed: outcome.failures.count, read: built.documentCount))
        }
      }
    }
  }
}
