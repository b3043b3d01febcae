import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Outputs are written to a temporary file beside the target and renamed into place: a write
/// that fails midway (a full disk, a file size limit) or a signal leaves the previous file as
/// it was and no temporary file behind.
@Suite(.enabled(if: CommandRunner.hasDictionaries, "dictionaries/ has not been generated yet"))
struct WriteSafetyTests {
  static let previous = "previous output\n"

  /// A folder with an article long enough for a graph JSON of some 20 KB and `names` holding
  /// the previous output.
  static func setUp(_ scratch: ScratchFolder, names: [String]) throws -> String {
    let article = try scratch.write(
      "a.txt",
      String(
        repeating:
          "Vladimir Putin met Abdel Fattah al-Sisi in Cairo; Egypt, Russia, France and China talked. ",
        count: 60))
    for name in names { try scratch.write(name, previous) }
    return article
  }

  static func expectIntact(_ scratch: ScratchFolder, _ names: [String]) throws {
    for name in names {
      #expect(
        try String(contentsOfFile: scratch.path(name), encoding: .utf8) == previous, "\(name)")
    }
    let left = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter {
      $0.hasSuffix(".tmp")
    }
    #expect(left.isEmpty, "temporary files left: \(left)")
  }

  /// Runs newsgraph through /bin/sh with a file size limit of `blocks` 512-byte blocks (and
  /// SIGXFSZ ignored, so a write past it fails with EFBIG instead of killing the program).
  static func runLimited(blocks: Int, _ arguments: [String]) throws -> (Int32, String) {
    let binary = try #require(CommandRunner.binary)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments =
      ["-c", "trap '' XFSZ; ulimit -f \(blocks) && exec \"$0\" \"$@\"", binary.path] + arguments
      + ["--dictionaries", CommandRunner.dictionaries]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
  }

  // The ThreadSanitizer runtime dies of SIGBUS when a process starts under a small file size
  // limit (even `newsgraph --version`), before newsgraph runs.
  @Test(.disabled(if: Sanitizer.active == .thread, "ThreadSanitizer dies under a file size limit"))
  func aWriteErrorMidwayKeepsThePreviousFile() throws {
    let scratch = try ScratchFolder()
    let article = try Self.setUp(scratch, names: ["out.json"])
    let (status, errors) = try Self.runLimited(
      blocks: 8, ["graph", article, "-o", scratch.path("out.json")])
    #expect(status == 1)
    #expect(errors == "\(scratch.path("out.json")): error: cannot write: file too large\n")
    try Self.expectIntact(scratch, ["out.json"])
  }

  // The ThreadSanitizer runtime dies of SIGBUS when a process starts under a small file size
  // limit (even `newsgraph --version`), before newsgraph runs.
  /// `entities` writes its output a document at a time, into the temporary file: a write that
  /// fails after some documents leaves the previous file as it was.
  @Test(.disabled(if: Sanitizer.active == .thread, "ThreadSanitizer dies under a file size limit"))
  func entitiesWriteErrorMidwayKeepsThePreviousFile() throws {
    let scratch = try ScratchFolder()
    let article = try Self.setUp(scratch, names: ["out.json"])
    // Forty copies of the article, written one after another.
    let (status, errors) = try Self.runLimited(
      blocks: 8,
      ["entities"] + Array(repeating: article, count: 40) + [
        "--format", "json", "--jobs", "2", "-o", scratch.path("out.json"),
      ])
    #expect(status == 1)
    #expect(errors == "\(scratch.path("out.json")): error: cannot write: file too large\n")
    try Self.expectIntact(scratch, ["out.json"])
  }

  // The ThreadSanitizer runtime dies of SIGBUS when a process starts under a small file size
  // limit (even `newsgraph --version`), before newsgraph runs.
  /// CSV is two files: both are renamed into place only when both are written.
  @Test(.disabled(if: Sanitizer.active == .thread, "ThreadSanitizer dies under a file size limit"))
  func csvFilesAreReplacedTogetherOrNotAtAll() throws {
    let scratch = try ScratchFolder()
    let article = try Self.setUp(scratch, names: ["out.nodes.csv", "out.edges.csv"])
    let (status, errors) = try Self.runLimited(
      blocks: 4, ["graph", article, "-o", scratch.path("out.csv")])
    #expect(status == 1)
    #expect(errors == "\(scratch.path("out.edges.csv")): error: cannot write: file too large\n")
    try Self.expectIntact(scratch, ["out.nodes.csv", "out.edges.csv"])
  }

  static let canMount: Bool = {
    guard getuid() == 0, let scratch = try? ScratchFolder() else { return false }
    guard (try? mount(scratch.url.path, size: "16k")) == 0 else { return false }
    _ = try? unmount(scratch.url.path)
    return true
  }()

  static func mount(_ path: String, size: String) throws -> Int32 {
    try run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", path])
  }

  static func unmount(_ path: String) throws -> Int32 {
    try run("/bin/umount", [path])
  }

  static func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// A real full disk: a 16 KB tmpfs (root may mount one; skipped where mounting is not
  /// permitted).
  @Test(
    .enabled(
      if: WriteSafetyTests.canMount,
      "mounting a tmpfs is not permitted here (not root, or no CAP_SYS_ADMIN): skipped"))
  func aFullDiskKeepsThePreviousFile() throws {
    let scratch = try ScratchFolder()
    let article = try Self.setUp(scratch, names: [])
    let disk = scratch.url.appendingPathComponent("disk")
    try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
    #expect(try Self.mount(disk.path, size: "16k") == 0)
    defer { _ = try? Self.unmount(disk.path) }
    let target = disk.appendingPathComponent("out.json").path
    try Data(Self.previous.utf8).write(to: URL(fileURLWithPath: target))
    let result = try CommandRunner.run("graph", [article, "-o", target])
    #expect(result.status == 1)
    #expect(result.stderr == "\(target): error: cannot write: no space left on device\n")
    #expect(try String(contentsOfFile: target, encoding: .utf8) == Self.previous)
    #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path) == ["out.json"])
  }

  /// A temporary file that a killed run left behind (its process is gone) is removed by the
  /// next write to the same file; one of a running process is not.
  @Test func staleTemporaryFilesAreRemoved() throws {
    let scratch = try ScratchFolder()
    let article = try Self.setUp(scratch, names: [])
    try scratch.write(".out.json.999999999.tmp", "left by a killed run")
    try scratch.write(".out.json.1.tmp", "pid 1 is running")
    let result = try CommandRunner.run("graph", [article, "-o", scratch.path("out.json")])
    #expect(result.status == 0, "\(result)")
    let names = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted()
    #expect(names == [".out.json.1.tmp", "a.txt", "out.json"])
  }

  /// SIGTERM at times spread over a corpus run: before, during and after the write. Every time
  /// the previous output is there, or the new one whole; never a half-written or temporary
  /// file.
  @Test func sigtermLeavesThePreviousOutputOrTheNewOne() throws {
    let scratch = try ScratchFolder()
    let corpus = scratch.url.appendingPathComponent("corpus")
    try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
    for index in 0..<60 {
      try Data(Articles.texts[index % Articles.texts.count].utf8).write(
        to: corpus.appendingPathComponent("\(1000 + index).txt"))
    }
    let target = scratch.path("out.json")
    let arguments = [
      "graph", corpus.path, "-o", target, "--jobs", "2", "--dictionaries",
      CommandRunner.dictionaries,
    ]
    // The first run may compile the dictionary cache; time the second, as the runs below go.
    let warm = try CommandRunner.run(arguments)
    #expect(warm.status == 0, "\(warm)")
    let start = Date()
    let probe = try CommandRunner.run(arguments)
    #expect(probe.status == 0, "\(probe)")
    let duration = Date().timeIntervalSince(start)
    let complete = try Data(contentsOf: URL(fileURLWithPath: target))
    var killed = 0
    for step in 0..<8 {
      try Data(Self.previous.utf8).write(to: URL(fileURLWithPath: target))
      let process = Process()
      process.executableURL = try #require(CommandRunner.binary)
      process.arguments = arguments
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      usleep(useconds_t(duration * (0.1 + 0.13 * Double(step)) * 1_000_000))
      process.terminate()
      process.waitUntilExit()
      let now = try Data(contentsOf: URL(fileURLWithPath: target))
      if process.terminationReason == .uncaughtSignal {
        killed += 1
        #expect(process.terminationStatus == SIGTERM)
        // Killed before the rename: the previous output; after it (while exiting): the new.
        #expect(
          now == Data(Self.previous.utf8) || now == complete,
          "killed at step \(step): the previous output or the whole new one")
      } else {
        #expect(process.terminationStatus == 0)
        #expect(now == complete, "finished at step \(step): the whole new output")
      }
      let left = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter {
        $0.hasSuffix(".tmp")
      }
      #expect(left.isEmpty, "step \(step) left \(left)")
    }
    #expect(killed > 0, "SIGTERM came after the run every time")
  }

  /// The signal handler removes the temporary file being written: the program is stopped while
  /// the file exists, then sent SIGTERM.
  @Test func sigtermDuringTheWriteRemovesTheTemporaryFile() throws {
    let scratch = try ScratchFolder()
    // A graph JSON of a few megabytes, so that writing it takes a while.
    let words = (0..<300).map { index -> String in
      let letters = Array("abcdefghijklmnopqrstuvwxyz")
      return "Zq" + String([letters[index / 26 % 26], letters[index % 26]]) + "x"
    }
    try scratch.write(
      "many.tsv",
      "id\ttype\tlabel\n"
        + words.enumerated().map { "organization/w\($0.offset)\torganization\t\($0.element)\n" }
        .joined())
    var text = ""
    for sentence in 0..<400 {
      let chosen = (0..<12).map { words[(sentence * 7 + $0 * 31) % words.count] }
      text += chosen.joined(separator: ", ") + " met in sentence \(sentence).\n"
    }
    let article = try scratch.write("many.txt", text)
    let target = scratch.path("out.json")
    try scratch.write("out.json", Self.previous)
    var caught = false
    for _ in 0..<5 where !caught {
      let process = Process()
      process.executableURL = try #require(CommandRunner.binary)
      process.arguments = [
        "graph", article, "--dictionary", scratch.path("many.tsv"), "--evidence", "50", "-o",
        target, "--dictionaries", CommandRunner.dictionaries,
      ]
      process.standardError = FileHandle.nullDevice
      try process.run()
      let temporary = scratch.path(".out.json.\(process.processIdentifier).tmp")
      while process.isRunning {
        if access(temporary, F_OK) == 0 {
          kill(process.processIdentifier, SIGSTOP)
          if access(temporary, F_OK) == 0 {
            caught = true
            kill(process.processIdentifier, SIGTERM)
          }
          kill(process.processIdentifier, SIGCONT)
          break
        }
      }
      process.waitUntilExit()
      if caught {
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(access(temporary, F_OK) != 0, "the handler removed \(temporary)")
        // Other threads may still rename the finished file before the handler exits: the
        // target then holds the whole new graph. Either way it is never half written.
        let content = try String(contentsOfFile: target, encoding: .utf8)
        let whole =
          content == Self.previous
          || (try? JSONSerialization.jsonObject(with: Data(content.utf8))) != nil
        #expect(whole, "the target is the previous file or the whole new one")
      } else {
        try scratch.write("out.json", Self.previous)
      }
    }
    withKnownIssue("the write finished before the temporary file was seen", isIntermittent: true) {
      #expect(caught)
    }
  }

  /// `entities` holds its temporary file open for the whole run: SIGTERM in the middle of it
  /// removes the file and leaves the previous output.
  @Test func sigtermWhileEntitiesStreamsRemovesTheTemporaryFile() throws {
    let scratch = try ScratchFolder()
    var lines = ""
    for index in 0..<20_000 {
      let text = Articles.texts[index % Articles.texts.count].replacingOccurrences(
        of: "\n", with: " ")
      lines += "{\"id\": \"d\(index)\", \"text\": \"\(text)\"}\n"
    }
    let corpus = try scratch.write("news.jsonl", lines)
    let target = try scratch.write("out.jsonl", Self.previous)
    var caught = false
    for _ in 0..<5 where !caught {
      let process = Process()
      process.executableURL = try #require(CommandRunner.binary)
      process.arguments = [
        "entities", corpus, "--format", "jsonl", "-o", target, "--dictionaries",
        CommandRunner.dictionaries,
      ]
      process.standardError = FileHandle.nullDevice
      try process.run()
      let temporary = scratch.path(".out.jsonl.\(process.processIdentifier).tmp")
      while process.isRunning {
        // Once some documents are in the temporary file.
        if let info = try? FileManager.default.attributesOfItem(atPath: temporary),
          (info[.size] as? Int ?? 0) > 0
        {
          caught = true
          kill(process.processIdentifier, SIGTERM)
          break
        }
      }
      process.waitUntilExit()
      if caught {
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGTERM)
        #expect(access(temporary, F_OK) != 0, "the handler removed \(temporary)")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == Self.previous)
      } else {
        try scratch.write("out.jsonl", Self.previous)
      }
    }
    withKnownIssue("the run finished before the temporary file was seen", isIntermittent: true) {
      #expect(caught)
    }
  }
}
