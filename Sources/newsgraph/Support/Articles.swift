import ArgumentParser
import NewsGraph

/// Reads and analyzes the input articles.
enum Articles {
  /// The document id of a path: its file name without the extension.
  static func documentID(_ path: String) -> String {
    if path == "-" { return "stdin" }
    var name = path.split(separator: "/").last.map(String.init) ?? path
    if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
    return name
  }
}

/// Runs a command body, turning a `Failure` into one line on standard error and status 1.
func reportingFailures(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let failure as Failure {
    FileIO.printError(failure.description)
    throw ExitCode.failure
  }
}
