import Foundation
import Testing

@Suite(.enabled(if: CommandRunner.hasDictionaries, "dictionaries/ has not been generated yet"))
struct MergeDiffCommandTests {
  static func json(_ data: Data) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// The bundled example with the paragraph about Morsi removed.
  static let removedParagraph =
    "The announcement comes as relations between Egypt and the US have cooled during the rule of Egyptian President Abdel Fattah al-Sisi. Close allies for decades, the relationship has suffered following Sisi's ouster of the democratically elected government led my Mohammed Morsi.\n\n"

  static func cutExample(_ scratch: ScratchFolder) throws -> String {
    let example = try String(
      contentsOf: CommandRunner.root.appendingPathComponent("examples/russia-egypt.txt"),
      encoding: .utf8)
    try #require(example.contains(removedParagraph))
    return try scratch.write(
      "russia-egypt-cut.txt", example.replacingOccurrences(of: removedParagraph, with: ""))
  }

  @Test func mergeOfPerArticleGraphsIsTheOneShotGraph() throws {
    let scratch = try ScratchFolder()
    let articles =
      try (0..<Articles.texts.count).map {
        try scratch.write("art\($0).txt", Articles.texts[$0])
      } + ["examples/russia-egypt.txt"]
    var shards: [String] = []
    for (index, article) in articles.enumerated() {
      let shard = scratch.path("shard\(index).json")
      let result = try CommandRunner.run("graph", [article, "-o", shard])
      try #require(result.status == 0, "\(result)")
      shards.append(shard)
    }
    let oneShot = try CommandRunner.run("graph", articles + ["--format", "json"])
    let merged = try CommandRunner.run(["merge"] + shards)
    #expect(merged.status == 0, "\(merged)")
    #expect(merged.stderr.isEmpty)
    #expect(merged.output == oneShot.output, "byte for byte")
    let reversed = try CommandRunner.run(["merge"] + shards.reversed())
    #expect(reversed.output == oneShot.output)
    // Merging merged shards again (associativity) and a folder of shards.
    let left = scratch.path("left.json")
    _ = try CommandRunner.run(["merge"] + Array(shards.prefix(3)) + ["-o", left])
    let regrouped = try CommandRunner.run(["merge", left] + Array(shards.dropFirst(3)))
    #expect(regrouped.output == oneShot.output)
    try FileManager.default.removeItem(atPath: left)
    let folder = try CommandRunner.run(["merge", scratch.url.path])
    #expect(folder.output == oneShot.output)
    // Weights are recomputed from the merged counts.
    let pmi = try CommandRunner.run(["merge"] + shards + ["--weight", "pmi"])
    let pmiOneShot = try CommandRunner.run(
      "graph", articles + ["--format", "json", "--weight", "pmi"])
    #expect(pmi.output == pmiOneShot.output)
  }

