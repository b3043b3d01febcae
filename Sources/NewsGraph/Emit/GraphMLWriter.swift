/// Writes a graph as GraphML, for yEd, Cytoscape, igraph and networkx (`read_graphml`).
///
/// Node ids are the entity ids; nodes carry label, type, mentions, documents, windows and
/// aliases, edges weight, count, documents and their evidence, and the graph its window,
/// weighting and totals. Every value is escaped for XML.
public struct GraphMLWriter: Sendable {
  public var version: String

  public init(version: String = NewsGraphVersion.current) {
    self.version = version
  }

  public func graphML(_ graph: CooccurrenceGraph) -> String {
    let dated = graph.nodes.contains { !$0.dates.isEmpty }
    var lines = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<!-- newsgraph \(XMLText.content(version).replacingDoubleHyphens) -->",
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        + "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        + "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">",
    ]
    var keys: [(String, String, String, String)] = [
      ("g_window", "graph", "window", "string"), ("g_documents", "graph", "documents", "int"),
      ("g_windows", "graph", "windows", "int"), ("g_weight", "graph", "weight", "string"),
      ("label", "node", "label", "string"), ("type", "node", "type", "string"),
      ("mentions", "node", "mentions", "int"), ("n_documents", "node", "documents", "int"),
      ("n_windows", "node", "windows", "int"), ("aliases", "node", "aliases", "string"),
    ]
    if dated { keys.append(("n_dates", "node", "dates", "string")) }
    keys += [
      ("weight", "edge", "weight", "double"), ("count", "edge", "count", "int"),
      ("e_documents", "edge", "documents", "int"), ("evidence", "edge", "evidence", "string"),
    ]
    if dated { keys.append(("e_dates", "edge", "dates", "string")) }
    for (id, domain, name, type) in keys {
      lines.append(
        "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(name)\" attr.type=\"\(type)\"/>")
    }
    lines.append("  <graph id=\"newsgraph\" edgedefault=\"undirected\">")
    lines.append("    <data key=\"g_window\">\(graph.window)</data>")
    lines.append("    <data key=\"g_documents\">\(graph.documentCount)</data>")
    lines.append("    <data key=\"g_windows\">\(graph.windowCount)</data>")
    lines.append("    <data key=\"g_weight\">\(graph.weighting.rawValue)</data>")
    for node in graph.nodes {
      lines.append("    <node id=\"\(XMLText.attribute(node.id))\">")
      lines.append("      <data key=\"label\">\(XMLText.content(node.label))</data>")
      lines.append("      <data key=\"type\">\(node.type.rawValue)</data>")
      lines.append("      <data key=\"mentions\">\(node.mentions)</data>")
      lines.append("      <data key=\"n_documents\">\(node.documents)</data>")
      lines.append("      <data key=\"n_windows\">\(node.windows)</data>")
      lines.append(
        "      <data key=\"aliases\">\(XMLText.content(node.aliases.joined(separator: " | ")))</data>"
      )
      if !node.dates.isEmpty {
        lines.append("      <data key=\"n_dates\">\(node.dates.joined(separator: " "))</data>")
      }
      lines.append("    </node>")
    }
    for (edge, weight) in zip(graph.edges, graph.weights()) {
      lines.append(
        "    <edge source=\"\(XMLText.attribute(edge.source))\" target=\"\(XMLText.attribute(edge.target))\">"
      )
      lines.append("      <data key=\"weight\">\(JSONText.number(weight))</data>")
      lines.append("      <data key=\"count\">\(edge.count)</data>")
      lines.append("      <data key=\"e_documents\">\(edge.documents)</data>")
      lines.append("      <data key=\"evidence\">\(XMLText.content(XMLText.evidence(edge)))</data>")
      if !edge.dates.isEmpty {
        lines.append("      <data key=\"e_dates\">\(edge.dates.joined(separator: " "))</data>")
      }
      lines.append("    </edge>")
    }
    lines.append("  </graph>")
    lines.append("</graphml>")
    return lines.joined(separator: "\n") + "\n"
  }
}

extension String {
  /// A comment cannot hold "--".
  var replacingDoubleHyphens: String {
    var result = ""
    var previous: Character?
    for character in self {
      if character == "-" && previous == "-" { result += " " }
      result.append(character)
      previous = character
    }
    return result
  }
}
