import Foundation
import Testing

/// The `newsgraph` binary as a user runs it: stdout, stderr and exit status checked apart.
@Suite(.enabled(if: CommandRunner.hasDictionaries, "dictionaries/ has not been generated yet"))
struct CommandLineTests {
  static func json(_ data: Data) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test func helpExitsZero() throws {
    let result = try CommandRunner.run(["--help"])
    #expect(result.status == 0, "\(result)")
    #expect(result.output.contains("USAGE"))
    #expect(result.output.contains("graph") && result.output.contains("entities"))
    #expect(result.stderr.isEmpty)
  }

  @Test func noInputIsAUsageError() throws {
    let result = try CommandRunner.run("graph", [])
    #expect(result.status == 64, "\(result)")
    #expect(result.stdout.isEmpty)
  }

  @Test func exampleGraphLinksRussiaAndEgyptMost() throws {
    let result = try CommandRunner.run("graph", ["examples/russia-egypt.txt", "--format", "json"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty, "nothing to say on stderr when writing to stdout")
    let json = try Self.json(result.stdout)
    let nodes = try #require(json["nodes"] as? [[String: Any]])
    let links = try #require(json["links"] as? [[String: Any]])
    var labels: [String: String] = [:]
    for node in nodes {
      if let id = node["id"] as? String, let label = node["label"] as? String { labels[id] = label }
    }
    let weights = links.map { link in
      (
        Set(
          [link["source"] as? String ?? "", link["target"] as? String ?? ""].map {
            labels[$0] ?? $0
          }),
        link["weight"] as? Double ?? 0
      )
    }
    let heaviest = try #require(weights.map(\.1).max())
    let russiaEgypt = weights.first { $0.0 == ["Russia", "Egypt"] }?.1
    #expect(
      russiaEgypt == heaviest, "heaviest links: \(weights.filter { $0.1 == heaviest }.map(\.0))")
    #expect(weights.filter { $0.1 == heaviest }.count == 1, "Russia–Egypt alone is the heaviest")
  }

  @Test func dotGoesToStandardOutputByDefault() throws {
    let result = try CommandRunner.run("graph", ["examples/russia-egypt.txt"])
    #expect(result.status == 0, "\(result)")
    #expect(result.output.hasPrefix("graph newsgraph {"))
    #expect(result.output.hasSuffix("}\n"))
  }

