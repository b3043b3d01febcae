import Foundation
import Testing

/// Hostile inputs get one line on standard error and the documented exit status, or a correct
/// result: never a crash, a hang or unbounded memory. `make torture` runs the big ones (100 MB
/// files, a 1 GB dictionary, 10 million nodes) on the release binary.
@Suite(.enabled(if: CommandRunner.hasDictionaries, "dictionaries/ has not been generated yet"))
struct BadInputTests {
  @Test func utf16IsNamed() throws {
    let scratch = try ScratchFolder()
    let path = try scratch.write(
      "u16.txt",
      [0xFF, 0xFE]
        + Array("Egypt".utf16).flatMap {
          [UInt8($0 & 0xFF), UInt8($0 >> 8)]
        })
    let result = try CommandRunner.run("graph", [path])
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "\(path): error: UTF-16 text (it starts with a byte order mark); newsgraph reads UTF-8: convert it with 'iconv -f UTF-16 -t UTF-8'\n"
    )
  }

  @Test func aReadErrorIsNamed() throws {
    // Reading /proc/self/mem from its start fails with EIO: a read error on a file that opens.
    let result = try CommandRunner.run("graph", ["/proc/self/mem"])
    #expect(result.status == 1)
    #expect(result.stderr == "/proc/self/mem: error: cannot read: input/output error\n")
  }

  @Test func aFolderWhereAFileIsReadIsNamed() throws {
    // A folder opens for reading, and fails the first read: no `fstat` is asked before it.
    let scratch = try ScratchFolder()
    let folder = scratch.path("list")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    let result = try CommandRunner.run("graph", ["--files-from", folder])
    #expect(result.status == 1)
    #expect(result.stderr == "\(folder): error: is a directory, not a file\n")
  }

  @Test(arguments: [32 << 10, (32 << 10) + 1, (32 << 10) + 2, 100_000])
  func aDocumentLongerThanTheFirstReadIsReadWhole(size: Int) throws {
    // Read first into a buffer of 32 KiB, then the rest at the file's size: the name at the
    // very end is found whatever side of the first buffer's end the file ends on.
    let scratch = try ScratchFolder()
    let tail = "Egypt.\n"
    let line = "The weather was mild.\n"
    let lines = (size - tail.utf8.count) / line.utf8.count
    let pad = String(repeating: " ", count: size - tail.utf8.count - lines * line.utf8.count)
    let text = pad + String(repeating: line, count: lines) + tail
    #expect(text.utf8.count == size)
    let path = try scratch.write("long.txt", text)
    let result = try CommandRunner.run("entities", [path, "--format", "tsv"])
    #expect(result.status == 0)
    #expect(result.output.contains("Egypt"))
  }

  @Test func aDocumentOverTheLimitIsRefusedBeforeItIsReadWhole() throws {
    let scratch = try ScratchFolder()
    let path = scratch.path("huge.txt")
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.truncate(atOffset: 100 << 20)
    try handle.close()
    let result = try CommandRunner.run("graph", [path])
    #expect(result.status == 1)
    #expect(result.stderr == "\(path): error: too big: 100 MiB; a document may be at most 8 MiB\n")
  }

  @Test func standardInputOverTheLimitIsRefused() throws {
    let result = try CommandRunner.run(
      "graph", ["-"], stdin: Data(repeating: UInt8(ascii: "a"), count: (8 << 20) + 10))
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "<stdin>: error: too big: more than 8 MiB; a document may be at most 8 MiB\n")
  }

  @Test func aDictionaryOverTheLimitIsRefused() throws {
    let scratch = try ScratchFolder()
    let article = try scratch.write("a.txt", "Egypt.\n")
    let path = try scratch.write("big.tsv", "id\ttype\tlabel\n")
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.truncate(atOffset: 1 << 30)
    try handle.close()
    let result = try CommandRunner.run("graph", [article, "--dictionary", path])
    #expect(result.status == 1)
    #expect(result.stderr == "\(path): error: too big: 1 GiB; a dictionary may be at most 64 MiB\n")
  }

  @Test func aJSONLinesLineOverTheLimitIsSkippedWithKeepGoing() throws {
    let scratch = try ScratchFolder()
    var bytes = Array(#"{"id": "a", "text": "Egypt and Russia."}"#.utf8) + [10]
    bytes += [UInt8](repeating: UInt8(ascii: "x"), count: (64 << 20) + 5) + [10]
    bytes += Array(#"{"id": "b", "text": "Egypt and France."}"#.utf8) + [10]
    let path = try scratch.write("news.jsonl", bytes)
    let result = try CommandRunner.run("graph", [path, "--keep-going", "--format", "json"])
    #expect(result.status == 1)
    #expect(
      result.stderrLines == [
        "\(path):2: error: line longer than 64 MiB; a JSON Lines record may be at most that long",
        "newsgraph: error: 1 document failed (reported above); the output holds the 2 read",
      ])
    #expect(result.output.contains("country/france") && result.output.contains("country/russia"))
  }

  /// 1,000 names in one sentence: the 200 mentioned most are linked (19,900 links, not
  /// 499,500), and standard error says so.
  @Test func aCrowdedSentenceIsCappedWithAWarning() throws {
    let scratch = try ScratchFolder()
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    let names = (0..<1000).map { index in
      "Zq" + String([letters[index / 676], letters[index / 26 % 26], letters[index % 26]]) + "x"
    }
    let dictionary = try scratch.write(
      "many.tsv",
      "id\ttype\tlabel\n"
        + names.enumerated().map { "organization/zq\($0.offset)\torganization\t\($0.element)\n" }
        .joined())
    let article = try scratch.write("crowd.txt", names.joined(separator: ", ") + " met.\n")
    let result = try CommandRunner.run(
      "graph", [article, "--dictionary", dictionary, "--format", "json"])
    #expect(result.status == 0, "\(result)")
    #expect(
      result.stderr
        == "crowd: warning: sentence 1 names 1000 entities; only the 200 mentioned most there are linked to each other (the limit of one window)\n"
    )
    let json = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
    #expect((json["nodes"] as? [Any])?.count == 1000)
    #expect((json["links"] as? [Any])?.count == 19_900)
  }

  /// Workers add documents to accumulators of their own: the warnings still name the first
  /// capped windows in input order, and count the rest, whatever the number of jobs.
  @Test func cappedWindowsAreReportedInInputOrderWithSeveralJobs() throws {
    let scratch = try ScratchFolder()
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    let names = (0..<201).map { index in
      "Zq" + String([letters[index / 26], letters[index % 26]]) + "x"
    }
    let dictionary = try scratch.write(
      "many.tsv",
      "id\ttype\tlabel\n"
        + names.enumerated().map { "organization/zq\($0.offset)\torganization\t\($0.element)\n" }
        .joined())
    try FileManager.default.createDirectory(
      at: scratch.url.appendingPathComponent("crowds"), withIntermediateDirectories: true)
    for index in 0..<30 {
      try scratch.write(
        "crowds/c\(index < 10 ? "0" : "")\(index).txt",
        "Quiet.\n\n" + names.joined(separator: ", ") + " met.\n")
    }
    let output = scratch.path("crowds.json")
    for jobs in ["1", "2"] {
      let result = try CommandRunner.run(
        "graph",
        [scratch.path("crowds"), "--dictionary", dictionary, "--jobs", jobs, "-o", output])
      #expect(result.status == 0, "\(result)")
      let capped = (0..<5).map { index -> Substring in
        "c0\(index): warning: sentence 2 names 201 entities; only the 200 mentioned most there are linked to each other (the limit of one window)"
      }
      #expect(
        result.stderrLines
          == capped + [
            "newsgraph: warning: 25 more windows named more than 200 entities",
            "wrote \(output) (201 entities, 19900 links)",
          ], "--jobs \(jobs)")
    }
  }

  @Test func keepGoingReportsEachFailureAndWritesTheRest() throws {
    let scratch = try ScratchFolder()
    try FileManager.default.createDirectory(
      at: scratch.url.appendingPathComponent("mixed"), withIntermediateDirectories: true)
    try scratch.write("mixed/a.txt", "Egypt and Russia signed a deal.\n")
    try scratch.write("mixed/b.txt", Array("Egypt ".utf8) + [0xFF] + Array(" and France.\n".utf8))
    try scratch.write("mixed/c.txt", "Russia and China met.\n")
    let jsonl = try scratch.write(
      "news.jsonl",
      """
      {"id": "x", "text": "Egypt and Israel."}
      {"id": 3}
      {"id": "y", "text": "Egypt and Jordan."}

      """)
    let output = scratch.path("kept.json")
    let arguments = [scratch.path("mixed"), jsonl, scratch.path("missing.txt"), "-o", output]
    for jobs in ["1", "2"] {
      let result = try CommandRunner.run(
        "graph", arguments + ["--keep-going", "--jobs", jobs, "--progress", "never"])
      #expect(result.status == 1)
      #expect(
        result.stderrLines == [
          "\(scratch.path("mixed"))/b.txt: error: invalid UTF-8 at byte offset 6",
          "\(jsonl):2:8: error: 'id' must be a string, not a number",
          "\(scratch.path("missing.txt")): error: no such file",
          "wrote \(output) (5 entities, 4 links)",
          "newsgraph: error: 3 documents failed (reported above); the output holds the 4 read",
        ], "--jobs \(jobs)")
    }
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output)))
        as? [String: Any])
    #expect((json["graph"] as? [String: Any])?["documents"] as? Int == 4)
    // Without --keep-going the first failure stops the run and nothing is written.
    try FileManager.default.removeItem(atPath: output)
    let stopped = try CommandRunner.run("graph", arguments)
    #expect(stopped.status == 1)
    #expect(
      stopped.stderrLines == [
        "\(scratch.path("mixed"))/b.txt: error: invalid UTF-8 at byte offset 6"
      ])
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func diffWithKeepGoingExitsTwoAfterWriting() throws {
    let scratch = try ScratchFolder()
    let good = try scratch.write("good.txt", "Egypt and Russia signed a deal.\n")
    let result = try CommandRunner.run(
      "diff", [good, scratch.path("missing.txt"), "--keep-going", "--format", "json"])
    #expect(result.status == 2)
    #expect(result.output.contains("\"same\": false"))
    #expect(result.stderrLines.last?.hasPrefix("newsgraph: error: 1 document failed") == true)
  }
}