  @Test func mergeRefusesDifferentWindowsAndBrokenFiles() throws {
    let scratch = try ScratchFolder()
    let a = scratch.path("a.json")
    let b = scratch.path("b.json")
    _ = try CommandRunner.run("graph", ["examples/russia-egypt.txt", "-o", a])
    _ = try CommandRunner.run(
      "graph", ["examples/russia-egypt.txt", "-o", b, "--window", "paragraph"])
    let windows = try CommandRunner.run(["merge", a, b])
    #expect(windows.status == 1)
    #expect(
      windows.stderr
        == "\(b): error: built with window 'paragraph', not 'sentence' like \(a): counts of different windows do not add up\n"
    )
    let broken = try scratch.write("broken.json", "{\"graph\": {\n  \"window\": \"sentence\",\n}")
    let bad = try CommandRunner.run(["merge", a, broken])
    #expect(bad.status == 1)
    #expect(bad.stderr == "\(broken):3:1: error: trailing comma before '}'\n")
    let notGraph = try scratch.write("list.json", "[1, 2]")
    let wrong = try CommandRunner.run(["merge", notGraph])
    #expect(
      wrong.stderr
        == "\(notGraph):1:1: error: expected a graph (a networkx node-link JSON object), found an array\n"
    )
    let missing = try CommandRunner.run(["merge", scratch.path("none.json")])
    #expect(missing.stderr == "\(scratch.path("none.json")): error: no such file\n")
  }

  @Test func diffOfTheExampleWithOneParagraphRemoved() throws {
    let scratch = try ScratchFolder()
    let cut = try Self.cutExample(scratch)
    let result = try CommandRunner.run(
      "diff", ["examples/russia-egypt.txt", cut, "--format", "json"])
    #expect(result.status == 1, "different: \(result)")
    #expect(result.stderr.isEmpty)
    let json = try Self.json(result.stdout)
    #expect(json["same"] as? Bool == false)
    let entities = try #require(json["entities"] as? [[String: Any]])
    func ids(_ change: String) -> [String] {
      entities.filter { $0["change"] as? String == change }.compactMap { $0["id"] as? String }
    }
    #expect(ids("removed") == ["person/mohamed-morsi"], "Morsi is named only in that paragraph")
    #expect(ids("added").isEmpty)
    #expect(
      Set(ids("changed")) == [
        "country/egypt", "country/united-states", "person/abdel-fattah-al-sisi",
      ])
    let links = try #require(json["links"] as? [[String: Any]])
    func pairs(_ change: String) -> Set<String> {
      Set(
        links.filter { $0["change"] as? String == change }.map {
          "\($0["source"] as? String ?? "") \($0["target"] as? String ?? "")"
        })
    }
    #expect(
      pairs("removed") == [
        "country/united-states person/abdel-fattah-al-sisi",
        "person/abdel-fattah-al-sisi person/mohamed-morsi",
      ])
    #expect(pairs("added").isEmpty)
    #expect(
      pairs("changed") == [
        "country/egypt country/united-states", "country/egypt person/abdel-fattah-al-sisi",
      ])
    let egyptUS = try #require(links.first { $0["target"] as? String == "country/united-states" })
    #expect((egyptUS["old"] as? [String: Any])?["count"] as? Int == 4)
    #expect((egyptUS["new"] as? [String: Any])?["count"] as? Int == 3)
    #expect(egyptUS["delta"] as? Int == -1)
    let summary = try #require(json["summary"] as? [String: [String: Int]])
    let before = try Self.json(
      try CommandRunner.run("graph", ["examples/russia-egypt.txt", "--format", "json"]).stdout)
    #expect(summary["links"]?["unchanged"] == ((before["links"] as? [Any])?.count ?? 0) - 4)
  }

  @Test func diffTextAndExitStatus() throws {
    let scratch = try ScratchFolder()
    let cut = try Self.cutExample(scratch)
    let text = try CommandRunner.run("diff", ["examples/russia-egypt.txt", cut])
    #expect(text.status == 1)
    #expect(text.output.hasPrefix("--- examples/russia-egypt.txt  ("))
    #expect(text.output.contains("  - Mohamed Morsi "))
    #expect(text.output.contains("  ~ Egypt – United States "))
    #expect(text.output.contains("| 4 → 3  -1 "))
    #expect(text.output.contains("    - russia-egypt #11: Close allies for decades"))

    let same = try CommandRunner.run(
      "diff", ["examples/russia-egypt.txt", "examples/russia-egypt.txt"])
    #expect(same.status == 0, "\(same)")
    #expect(same.output.contains("no change"))

    let missing = try CommandRunner.run(
      "diff", ["examples/russia-egypt.txt", scratch.path("none.txt")])
    #expect(missing.status == 2, "trouble is 2, not 1")
    #expect(missing.stderr == "\(scratch.path("none.txt")): error: no such file\n")
    #expect(missing.stdout.isEmpty)

    let usage = try CommandRunner.run("diff", ["examples/russia-egypt.txt"])
    #expect(usage.status == 2, "a usage error of diff is trouble too")
    #expect(usage.stderr.contains("Missing expected argument"))
    let badFormat = try CommandRunner.run(["diff", "a.txt", "b.txt", "--format", "gif"])
    #expect(badFormat.status == 2)
  }

  @Test func diffAGraphJSONAgainstArticlesAndDrawIt() throws {
    let scratch = try ScratchFolder()
    let cut = try Self.cutExample(scratch)
    let old = scratch.path("old.json")
    _ = try CommandRunner.run(
      "graph", ["examples/russia-egypt.txt", "-o", old, "--window", "paragraph"])
    // The articles are built with the graph's window, so the two compare.
    let mixed = try CommandRunner.run("diff", [old, cut, "--format", "json"])
    #expect(mixed.status == 1, "\(mixed)")
    #expect(try Self.json(mixed.stdout)["window"] as? String == "paragraph")
    let conflict = try CommandRunner.run("diff", [old, cut, "--window", "sentence"])
    #expect(conflict.status == 2)
    #expect(conflict.stderr.contains("cannot compare graphs of different windows"))

    let svg = scratch.path("diff.svg")
    let picture = try CommandRunner.run("diff", ["examples/russia-egypt.txt", cut, "-o", svg])
    #expect(picture.status == 1, "\(picture)")
    #expect(picture.stderr.contains("wrote \(svg)"))
    let image = try String(contentsOfFile: svg, encoding: .utf8)
    #expect(image.contains("<svg"))
    #expect(image.contains("Mohamed Morsi"))
    #expect(image.contains("stroke-dasharray"), "removed links are dashed")
    #expect(image.contains("4&#45;&gt;3") || image.contains("4→3"), "changed links say old→new")
  }

  @Test func explainSaysWhyTwoEntitiesAreLinked() throws {
    let scratch = try ScratchFolder()
    let graph = scratch.path("g.json")
    _ = try CommandRunner.run("graph", ["examples/russia-egypt.txt", "-o", graph])
    let result = try CommandRunner.run(["explain", graph, "Egypt", "country/russia"])
    #expect(result.status == 0, "\(result)")
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(lines[0] == "Egypt (country/egypt) – Russia (country/russia)")
    #expect(
      lines.contains(
        "  linked in 7 sentences of 1 document (the graph has 24 sentences in 1 document)"))
    #expect(
      lines.contains {
        $0.hasPrefix(
          "  weights: count 7, documents 1, pmi 0.69, npmi 0.56, dice 0.74, jaccard 0.58")
      })
    #expect(lines.contains("    russia-egypt #0: Russia and Egypt just got even closer"))

    let apart = try CommandRunner.run(["explain", graph, "Morsi", "Shoigu"])
    #expect(apart.status == 0)
    #expect(apart.output.contains("not linked: never in one sentence"))
    #expect(apart.output.contains("connected through"))

    let unknown = try CommandRunner.run(["explain", graph, "Putn", "Egypt"])
    #expect(unknown.status == 1)
    #expect(
      unknown.stderr
        == "newsgraph: error: entity 'Putn': no such entity in the graph; did you mean 'Vladimir Putin' (person/vladimir-putin)?\n"
    )
  }
}
