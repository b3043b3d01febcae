import Foundation
import Testing

@testable import NewsGraph

/// Scores the graph of every shared fixture article against its hand-made gold graph.
///
/// The fixtures live beside the repository in `../shared/fixtures/NAME/` (`article.txt`,
/// `expected.json`) and are scored by `../shared/tools/check_gold_graph.py`.
@Suite struct AcceptanceTests {
  static var sharedFixturesExist: Bool {
    FileManager.default.fileExists(atPath: RepositoryPaths.sharedFixtures.path)
      && FileManager.default.fileExists(atPath: RepositoryPaths.goldChecker.path)
  }

  static var fixtureNames: [String] {
    let folder = RepositoryPaths.sharedFixtures
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.sorted().filter {
      FileManager.default.fileExists(
        atPath: folder.appendingPathComponent("\($0)/article.txt").path)
    }
  }

  @Test(
    .enabled(if: sharedFixturesExist, "../shared/fixtures is absent"),
    .enabled(if: RepositoryPaths.hasRealDictionaries, "dictionaries/ has not been generated yet"),
    arguments: fixtureNames)
  func fixtureMatchesItsGoldGraph(_ name: String) throws {
    let folder = RepositoryPaths.sharedFixtures.appendingPathComponent(name)
    let data = try #require(
      FileManager.default.contents(atPath: folder.appendingPathComponent("article.txt").path))
    let text = try SourceText(utf8: Array(data))
    let recognizer = Recognizer(gazetteer: try RealDictionaries.gazetteer())
    let document = recognizer.analyze(id: name, text: text)
    let graph = GraphBuilder(window: .sentence).graph(of: [(document, text)])

    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("newsgraph-acceptance-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let graphFile = scratch.appendingPathComponent("graph.json")
    try Data(JSONWriter().graph(graph).utf8).write(to: graphFile)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", RepositoryPaths.goldChecker.path,
      folder.appendingPathComponent("expected.json").path,
      graphFile.path,
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "check_gold_graph.py on \(name):\n\(report)")
  }
}
