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

  init(corpus: CorpusOptions, build: BuildOptions, dictionaries: DictionaryOptions) {
    self.corpus = corpus
    self.build = build
    self.dictionaries = dictionaries
  }

  static func isGraphFile(_ path: String) -> Bool {
    path.lowercased().hasSuffix(".json") && !FileIO.isDirectory(path)
  }

  /// Reads a graph JSON file ('-' reads standard input).
  static func readGraph(_ path: String) throws(Failure) -> CooccurrenceGraph {
    let bytes = try FileIO.read(path)
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
    let expanded = try Corpus.expand([path], jsonl: corpus.jsonl)
    let runner = CorpusRunner(
      recognizer: try loadedRecognizer(),
      builder: build.builder(defaultWindow: window, defaultEvidence: evidence),
      jobs: corpus.jobCount, progress: corpus.progress)
    return try runner.graph(of: expanded)
  }

  private func loadedRecognizer() throws(Failure) -> Recognizer {
    if let recognizer { return recognizer }
    let loaded = Recognizer(gazetteer: try DictionaryLoader.gazetteer(dictionaries))
    recognizer = loaded
    return loaded
  }
}
