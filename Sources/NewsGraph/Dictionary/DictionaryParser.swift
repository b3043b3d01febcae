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
    var positions = Positions([:])
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
      let cells = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
      guard let columns = header else {
        let fields = cells.map { String(decoding: $0, as: UTF8.self) }
        let names = try Self.header(fields, file: file, line: lineNumber)
        header = names
        positions = Positions(names)
        continue
      }
      // Fields as text only for the error messages that need their widths.
      var fields: [String] { cells.map { String(decoding: $0, as: UTF8.self) } }
      func field(_ index: Int) -> String {
        index < cells.count ? Self.trimmedString(cells[index]) : ""
      }
      func field(_ name: String) -> String {
        guard let index = columns[name] else { return "" }
        return field(index)
      }
      if cells.count > columns.count {
        throw DictionaryError(
          file: file, line: lineNumber,
          message: "\(cells.count) fields but the header names \(columns.count)")
      }
      let id = field(positions.id)
      let label = field(positions.label)
      let typeName = field(positions.type)
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
      let populationText = positions.population.map(field) ?? ""
      var population = 0
      if !populationText.isEmpty {
        guard let value = Int(populationText), value >= 0 else {
          throw DictionaryError(
            file: file, line: lineNumber, column: Self.column(of: "population", columns, fields),
            message: "population '\(populationText)' is not a whole number")
        }
        population = value
      }
      let flagText = positions.flags.map(field) ?? ""
      // The flags in the order written, so the first unknown one written is the one reported.
      let flags = flagText.isEmpty ? [] : flagText.split(separator: ",").map { $0.trimmingSpaces }
      for flag in flags where !["common", "capital", "minor"].contains(flag) {
        throw DictionaryError(
          file: file, line: lineNumber, column: Self.column(of: "flags", columns, fields),
          message: "unknown flag '\(flag)' (expected common, capital or minor)")
      }
      entries.append(
        DictionaryEntry(
          id: id, type: type, label: label,
          aliases: positions.aliases.map { Self.list(cells, $0) } ?? [],
          demonyms: positions.demonyms.map { Self.list(cells, $0) } ?? [], population: population,
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

  /// The column numbers of the known fields, looked up once per file.
  private struct Positions {
    var id = 0
    var type = 0
    var label = 0
    var aliases: Int?
    var demonyms: Int?
    var population: Int?
    var flags: Int?

    init(_ columns: [String: Int]) {
      id = columns["id"] ?? 0
      type = columns["type"] ?? 0
      label = columns["label"] ?? 0
      aliases = columns["aliases"]
      demonyms = columns["demonyms"]
      population = columns["population"]
      flags = columns["flags"]
    }
  }

  /// A field's text without leading and trailing spaces and tabs, decoded once.
  private static func trimmedString(_ bytes: Substring.UTF8View) -> String {
    var bytes = bytes
    while let first = bytes.first, first == 0x20 || first == 0x09 { bytes.removeFirst() }
    while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The `|`-separated items of field `index`, trimmed, without empty ones.
  private static func list(_ cells: [Substring.UTF8View], _ index: Int) -> [String] {
    guard index < cells.count, !cells[index].isEmpty else { return [] }
    return cells[index].split(separator: UInt8(ascii: "|")).map(trimmedString)
      .filter { !$0.isEmpty }
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
