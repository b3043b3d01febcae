import NewsGraph

/// Analyzes a corpus on several cores and builds its graph.
///
/// Workers take small batches of consecutive documents from one reader, analyze them with the
/// shared recognizer, and add them to an accumulator of their own; a worker that is done merges
/// into its own the accumulators of those done before it (`GraphBuilder.Accumulator.merge(_:)`).
/// Building a graph does not depend on document order (`GraphBuilder`), so the output is byte
/// for byte the one a single worker gives, and a single worker's accumulator is the result,
/// with no merging at all. A failure stops the run; the one reported is the first in input
/// order, as in a serial run. With `keepGoing`, a document that fails is reported and left out,
/// and the run goes on.
struct CorpusRunner {
  var recognizer: Recognizer
  var builder: GraphBuilder
  var jobs: Int
  var progress: ProgressMode
  /// Report a failing document and go on with the others, instead of stopping.
  var keepGoing = false
  /// Documents a worker takes at a time.
  var batchSize = 8

  /// What a run gives: the graph of the documents read, and those that failed (with
  /// `keepGoing`; otherwise the first failure is thrown).
  struct Outcome {
    var graph: CooccurrenceGraph
    /// Failures in input order.
    var failures: [Failure]
  }

  /// The graph of a corpus; throws the first failure in input order.
  func graph(of corpus: Corpus) throws(Failure) -> CooccurrenceGraph {
    var runner = self
    runner.keepGoing = false
    return try runner.run(corpus).graph
  }

  /// Analyzes a corpus. Warns on standard error about windows that named more entities than
  /// are linked (`GraphBuilder.windowEntityLimit`), and with `keepGoing` reports each failure
  /// there too, in input order.
  func run(_ corpus: Corpus) throws(Failure) -> Outcome {
    let bar = ProgressBar(
      mode: progress, totalBytes: corpus.totalBytes, totalDocuments: corpus.knownDocuments)
    let run = Run(
      corpus: corpus, builder: builder, batchSize: batchSize, keepGoing: keepGoing, progress: bar)
    let workers = Workers.count(jobs: jobs, corpus: corpus)
    let recognizer = self.recognizer
    Workers.run(workers) { _ in run.work(recognizer) }
    bar?.finish()
    let outcome = try run.result()
    for warning in run.cappedWarnings(limit: builder.windowEntityLimit) {
      FileIO.printError(warning)
    }
    for failure in outcome.failures { FileIO.printError(failure.description) }
    return outcome
  }
}

/// The shared state of one run: the reader, and the workers' accumulators once they are done.
private final class Run: Sendable {
  /// A capped window and the input index of its document, so that the examples of several
  /// workers can be put back in input order.
  typealias CappedExample = (index: Int, window: GraphBuilder.CappedWindow)

  struct Results {
    /// Accumulators of workers that finished, not yet merged into another.
    var accumulators: [GraphBuilder.Accumulator] = []
    /// The first capped windows of each worker: a worker takes its documents in input order,
    /// so the first few of the run are among them.
    var cappedExamples: [CappedExample] = []
    /// Capped windows of all workers.
    var cappedWindows = 0
    var failure: (index: Int, failure: Failure)?
    /// Every failure, with `keepGoing`.
    var failures: [(index: Int, failure: Failure)] = []
  }

  // Locked, not Mutex: ThreadSanitizer cannot see a contended Mutex being handed over.
  let reader: CorpusReader
  let results: Locked<Results>
  let builder: GraphBuilder
  let keepGoing: Bool
  let progress: ProgressBar?

  init(
    corpus: Corpus, builder: GraphBuilder, batchSize: Int, keepGoing: Bool, progress: ProgressBar?
  ) {
    reader = CorpusReader(corpus, batchSize: batchSize)
    results = Locked(Results())
    self.builder = builder
    self.keepGoing = keepGoing
    self.progress = progress
  }

  /// A worker's loop: take a batch, analyze it into the worker's accumulator, until the reader
  /// is dry; then hand the accumulator in.
  func work(_ recognizer: Recognizer) {
    var accumulator = GraphBuilder.Accumulator(builder: builder)
    var scratch = Recognizer.Scratch()
    var cappedExamples: [CappedExample] = []
    while let batch = reader.nextBatch() {
      var bytes = 0
      for (index, item) in batch {
        if reader.isStopped(before: index) { break }
        do {
          let (id, text, metadata) = try item.article()
          let capped = accumulator.cappedExamples.count
          let document = recognizer.analyze(id: id, text: text, scratch: &scratch)
          accumulator.add(document, text: text, metadata: metadata)
          scratch.recycle(document)
          for window in accumulator.cappedExamples[capped...] {
            cappedExamples.append((index, window))
          }
          // Only a progress bar reads the sizes, and a text file's is a `stat` of its own.
          if progress != nil { bytes += item.size }
        } catch {
          record(error, at: index)
          if keepGoing { continue }
          break
        }
      }
      progress?.advance(documents: batch.count, bytes: bytes)
    }
    results.withLock { results in
      results.cappedWindows += accumulator.cappedWindows
      results.cappedExamples += cappedExamples
    }
    // The accumulators handed in so far are merged here, while the other workers still work;
    // the last to finish leaves one accumulator, or nearly so, for `result()`.
    while let handedIn = results.withLock({ $0.accumulators.popLast() }) {
      accumulator.merge(handedIn)
    }
    results.withLock { $0.accumulators.append(accumulator) }
  }

  private func record(_ failure: Failure, at index: Int) {
    if keepGoing {
      results.withLock { $0.failures.append((index, failure)) }
      return
    }
    reader.stop(at: index)
    results.withLock { results in
      if results.failure == nil || index < (results.failure?.index ?? .max) {
        results.failure = (index, failure)
      }
    }
  }

  func result() throws(Failure) -> CorpusRunner.Outcome {
    try results.withLock { results throws(Failure) -> CorpusRunner.Outcome in
      if let failure = results.failure { throw failure.failure }
      // Two workers that finished at once may both have handed theirs in unmerged.
      var merged = results.accumulators.popLast() ?? GraphBuilder.Accumulator(builder: builder)
      while let accumulator = results.accumulators.popLast() { merged.merge(accumulator) }
      return CorpusRunner.Outcome(
        graph: merged.graph(),
        failures: results.failures.sorted { $0.index < $1.index }.map(\.failure))
    }
  }

  /// Warnings about windows that named more entities than are linked: the first few, in
  /// input order, and how many more there were.
  func cappedWarnings(limit: Int) -> [String] {
    results.withLock { results in
      let examples = results.cappedExamples.sorted { $0.index < $1.index }
        .prefix(GraphBuilder.Accumulator.cappedExampleLimit).map(\.window)
      var lines = examples.map { window in
        let which =
          window.sentences.count == 1
          ? "sentence \(window.sentences.lowerBound + 1)"
          : "sentences \(window.sentences.lowerBound + 1)-\(window.sentences.upperBound)"
        return
          "\(window.document): warning: \(which) \(window.sentences.count == 1 ? "names" : "name") \(window.entities) entities; only the \(limit) mentioned most there are linked to each other (the limit of one window)"
      }
      let more = results.cappedWindows - examples.count
      if more > 0 {
        lines.append(
          "newsgraph: warning: \(more) more window\(more == 1 ? "" : "s") named more than \(limit) entities"
        )
      }
      return lines
    }
  }
}
