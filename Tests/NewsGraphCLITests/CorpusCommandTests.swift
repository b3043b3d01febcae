import Foundation
import Testing

/// Small invented articles for corpus tests.
enum Articles {
  static let texts = [
    "Egypt and Russia signed a grain deal in Cairo on Monday. Vladimir Putin praised Egypt.\n",
    "France and Germany met in Paris. Emmanuel Macron said France would help Ukraine.\n\nRussia objected.\n",
    "The United Nations met in Geneva. China and Russia blocked the resolution on Syria.\n",
    "Abdel Fattah al-Sisi visited Moscow. Egypt and Russia agreed on arms. Putin smiled.\n",
    "Nothing to see here, no names at all.\n",
    "Japan and China talked about trade in Tokyo. Japan wants calm with China.\n",
  ]

  /// A folder of articles: three at the top, three in `more/`, plus files that are not read.
  static func folder(_ scratch: ScratchFolder) throws -> String {
    let root = scratch.url.appendingPathComponent("corpus")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("more"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent(".hidden"), withIntermediateDirectories: true)
    for (index, text) in texts.enumerated() {
      let name = index < 3 ? "a\(index).txt" : "more/b\(index).txt"
      try Data(text.utf8).write(to: root.appendingPathComponent(name))
    }
    try Data("Iran and Iraq.\n".utf8).write(to: root.appendingPathComponent("notes.md"))
    try Data("Iran and Iraq.\n".utf8).write(to: root.appendingPathComponent(".hidden/x.txt"))
    return root.path
  }

  /// Twelve articles, `ok0.txt` to `ok11.txt`, with two missing files among them: after the
  /// seventh (`missing-1.txt`) and the ninth (`missing-2.txt`).
  static func withMissingFiles(_ scratch: ScratchFolder) throws -> [String] {
    var inputs: [String] = []
    for index in 0..<12 {
      inputs.append(try scratch.write("ok\(index).txt", texts[index % texts.count]))
    }
    inputs.insert(scratch.path("missing-1.txt"), at: 7)
    inputs.insert(scratch.path("missing-2.txt"), at: 10)
    return inputs
  }
}

@Suite(.enabled(if: CommandRunner.hasDictionaries, "dictionaries/ has not been generated yet"))
struct CorpusCommandTests {
  static func json(_ data: Data) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test func folderIsReadRecursivelyWithPathIDs() throws {
    let scratch = try ScratchFolder()
    let folder = try Articles.folder(scratch)
    let result = try CommandRunner.run("graph", [folder, "--format", "json", "--evidence", "10"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty)
    let json = try Self.json(result.stdout)
    #expect(
      (json["graph"] as? [String: Any])?["documents"] as? Int == 6,
      "notes.md and .hidden/ are skipped")
    let links = try #require(json["links"] as? [[String: Any]])
    let documents = Set(
      links.flatMap { ($0["evidence"] as? [[String: Any]]) ?? [] }.compactMap {
        $0["document"] as? String
      })
    #expect(documents.isSuperset(of: ["a0", "a1", "more/b3"]), "\(documents)")
    let ids = try #require(json["nodes"] as? [[String: Any]]).compactMap { $0["id"] as? String }
    #expect(!ids.contains("country/iran"))
  }

