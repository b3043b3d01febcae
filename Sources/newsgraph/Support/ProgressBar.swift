import Synchronization

/// A one-line progress bar on standard error: documents, MB/s and, when the size of the
/// corpus is known, a bar and the time left.
///
/// In `auto` mode it draws only when standard error is a terminal and only once the run has
/// lasted a second, so short runs and pipes stay silent. `always` draws in any case (one line
/// a second when standard error is not a terminal).
final class ProgressBar: Sendable {
  private struct State {
    var documents = 0
    var bytes = 0
    var lastDraw = 0.0
    var drawn = false
  }

  private let state = Mutex(State())
  private let start: Double
  private let totalBytes: Int?
  private let totalDocuments: Int?
  private let terminal: Bool
  private let delay: Double
  private let interval: Double

  /// Whether a bar in this mode may be drawn: `always`, or `auto` when standard error is a
  /// terminal. Only then are the sizes of a folder's files asked for (`Corpus.expand`).
  static func mayShow(_ mode: ProgressMode) -> Bool {
    switch mode {
    case .never: false
    case .auto: FileIO.isTerminal(2)
    case .always: true
    }
  }

  /// Nil when the mode says to stay silent (`mayShow(_:)` is false).
  init?(mode: ProgressMode, totalBytes: Int?, totalDocuments: Int?) {
    guard Self.mayShow(mode) else { return nil }
    terminal = FileIO.isTerminal(2)
    delay = mode == .always ? 0 : 1
    interval = terminal ? 0.1 : 1
    start = FileIO.now()
    self.totalBytes = totalBytes
    self.totalDocuments = totalDocuments
  }

  /// Counts finished documents and their bytes; redraws at most ten times a second.
  func advance(documents: Int, bytes: Int) {
    let now = FileIO.now()
    let line: String? = state.withLock { state in
      state.documents += documents
      state.bytes += bytes
      guard now - start >= delay, now - state.lastDraw >= interval else { return nil }
      state.lastDraw = now
      state.drawn = true
      return render(state, now: now)
    }
    if let line { FileIO.printErrorRaw(terminal ? "\r\u{1B}[2K" + line : line + "\n") }
  }

  /// Clears the bar (on a terminal) or writes the final count (elsewhere).
  func finish() {
    let now = FileIO.now()
    let line: String? = state.withLock { state in
      guard state.drawn else { return nil }
      return render(state, now: now)
    }
    guard let line else { return }
    FileIO.printErrorRaw(terminal ? "\r\u{1B}[2K" : line + "\n")
  }

  private func render(_ state: State, now: Double) -> String {
    let elapsed = max(now - start, 1e-6)
    let rate = Double(state.bytes) / 1e6 / elapsed
    var documents = "\(state.documents)"
    if let totalDocuments { documents += "/\(totalDocuments)" }
    var line = "\(documents) documents, \(Self.oneDecimal(rate)) MB/s"
    if let totalBytes, totalBytes > 0 {
      let share = min(1, Double(state.bytes) / Double(totalBytes))
      let width = 24
      let filled = Int((share * Double(width)).rounded(.down))
      let bar =
        String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
      line = "[\(bar)] \(Int((share * 100).rounded(.down)))% " + line
      if share > 0 && share < 1 {
        line += ", ETA \(Self.duration(elapsed * (1 - share) / share))"
      }
    }
    return line
  }

  static func oneDecimal(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }

  static func duration(_ seconds: Double) -> String {
    let total = Int(seconds.rounded())
    let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
    let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
    return hours > 0 ? "\(hours):\(two(minutes)):\(two(secs))" : "\(minutes):\(two(secs))"
  }
}
