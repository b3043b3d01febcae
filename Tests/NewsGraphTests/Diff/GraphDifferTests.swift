import Foundation
import Testing

@testable import NewsGraph

@Suite struct GraphDifferTests {
  static let seeds: [UInt64] = Array(1...30)

  static func randomGraph(_ rng: inout SplitMix64) -> CooccurrenceGraph {
    RandomCorpus.graph(
      RandomCorpus.articles(count: Int.random(in: 0...6, using: &rng), using: &rng))
  }

  @Test(arguments: seeds)
  func aGraphDiffedWithItselfIsEmpty(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let graph = Self.randomGraph(&rng)
    for weighting in EdgeWeighting.allCases {
      let diff = GraphDiffer(weighting: weighting).diff(graph, graph)
      #expect(diff.isEmpty, "seed \(seed), \(weighting)")
      #expect(diff.unchangedEdgeCount == graph.edges.count)
    }
  }

  @Test(arguments: seeds)
  func swappingSidesSwapsAddedAndRemoved(seed: UInt64) {
    var rng = SplitMix64(seed: seed &* 31)
    let a = Self.randomGraph(&rng)
    let b = Self.randomGraph(&rng)
    let weighting = EdgeWeighting.allCases[Int(seed) % EdgeWeighting.allCases.count]
    let forward = GraphDiffer(weighting: weighting).diff(a, b)
    let backward = GraphDiffer(weighting: weighting).diff(b, a)
    func ids(_ changes: [GraphDiff.NodeChange]) -> [String] { changes.map(\.id) }
    func pairs(_ changes: [GraphDiff.EdgeChange]) -> [String] {
      changes.map { "\($0.source) \($0.target)" }
    }
    #expect(ids(forward.nodes(.added)) == ids(backward.nodes(.removed)))
    #expect(ids(forward.nodes(.removed)) == ids(backward.nodes(.added)))
    #expect(ids(forward.nodes(.changed)) == ids(backward.nodes(.changed)))
    #expect(pairs(forward.edges(.added)) == pairs(backward.edges(.removed)))
    #expect(pairs(forward.edges(.removed)) == pairs(backward.edges(.added)))
    #expect(pairs(forward.edges(.changed)) == pairs(backward.edges(.changed)))
    #expect(pairs(forward.edges) == pairs(backward.edges), "the ranking ignores the sides")
    #expect(forward.edges.map(\.delta) == backward.edges.map { -$0.delta })
    #expect(forward.isEmpty == backward.isEmpty)
  }

  static func graph(_ edges: [(String, String, Int)], mentions: [String: Int] = [:])
    -> CooccurrenceGraph
  {
    var windows: [String: Int] = [:]
    for (a, b, count) in edges {
      windows[a, default: 0] += count
      windows[b, default: 0] += count
    }
    for (id, _) in mentions where windows[id] == nil { windows[id] = 1 }
    let nodes = windows.keys.sorted().map { id in
      CooccurrenceGraph.Node(
        id: id, label: id.uppercased(), type: RandomCorpus.type(of: id),
        mentions: mentions[id] ?? windows[id] ?? 0, documents: 1, aliases: [],
        windows: windows[id] ?? 0)
    }
    let edgeList = edges.map { a, b, count in
      CooccurrenceGraph.Edge(
        source: a, target: b, count: count, documents: 1,
        evidence: [
          CooccurrenceGraph.Evidence(document: "d", sentence: count, text: "\(a) and \(b)")
        ])
    }
    return CooccurrenceGraph(
      nodes: nodes, edges: edgeList, window: .sentence, documentCount: 1,
      windowCount: max(1, windows.values.reduce(0, +)))
  }

  static let old = graph([
    ("country/a", "country/b", 5), ("country/a", "place/c", 1), ("country/b", "place/c", 2),
    ("person/x", "place/c", 1),
  ])
  static let new = graph([
    ("country/a", "country/b", 2), ("country/a", "place/c", 1), ("country/b", "place/c", 6),
    ("country/a", "person/y", 1),
  ])