  /// The walk takes a folder's word for what a name is, and asks (`stat`) only of a link, or of
  /// every name when the progress bar wants the files' sizes: either way only regular files are
  /// read (a link to one too); a link to a folder is not followed, and a broken link or a pipe
  /// named like an article is passed over.
  @Test(arguments: [false, true])
  func folderWalkReadsRegularFilesOnly(progress: Bool) throws {
    let scratch = try ScratchFolder()
    let folder = try Articles.folder(scratch)
    let files = FileManager.default
    try files.createSymbolicLink(
      atPath: folder + "/linked", withDestinationPath: folder + "/more")
    try files.createSymbolicLink(
      atPath: folder + "/broken.txt", withDestinationPath: scratch.path("missing.txt"))
    try files.createSymbolicLink(
      atPath: folder + "/alias.txt", withDestinationPath: folder + "/a1.txt")
    #expect(mkfifo(folder + "/pipe.txt", 0o644) == 0)
    let result = try CommandRunner.run(
      "graph",
      [folder, "--format", "json", "--evidence", "10"]
        + (progress ? ["--progress", "always"] : []))
    #expect(result.status == 0, "\(result)")
    // The bar's share of the corpus done needs the sizes of the files.
    #expect(progress ? result.stderr.contains("100% 7/7 documents") : result.stderr.isEmpty)
    let json = try Self.json(result.stdout)
    #expect((json["graph"] as? [String: Any])?["documents"] as? Int == 7)
    let links = try #require(json["links"] as? [[String: Any]])
    let documents = Set(
      links.flatMap { ($0["evidence"] as? [[String: Any]]) ?? [] }.compactMap {
        $0["document"] as? String
      })
    #expect(!documents.contains { $0.hasPrefix("linked/") }, "\(documents)")
    #expect(documents.contains("alias"), "\(documents)")
  }

  @Test func parallelOutputIsTheSerialOutput() throws {
    let scratch = try ScratchFolder()
    let folder = try Articles.folder(scratch)
    let inputs = [folder, "examples/russia-egypt.txt", folder + "/a1.txt"]
    for format in ["json", "dot", "gexf"] {
      let serial = try CommandRunner.run("graph", inputs + ["--format", format, "--jobs", "1"])
      #expect(serial.status == 0, "\(serial)")
      for jobs in ["2", "3", "8"] {
        let parallel = try CommandRunner.run(
          "graph", inputs + ["--format", format, "--jobs", jobs])
        #expect(parallel.status == 0)
        #expect(parallel.stdout == serial.stdout, "\(format) with --jobs \(jobs)")
      }
    }
  }

  /// File names and the document ids a path to them gives.
  static let documentIDs: [(name: String, id: String, explanation: String)] = [
    ("x.y.txt", "x.y", "only the last extension is cut"),
    (".profile", ".profile", "a dot that starts the name is no extension"),
    ("..txt", ".", "the last dot is the extension's, though another starts the name"),
    ("plain", "plain", "no extension"),
    ("trailing.", "trailing", "an empty extension"),
    ("wire news/a.b.txt", "a.b", "the name after the last slash, spaces kept"),
    ("é.b.txt", "é.b", "a path that is not ASCII is cut by its characters"),
  ]

