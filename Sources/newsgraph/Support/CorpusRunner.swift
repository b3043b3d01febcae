import Dispatch
import NewsGraph

/// Analyzes a corpus on several cores and builds its graph.
///
/// Workers take small batches of consecutive documents from one reader, analyze them with the
/// shared recognizer, and build each batch's graph; the batches are merged into the result in
/// input order as they finish. Building a graph does not depend on document order anyway
/// (`GraphBuilder`), so the output is byte for byte the one a single worker gives. A failure
/// stops the run; the one reported is the first in input order, as in a serial run. With
/// `keepGoing`, a document that fails is reported and left out, and the run goes on.
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
    let workers = max(1, min(jobs, corpus.knownDocuments ?? jobs))
    let recognizer = self.recognizer
    if workers == 1 {
      run.work(recognizer)
    } else {
      DispatchQueue.concurrentPerform(iterations: workers) { _ in run.work(recognizer) }
    }
    bar?.finish()
    let outcome = try run.result()
    for warning in run.cappedWarnings(limit: builder.windowEntityLimit) {
      FileIO.printError(warning)
    }
    for failure in outcome.failures { FileIO.printError(failure.description) }
    return outcome
  }
}

/// The shared state of one run: the reader, and the batches waiting to be merged in order.
private final class Run: Sendable {
  struct Batch {
    var index: Int
    var items: [(index: Int, item: CorpusItem)]
  }

  struct Reader {
    var inputs: [Corpus.Input]
    var next = 0
    var lines: LineReader?
    var linesPath = ""
    var itemIndex = 0
    var batchIndex = 0
    /// No item after this index is handed out (a failure happened there).
    var stopAt = Int.max
  }

  /// A batch's graph waiting for the batches before it.
  struct Finished {
    var graph: CooccurrenceGraph
    var documents: Int
    var bytes: Int
    var cappedWindows: Int
    var cappedExamples: [GraphBuilder.CappedWindow]
  }

  struct Results {
    var accumulator: GraphBuilder.Accumulator
    var pending: [Int: Finished] = [:]
    var nextBatch = 0
    var failure: (index: Int, failure: Failure)?
    /// Every failure, with `keepGoing`.
    var failures: [(index: Int, failure: Failure)] = []
    var cappedWindows = 0
    var cappedExamples: [GraphBuilder.CappedWindow] = []
  }

  // Locked, not Mutex: ThreadSanitizer cannot see a contended Mutex being handed over.
  let reader: Locked<Reader>
  let results: Locked<Results>
  let builder: GraphBuilder
  let batchSize: Int
  let keepGoing: Bool
  let progress: ProgressBar?

  init(
    corpus: Corpus, builder: GraphBuilder, batchSize: Int, keepGoing: Bool, progress: ProgressBar?
  ) {
    reader = Locked(Reader(inputs: corpus.inputs))
    results = Locked(Results(accumulator: GraphBuilder.Accumulator(builder: builder)))
    self.builder = builder
    self.batchSize = batchSize
    self.keepGoing = keepGoing
    self.progress = progress
  }

  /// A worker's loop: take a batch, analyze it, hand its graph in, until the reader is dry.
  func work(_ recognizer: Recognizer) {
    while let batch = nextBatch() {
      var accumulator = GraphBuilder.Accumulator(builder: builder)
      var bytes = 0
      var failed = false
      for (index, item) in batch.items {
        if reader.withLock({ index > $0.stopAt }) { break }
        do {
          let (id, text, metadata) = try item.article()
          accumulator.add(recognizer.analyze(id: id, text: text), text: text, metadata: metadata)
          bytes += item.size
        } catch {
          record(error, at: index)
          if keepGoing { continue }
          failed = true
          break
        }
      }
      if failed { continue }
      hand(
        batch.index,
        Finished(
          graph: accumulator.graph(), documents: batch.items.count, bytes: bytes,
          cappedWindows: accumulator.cappedWindows, cappedExamples: accumulator.cappedExamples))
    }
  }

