import Foundation

/// Folders of the source tree, found from this file's path so tests run from any directory.
enum RepositoryPaths {
  /// The package root: three folders above `Tests/NewsGraphTests/Support/`.
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  static let dictionaries = root.appendingPathComponent("dictionaries")
  static let fixtures = root.appendingPathComponent("Tests/NewsGraphTests/Fixtures")
  /// `../shared` beside the repository: fixtures and tools shared between projects.
  static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
  static let sharedFixtures = shared.appendingPathComponent("fixtures")
  static let goldChecker = shared.appendingPathComponent("tools/check_gold_graph.py")

  /// Whether the real dictionaries have been generated (titles.tsv is the last one the loader needs).
  static var hasRealDictionaries: Bool {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: dictionaries.path)) ?? []
    return files.contains("titles.tsv") && files.contains("countries.tsv")
  }
}
