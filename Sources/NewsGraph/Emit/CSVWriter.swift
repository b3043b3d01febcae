/// Writes a graph as two CSV tables (RFC 4180): nodes and edges.
///
/// Headers name the columns (`id,label,type,...` and `source,target,weight,...`), which Gephi's
/// spreadsheet import and every data-frame library understand. Fields with commas, quotes or
/// line breaks are quoted, quotes doubled, lines end in CRLF. Text that a spreadsheet would run
/// as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading
/// `'`, since labels and evidence come from web pages.
public struct CSVWriter: Sendable {
  public init() {}

  public func nodes(_ graph: CooccurrenceGraph) -> String {
    var rows = [["id", "label", "type", "mentions", "documents", "windows", "aliases", "dates"]]
    for node in graph.nodes {
      rows.append([
        Self.text(node.id), Self.text(node.label), node.type.rawValue, String(node.mentions),
        String(node.documents), String(node.windows),
        Self.text(node.aliases.joined(separator: " | ")), node.dates.joined(separator: " "),
      ])
    }
    return Self.table(rows)
  }

  public func edges(_ graph: CooccurrenceGraph) -> String {
    var rows = [["source", "target", "weight", "count", "documents", "dates", "evidence"]]
    for (edge, weight) in zip(graph.edges, graph.weights()) {
      let evidence = edge.evidence.map { "\($0.document) #\($0.sentence): \($0.text)" }
      rows.append([
        Self.text(edge.source), Self.text(edge.target), JSONText.number(weight),
        String(edge.count), String(edge.documents), edge.dates.joined(separator: " "),
        Self.text(evidence.joined(separator: " | ")),
      ])
    }
    return Self.table(rows)
  }

  static func table(_ rows: [[String]]) -> String {
    rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
  }

  /// A field, quoted when it must be.
  static func field(_ value: String) -> String {
    let needsQuotes = value.unicodeScalars.contains {
      $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r"
    }
    guard needsQuotes else { return value }
    var result = "\""
    for scalar in value.unicodeScalars {
      if scalar == "\"" { result += "\"\"" } else { result.unicodeScalars.append(scalar) }
    }
    return result + "\""
  }

  /// Text that cannot start a spreadsheet formula.
  static func text(_ value: String) -> String {
    guard let first = value.unicodeScalars.first,
      ["=", "+", "-", "@", "\t", "\r"].contains(first)
    else { return value }
    return "'" + value
  }
}
