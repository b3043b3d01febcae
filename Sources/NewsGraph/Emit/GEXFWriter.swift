/// Writes a graph as GEXF 1.3 for Gephi (and networkx `read_gexf`).
///
/// Node types, mentions, documents, windows and aliases are attributes, nodes are coloured by
/// type (`viz:color`), and edge weights are the graph's weighting. When documents carry dates,
/// the graph is dynamic: each node and edge gets spells, one per run of consecutive days on
/// which documents named it, so Gephi's timeline shows when entities and links appear.
public struct GEXFWriter: Sendable {
  public var version: String

  public init(version: String = NewsGraphVersion.current) {
    self.version = version
  }

  public func gexf(_ graph: CooccurrenceGraph) -> String {
    let dynamic =
      graph.nodes.contains { !$0.dates.isEmpty } || graph.edges.contains { !$0.dates.isEmpty }
    var lines = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        + "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">",
      "  <meta>",
      "    <creator>newsgraph \(XMLText.content(version))</creator>",
      "    <description>co-occurrence of entities; window: \(graph.window); weight: \(graph.weighting.rawValue); \(graph.documentCount) documents</description>",
      "  </meta>",
      dynamic
        ? "  <graph defaultedgetype=\"undirected\" mode=\"dynamic\" timeformat=\"date\">"
        : "  <graph defaultedgetype=\"undirected\" mode=\"static\">",
      "    <attributes class=\"node\" mode=\"static\">",
      "      <attribute id=\"type\" title=\"type\" type=\"string\"/>",
      "      <attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>",
      "      <attribute id=\"documents\" title=\"documents\" type=\"integer\"/>",
      "      <attribute id=\"windows\" title=\"windows\" type=\"integer\"/>",
      "      <attribute id=\"aliases\" title=\"aliases\" type=\"string\"/>",
      "    </attributes>",
      "    <attributes class=\"edge\" mode=\"static\">",
      "      <attribute id=\"count\" title=\"count\" type=\"integer\"/>",
      "      <attribute id=\"documents\" title=\"documents\" type=\"integer\"/>",
      "      <attribute id=\"evidence\" title=\"evidence\" type=\"string\"/>",
      "    </attributes>",
      "    <nodes>",
    ]
    for node in graph.nodes {
      lines.append(
        "      <node id=\"\(XMLText.attribute(node.id))\" label=\"\(XMLText.attribute(node.label))\">"
      )
      lines.append("        <attvalues>")
      lines.append("          <attvalue for=\"type\" value=\"\(node.type.rawValue)\"/>")
      lines.append("          <attvalue for=\"mentions\" value=\"\(node.mentions)\"/>")
      lines.append("          <attvalue for=\"documents\" value=\"\(node.documents)\"/>")
      lines.append("          <attvalue for=\"windows\" value=\"\(node.windows)\"/>")
      lines.append(
        "          <attvalue for=\"aliases\" value=\"\(XMLText.attribute(node.aliases.joined(separator: " | ")))\"/>"
      )
      lines.append("        </attvalues>")
      lines += spells(node.dates, indent: "        ")
      let (r, g, b) = Self.color(node.type)
      lines.append("        <viz:color r=\"\(r)\" g=\"\(g)\" b=\"\(b)\"/>")
      lines.append("      </node>")
    }
    lines.append("    </nodes>")
    lines.append("    <edges>")
    for (index, (edge, weight)) in zip(graph.edges, graph.weights()).enumerated() {
      lines.append(
        "      <edge id=\"\(index)\" source=\"\(XMLText.attribute(edge.source))\" target=\"\(XMLText.attribute(edge.target))\" weight=\"\(JSONText.number(weight))\">"
      )
      lines.append("        <attvalues>")
      lines.append("          <attvalue for=\"count\" value=\"\(edge.count)\"/>")
      lines.append("          <attvalue for=\"documents\" value=\"\(edge.documents)\"/>")
      lines.append(
        "          <attvalue for=\"evidence\" value=\"\(XMLText.attribute(XMLText.evidence(edge)))\"/>"
      )
      lines.append("        </attvalues>")
      lines += spells(edge.dates, indent: "        ")
      lines.append("      </edge>")
    }
    lines.append("    </edges>")
    lines.append("  </graph>")
    lines.append("</gexf>")
    return lines.joined(separator: "\n") + "\n"
  }

  private func spells(_ dates: [String], indent: String) -> [String] {
    let runs = CalendarDay.spells(dates)
    guard !runs.isEmpty else { return [] }
    return ["\(indent)<spells>"]
      + runs.map { "\(indent)  <spell start=\"\($0.0)\" end=\"\($0.1)\"/>" } + [
        "\(indent)</spells>"
      ]
  }

  /// The border colour of the type in the diagrams, as 0–255 components.
  static func color(_ type: EntityType) -> (Int, Int, Int) {
    let hex = Array(DOTWriter.style(type).border.utf8.dropFirst())
    func component(_ at: Int) -> Int {
      hex[at..<(at + 2)].reduce(0) { value, byte in
        let digit =
          byte >= UInt8(ascii: "a")
          ? Int(byte - UInt8(ascii: "a")) + 10 : Int(byte - UInt8(ascii: "0"))
        return value * 16 + digit
      }
    }
    return (component(0), component(2), component(4))
  }
}
