import Foundation
import Testing

@testable import NewsGraph

/// Replays the inputs of the fuzz targets through their entry points, without the fuzzer: the
/// hand-written ones and the regressions of findings (`fuzz/seeds/TARGET/`) and the corpus the
/// fuzzers kept (`fuzz/corpus/TARGET/`, which `make fuzz` updates). Every one must pass the
/// targets' checks.
@Suite struct FuzzCorpusReplayTests {
  static let fuzz = RepositoryPaths.root.appendingPathComponent("fuzz")

  static func inputs(_ target: String) -> [(name: String, bytes: [UInt8])] {
    ["seeds", "corpus"].flatMap { inputs(fuzz.appendingPathComponent("\($0)/\(target)")) }
  }

  static func inputs(_ folder: URL) -> [(name: String, bytes: [UInt8])] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.sorted().compactMap { name in
      guard
        let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
      else { return nil }
      return (name, Array(data))
    }
  }

  /// The recognizer the text fuzzer uses: the built-in dictionaries, read by the same code.
  static let recognizer: Recognizer? = {
    let folder = RepositoryPaths.dictionaries
    let names = [
      "countries.tsv", "given-names.tsv", "organizations.tsv", "people.tsv",
      "places.tsv", "titles.tsv",
    ]
    var files: [(name: String, text: String)] = []
    for name in names {
      guard
        let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
        let text = String(data: data, encoding: .utf8)
      else { continue }
      files.append((name, text))
    }
    return FuzzTargets.gazetteer(files: files).map { Recognizer(gazetteer: $0) }
  }()

  @Test func everyTargetHasACorpus() {
    for target in ["text", "dictionary", "graph-json", "gazetteer-cache"] {
      #expect(
        !Self.inputs(target).isEmpty, "fuzz/seeds/\(target) and fuzz/corpus/\(target) are empty")
    }
  }

  @Test(.enabled(if: RepositoryPaths.hasRealDictionaries, "dictionaries/ is not generated"))
  func textCorpus() throws {
    let recognizer = try #require(Self.recognizer, "the dictionaries do not load")
    for (_, bytes) in Self.inputs("text") { FuzzTargets.text(bytes, recognizer: recognizer) }
  }

  @Test func dictionaryCorpus() {
    for (_, bytes) in Self.inputs("dictionary") { FuzzTargets.dictionary(bytes) }
  }

  @Test func graphJSONCorpus() {
    for (_, bytes) in Self.inputs("graph-json") { FuzzTargets.graphJSON(bytes) }
  }

  @Test func gazetteerCacheCorpus() {
    for (_, bytes) in Self.inputs("gazetteer-cache") { FuzzTargets.gazetteerCache(bytes) }
  }

  /// The writers' checks hold for the hostile samples the writer tests use.
  @Test func hostileGraphsPassTheChecks() {
    FuzzTargets.check(EmitSamples.hostileGraph)
    FuzzTargets.checkWriters(EmitSamples.hostileGraph)
    FuzzTargets.checkRoundTrip(EmitSamples.hostileGraph)
    FuzzTargets.checkWriters(GraphvizEscapingTests.graph(GraphvizEscapingTests.names))
  }
}
