/// Draws a graph diff as one diagram of the union of both graphs.
///
/// Added entities and links are green, removed ones red and dashed, links whose weight grew
/// blue and those whose weight fell orange, each labelled old → new; unchanged links are thin
/// and grey. Shapes still tell the entity types. A legend explains the colours and counts the
/// changes. With `limit`, only the biggest link changes are drawn, with their entities and the
/// unchanged links between those entities.
public struct DiffDOTWriter: Sendable {
  public var oldName: String
  public var newName: String
  /// Link changes drawn at most; 0 draws the whole union.
  public var limit: Int

  public init(oldName: String, newName: String, limit: Int = 30) {
    self.oldName = oldName
    self.newName = newName
    self.limit = limit
  }

  static let added = "#2e7d32"
  static let removed = "#c62828"
  static let stronger = "#1565c0"
  static let weaker = "#ef6c00"
  static let unchanged = "#b0b0b0"

  public func dot(_ diff: GraphDiff) -> String {
    let writer = DOTWriter()
    let union = unionNodes(diff)
    let cut = limit > 0 && diff.edges.count > limit
    let shownChanges = cut ? Array(diff.edges.prefix(limit)) : diff.edges
    var shownIDs: Set<String>
    if cut {
      shownIDs = Set(shownChanges.flatMap { [$0.source, $0.target] })
    } else {
      shownIDs = Set(union.map(\.id))
    }
    let nodeChanges = Dictionary(
      diff.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let compact = shownIDs.count > DOTWriter.compactAbove
    var lines = ["graph newsgraph_diff {"]
    lines.append(
      "  graph [overlap=false, splines=\(compact ? "false" : "true"), outputorder=edgesfirst, "
        + "bgcolor=\"white\", pad=0.3, sep=\"+6\", fontname=\"Helvetica\", "
        + "fontsize=\(DOTWriter.legendSize(nodes: shownIDs.count) + 3), "
        + "labelloc=b, labeljust=l,")
    lines.append("    label=<\(legend(diff, shown: shownChanges.count, writer: writer))>];")
    lines.append("  node [fontname=\"Helvetica\", penwidth=1.4, margin=\"0.12,0.06\"];")
    lines.append("  edge [fontname=\"Helvetica-Bold\", fontsize=13];")
    var names: [String: String] = [:]
    for node in union where shownIDs.contains(node.id) {
      let name = "n\(names.count)"
      names[node.id] = name
      let style = DOTWriter.style(node.type)
      var fill = style.fill
      var border = style.border
      var nodeStyle = style.style
      var label = node.label
      var penwidth = "1.4"
      var fontcolor = "#000000"
      var tooltip = DOTWriter.tooltip(node)
      if let change = nodeChanges[node.id] {
        switch change.change {
        case .added:
          fill = "#e3f4df"
          border = Self.added
          penwidth = "2.6"
          label = "+ " + label
          tooltip = "added: " + DOTWriter.tooltip(change.new ?? node)
        case .removed:
          fill = "#fbe9e9"
          border = Self.removed
          penwidth = "2.2"
          nodeStyle += ",dashed"
          fontcolor = "#7a1f1f"
          label = "− " + label
          tooltip = "removed: " + DOTWriter.tooltip(change.old ?? node)
        case .changed:
          label += "\n\(change.old?.mentions ?? 0) → \(change.new?.mentions ?? 0)"
          tooltip =
            "\(node.label) (\(node.type.rawValue)): mentions \(change.old?.mentions ?? 0) → \(change.new?.mentions ?? 0), documents \(change.old?.documents ?? 0) → \(change.new?.documents ?? 0)"
        }
      }
      let size = min(24.0, 10.0 + 4.0 * log2(1.0 + Double(node.mentions)))
      lines.append(
        "  \(name) [label=\(writer.quoted(label)), shape=\(style.shape), style=\"\(nodeStyle)\", "
          + "fillcolor=\"\(fill)\", color=\"\(border)\", penwidth=\(penwidth), "
          + "fontcolor=\"\(fontcolor)\", fontsize=\(writer.format(size)), "
          + "tooltip=\(writer.quotedTooltip(tooltip))];")
    }
    let biggest = max(
      (diff.old.weights().map(abs) + diff.new.weights().map(abs)).max() ?? 1, 1e-9)
    func width(_ weight: Double?) -> String {
      writer.format(2.0 + 4.0 * min(1, abs(weight ?? 0) / biggest))
    }
    var drawn = Set<[String]>()
    for change in shownChanges {
      guard let a = names[change.source], let b = names[change.target] else { continue }
      drawn.insert([change.source, change.target])
      let pair = "\(diff.label(change.source)) – \(diff.label(change.target))"
      var attributes: [String]
      let old = DiffTextWriter.weight(change.oldWeight)
      let new = DiffTextWriter.weight(change.newWeight)
      var tooltip = "\(pair): \(change.change.rawValue), \(old) → \(new)"
      let (onlyOld, onlyNew, both) = change.evidence
      for item in onlyOld { tooltip += "\n− \(item.document) #\(item.sentence): \(item.text)" }
      for item in onlyNew { tooltip += "\n+ \(item.document) #\(item.sentence): \(item.text)" }
      for item in both { tooltip += "\n= \(item.document) #\(item.sentence): \(item.text)" }
      switch change.change {
      case .added:
        attributes = [
          "color=\"\(Self.added)\"", "fontcolor=\"\(Self.added)\"",
          "penwidth=\(width(change.newWeight))", "label=\"+\(new)\"",
        ]
      case .removed:
        attributes = [
          "color=\"\(Self.removed)\"", "fontcolor=\"\(Self.removed)\"", "style=dashed",
          "penwidth=\(width(change.oldWeight))", "label=\"−\(old)\"",
        ]
      case .changed:
        let color = change.delta > 0 ? Self.stronger : Self.weaker
        attributes = [
          "color=\"\(color)\"", "fontcolor=\"\(color)\"",
          "penwidth=\(width(change.newWeight))", "label=\(writer.quoted("\(old)→\(new)"))",
        ]
      }
      attributes.append("tooltip=\(writer.quotedTooltip(tooltip))")
      lines.append("  \(a) -- \(b) [\(attributes.joined(separator: ", "))];")
    }
    let changed = Set(diff.edges.map { [$0.source, $0.target] })
    for (edge, weight) in zip(diff.new.edges, diff.new.weights())
    where !changed.contains([edge.source, edge.target]) {
      guard let a = names[edge.source], let b = names[edge.target] else { continue }
      let tooltip =
        "\(diff.label(edge.source)) – \(diff.label(edge.target)): unchanged, \(DOTWriter.shortWeight(weight))"
      lines.append(
        "  \(a) -- \(b) [color=\"\(Self.unchanged)\", penwidth=0.8, tooltip=\(writer.quotedTooltip(tooltip))];"
      )
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  /// Every node of either side, the new side's record where both have it, sorted by id.
  private func unionNodes(_ diff: GraphDiff) -> [CooccurrenceGraph.Node] {
    var byID: [String: CooccurrenceGraph.Node] = [:]
    for node in diff.old.nodes { byID[node.id] = node }
    for node in diff.new.nodes { byID[node.id] = node }
    return byID.values.sorted { $0.id < $1.id }
  }

  private func legend(_ diff: GraphDiff, shown: Int, writer: DOTWriter) -> String {
    let cells = [
      ("+ added", Self.added, "#e3f4df"), ("− removed (dashed)", Self.removed, "#fbe9e9"),
      ("stronger: old→new", Self.stronger, "#ffffff"), ("weaker: old→new", Self.weaker, "#ffffff"),
      ("unchanged", Self.unchanged, "#ffffff"),
    ].map { text, color, fill in
      "<td bgcolor=\"\(fill)\" color=\"\(color)\"><font color=\"\(color)\">\(writer.html(text))</font></td>"
    }.joined()
    func count(_ change: GraphDiff.Change) -> Int { diff.edges(change).count }
    var caption =
      "\(oldName) → \(newName): entities +\(diff.nodes(.added).count) −\(diff.nodes(.removed).count) ~\(diff.nodes(.changed).count); "
      + "links +\(count(.added)) −\(count(.removed)) ~\(count(.changed)); weight: \(diff.weighting.rawValue)"
    if shown < diff.edges.count {
      caption += "; the \(shown) biggest of \(diff.edges.count) link changes drawn"
    }
    return
      "<table border=\"0\" cellborder=\"1\" cellspacing=\"4\" cellpadding=\"3\"><tr>\(cells)</tr>"
      + "<tr><td colspan=\"5\" border=\"0\">\(writer.html(caption))</td></tr></table>"
  }
}