  @Test func outputFileIsWrittenAndAnnounced() throws {
    let scratch = try ScratchFolder()
    let target = scratch.path("out.dot")
    let result = try CommandRunner.run("graph", ["examples/russia-egypt.txt", "-o", target])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.isEmpty, "the graph goes to the file, not to stdout")
    #expect(result.stderrLines.count == 1)
    #expect(result.stderr.contains("wrote \(target)"))
    let written = try String(contentsOfFile: target, encoding: .utf8)
    #expect(written.hasPrefix("graph newsgraph {"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)
    #expect(leftovers == ["out.dot"], "no temporary file is left behind")
  }

  @Test func formatComesFromTheExtension() throws {
    let scratch = try ScratchFolder()
    let jsonPath = scratch.path("graph.json")
    let json = try CommandRunner.run("graph", ["examples/russia-egypt.txt", "-o", jsonPath])
    #expect(json.status == 0, "\(json)")
    let data = try #require(FileManager.default.contents(atPath: jsonPath))
    let object = try Self.json(data)
    #expect((object["nodes"] as? [Any])?.isEmpty == false)

    let svgPath = scratch.path("graph.svg")
    let svg = try CommandRunner.run("graph", ["examples/russia-egypt.txt", "-o", svgPath])
    #expect(svg.status == 0, "\(svg)")
    let image = try String(contentsOfFile: svgPath, encoding: .utf8)
    #expect(image.contains("<svg"))
    #expect(image.contains("Vladimir Putin"))
  }

  @Test func unknownExtensionIsAUsageError() throws {
    let scratch = try ScratchFolder()
    let result = try CommandRunner.run(
      "graph", ["examples/russia-egypt.txt", "-o", scratch.path("graph.xyz")])
    #expect(result.status == 64, "\(result)")
    #expect(!FileManager.default.fileExists(atPath: scratch.path("graph.xyz")))
  }

  @Test func missingFileFailsWithOneLine() throws {
    let scratch = try ScratchFolder()
    let missing = scratch.path("nope.txt")
    let result = try CommandRunner.run("graph", [missing])
    #expect(result.status == 1, "\(result)")
    #expect(result.stderrLines.count == 1, "\(result.stderr)")
    #expect(result.stderr.contains(missing))
    #expect(result.stderr.contains("no such file"))
    #expect(result.stdout.isEmpty)
  }

  @Test func folderWithoutArticlesFails() throws {
    // `entities` reads a folder as a corpus, as `graph` does (CorpusCommandTests,
    // EntitiesStreamTests): one with no article in it is an error naming it.
    let scratch = try ScratchFolder()
    let result = try CommandRunner.run("entities", [scratch.url.path])
    #expect(result.status == 1, "\(result)")
    #expect(result.stderr == "\(scratch.url.path): error: no .txt files in this folder\n")
    #expect(result.stdout.isEmpty)
  }

  @Test func invalidUTF8NamesTheByteOffset() throws {
    let scratch = try ScratchFolder()
    let path = try scratch.write(
      "bad.txt", Array("Egypt é ".utf8) + [0xC3, 0x28] + Array(" Russia".utf8))
    let result = try CommandRunner.run("graph", [path])
    #expect(result.status == 1, "\(result)")
    #expect(result.stderrLines.count == 1)
    #expect(result.stderr.contains(path))
    #expect(result.stderr.contains("invalid UTF-8 at byte offset 9"))
    #expect(result.stdout.isEmpty)
  }

  @Test func binaryFileFails() throws {
    let scratch = try ScratchFolder()
    let path = try scratch.write("image.bin", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D])
    let result = try CommandRunner.run("graph", [path])
    #expect(result.status == 1, "\(result)")
    #expect(result.stderr.contains(path))
    #expect(result.stdout.isEmpty)
    let nul = try scratch.write("nul.txt", Array("Egypt".utf8) + [0x00] + Array("Russia".utf8))
    let second = try CommandRunner.run("graph", [nul, "--format", "json"])
    #expect(second.status == 1, "\(second)")
    #expect(second.stderr.contains("byte offset 5"))
  }

  @Test func emptyFileGivesAnEmptyGraph() throws {
    let scratch = try ScratchFolder()
    let path = try scratch.write("empty.txt", "")
    let result = try CommandRunner.run("graph", [path, "--format", "json"])
    #expect(result.status == 0, "\(result)")
    let json = try Self.json(result.stdout)
    #expect((json["nodes"] as? [Any])?.count == 0)
    #expect((json["links"] as? [Any])?.count == 0)
    #expect((json["graph"] as? [String: Any])?["documents"] as? Int == 1)
  }

  @Test func unwritableOutputFailsAndLeavesNoFile() throws {
    let target = "/nonexistent-dir/x.json"
    let result = try CommandRunner.run("graph", ["examples/russia-egypt.txt", "-o", target])
    #expect(result.status == 1, "\(result)")
    #expect(result.stderrLines.count == 1)
    #expect(result.stderr.contains(target))
    #expect(!FileManager.default.fileExists(atPath: target))
    #expect(result.stdout.isEmpty)
  }

  @Test func outputToADeviceIsWrittenInPlace() throws {
    let result = try CommandRunner.run(
      "graph", ["examples/russia-egypt.txt", "-o", "/dev/null", "--format", "json"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.isEmpty)
  }

  @Test func outputIntoADirectoryFails() throws {
    let scratch = try ScratchFolder()
    let result = try CommandRunner.run(
      "graph", ["examples/russia-egypt.txt", "-o", scratch.url.path, "--format", "json"])
    #expect(result.status == 1, "\(result)")
    #expect(result.stderr.contains("is a directory"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
  }

  @Test func brokenUserDictionaryNamesFileAndLine() throws {
    let scratch = try ScratchFolder()
    let path = try scratch.write(
      "mine.tsv",
      "id\ttype\tlabel\taliases\n# my places\nplace/acme-town\tplace\tAcme Town\t\nplace/bad\tvillage\tBad\t\n"
    )
    let result = try CommandRunner.run(
      "graph", ["examples/russia-egypt.txt", "--dictionary", path])
    #expect(result.status == 1, "\(result)")
    #expect(result.stderrLines.count == 1)
    #expect(result.stderr.contains("\(path):4:"), "\(result.stderr)")
    #expect(result.stderr.contains("error:"))
    #expect(result.stdout.isEmpty)
  }

  @Test func userDictionaryAddsAnEntity() throws {
    let scratch = try ScratchFolder()
    let dictionary = try scratch.write(
      "mine.tsv", "id\ttype\tlabel\norganization/zork-works\torganization\tZork Works\n")
    let article = try scratch.write("a.txt", "Zork Works opened an office in Cairo, Egypt.\n")
    let result = try CommandRunner.run(
      "entities", [article, "--format", "tsv", "--dictionary", dictionary])
    #expect(result.status == 0, "\(result)")
    #expect(result.output.contains("\torganization/zork-works\t"))
  }

  @Test func unknownWindowIsAUsageError() throws {
    let result = try CommandRunner.run(
      "graph", ["examples/russia-egypt.txt", "--window", "fortnight"])
    #expect(result.status == 64, "\(result)")
    #expect(result.stderr.contains("fortnight"))
    #expect(result.stdout.isEmpty)
  }

  @Test func otherWindowsAreAccepted() throws {
    for window in ["paragraph", "document", "3"] {
      let result = try CommandRunner.run(
        "graph", ["examples/russia-egypt.txt", "--format", "json", "--window", window])
      #expect(result.status == 0, "\(window): \(result)")
      let graph = try Self.json(result.stdout)["graph"] as? [String: Any]
      #expect(graph?["window"] as? String == window)
    }
  }

  @Test func entityOffsetsAreCodePoints() throws {
    let scratch = try ScratchFolder()
    let input =
      "😀🇪🇬 Café crème — «Égypte»: Egypt\u{2019}s Défense chief met Putin in Moscow, Russia.\n"
    let path = try scratch.write("offsets.txt", input)
    let result = try CommandRunner.run("entities", [path, "--format", "json"])
    #expect(result.status == 0, "\(result)")
    let json = try Self.json(result.stdout)
    let documents = try #require(json["documents"] as? [[String: Any]])
    let mentions = try #require(documents.first?["mentions"] as? [[String: Any]])
    let texts = mentions.compactMap { $0["text"] as? String }
    #expect(
      texts.contains("Egypt") && texts.contains("Moscow") && texts.contains("Russia"), "\(texts)")
    let scalars = Array(input.unicodeScalars)
    for mention in mentions {
      let start = try #require(mention["start"] as? Int)
      let end = try #require(mention["end"] as? Int)
      try #require(0 <= start && start < end && end <= scalars.count)
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[start..<end])
      #expect(String(view) == mention["text"] as? String)
    }
    // UTF-16 or byte offsets would land elsewhere: the emoji and flag take more units there.
    let egypt = try #require(mentions.first { $0["text"] as? String == "Egypt" })
    let prefix = input[..<(try #require(input.range(of: "Egypt")).lowerBound)]
    #expect(egypt["start"] as? Int == prefix.unicodeScalars.count)
    #expect(prefix.unicodeScalars.count != prefix.utf16.count)
    #expect(prefix.unicodeScalars.count != prefix.count)
  }

  @Test func entitiesTSVHasAHeader() throws {
    let result = try CommandRunner.run(
      "entities", ["examples/russia-egypt.txt", "--format", "tsv"])
    #expect(result.status == 0, "\(result)")
    let lines = result.output.split(separator: "\n")
    #expect(lines.first == "document\tstart\tend\tsentence\ttype\tentity\tform\tsource\ttext")
    #expect(lines.count > 10)
    #expect(
      lines.dropFirst().allSatisfy {
        $0.split(separator: "\t", omittingEmptySubsequences: false).count == 9
      })
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("russia-egypt\t") })
  }

  @Test func dashReadsStandardInput() throws {
    let result = try CommandRunner.run(
      "entities", ["-", "--format", "tsv"],
      stdin: Data("Egypt and Russia signed a deal in Cairo.\n".utf8))
    #expect(result.status == 0, "\(result)")
    let rows = result.output.split(separator: "\n").dropFirst().map { $0.split(separator: "\t") }
    #expect(rows.map { $0.first } == ["stdin", "stdin", "stdin"])
    #expect(rows.map { String($0[5]) } == ["country/egypt", "country/russia", "place/cairo"])
    #expect(rows.map { String($0[1]) } == ["0", "10", "34"])
  }

  @Test func invalidUTF8OnStandardInputIsNamed() throws {
    let result = try CommandRunner.run("graph", ["-"], stdin: Data([0x41, 0x42, 0xFF]))
    #expect(result.status == 1, "\(result)")
    #expect(result.stderr.contains("invalid UTF-8 at byte offset 2"))
  }

  @Test func outputIsTheSameAcrossRuns() throws {
    // Each process hashes with a new seed: unordered sets must not leak into the output.
    let first = try CommandRunner.run("graph", ["examples/russia-egypt.txt", "--format", "json"])
    let second = try CommandRunner.run("graph", ["examples/russia-egypt.txt", "--format", "json"])
    let dot = try CommandRunner.run("graph", ["examples/russia-egypt.txt"])
    let dotAgain = try CommandRunner.run("graph", ["examples/russia-egypt.txt"])
    #expect(first.status == 0 && dot.status == 0)
    #expect(first.stdout == second.stdout)
    #expect(dot.stdout == dotAgain.stdout)
  }
}
