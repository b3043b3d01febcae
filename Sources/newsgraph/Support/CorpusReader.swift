import Dispatch
import NewsGraph

/// Hands a corpus's items out in input order, in batches of consecutive items, to workers on
/// several threads: text files by name (each worker reads its own), JSON Lines files a line at
/// a time, standard input whole. An item that cannot be read (a JSON Lines file that cannot be
/// opened, a line too long) is handed out as a `.failure` in its place.
final class CorpusReader: Sendable {
  typealias Batch = [(index: Int, item: CorpusItem)]

  private struct State {
    var inputs: [Corpus.Input]
    var next = 0
    var lines: LineReader?
    var linesPath = ""
    var itemIndex = 0
    /// No item after this index is handed out (a failure happened there).
    var stopAt = Int.max
  }

  // Locked, not Mutex: ThreadSanitizer cannot see a contended Mutex being handed over.
  private let state: Locked<State>
  /// Items in a batch at most.
  let batchSize: Int

  init(_ corpus: Corpus, batchSize: Int) {
    state = Locked(State(inputs: corpus.inputs))
    self.batchSize = batchSize
  }

  /// Hands out no item after `index`; a worker stops before one (`isStopped(before:)`).
  func stop(at index: Int) {
    state.withLock { $0.stopAt = min($0.stopAt, index) }
  }

  /// Whether the item at `index` comes after a stop.
  func isStopped(before index: Int) -> Bool {
    state.withLock { index > $0.stopAt }
  }

  /// The next batch of consecutive items, or nil when the corpus is read (or a failure stopped
  /// it). A batch ends after a `.failure`.
  func nextBatch() -> Batch? {
    state.withLock { state -> Batch? in
      var items: Batch = []
      while items.count < batchSize, state.itemIndex <= state.stopAt {
        guard let item = Self.nextItem(&state) else { break }
        items.append((state.itemIndex, item))
        state.itemIndex += 1
        if case .failure = item { break }
      }
      return items.isEmpty ? nil : items
    }
  }

  private static func nextItem(_ reader: inout State) -> CorpusItem? {
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
}

/// The threads of a corpus run.
enum Workers {
  /// Workers for `jobs` at once over `corpus`: no more than it has documents, when that is known.
  static func count(jobs: Int, corpus: Corpus) -> Int {
    max(1, min(jobs, corpus.knownDocuments ?? jobs))
  }

  /// Runs `work` on `count` threads at once (on this one when `count` is 1) and returns when
  /// every one has returned.
  static func run(_ count: Int, _ work: @Sendable (Int) -> Void) {
    if count == 1 {
      work(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: count, execute: work)
    }
  }
}
