import ArgumentParser
import NewsGraph

/// Reads and analyzes the input articles.
enum Articles {
  /// The document id of a path: its file name without the extension.
  ///
  /// An ASCII path is cut by its bytes (`asciiDocumentID(_:)`); splitting it into characters
  /// cost some 13,000 instructions a path, more than reading a short article's file.
  static func documentID(_ path: String) -> String {
    if path == "-" { return "stdin" }
    var path = path
    if let id = path.withUTF8({ asciiDocumentID($0) }) { return id }
    var name = path.split(separator: "/").last.map(String.init) ?? path
    if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
    return name
  }

  /// `documentID(_:)` of a path whose UTF-8 is all ASCII, nil for any other: an ASCII string's
  /// characters are its bytes (but for CR LF, which is neither "/" nor "."), so the last name
  /// between slashes and its last dot are found byte by byte, as the characters would find them.
  static func asciiDocumentID(_ path: UnsafeBufferPointer<UInt8>) -> String? {
    guard path.allSatisfy({ $0 < 0x80 }) else { return nil }
    let slash = UInt8(ascii: "/")
    var end = path.count
    while end > 0 && path[end - 1] == slash { end -= 1 }
    // Only slashes (or nothing): no name, and the id is the path.
    guard end > 0 else { return String(decoding: path, as: UTF8.self) }
    var start = end
    while start > 0 && path[start - 1] != slash { start -= 1 }
    var dot = end - 1
    while dot > start && path[dot] != UInt8(ascii: ".") { dot -= 1 }
    // A dot that starts the name (".profile") is no extension.
    if dot > start { end = dot }
    return String(decoding: UnsafeBufferPointer(rebasing: path[start..<end]), as: UTF8.self)
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
