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
    json.field("weight", "count")
    json.close("}")
    json.open("[", key: "nodes")
    for node in graph.nodes {
      json.compactObject([
        ("id", JSONText.quoted(node.id)), ("label", JSONText.quoted(node.label)),
        ("type", JSONText.quoted(node.type.rawValue)), ("mentions", String(node.mentions)),
        ("documents", String(node.documents)),
        ("aliases", "[" + node.aliases.map(JSONText.quoted).joined(separator: ", ") + "]"),
      ])
    }
    json.close("]")
    json.open("[", key: "links")
    for edge in graph.edges {
      let evidence = edge.evidence.map { item in
        "{\"document\": \(JSONText.quoted(item.document)), \"sentence\": \(item.sentence), "
          + "\"text\": \(JSONText.quoted(item.text))}"
      }
      json.compactObject([
        ("source", JSONText.quoted(edge.source)), ("target", JSONText.quoted(edge.target)),
        ("weight", JSONText.number(edge.weight)), ("count", String(edge.count)),
        ("documents", String(edge.documents)),
        ("evidence", "[" + evidence.joined(separator: ", ") + "]"),
      ])
    }
    json.close("]")
    json.close("}")
    return json.output + "\n"
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
