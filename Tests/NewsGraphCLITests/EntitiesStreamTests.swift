import Foundation
import Testing

/// `entities` over a corpus: the inputs `graph` reads, every document written in input order
/// as it is done, the same bytes for any `--jobs`, and no output file unless all is written.
@Suite(.enabled(if: CommandRunner.hasDictionaries, "dictionaries/ has not been generated yet"))
struct EntitiesStreamTests {
  static let jsonl = """
    {"id": "w1", "text": "Egypt and Russia signed a deal in Cairo.", "date": "2024-05-01"}
    {"id": "w2", "text": "Vladimir Putin met Abdel Fattah al-Sisi in Moscow."}

    """

  /// A folder of six articles, a JSON Lines file of two and the bundled article.
  static func corpus(_ scratch: ScratchFolder) throws -> [String] {
    [
      try Articles.folder(scratch), try scratch.write("news.jsonl", jsonl),
      "examples/russia-egypt.txt",
    ]
  }

  static let ids = [
    "a0", "a1", "a2", "more/b3", "more/b4", "more/b5", "w1", "w2", "russia-egypt",
  ]

  @Test func foldersAndJSONLinesAreRead() throws {
    let scratch = try ScratchFolder()
    let inputs = try Self.corpus(scratch)
    let result = try CommandRunner.run("entities", inputs + ["--format", "json"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty)
    let json = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
    let documents = try #require(json["documents"] as? [[String: Any]])
    #expect(documents.compactMap { $0["id"] as? String } == Self.ids)
    let w2 = try #require(documents.first { $0["id"] as? String == "w2" })
    let entities = (w2["entities"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    #expect(entities.contains("person/vladimir-putin"), "\(entities)")
  }

  /// `--format jsonl`: a line a document, each the document `--format json` lists.
  @Test func jsonLinesFormatIsADocumentALine() throws {
    let scratch = try ScratchFolder()
    let inputs = try Self.corpus(scratch)
    let lines = try CommandRunner.run("entities", inputs + ["--format", "jsonl"])
    #expect(lines.status == 0, "\(lines)")
    let whole = try CommandRunner.run("entities", inputs + ["--format", "json"])
    let json = try #require(try JSONSerialization.jsonObject(with: whole.stdout) as? NSDictionary)
    let documents = try #require(json["documents"] as? [NSDictionary])
    let split = lines.output.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(split.count == Self.ids.count + 1 && split.last == "", "one line a document")
    for (line, document) in zip(split, documents) {
      let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? NSDictionary
      #expect(parsed == document)
    }
  }

  @Test(arguments: ["table", "tsv", "json", "jsonl"])
  func parallelOutputIsTheSerialOutput(format: String) throws {
    let scratch = try ScratchFolder()
    let inputs = try Self.corpus(scratch) + ["--format", format, "--explain"]
    let serial = try CommandRunner.run("entities", inputs + ["--jobs", "1"])
    #expect(serial.status == 0, "\(serial)")
    #expect(serial.stderr.hasPrefix("== a0\n"))
    for jobs in ["2", "3", "8"] {
      let parallel = try CommandRunner.run("entities", inputs + ["--jobs", jobs])
      #expect(parallel.status == 0)
      #expect(parallel.stdout == serial.stdout, "--jobs \(jobs)")
      #expect(parallel.stderr == serial.stderr, "--explain with --jobs \(jobs)")
    }
  }

  /// The first failure in input order stops the run: an output file is not written (one that
  /// was there is left as it was, and no temporary file is left beside it); standard output
  /// has had the documents before it.
  @Test func firstFailureStopsTheRunAndLeavesNoFile() throws {
    let scratch = try ScratchFolder()
    let inputs = try Articles.withMissingFiles(scratch)
    try FileManager.default.createDirectory(
      atPath: scratch.path("out"), withIntermediateDirectories: true)
    let output = try scratch.write("out/old.tsv", "kept\n")
    for jobs in ["1", "2", "4"] {
      let result = try CommandRunner.run(
        "entities", inputs + ["--format", "tsv", "--jobs", jobs, "-o", output])
      #expect(result.status == 1)
      #expect(
        result.stderr == "\(scratch.path("missing-1.txt")): error: no such file\n",
        "--jobs \(jobs)")
      #expect(try String(contentsOfFile: output, encoding: .utf8) == "kept\n")
      #expect(
        try FileManager.default.contentsOfDirectory(atPath: scratch.path("out")) == ["old.tsv"])
      let streamed = try CommandRunner.run(
        "entities", inputs + ["--format", "jsonl", "--jobs", jobs])
      #expect(streamed.status == 1)
      let ids = try streamed.output.split(separator: "\n").map {
        try #require(
          try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["id"]
          as? String
      }
      #expect(ids == (0..<7).map { "ok\($0)" }, "--jobs \(jobs)")
    }
  }

  @Test func keepGoingReportsEachFailureInPlaceAndWritesTheRest() throws {
    let scratch = try ScratchFolder()
    let inputs = try Articles.withMissingFiles(scratch)
    let bad = try scratch.write(
      "bad.jsonl", "{\"id\": \"x\", \"text\": \"Egypt and Israel.\"}\n{\"id\": 3}\n")
    var outputs: [Data] = []
    for jobs in ["1", "2", "4"] {
      let result = try CommandRunner.run(
        "entities", inputs + [bad, "--format", "jsonl", "--keep-going", "--jobs", jobs])
      #expect(result.status == 1)
      #expect(
        result.stderrLines == [
          "\(scratch.path("missing-1.txt")): error: no such file",
          "\(scratch.path("missing-2.txt")): error: no such file",
          "\(bad):2:8: error: 'id' must be a string, not a number",
          "newsgraph: error: 3 documents failed (reported above); the output holds the 13 read",
        ], "--jobs \(jobs)")
      let ids = try result.output.split(separator: "\n").map {
        try #require(
          try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["id"]
          as? String
      }
      #expect(ids == (0..<12).map { "ok\($0)" } + ["x"])
      outputs.append(result.stdout)
    }
    #expect(Set(outputs).count == 1)
  }

  /// `--progress always` draws the bar on standard error, and leaves the output as it was;
  /// `--explain` writes there a document at a time, and turns the bar off.
  @Test func progressBarUnlessExplaining() throws {
    let scratch = try ScratchFolder()
    let inputs = try Self.corpus(scratch) + ["--format", "tsv"]
    let quiet = try CommandRunner.run("entities", inputs)
    let shown = try CommandRunner.run("entities", inputs + ["--progress", "always"])
    #expect(shown.status == 0)
    #expect(shown.stdout == quiet.stdout)
    #expect(shown.stderr.contains("9 documents"), "\(shown.stderr)")
    let explained = try CommandRunner.run("entities", inputs + ["--explain"])
    let both = try CommandRunner.run("entities", inputs + ["--explain", "--progress", "always"])
    #expect(both.stdout == quiet.stdout)
    #expect(both.stderr == explained.stderr)
  }

  /// With every document failed, the JSON list is still whole, with no documents.
  @Test func noDocumentWrittenIsAnEmptyList() throws {
    let scratch = try ScratchFolder()
    let result = try CommandRunner.run(
      "entities", [scratch.path("missing.txt"), "--format", "json", "--keep-going"])
    #expect(result.status == 1)
    #expect(
      result.output == "{\n  \"generator\": \"newsgraph 0.1.0\",\n  \"documents\": []\n}\n")
  }
}
