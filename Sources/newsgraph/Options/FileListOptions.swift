import ArgumentParser

/// `--files-from`: input paths read from a file, one a line, besides those on the command line.
///
/// The argument parser takes time quadratic in the number of arguments (16,000 file names take
/// about 7 s to parse, a folder of the same files 0.6 s), and the system limits a command line's
/// length; a list file has neither limit: `find news -name '*.txt' | newsgraph graph
/// --files-from -`.
struct FileListOptions: ParsableArguments {
  @Option(
    name: .customLong("files-from"),
    help: ArgumentHelp(
      "Also read the inputs named in this file, one path a line ('-': standard input), after those given as arguments.",
      valueName: "list"))
  var filesFrom: String?

  /// The paths given as arguments, then those of the list.
  func paths(_ arguments: [String]) throws(Failure) -> [String] {
    guard let filesFrom else { return arguments }
    if filesFrom == "-" && arguments.contains("-") {
      throw Failure(
        "newsgraph: error: --files-from - and the input '-' cannot both read standard input")
    }
    return arguments + (try FileList.paths(in: filesFrom))
  }
}

/// A list of paths, one a line: what `--files-from` reads.
enum FileList {
  /// The most bytes a list may have: some ten million paths.
  static let limit = 1 << 30

  /// The paths of the list file at `path` (standard input for "-"). A line is a path as it is,
  /// spaces kept, without a trailing carriage return; blank lines are skipped. A list that is
  /// not UTF-8 or that names nothing is an error naming the file (and line).
  static func paths(in path: String) throws(Failure) -> [String] {
    let bytes = try FileIO.read(path, limit: limit, what: "a list of files")
    let shown = path == "-" ? "<stdin>" : path
    var paths: [String] = []
    var line = 0
    for var record in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      line += 1
      if record.last == UInt8(ascii: "\r") { record = record.dropLast() }
      guard !record.isEmpty else { continue }
      guard let text = String(validating: record, as: UTF8.self) else {
        throw Failure(path: "\(shown):\(line)", "this line is not UTF-8")
      }
      if record.contains(0) {
        throw Failure(path: "\(shown):\(line)", "a path cannot hold a NUL byte")
      }
      paths.append(text)
    }
    guard !paths.isEmpty else { throw Failure(path: shown, "the list names no file") }
    return paths
  }
}