  @Test func documentIDsAreFileNamesWithoutExtension() throws {
    let scratch = try ScratchFolder()
    try FileManager.default.createDirectory(
      at: scratch.url.appendingPathComponent("wire news"), withIntermediateDirectories: true)
    var paths = try Self.documentIDs.map { try scratch.write($0.name, "Egypt and Russia.\n") }
    // Repeated slashes are read as one.
    paths[0] = paths[0].replacingOccurrences(of: "/x.y.txt", with: "//x.y.txt")
    let result = try CommandRunner.run("entities", paths + ["--format", "json"])
    #expect(result.status == 0, "\(result)")
    let documents = try #require(Self.json(result.stdout)["documents"] as? [[String: Any]])
    let ids = documents.compactMap { $0["id"] as? String }
    for (index, example) in Self.documentIDs.enumerated() {
      #expect(
        ids.indices.contains(index) && ids[index] == example.id,
        "\(example.name): \(example.explanation)")
    }
  }

  @Test func emptyFolderFails() throws {
    let scratch = try ScratchFolder()
    let result = try CommandRunner.run("graph", [scratch.url.path])
    #expect(result.status == 1, "\(result)")
    #expect(result.stderr == "\(scratch.url.path): error: no .txt files in this folder\n")
  }

  @Test func firstFailureInInputOrderIsReported() throws {
    let scratch = try ScratchFolder()
    let inputs = try Articles.withMissingFiles(scratch)
    for jobs in ["1", "2", "4"] {
      let result = try CommandRunner.run("graph", inputs + ["--jobs", jobs])
      #expect(result.status == 1)
      #expect(
        result.stderr == "\(scratch.path("missing-1.txt")): error: no such file\n", "--jobs \(jobs)"
      )
      #expect(result.stdout.isEmpty)
    }
  }

  static let jsonl = """
    {"id": "w1", "text": "Egypt and Russia signed a deal in Cairo.", "date": "2024-05-01", "source": "Wire", "title": "Deal"}
    {"id": "w2", "text": "Russia and Egypt met again in Moscow.", "date": "2024-05-02T10:00:00Z"}

    {"id": "w3", "text": "China and Japan talked.", "date": null, "source": null}

    """

  @Test func jsonLinesCarryDatesSourcesAndTitles() throws {
    let scratch = try ScratchFolder()
    let path = try scratch.write("news.jsonl", Self.jsonl)
    let result = try CommandRunner.run("graph", [path, "--format", "json"])
    #expect(result.status == 0, "\(result)")
    let json = try Self.json(result.stdout)
    #expect((json["graph"] as? [String: Any])?["documents"] as? Int == 3)
    let egypt = try #require(
      (json["nodes"] as? [[String: Any]])?.first { $0["id"] as? String == "country/egypt" })
    #expect(egypt["dates"] as? [String] == ["2024-05-01", "2024-05-02"])
    let link = try #require(
      (json["links"] as? [[String: Any]])?.first {
        $0["source"] as? String == "country/egypt" && $0["target"] as? String == "country/russia"
      })
    let evidence = try #require(link["evidence"] as? [[String: Any]])
    #expect(evidence.first?["source"] as? String == "Wire")
    #expect(evidence.first?["title"] as? String == "Deal")
    #expect(evidence.first?["date"] as? String == "2024-05-01")
    // Standard input with --jsonl, and any file name with --jsonl, read the same.
    let stdin = try CommandRunner.run(
      "graph", ["-", "--jsonl", "--format", "json"], stdin: Data(Self.jsonl.utf8))
    #expect(stdin.stdout == result.stdout)
    let renamed = try scratch.write("news.data", Self.jsonl)
    let flagged = try CommandRunner.run("graph", [renamed, "--jsonl", "--format", "json"])
    #expect(flagged.stdout == result.stdout)
  }

  struct BadLine: Sendable, CustomTestStringConvertible {
    var line: String
    var message: String
    var explanation: String
    var testDescription: String { explanation }
  }

  @Test(arguments: [
    BadLine(
      line: "{\"id\": \"x\"}", message: ":2:1: error: the article has no 'text' field",
      explanation: "missing text"),
    BadLine(
      line: "{\"id\": \"x\", \"text\": 5}",
      message: ":2:21: error: 'text' must be a string, not a number",
      explanation: "text not a string"),
    BadLine(
      line: "{\"id\": \"x\", \"text\": \"a\", \"date\": \"May 1\"}",
      message:
        ":2:34: error: 'date' must be a day (YYYY-MM-DD) or an ISO 8601 timestamp, not 'May 1'",
      explanation: "bad date"),
    BadLine(
      line: "[\"x\"]",
      message:
        ":2:1: error: expected an article object {\"id\": ..., \"text\": ...}, found an array",
      explanation: "not an object"),
    BadLine(
      line: "{\"id\": \"x\", \"text\": \"a\",}", message: ":2:25: error: trailing comma before '}'",
      explanation: "broken JSON"),
    BadLine(
      line: "{\"id\": \"\", \"text\": \"a\"}", message: ":2:8: error: 'id' is empty",
      explanation: "empty id"),
    BadLine(
      line: "{\"id\": null, \"text\": \"a\"}",
      message: ":2:1: error: the article has no 'id' field", explanation: "null id"),
    BadLine(
      line: "{\"id\": \"x\", \"text\": \"a\", \"id\": \"y\"}",
      message: ":2:26: error: duplicate key 'id'", explanation: "duplicate key"),
    BadLine(
      line: "{\"id\": \"x\", \"i\\u0064\": \"y\", \"text\": \"a\"}",
      message: ":2:13: error: duplicate key 'id'", explanation: "duplicate key, escaped"),
    BadLine(
      line: "{\"id\": \"x\", \"text\": \"a\\ud800b\"}",
      message: ":2:23: error: lone surrogate \\uD800 in a string",
      explanation: "lone surrogate in the text"),
    BadLine(
      line: "{\"id\": \"x\", \"text\": \"a\\qb\"}",
      message: ":2:23: error: invalid escape '\\q' in a string", explanation: "bad escape"),
    BadLine(
      line: "{\"id\": \"x\", \"text\": \"a\"} x",
      message: ":2:26: error: unexpected 'x' after the JSON value", explanation: "trailing garbage"),
    BadLine(
      line: "{\"id\": \"x\", \"text\": \"a\", \"date\": nullx}",
      message: ":2:38: error: unexpected 'x': expected ',' or '}'",
      explanation: "a word that starts like null"),
  ])
  func badJSONLinesNameFileLineAndColumn(_ example: BadLine) throws {
    let scratch = try ScratchFolder()
    let path = try scratch.write(
      "bad.jsonl", "{\"id\": \"ok\", \"text\": \"Egypt and Russia.\"}\n\(example.line)\n")
    let result = try CommandRunner.run("graph", [path])
    #expect(result.status == 1, "\(result)")
    #expect(result.stderr == path + example.message + "\n")
    #expect(result.stdout.isEmpty)
  }

  /// Records the flat reader takes, each with a twin it leaves to the general reader (an
  /// extra member that is an array): escapes in keys and texts, nulls, other keys, a NUL and
  /// a leading U+FEFF in the text, white space everywhere.
  static let flatRecords = [
    #"{"id": "f1", "text": "Egypt and Russia met.\nChina and Japan talked.", "date": "2024-05-01"}"#,
    #"{"i\u0064": "f2", "te\u0078t": "\u00c9gypte, Egypt and \"Russia\" \ud83d\ude00 met."}"#,
    #"{"id": "f3", "text": "Egypt\u0000 and Russia met.", "source": null, "title": "T"}"#,
    #"{"id": "f4", "text": "\ufeffEgypt and Russia met.", "url": "u", "n": null}"#,
    #" { "id" : "f5" , "text" : "Zürich, Egypt and Russia." , "date" : null } "#,
    #"{"id": "f6", "text": "Egypt and Russia.", "date": "2024-05-02T10:00:00Z", "source": "W"}"#,
  ]

  @Test func flatRecordsReadAsTheGeneralReaderReadsThem() throws {
    let scratch = try ScratchFolder()
    let flat = try scratch.write("flat.jsonl", Self.flatRecords.joined(separator: "\n"))
    let general = try scratch.write(
      "general.jsonl",
      Self.flatRecords.map { $0.replacingOccurrences(of: "{", with: #"{"x": [], "#) }
        .joined(separator: "\n"))
    let arguments = ["--format", "json", "--window", "document"]
    let flatResult = try CommandRunner.run("graph", [flat] + arguments)
    let generalResult = try CommandRunner.run("graph", [general] + arguments)
    #expect(flatResult.status == 0, "\(flatResult)")
    #expect(flatResult.stdout == generalResult.stdout)
    #expect(
      (try Self.json(flatResult.stdout)["graph"] as? [String: Any])?["documents"] as? Int == 6)
  }

  @Test func weightOptionChoosesTheWeightAndKeepsCounts() throws {
    let result = try CommandRunner.run(
      "graph", ["examples/russia-egypt.txt", "--format", "json", "--weight", "npmi"])
    #expect(result.status == 0, "\(result)")
    let json = try Self.json(result.stdout)
    #expect((json["graph"] as? [String: Any])?["weight"] as? String == "npmi")
    let links = try #require(json["links"] as? [[String: Any]])
    #expect(links.allSatisfy { ($0["weight"] as? Double).map { $0 >= -1 && $0 <= 1 } == true })
    #expect(links.allSatisfy { $0["count"] is Int && $0["documents"] is Int })
    let bad = try CommandRunner.run("graph", ["examples/russia-egypt.txt", "--weight", "tfidf"])
    #expect(bad.status == 64)
  }

  @Test func pruningOptionsCutTheGraph() throws {
    let base = ["examples/russia-egypt.txt", "--format", "json"]
    let people = try Self.json(
      try CommandRunner.run("graph", base + ["--types", "person, country"]).stdout)
    let types = Set(
      try #require(people["nodes"] as? [[String: Any]]).compactMap { $0["type"] as? String })
    #expect(types == ["person", "country"])
    #expect((people["graph"] as? [String: Any])?["pruned"] as? Bool == true)

    let top = try Self.json(try CommandRunner.run("graph", base + ["--top-edges", "3"]).stdout)
    #expect((top["links"] as? [Any])?.count == 3)

    let ego = try Self.json(
      try CommandRunner.run("graph", base + ["--focus", "Morsi", "--depth", "1"]).stdout)
    let egoIDs = try #require(ego["nodes"] as? [[String: Any]]).compactMap { $0["id"] as? String }
    #expect(egoIDs == ["person/abdel-fattah-al-sisi", "person/mohamed-morsi"])

    let backbone = try Self.json(
      try CommandRunner.run("graph", base + ["--backbone", "0.3"]).stdout)
    let all = try Self.json(try CommandRunner.run("graph", base).stdout)
    #expect(((backbone["links"] as? [Any])?.count ?? 0) < ((all["links"] as? [Any])?.count ?? 0))

    let unknown = try CommandRunner.run("graph", base + ["--focus", "Atlantis"])
    #expect(unknown.status == 1)
    #expect(unknown.stderr == "newsgraph: error: --focus 'Atlantis': no such entity in the graph\n")
    let badType = try CommandRunner.run("graph", base + ["--types", "people"])
    #expect(badType.status == 64)
    #expect(badType.stderr.contains("unknown type 'people'"))
  }

  @Test func csvWritesTwoNamedFiles() throws {
    let scratch = try ScratchFolder()
    let result = try CommandRunner.run(
      "graph", ["examples/russia-egypt.txt", "-o", scratch.path("g.csv")])
    #expect(result.status == 0, "\(result)")
    let names = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted()
    #expect(names == ["g.edges.csv", "g.nodes.csv"])
    #expect(
      result.stderr.contains(
        "wrote \(scratch.path("g.nodes.csv")) and \(scratch.path("g.edges.csv"))"))
    let nodes = try String(contentsOfFile: scratch.path("g.nodes.csv"), encoding: .utf8)
    #expect(nodes.hasPrefix("id,label,type,mentions,documents,windows,aliases,dates\r\n"))
    let toStdout = try CommandRunner.run(
      "graph", ["examples/russia-egypt.txt", "--format", "csv", "-o", "-"])
    #expect(toStdout.status == 64)
  }

  @Test func progressBarOnlyWhenAskedOrOnATerminal() throws {
    let quiet = try CommandRunner.run("graph", ["examples/russia-egypt.txt", "--format", "json"])
    #expect(quiet.stderr.isEmpty, "standard error is a pipe here: no bar")
    let shown = try CommandRunner.run(
      "graph", ["examples/russia-egypt.txt", "--format", "json", "--progress", "always"])
    #expect(shown.status == 0)
    #expect(shown.stdout == quiet.stdout)
    #expect(shown.stderr.contains("1/1 documents"), "\(shown.stderr)")
    #expect(shown.stderr.contains("MB/s"))
  }
}