  private func record(_ failure: Failure, at index: Int) {
    if keepGoing {
      results.withLock { $0.failures.append((index, failure)) }
      return
    }
    reader.withLock { $0.stopAt = min($0.stopAt, index) }
    results.withLock { results in
      if results.failure == nil || index < (results.failure?.index ?? .max) {
        results.failure = (index, failure)
      }
    }
  }

  /// Merges finished batches in order; a batch that finishes early waits for those before it.
  private func hand(_ batch: Int, _ finished: Finished) {
    var done = (documents: 0, bytes: 0)
    results.withLock { results in
      results.pending[batch] = finished
      while let next = results.pending.removeValue(forKey: results.nextBatch) {
        results.cappedWindows += next.cappedWindows
        let room = GraphBuilder.Accumulator.cappedExampleLimit - results.cappedExamples.count
        results.cappedExamples += next.cappedExamples.prefix(max(0, room))
        do {
          try results.accumulator.add(next.graph)
        } catch {
          // The batches are built with the run's own builder, so their windows always match.
          results.failure = results.failure ?? (.max, Failure("newsgraph: error: \(error)"))
        }
        results.nextBatch += 1
        done.documents += next.documents
        done.bytes += next.bytes
      }
    }
    if done.documents > 0 { progress?.advance(documents: done.documents, bytes: done.bytes) }
  }

  /// The next batch of consecutive items, or nil when the corpus is read (or a failure stopped
  /// it).
  private func nextBatch() -> Batch? {
    reader.withLock { reader -> Batch? in
      var items: [(Int, CorpusItem)] = []
      while items.count < batchSize, reader.itemIndex <= reader.stopAt {
        guard let item = Self.nextItem(&reader) else { break }
        items.append((reader.itemIndex, item))
        reader.itemIndex += 1
        if case .failure = item { break }
      }
      guard !items.isEmpty else { return nil }
      defer { reader.batchIndex += 1 }
      return Batch(index: reader.batchIndex, items: items)
    }
  }

  private static func nextItem(_ reader: inout Reader) -> CorpusItem? {
    while true {
      if let lines = reader.lines {
        do {
          while let (line, _, bytes) = try lines.next() {
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            return .jsonLine(path: reader.linesPath, line: line, bytes: bytes)
          }
          reader.lines = nil
        } catch {
          // The reader goes on after a line too long, and has no more lines after a read
          // error; a run that does not keep going stops at this failure anyway.
          return .failure(error)
        }
      }
      guard reader.next < reader.inputs.count else { return nil }
      let input = reader.inputs[reader.next]
      reader.next += 1
      switch input {
      case .text(let path, let id):
        return .text(path: path, id: id)
      case .standardInput:
        do {
          return .standardInput(
            bytes: try FileIO.read("-", limit: Limits.document, what: "a document"))
        } catch {
          return .failure(error)
        }
      case .jsonLines(let path):
        do {
          reader.lines = try LineReader(path: path)
          reader.linesPath = path
        } catch {
          return .failure(error)
        }
      }
    }
  }

  func result() throws(Failure) -> CorpusRunner.Outcome {
    try results.withLock { results throws(Failure) -> CorpusRunner.Outcome in
      if let failure = results.failure { throw failure.failure }
      return CorpusRunner.Outcome(
        graph: results.accumulator.graph(),
        failures: results.failures.sorted { $0.index < $1.index }.map(\.failure))
    }
  }

  /// Warnings about windows that named more entities than are linked: the first few, in
  /// input order, and how many more there were.
  func cappedWarnings(limit: Int) -> [String] {
    results.withLock { results in
      var lines = results.cappedExamples.map { window in
        let which =
          window.sentences.count == 1
          ? "sentence \(window.sentences.lowerBound + 1)"
          : "sentences \(window.sentences.lowerBound + 1)-\(window.sentences.upperBound)"
        return
          "\(window.document): warning: \(which) \(window.sentences.count == 1 ? "names" : "name") \(window.entities) entities; only the \(limit) mentioned most there are linked to each other (the limit of one window)"
      }
      let more = results.cappedWindows - results.cappedExamples.count
      if more > 0 {
        lines.append(
          "newsgraph: warning: \(more) more window\(more == 1 ? "" : "s") named more than \(limit) entities"
        )
      }
      return lines
    }
  }
}
