import Dispatch
import NewsGraph

/// Analyzes a corpus on several cores and writes what each document gives, in input order, as
/// soon as the documents before it are written: memory holds the documents in flight, never
/// the corpus or its output, so a corpus of any size streams through in the same memory.
///
/// Workers take batches of consecutive documents from one reader (`CorpusReader`), analyze each
/// and render its output (`render`, on the worker's thread), and hand the batch in. The worker
/// that hands in the batch next in input order writes it, and every batch after it that is
/// waiting (`write`, one call at a time, in input order). A worker takes another batch only
/// while fewer than `batchesAheadPerWorker` batches a worker are taken and not yet written: a
/// document that takes long holds the others back rather than letting their outputs pile up.
/// The output is the same bytes for any number of workers.
struct DocumentStream {
  var recognizer: Recognizer
  var jobs: Int
  var progress: ProgressMode
  /// Report a document that fails and go on with the others, instead of stopping.
  var keepGoing = false
  /// Whether `render` is given each document's trace (`Recognizer.analyzeWithTrace`).
  var tracing = false
  /// Documents a worker takes at a time.
  var batchSize = 8
  /// Batches taken and not yet written, at most, for each worker.
  var batchesAheadPerWorker = 4

  /// What a run wrote: the documents written, and those that failed (with `keepGoing`).
  struct Outcome {
    var written: Int
    var failed: Int
  }

  /// Streams the documents of `corpus` through `render` and `write`.
  ///
  /// `write` is given each document's rendering and the number of documents written before it.
  /// A document that cannot be read, or a failure that `write` throws, stops the run; the
  /// documents before it have been written, and the failure is thrown once the workers are
  /// done. With `keepGoing`, a document that fails is reported on standard error in its place
  /// in the output order and left out.
  func run<Rendered: Sendable>(
    _ corpus: Corpus,
    render: @escaping @Sendable (Document, Recognizer.Trace?) -> Rendered,
    write: @escaping @Sendable (Rendered, Int) throws(Failure) -> Void
  ) throws(Failure) -> Outcome {
    let bar = ProgressBar(
      mode: progress, totalBytes: corpus.totalBytes, totalDocuments: corpus.knownDocuments)
    let workers = Workers.count(jobs: jobs, corpus: corpus)
    let run = StreamRun(
      reader: CorpusReader(corpus, batchSize: batchSize), keepGoing: keepGoing, tracing: tracing,
      batchesAhead: workers * max(1, batchesAheadPerWorker), progress: bar, render: render,
      write: write)
    let recognizer = self.recognizer
    Workers.run(workers) { _ in run.work(recognizer) }
    bar?.finish()
    return try run.outcome()
  }
}

/// The shared state of one `DocumentStream` run.
private final class StreamRun<Rendered: Sendable>: Sendable {
  /// What became of one document of a batch.
  enum Piece {
    case rendered(Rendered)
    case failed(Failure)
  }

  struct Order {
    /// Batches handed in ahead of the next one to write, by the index of their first item.
    var waiting: [Int: (count: Int, pieces: [Piece])] = [:]
    /// The index of the next item to write.
    var next = 0
    var written = 0
    var failed = 0
    /// The failure that stopped the run.
    var failure: Failure?
  }

  let reader: CorpusReader
  let keepGoing: Bool
  let tracing: Bool
  let progress: ProgressBar?
  let render: @Sendable (Document, Recognizer.Trace?) -> Rendered
  let write: @Sendable (Rendered, Int) throws(Failure) -> Void
  // Locked, not Mutex: ThreadSanitizer cannot see a contended Mutex being handed over.
  let order = Locked(Order())
  /// One permit for each batch that may be taken and not yet written.
  let permits: DispatchSemaphore

  init(
    reader: CorpusReader, keepGoing: Bool, tracing: Bool, batchesAhead: Int,
    progress: ProgressBar?,
    render: @escaping @Sendable (Document, Recognizer.Trace?) -> Rendered,
    write: @escaping @Sendable (Rendered, Int) throws(Failure) -> Void
  ) {
    self.reader = reader
    self.keepGoing = keepGoing
    self.tracing = tracing
    self.progress = progress
    self.render = render
    self.write = write
    permits = DispatchSemaphore(value: batchesAhead)
  }

  /// A worker's loop: take a batch, analyze and render its documents, hand it in; until the
  /// reader is dry or the run stopped.
  ///
  /// Every batch taken gives its permit back exactly once, when it is written or thrown away
  /// (`handIn(_:count:pieces:)`). The first batch not yet written is always held by a worker
  /// that is not waiting for a permit (it took one), or has been handed in and written: so the
  /// permits always come back, and no worker waits for good.
  func work(_ recognizer: Recognizer) {
    var scratch = Recognizer.Scratch()
    while true {
      permits.wait()
      guard let batch = reader.nextBatch() else {
        permits.signal()
        return
      }
      var pieces: [Piece] = []
      pieces.reserveCapacity(batch.count)
      var bytes = 0
      for (index, item) in batch {
        if reader.isStopped(before: index) { break }
        do {
          let (id, text, _) = try item.article()
          if tracing {
            let (document, trace) = recognizer.analyzeWithTrace(id: id, text: text)
            pieces.append(.rendered(render(document, trace)))
          } else {
            let document = recognizer.analyze(id: id, text: text, scratch: &scratch)
            pieces.append(.rendered(render(document, nil)))
            scratch.recycle(document)
          }
          if progress != nil { bytes += item.size }
        } catch {
          pieces.append(.failed(error))
          if !keepGoing {
            reader.stop(at: index)
            break
          }
        }
      }
      progress?.advance(documents: batch.count, bytes: bytes)
      handIn(batch[0].index, count: batch.count, pieces: pieces)
    }
  }

  /// Hands in a batch whose first item is at `first`; writes it, and the batches waiting after
  /// it, when it is the next in input order.
  private func handIn(_ first: Int, count: Int, pieces: [Piece]) {
    order.withLock { order in
      guard order.failure == nil else {
        // The run stopped before this batch: nothing more is written.
        permits.signal()
        return
      }
      order.waiting[first] = (count, pieces)
      while let (count, pieces) = order.waiting.removeValue(forKey: order.next) {
        writeInOrder(pieces, &order)
        order.next += count
        permits.signal()
        if order.failure != nil {
          // What waits is thrown away, and its permits given back.
          for _ in order.waiting { permits.signal() }
          order.waiting.removeAll()
          return
        }
      }
    }
  }

  /// Writes the pieces of the next batch, in order, with the lock held.
  private func writeInOrder(_ pieces: [Piece], _ order: inout Order) {
    for piece in pieces {
      switch piece {
      case .rendered(let rendered):
        do {
          try write(rendered, order.written)
          order.written += 1
        } catch {
          stop(error, &order)
          return
        }
      case .failed(let failure):
        if keepGoing {
          FileIO.printError(failure.description)
          order.failed += 1
        } else {
          stop(failure, &order)
          return
        }
      }
    }
  }

  private func stop(_ failure: Failure, _ order: inout Order) {
    order.failure = failure
    reader.stop(at: -1)
  }

  func outcome() throws(Failure) -> DocumentStream.Outcome {
    try order.withLock { order throws(Failure) -> DocumentStream.Outcome in
      if let failure = order.failure { throw failure }
      return DocumentStream.Outcome(written: order.written, failed: order.failed)
    }
  }
}
