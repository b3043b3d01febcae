import Foundation
import Testing

/// Runs the built `newsgraph` binary and captures what it did.
enum CommandRunner {
  struct Result: CustomStringConvertible {
    var status: Int32
    var stdout: Data
    var stderr: String
    var output: String { String(decoding: stdout, as: UTF8.self) }
    var stderrLines: [Substring] { stderr.split(separator: "\n") }
    var description: String { "exit \(status)\nstderr: \(stderr)\nstdout: \(output.prefix(600))" }
  }

  /// The package root: two folders above `Tests/NewsGraphCLITests/`.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let dictionaries = root.appendingPathComponent("dictionaries").path

  /// Whether the real dictionaries have been generated.
  static var hasDictionaries: Bool {
    FileManager.default.fileExists(atPath: dictionaries + "/titles.tsv")
      && FileManager.default.fileExists(atPath: dictionaries + "/countries.tsv")
  }

  /// The `newsgraph` executable next to the test bundle, in the products folder of this build.
  static let binary: URL? = {
    var starts: [URL] = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
    if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      starts.insert(URL(fileURLWithPath: exe).deletingLastPathComponent(), at: 0)
    }
    if let first = CommandLine.arguments.first {
      starts.append(URL(fileURLWithPath: first).deletingLastPathComponent())
    }
    for start in starts {
      var folder = start.standardizedFileURL
      for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("newsgraph")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
          !isDirectory.boolValue, FileManager.default.isExecutableFile(atPath: candidate.path)
        {
          return candidate
        }
        folder = folder.deletingLastPathComponent()
      }
    }
    return nil
  }()

  /// Runs `newsgraph arguments` in `directory` (the package root by default).
  static func run(
    _ arguments: [String], stdin: Data? = nil, in directory: URL? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Result {
    let binary = try #require(
      binary, "cannot find the newsgraph executable next to the tests",
      sourceLocation: sourceLocation)
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? root
    var environment = ProcessInfo.processInfo.environment
    environment["NEWSGRAPH_DICTIONARIES"] = nil
    // A hash seed of its own in every run, as a user's run has: output that follows the order
    // of a Dictionary or Set then differs between runs (DeterminismTests).
    environment["SWIFT_DETERMINISTIC_HASHING"] = nil
    process.environment = environment
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let feeder = Thread {
      if let stdin { input.fileHandleForWriting.write(stdin) }
      try? input.fileHandleForWriting.close()
    }
    feeder.start()
    let errorReader = PipeReader(errors.fileHandleForReading)
    let out = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: out,
      stderr: String(decoding: errorReader.data(), as: UTF8.self))
  }

  /// Runs the `graph` or `entities` subcommand with the repository's dictionaries.
  static func run(
    _ subcommand: String, _ arguments: [String], stdin: Data? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Result {
    try run(
      [subcommand] + arguments + ["--dictionaries", dictionaries], stdin: stdin,
      sourceLocation: sourceLocation)
  }
}

/// Reads a pipe to its end on another thread, so neither pipe of a child can fill up and block.
final class PipeReader: @unchecked Sendable {
  private var result = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    Thread {
      self.result = handle.readDataToEndOfFile()
      self.done.signal()
    }.start()
  }

  func data() -> Data {
    done.wait()
    return result
  }
}

/// A folder that removes itself.
final class ScratchFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "newsgraph-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  @discardableResult
  func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    try Data(bytes).write(to: url.appendingPathComponent(name))
    return path(name)
  }

  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    try write(name, Array(text.utf8))
  }
}