  @Test func changesAreRankedByTheSizeOfTheChange() {
    let diff = GraphDiffer().diff(Self.old, Self.new)
    #expect(
      diff.edges.map { "\($0.change.rawValue) \($0.source) \($0.target) \($0.delta)" } == [
        "changed country/b place/c 4.0", "changed country/a country/b -3.0",
        "added country/a person/y 1.0", "removed person/x place/c -1.0",
      ])
    #expect(diff.nodes(.added).map(\.id) == ["person/y"])
    #expect(diff.nodes(.removed).map(\.id) == ["person/x"])
    #expect(diff.unchangedEdgeCount == 1)
    #expect(!diff.isEmpty)
  }

  @Test func textReadsLikeADiffStat() {
    let diff = GraphDiffer().diff(Self.old, Self.new)
    let text = DiffTextWriter(oldName: "old.json", newName: "new.json").text(diff)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "--- old.json  (4 entities, 4 links, 1 document)")
    #expect(lines[1] == "+++ new.json  (4 entities, 4 links, 1 document)")
    #expect(
      text.contains("links: 1 added, 1 removed, 2 changed, 1 unchanged; biggest change first"))
    #expect(text.contains("  ~ COUNTRY/B – PLACE/C   | 2 → 6  +4 ++++++++++++++++++++++++"))
    #expect(text.contains("  ~ COUNTRY/A – COUNTRY/B | 5 → 2  -3 ------------------"))
    #expect(text.contains("  + COUNTRY/A – PERSON/Y  | · → 1  +1 ++++++"))
    #expect(text.contains("  - PERSON/X – PLACE/C    | 1 → ·  -1 ------"))
    #expect(text.contains("    - d #1: person/x and place/c"))
    #expect(text.contains("    = 1 sentence on both sides: country/b and place/c"))
    #expect(text.contains("  - PERSON/X   person   1 mention"))
    #expect(text.contains("  ~ PLACE/C    place    4 → 7 mentions"))
    let same = DiffTextWriter(oldName: "a", newName: "b").text(
      GraphDiffer().diff(Self.old, Self.old))
    #expect(same.contains("no change"))
  }

  @Test func limitCutsTheListAndSaysSo() {
    let diff = GraphDiffer().diff(Self.old, Self.new)
    let text = DiffTextWriter(oldName: "a", newName: "b", limit: 1).text(diff)
    #expect(text.contains("  … and 3 more (--limit 0 lists all)"))
  }

  @Test func jsonHasEveryChangeAndParses() throws {
    let diff = GraphDiffer(weighting: .dice).diff(Self.old, Self.new)
    let text = DiffJSONWriter(oldName: "o \"1\"", newName: "n", version: "t").json(diff)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(json["weight"] as? String == "dice")
    #expect(json["same"] as? Bool == false)
    #expect((json["old"] as? [String: Any])?["name"] as? String == "o \"1\"")
    let links = try #require(json["links"] as? [[String: Any]])
    #expect(links.count == diff.edges.count)
    let added = try #require(links.first { $0["change"] as? String == "added" })
    #expect(added["old"] is NSNull)
    #expect((added["new"] as? [String: Any])?["count"] as? Int == 1)
    let summary = try #require(json["summary"] as? [String: [String: Int]])
    // Under Dice the A–C link changes too: its count is the same, but A is in fewer windows.
    #expect(summary["links"] == ["added": 1, "removed": 1, "changed": 3, "unchanged": 0])
    let entities = try #require(json["entities"] as? [[String: Any]])
    #expect(
      Set(entities.compactMap { $0["change"] as? String }) == ["added", "removed", "changed"])
    // Our reader reads it too, and it is the same bytes every time.
    #expect((try? JSONReader(file: "d").value(Array(text.utf8))) != nil)
    #expect(DiffJSONWriter(oldName: "o \"1\"", newName: "n", version: "t").json(diff) == text)
  }

  @Test func pictureStylesEachKindOfChange() {
    let diff = GraphDiffer().diff(Self.old, Self.new)
    let dot = DiffDOTWriter(oldName: "old", newName: "new").dot(diff)
    let lines = dot.split(separator: "\n").map(String.init)
    #expect(lines.first == "graph newsgraph_diff {")
    let edgeLines = lines.filter { $0.contains(" -- ") }
    #expect(edgeLines.count == 5, "four changes and one unchanged link")
    #expect(edgeLines.contains { $0.contains("style=dashed") && $0.contains("label=\"−1\"") })
    #expect(edgeLines.contains { $0.contains(DiffDOTWriter.added) && $0.contains("label=\"+1\"") })
    #expect(
      edgeLines.contains { $0.contains(DiffDOTWriter.stronger) && $0.contains("label=\"2→6\"") })
    #expect(
      edgeLines.contains { $0.contains(DiffDOTWriter.weaker) && $0.contains("label=\"5→2\"") })
    #expect(edgeLines.contains { $0.contains(DiffDOTWriter.unchanged) })
    #expect(dot.contains("label=\"− PERSON/X\"") && dot.contains("dashed"))
    #expect(dot.contains("label=\"+ PERSON/Y\""))
    #expect(dot.contains(">unchanged</font>"), "a legend")
    let limited = DiffDOTWriter(oldName: "old", newName: "new", limit: 1).dot(diff)
    #expect(limited.contains("the 1 biggest of 4 link changes drawn"))
    #expect(limited.split(separator: "\n").filter { $0.contains(" -- ") }.count == 1)
  }

  @Test func weightsOfEachSideComeFromItsOwnTotals() throws {
    // The same link, twice as many windows on the new side: count doubles, PMI stays.
    let small = Self.graph([("country/a", "country/b", 2)])
    var big = Self.graph([("country/a", "country/b", 4)])
    big.windowCount = small.windowCount * 2
    #expect(GraphDiffer(weighting: .count).diff(small, big).edges.count == 1)
    #expect(GraphDiffer(weighting: .pmi).diff(small, big).edges.isEmpty)
  }
}
