/// Writes graphs and entity lists as JSON.
///
/// The graph is a networkx node-link document (`networkx.node_link_graph(data, edges="links")`
/// loads it); keys come in a fixed order and nodes and links are sorted, so output is
/// byte-for-byte the same for the same input.
public struct JSONWriter: Sendable {
  public var version: String

  public init(version: String = NewsGraphVersion.current) {
    self.version = version
  }

  public func graph(_ graph: CooccurrenceGraph) -> String {
    var json = JSONText()
    json.open("{")
    json.field("directed", false)
    json.field("multigraph", false)
    json.open("{", key: "graph")
    json.field("generator", "newsgraph \(version)")
    json.field("window", graph.window.description)
    json.field("documents", graph.documentCount)
    json.field("windows", graph.windowCount)
    json.field("weight", graph.weighting.rawValue)
    json.field("evidence", graph.evidenceLimit)
    if graph.pruned { json.field("pruned", true) }
    json.close("}")
    json.open("[", key: "nodes")
    for node in graph.nodes {
      var fields = [
        ("id", JSONText.quoted(node.id)), ("label", JSONText.quoted(node.label)),
        ("type", JSONText.quoted(node.type.rawValue)), ("mentions", String(node.mentions)),
        ("documents", String(node.documents)), ("windows", String(node.windows)),
        ("aliases", JSONText.array(node.aliases)),
      ]
      if !node.dates.isEmpty { fields.append(("dates", JSONText.array(node.dates))) }
      json.compactObject(fields)
    }
    json.close("]")
    json.open("[", key: "links")
    for (edge, weight) in zip(graph.edges, graph.weights()) {
      var fields = [
        ("source", JSONText.quoted(edge.source)), ("target", JSONText.quoted(edge.target)),
        ("weight", JSONText.number(weight)), ("count", String(edge.count)),
        ("documents", String(edge.documents)),
      ]
      if !edge.dates.isEmpty { fields.append(("dates", JSONText.array(edge.dates))) }
      fields.append(
        ("evidence", "[" + edge.evidence.map(Self.evidence).joined(separator: ", ") + "]"))
      json.compactObject(fields)
    }
    json.close("]")
    json.close("}")
    return json.output + "\n"
  }

  /// One evidence record on one line; the document's metadata only when the input gave it.
  static func evidence(_ item: CooccurrenceGraph.Evidence) -> String {
    var fields = [
      "\"document\": \(JSONText.quoted(item.document))", "\"sentence\": \(item.sentence)",
    ]
    if let date = item.date { fields.append("\"date\": \(JSONText.quoted(date))") }
    if let source = item.source { fields.append("\"source\": \(JSONText.quoted(source))") }
    if let title = item.title { fields.append("\"title\": \(JSONText.quoted(title))") }
    fields.append("\"text\": \(JSONText.quoted(item.text))")
    return "{" + fields.joined(separator: ", ") + "}"
  }

  public func entities(_ documents: [Document]) -> String {
    var json = JSONText()
    json.open("{")
    json.field("generator", "newsgraph \(version)")
    json.open("[", key: "documents")
    for document in documents {
      json.open("{")
      json.field("id", document.id)
      json.field("sentences", document.sentences.count)
      json.open("[", key: "mentions")
      for mention in document.mentions {
        json.compactObject([
          ("text", JSONText.quoted(mention.text)), ("start", String(mention.start)),
          ("end", String(mention.end)), ("sentence", String(mention.sentence)),
          ("type", JSONText.quoted(mention.type.rawValue)),
          ("entity", JSONText.quoted(mention.entity)),
          ("form", JSONText.quoted(mention.form.rawValue)),
          ("source", JSONText.quoted(mention.source)),
        ])
      }
      json.close("]")
      json.open("[", key: "entities")
      for entity in document.entities {
        json.compactObject([
          ("id", JSONText.quoted(entity.id)), ("label", JSONText.quoted(entity.label)),
          ("type", JSONText.quoted(entity.type.rawValue)), ("mentions", String(entity.mentions)),
          ("aliases", "[" + entity.aliases.map(JSONText.quoted).joined(separator: ", ") + "]"),
        ])
      }
      json.close("]")
      json.close("}")
    }
    json.close("]")
    json.close("}")
    return json.output + "\n"
  }
}

/// The version newsgraph reports and writes into its outputs.
public enum NewsGraphVersion {
  public static let current = "0.1.0"
}
