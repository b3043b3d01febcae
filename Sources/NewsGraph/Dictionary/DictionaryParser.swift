/// Reads the tab-separated dictionary files in `dictionaries/`.
///
/// `#` starts a comment line; blank lines are skipped. The first other line is a header naming
/// the columns; `id`, `type` and `label` are required, `aliases`, `demonyms`, `population` and
/// `flags` are optional. List fields are separated by `|`.
public struct DictionaryParser: Sendable {
  public init() {}

  /// Entries of a dictionary file's text; `file` names it in errors.
  public func entries(in text: String, file: String) throws(DictionaryError) -> [DictionaryEntry] {
    var header: [String: Int]?
    var entries: [DictionaryEntry] = []
    var ids = Set<String>()
    var lineNumber = 0
    // Split the UTF-8 bytes, not Characters: faster, and "\r\n" (one Character) splits too.
    for rawLine in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    {
      lineNumber += 1
      let line = rawLine.last == UInt8(ascii: "\r") ? rawLine.dropLast() : rawLine
      if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
        || line.first == UInt8(ascii: "#")
      {
        continue
      }
      let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
      guard let columns = header else {
        header = try Self.header(fields, file: file, line: lineNumber)
        continue
      }
      func field(_ name: String) -> String {
        guard let index = columns[name], index < fields.count else { return "" }
        return fields[index].trimmingSpaces
      }
      if fields.count > columns.count {
        throw DictionaryError(
          file: file, line: lineNumber,
          message: "\(fields.count) fields but the header names \(columns.count)")
      }
      let id = field("id")
      let label = field("label")
      let typeName = field("type")
      guard let type = EntityType(rawValue: typeName) else {
        throw DictionaryError(
          file: file, line: lineNumber, column: Self.column(of: "type", columns, fields),
          message:
            "unknown type '\(typeName)' (expected person, country, organization or place)")
      }
      guard !label.isEmpty else {
        throw DictionaryError(
          file: file, line: lineNumber, column: Self.column(of: "label", columns, fields),
          message: "empty label")
      }
      guard Self.isValidID(id, type: type) else {
        throw DictionaryError(
          file: file, line: lineNumber, column: 1,
          message: "invalid id '\(id)' (expected '\(type.rawValue)/name' in lower case)")
      }
      guard ids.insert(id).inserted else {
        throw DictionaryError(file: file, line: lineNumber, message: "duplicate id '\(id)'")
      }
      let populationText = field("population")
      var population = 0
      if !populationText.isEmpty {
        guard let value = Int(populationText), value >= 0 else {
          throw DictionaryError(
            file: file, line: lineNumber, column: Self.column(of: "population", columns, fields),
            message: "population '\(populationText)' is not a whole number")
        }
        population = value
      }
      let flags = Set(field("flags").split(separator: ",").map { $0.trimmingSpaces })
      for flag in flags where !["common", "capital", "minor"].contains(flag) {
        throw DictionaryError(
          file: file, line: lineNumber, column: Self.column(of: "flags", columns, fields),
          message: "unknown flag '\(flag)' (expected common, capital or minor)")
      }
      entries.append(
        DictionaryEntry(
          id: id, type: type, label: label, aliases: Self.list(field("aliases")),
          demonyms: Self.list(field("demonyms")), population: population,
          isCommonWord: flags.contains("common"), isCapital: flags.contains("capital"),
          isMinor: flags.contains("minor"), origin: "\(file):\(lineNumber)"))
    }
    if header == nil, lineNumber > 0, !text.isEmpty {
      // A file with comments only is an empty dictionary.
      return []
    }
    return entries
  }

  private static func header(_ fields: [String], file: String, line: Int) throws(DictionaryError)
    -> [String: Int]
  {
    var columns: [String: Int] = [:]
    for (index, name) in fields.enumerated() {
      let name = name.trimmingSpaces
      guard columns[name] == nil else {
        throw DictionaryError(file: file, line: line, message: "column '\(name)' named twice")
      }
      columns[name] = index
    }
    for required in ["id", "type", "label"] where columns[required] == nil {
      throw DictionaryError(
        file: file, line: line,
        message: "header has no '\(required)' column (expected: id, type, label, aliases ...)")
    }
    return columns
  }

  private static func column(of name: String, _ columns: [String: Int], _ fields: [String]) -> Int {
    guard let index = columns[name] else { return 1 }
    return fields.prefix(index).reduce(1) { $0 + $1.unicodeScalars.count + 1 }
  }

  static func list(_ text: String) -> [String] {
    text.split(separator: "|").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
  }

  static func isValidID(_ id: String, type: EntityType) -> Bool {
    guard id.hasPrefix(type.rawValue + "/"), id.count > type.rawValue.count + 1 else {
      return false
    }
    return id.unicodeScalars.allSatisfy {
      ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "/" || $0 == "_"
        || $0 == "."
    }
  }
}

extension StringProtocol {
  var trimmingSpaces: String {
    var sub = Substring(self)
    while let first = sub.first, first == " " || first == "\t" { sub = sub.dropFirst() }
    while let last = sub.last, last == " " || last == "\t" { sub = sub.dropLast() }
    return String(sub)
  }
}
