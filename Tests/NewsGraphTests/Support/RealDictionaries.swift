import Foundation

@testable import NewsGraph

/// The generated dictionaries of `dictionaries/`, read the way the command's DictionaryLoader
/// reads them: `titles.tsv` and `given-names.tsv` are word lists, every other `*.tsv` is an
/// entity dictionary.
enum RealDictionaries {
  struct LoadError: Error, CustomStringConvertible {
    var description: String
  }

  /// Loaded once per test run; the gazetteer is immutable and `Sendable`.
  static let result: Result<Gazetteer, LoadError> = Result { () throws(LoadError) in try load() }

  static func gazetteer() throws -> Gazetteer { try result.get() }

  private static func load() throws(LoadError) -> Gazetteer {
    let folder = RepositoryPaths.dictionaries
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
      throw LoadError(description: "cannot list \(folder.path)")
    }
    var entries: [DictionaryEntry] = []
    var titles: [(String, Gazetteer.TitleKind)] = []
    var givenNames: [String] = []
    for name in names.sorted() where name.hasSuffix(".tsv") {
      let path = folder.appendingPathComponent(name).path
      guard let data = FileManager.default.contents(atPath: path) else {
        throw LoadError(description: "cannot read \(path)")
      }
      let text: String
      do {
        let source = try SourceText(utf8: Array(data))
        text = source.text(0..<source.count)
      } catch {
        throw LoadError(description: "\(path): \(error)")
      }
      switch name {
      case "titles.tsv":
        for row in try wordList(text, path: path, columns: ["title", "kind"]) {
          guard let kind = Gazetteer.TitleKind(rawValue: row[1]) else {
            throw LoadError(description: "\(path): unknown title kind '\(row[1])'")
          }
          titles.append((row[0], kind))
        }
      case "given-names.tsv":
        givenNames = try wordList(text, path: path, columns: ["name"]).map { $0[0] }
      default:
        do {
          entries += try DictionaryParser().entries(in: text, file: path)
        } catch {
          throw LoadError(description: error.description)
        }
      }
    }
    return Gazetteer(entries: entries, titles: titles, givenNames: givenNames)
  }

  private static func wordList(_ text: String, path: String, columns: [String]) throws(LoadError)
    -> [[String]]
  {
    var rows: [[String]] = []
    var sawHeader = false
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
      if line.isEmpty || line.hasPrefix("#") { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      if !sawHeader {
        sawHeader = true
        guard Array(fields.prefix(columns.count)) == columns else {
          throw LoadError(description: "\(path): header must start with \(columns)")
        }
        continue
      }
      guard fields.count >= columns.count else {
        throw LoadError(description: "\(path): short row '\(line)'")
      }
      rows.append(fields)
    }
    return rows
  }
}
