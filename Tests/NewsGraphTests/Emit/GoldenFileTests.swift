import Foundation
import Testing

@testable import NewsGraph

/// The DOT and JSON of a small invented article, compared with reviewed files in `Fixtures/`.
///
/// `RECORD=1 swift test --filter GoldenFileTests` (or `make reference`) rewrites them; review
/// the `git diff` before committing.
@Suite struct GoldenFileTests {
  static var recording: Bool { ProcessInfo.processInfo.environment["RECORD"] == "1" }

  static func check(
    _ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let url = RepositoryPaths.fixtures.appendingPathComponent(name)
    if recording {
      try Data(actual.utf8).write(to: url, options: .atomic)
      return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      Issue.record(
        "missing golden file \(url.path); record it with RECORD=1 swift test --filter GoldenFileTests, then review it",
        sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard expected != actual else { return }
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let line =
      zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(old.count, new.count)
    let was = line < old.count ? String(old[line]) : "<end of file>"
    let now = line < new.count ? String(new[line]) : "<end of file>"
    Issue.record(
      """
      \(name) differs from the golden file at line \(line + 1):
        golden: \(was)
        actual: \(now)
      if the change is intended, run RECORD=1 swift test --filter GoldenFileTests and review the diff
      """, sourceLocation: sourceLocation)
  }

  @Test func articleDOT() throws {
    try Self.check(
      DOTWriter(title: "synthetic").dot(EmitSamples.articleGraph()),
      against: "synthetic-article.dot")
  }

  @Test func articleJSON() throws {
    try Self.check(
      JSONWriter(version: "golden").graph(EmitSamples.articleGraph()),
      against: "synthetic-article.json")
  }

  @Test func articleGraphHasWhatTheGoldenShows() {
    // The goldens are only worth reviewing if the graph is the one intended.
    let graph = EmitSamples.articleGraph()
    let ids = Set(graph.nodes.map(\.id))
    for id in [
      "country/russia", "country/egypt", "person/vladimir-putin", "place/moscow", "place/cairo",
      "organization/reuters", "person/jane-doe",
    ] {
      #expect(ids.contains(id), "missing \(id) in \(ids.sorted())")
    }
    #expect(!ids.contains { $0.contains("advertisement") || $0.contains("europe") })
    let putin = graph.nodes.first { $0.id == "person/vladimir-putin" }
    #expect(putin?.mentions == 2)
  }
}
