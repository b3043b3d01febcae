internal import CGraphviz

/// Collects the messages Graphviz reports while one operation runs.
///
/// Graphviz reports errors through a process-wide channel, so this state is process-wide too.
/// It is read and written only while `graphvizLock` is held, which is what makes the
/// `nonisolated(unsafe)` storage sound.
///
/// A callback installed with `agseterrf` is used instead of `agseterr(AGMAX)` with
/// `aglasterr()`: in Graphviz 2.42 `aglasterr()` returns only the last message (a warning
/// that follows an error hides the error), keeps stale text when an operation reports
/// nothing, and depends on `tmpfile()` succeeding.
enum GraphvizDiagnostics {
  /// Text the callback received since the last `reset()`.
  nonisolated(unsafe) fileprivate static var collected = ""

  /// Routes Graphviz messages to this collector and forgets earlier ones.
  ///
  /// Call before every operation whose errors matter, with `graphvizLock` held. The
  /// corresponding Graphviz calls are `agseterr`, `agseterrf` and `agreseterrors`.
  static func reset() {
    collected = ""
    // AGWARN: pass warnings and errors to the callback rather than to stderr or the tmpfile.
    _ = agseterr(AGWARN)
    _ = agseterrf(collectGraphvizMessage)
    _ = agreseterrors()
  }

  /// Whether Graphviz reported an error (not just a warning) since the last `reset()`.
  ///
  /// Some failures, such as rendering to an unwritable file, return success and show up
  /// only here. The corresponding Graphviz call is `agerrors`.
  static var hasError: Bool {
    agerrors() >= Int32(AGERR.rawValue)
  }

  /// The error messages reported since the last `reset()`, one line each, or `nil` if none.
  ///
  /// Graphviz sends each message as `Error` or `Warning`, `": "` and the text; continuation
  /// lines (like the `String starting:` line of an unterminated string) carry no label and
  /// belong to the message before them. Warnings are dropped.
  static var errorMessage: String? {
    var errors: [String] = []
    var current = MessageLevel.none
    for line in collected.split(separator: "\n", omittingEmptySubsequences: true) {
      if line.hasPrefix("Error: ") {
        errors.append(String(line.dropFirst("Error: ".count)))
        current = .error
      } else if line.hasPrefix("Warning: ") {
        current = .warning
      } else {
        switch current {
        case .error:
          if let last = errors.popLast() { errors.append(last + " " + line) }
        case .warning:
          break
        case .none:
          // Text without a label at the start: treat it as an error rather than lose it.
          errors.append(String(line))
          current = .error
        }
      }
    }
    let joined = errors.map(normalized).filter { !$0.isEmpty }.joined(separator: "; ")
    return joined.isEmpty ? nil : joined
  }

  private enum MessageLevel { case none, error, warning }

  /// Brings a Graphviz message in line with the house style: trimmed, first letter in lower
  /// case unless it starts an acronym, no final period.
  private static func normalized(_ message: String) -> String {
    var text = message.trimmingWhitespace()
    while text.hasSuffix(".") { text.removeLast() }
    if let first = text.first, first.isUppercase {
      let second = text.dropFirst().first
      if second.map({ !$0.isUppercase }) ?? true {
        text = first.lowercased() + text.dropFirst()
      }
    }
    return text
  }
}

/// Appends one piece of a Graphviz message; installed with `agseterrf`.
///
/// Graphviz calls this from inside the operation that holds `graphvizLock`.
private func collectGraphvizMessage(_ piece: UnsafeMutablePointer<CChar>?) -> Int32 {
  guard let piece else { return 0 }
  GraphvizDiagnostics.collected += String(cString: piece)
  return 0
}

extension String {
  /// The string without leading and trailing spaces, tabs and newlines.
  fileprivate func trimmingWhitespace() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let start = firstIndex(where: { !isSpace($0) }),
      let end = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[start...end])
  }
}
