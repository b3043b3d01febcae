/// A failure the command reports on standard error before it exits with status 1.
struct Failure: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) {
    self.description = description
  }

  /// `path: error: message`, the way compilers report.
  init(path: String, _ message: String) {
    self.description = "\(path): error: \(message)"
  }
}
