/// Writes a graph diff for people to read, like `git diff --stat`: one line per change with
/// old → new and a bar whose length is the size of the change, then the evidence sentences of
/// the biggest changes.
public struct DiffTextWriter: Sendable {
  /// Names of the two sides, as given on the command line.
  public var oldName: String
  public var newName: String
  /// Link changes listed at most; 0 lists all.
  public var limit: Int
  /// Link changes whose evidence is quoted.
  public var evidenceChanges: Int
  /// Sentences quoted per side and change.
  static let evidenceLines = 3
  /// Widest bar, in characters.
  public var barWidth = 24

  public init(oldName: String, newName: String, limit: Int = 30, evidenceChanges: Int = 5) {
    self.oldName = oldName
    self.newName = newName
    self.limit = limit
    self.evidenceChanges = evidenceChanges
  }

  public func text(_ diff: GraphDiff) -> String {
    var lines: [String] = []
    lines.append("--- \(oldName)  (\(summary(diff.old)))")
    lines.append("+++ \(newName)  (\(summary(diff.new)))")
    lines.append("weight: \(diff.weighting.rawValue), window: \(diff.new.window)")
    if diff.isEmpty {
      lines.append("")
      lines.append(
        "no change: the same entities with the same mentions, the same links with the same weights")
      return lines.map(TerminalText.line).joined(separator: "\n") + "\n"
    }
    let unchangedNodes =
      diff.new.nodes.count - diff.nodes(.added).count - diff.nodes(.changed).count
    if !diff.nodes.isEmpty {
      lines.append("")
      lines.append("entities: \(counts(diff.nodes.map(\.change))), \(unchangedNodes) unchanged")
      let width = min(40, diff.nodes.map { $0.label.count }.max() ?? 0)
      let typeWidth = diff.nodes.map { $0.type.rawValue.count }.max() ?? 0
      let shown = limit > 0 ? Array(diff.nodes.prefix(limit)) : diff.nodes
      for node in shown {
        let mark = Self.mark(node.change)
        let values: String
        switch node.change {
        case .added: values = Self.plural(node.new?.mentions ?? 0, "mention")
        case .removed: values = Self.plural(node.old?.mentions ?? 0, "mention")
        case .changed:
          values = "\(node.old?.mentions ?? 0) → \(Self.plural(node.new?.mentions ?? 0, "mention"))"
        }
        lines.append(
          "  \(mark) \(Self.padded(node.label, width))  \(Self.padded(node.type.rawValue, typeWidth))  \(values)"
        )
      }
      if shown.count < diff.nodes.count {
        lines.append("  … and \(diff.nodes.count - shown.count) more (--limit 0 lists all)")
      }
    }
    if !diff.edges.isEmpty {
      lines.append("")
      lines.append(
        "links: \(counts(diff.edges.map(\.change))), \(diff.unchangedEdgeCount) unchanged; biggest change first"
      )
      let shown = limit > 0 ? Array(diff.edges.prefix(limit)) : diff.edges
      let names = shown.map { "\(diff.label($0.source)) – \(diff.label($0.target))" }
      let width = min(56, names.map(\.count).max() ?? 0)
      let values = shown.map {
        "\(Self.weight($0.oldWeight)) → \(Self.weight($0.newWeight))"
      }
      let valueWidth = values.map(\.count).max() ?? 0
      let deltas = shown.map { Self.signed($0.delta) }
      let deltaWidth = deltas.map(\.count).max() ?? 0
      let biggest = diff.edges.map { abs($0.delta) }.max() ?? 1
      for (index, change) in shown.enumerated() {
        let size = biggest > 0 ? abs(change.delta) / biggest : 0
        let bar = String(
          repeating: change.delta >= 0 ? "+" : "-",
          count: max(1, Int((size * Double(barWidth)).rounded())))
        lines.append(
          "  \(Self.mark(change.change)) \(Self.padded(names[index], width)) | \(Self.padded(values[index], valueWidth))  \(Self.padded(deltas[index], deltaWidth, left: true)) \(bar)"
        )
      }
      if shown.count < diff.edges.count {
        lines.append("  … and \(diff.edges.count - shown.count) more (--limit 0 lists all)")
      }
    }
    let quoted = diff.edges.prefix(max(0, evidenceChanges)).filter {
      $0.old?.evidence.isEmpty == false || $0.new?.evidence.isEmpty == false
    }
    if !quoted.isEmpty {
      lines.append("")
      lines.append(
        "evidence of the biggest changes (- only in old, + only in new, among the first \(min(diff.old.evidenceLimit, diff.new.evidenceLimit)) sentences each side keeps per link)"
      )
      for change in quoted {
        lines.append(
          "  \(diff.label(change.source)) – \(diff.label(change.target)) (\(Self.weight(change.oldWeight)) → \(Self.weight(change.newWeight)))"
        )
        let (onlyOld, onlyNew, both) = change.evidence
        for (mark, items) in [("-", onlyOld), ("+", onlyNew)] {
          for item in items.prefix(Self.evidenceLines) {
            lines.append("    \(mark) \(Self.evidence(item))")
          }
          if items.count > Self.evidenceLines {
            lines.append(
              "    \(mark) … and \(items.count - Self.evidenceLines) more (--format json lists all)"
            )
          }
        }
        if !both.isEmpty {
          lines.append(
            "    = \(Self.plural(both.count, "sentence")) on both sides\(onlyOld.isEmpty && onlyNew.isEmpty ? ": " + both.map(\.text).joined(separator: " / ") : "")"
          )
        }
      }
    }
    return lines.map(TerminalText.line).joined(separator: "\n") + "\n"
  }

  func summary(_ graph: CooccurrenceGraph) -> String {
    "\(Self.plural(graph.nodes.count, "entity", "entities")), \(Self.plural(graph.edges.count, "link")), \(Self.plural(graph.documentCount, "document"))"
  }

  func counts(_ changes: [GraphDiff.Change]) -> String {
    GraphDiff.Change.allCases.map { kind in
      "\(changes.filter { $0 == kind }.count) \(kind.rawValue)"
    }.joined(separator: ", ")
  }

  static func mark(_ change: GraphDiff.Change) -> String {
    switch change {
    case .added: "+"
    case .removed: "-"
    case .changed: "~"
    }
  }

  static func evidence(_ item: CooccurrenceGraph.Evidence) -> String {
    var where_ = "\(item.document) #\(item.sentence)"
    if let date = item.date { where_ += ", \(date)" }
    if let source = item.source { where_ += ", \(source)" }
    return "\(where_): \(item.text)"
  }

  /// A weight, or `·` for a side that lacks the link.
  static func weight(_ value: Double?) -> String {
    guard let value else { return "·" }
    return DOTWriter.shortWeight(value)
  }

  /// A weight for people: whole numbers as they are, others with two decimals.
  public static func weightText(_ value: Double) -> String {
    DOTWriter.shortWeight(value)
  }

  static func signed(_ value: Double) -> String {
    value > 0 ? "+" + DOTWriter.shortWeight(value) : DOTWriter.shortWeight(value)
  }

  static func plural(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
  }

  /// Text padded (or cut with "…") to a width in characters.
  static func padded(_ text: String, _ width: Int, left: Bool = false) -> String {
    var text = text
    if text.count > width && width > 1 { text = String(text.prefix(width - 1)) + "…" }
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return left ? padding + text : text + padding
  }
}
