import NewsGraph

/// Graphs named on the command line: graph JSON files, or articles that are analyzed into one.
///
/// A path ending in `.json` is a graph; anything else (a text file, a folder, a JSON Lines
/// file, '-') is a set of articles. Dictionaries are loaded only when articles need them.
final class GraphInputs {
  let corpus: CorpusOptions
  let build: BuildOptions
  let dictionaries: DictionaryOptions
  private var recognizer: Recognizer?
  /// Documents that failed with `--keep-going`, and those read, over every graph built.
  private(set) var failedDocuments = 0
  private(set) var readDocuments = 0

  init(corpus: CorpusOptions, build: BuildOptions, dictionaries: DictionaryOptions) {
    self.corpus = corpus
    self.build = build
    self.dictionaries = dictionaries
  }

  static func isGraphFile(_ path: String) -> Bool {
    path.lowercased().hasSuffix(".json") && !FileIO.isDirectory(path)
  }

  /// Reads a graph JSON file ('-' reads standard input), of at most `Limits.graphJSON` bytes.
  static func readGraph(_ path: String) throws(Failure) -> CooccurrenceGraph {
    let bytes = try FileIO.read(path, limit: Limits.graphJSON, what: "a graph JSON file")
    do {
      return try GraphJSONReader().graph(bytes, file: path == "-" ? "<stdin>" : path)
    } catch {
      throw Failure(error.description)
    }
  }

  /// The graph of `path`; articles are built with `window` and `evidence` unless --window and
  /// --evidence say otherwise.
  func graph(_ path: String, window: Window = .sentence, evidence: Int = 3) throws(Failure)
    -> CooccurrenceGraph
  {
    if Self.isGraphFile(path) { return try Self.readGraph(path) }
    let expanded = try Corpus.expand(
      [path], jsonl: corpus.jsonl, sizes: ProgressBar.mayShow(corpus.progress))
    let runner = CorpusRunner(
      recognizer: try loadedRecognizer(),
      builder: build.builder(defaultWindow: window, defaultEvidence: evidence),
      jobs: corpus.jobCount, progress: corpus.progress, keepGoing: corpus.keepGoing)
    let outcome = try runner.run(expanded)
    failedDocuments += outcome.failures.count
    readDocuments += outcome.graph.documentCount
    return outcome.graph
  }

  /// With `--keep-going`, the failure that ends a run in which documents failed.
  func keepGoingFailure() -> Failure? {
    guard failedDocuments > 0 else { return nil }
    return Failure(KeepGoing.summary(failed: failedDocuments, read: readDocuments))
  }

  private func loadedRecognizer() throws(Failure) -> Recognizer {
    if let recognizer { return recognizer }
    let loaded = Recognizer(gazetteer: try DictionaryLoader.gazetteer(dictionaries))
    recognizer = loaded
    return loaded
  }
}
