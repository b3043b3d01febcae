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
    String(decoding: graphUTF8(graph), as: UTF8.self)
  }

  /// The same text as `graph(_:)`, as UTF-8 bytes: what a file gets, without the check of every
  /// byte that making a `String` of it takes.
  public func graphUTF8(_ graph: CooccurrenceGraph) -> [UInt8] {
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
      json.beginCompactObject()
      json.member("id", node.id)
      json.member("label", node.label)
      json.member("type", node.type.rawValue)
      json.member("mentions", node.mentions)
      json.member("documents", node.documents)
      json.member("windows", node.windows)
      json.member("aliases", strings: node.aliases)
      if !node.dates.isEmpty { json.member("dates", strings: node.dates) }
      json.endCompactObject()
    }
    json.close("]")
    json.open("[", key: "links")
    for (edge, weight) in zip(graph.edges, graph.weights()) {
      json.beginCompactObject()
      json.member("source", edge.source)
      json.member("target", edge.target)
      json.member("weight", number: weight)
      json.member("count", edge.count)
      json.member("documents", edge.documents)
      if !edge.dates.isEmpty { json.member("dates", strings: edge.dates) }
      json.member("evidence", evidence: edge.evidence)
      json.endCompactObject()
    }
    json.close("]")
    json.close("}")
    return json.finishedLine()
  }

  /// One evidence record on one line; the document's metadata only when the input gave it.
  static func evidence(_ item: CooccurrenceGraph.Evidence) -> String {
    var json = JSONText()
    json.appendEvidence(item)
    return json.output
  }

  public func entities(_ documents: [Document]) -> String {
    var json = JSONText()
    json.open("{")
    json.field("generator", "newsgraph \(version)")
    json.open("[", key: "documents")
    for document in documents { Self.write(document, to: &json) }
    json.close("]")
    json.close("}")
    return json.output + "\n"
  }

  // MARK: The entities list a document at a time

  /// What comes before the first document of `entities(_:)`: with `entitiesDocument(_:)` for
  /// each document, separated by `entitiesSeparator`, and `entitiesFooter(documents:)`, the
  /// same bytes, written as each document is analyzed rather than once all are in memory.
  public func entitiesHeader() -> [UInt8] {
    var json = JSONText()
    json.open("{")
    json.field("generator", "newsgraph \(version)")
    json.open("[", key: "documents")
    return json.taken()
  }

  /// One document of `entities(_:)`, from the line break before it to its closing brace; a
  /// document after another is preceded by `entitiesSeparator`.
  public func entitiesDocument(_ document: Document) -> [UInt8] {
    var json = JSONText(nested: 2)
    Self.write(document, to: &json)
    return json.taken()
  }

  /// What comes between two documents of `entities(_:)`.
  public static let entitiesSeparator: [UInt8] = Array(",".utf8)

  /// What ends `entities(_:)` after `documents` documents.
  public func entitiesFooter(documents: Int) -> [UInt8] {
    Array((documents > 0 ? "\n  ]\n}\n" : "]\n}\n").utf8)
  }

  /// One document on one line, `{"id": ..., "sentences": ..., "mentions": [...], "entities":
  /// [...]}` and a line feed, the mentions and entities as in `entities(_:)`: JSON Lines, a
  /// document a line, which a reader can take a line at a time.
  public func entitiesLine(_ document: Document) -> [UInt8] {
    var json = JSONText()
    json.beginObject()
    json.member("id", document.id)
    json.member("sentences", document.sentences.count)
    json.member("mentions", objects: document.mentions) { Self.members(of: $1, to: &$0) }
    json.member("entities", objects: document.entities) { Self.members(of: $1, to: &$0) }
    json.endCompactObject()
    return json.finishedLine()
  }

  private static func write(_ document: Document, to json: inout JSONText) {
    json.open("{")
    json.field("id", document.id)
    json.field("sentences", document.sentences.count)
    write(document.mentions, key: "mentions", to: &json, members(of:to:))
    write(document.entities, key: "entities", to: &json, members(of:to:))
    json.close("}")
  }

  /// An array of `items` under `key`, each an object on one line of the members `members`
  /// writes.
  private static func write<Item>(
    _ items: [Item], key: String, to json: inout JSONText,
    _ members: (Item, inout JSONText) -> Void
  ) {
    json.open("[", key: key)
    for item in items {
      json.beginCompactObject()
      members(item, &json)
      json.endCompactObject()
    }
    json.close("]")
  }

  private static func members(of mention: Mention, to json: inout JSONText) {
    json.member("text", mention.text)
    json.member("start", mention.start)
    json.member("end", mention.end)
    json.member("sentence", mention.sentence)
    json.member("type", mention.type.rawValue)
    json.member("entity", mention.entity)
    json.member("form", mention.form.rawValue)
    json.member("source", mention.source)
  }

  private static func members(of entity: Entity, to json: inout JSONText) {
    json.member("id", entity.id)
    json.member("label", entity.label)
    json.member("type", entity.type.rawValue)
    json.member("mentions", entity.mentions)
    json.member("aliases", strings: entity.aliases)
  }
}

/// The version newsgraph reports and writes into its outputs.
public enum NewsGraphVersion {
  public static let current = "0.1.0"
}
