/// Writes a graph diff as JSON for programs; the README documents every field.
///
/// Keys come in a fixed order and changes in the diff's order (entities by change in
/// mentions, links by size of the weight change, biggest first), so the same inputs give the
/// same bytes.
public struct DiffJSONWriter: Sendable {
  public var oldName: String
  public var newName: String
  public var version: String

  public init(oldName: String, newName: String, version: String = NewsGraphVersion.current) {
    self.oldName = oldName
    self.newName = newName
    self.version = version
  }

  public func json(_ diff: GraphDiff) -> String {
    var json = JSONText()
    json.open("{")
    json.field("generator", "newsgraph \(version)")
    json.field("weight", diff.weighting.rawValue)
    json.field("window", diff.new.window.description)
    json.field("same", diff.isEmpty)
    for (key, name, graph) in [("old", oldName, diff.old), ("new", newName, diff.new)] {
      json.compactObject(
        key: key,
        [
          ("name", JSONText.quoted(name)), ("entities", String(graph.nodes.count)),
          ("links", String(graph.edges.count)), ("documents", String(graph.documentCount)),
          ("windows", String(graph.windowCount)),
        ])
    }
    json.open("{", key: "summary")
    json.compactObject(key: "entities", counts(diff.nodes.map(\.change)))
    json.compactObject(
      key: "links",
      counts(diff.edges.map(\.change)) + [("unchanged", String(diff.unchangedEdgeCount))])
    json.close("}")
    json.open("[", key: "entities")
    for node in diff.nodes {
      json.compactObject([
        ("id", JSONText.quoted(node.id)), ("label", JSONText.quoted(node.label)),
        ("type", JSONText.quoted(node.type.rawValue)),
        ("change", JSONText.quoted(node.change.rawValue)),
        ("old", side(node.old)), ("new", side(node.new)),
        ("delta", String(node.mentionsDelta)),
      ])
    }
    json.close("]")
    json.open("[", key: "links")
    for change in diff.edges {
      let (onlyOld, onlyNew, both) = change.evidence
      let evidence =
        "{\"old\": \(list(onlyOld)), \"new\": \(list(onlyNew)), \"both\": \(list(both))}"
      json.compactObject([
        ("source", JSONText.quoted(change.source)), ("target", JSONText.quoted(change.target)),
        ("change", JSONText.quoted(change.change.rawValue)),
        ("old", side(change.old, weight: change.oldWeight)),
        ("new", side(change.new, weight: change.newWeight)),
        ("delta", JSONText.number(change.delta)), ("evidence", evidence),
      ])
    }
    json.close("]")
    json.close("}")
    return json.output + "\n"
  }

  private func counts(_ changes: [GraphDiff.Change]) -> [(String, String)] {
    GraphDiff.Change.allCases.map { kind in
      (kind.rawValue, String(changes.filter { $0 == kind }.count))
    }
  }

  private func side(_ node: CooccurrenceGraph.Node?) -> String {
    guard let node else { return "null" }
    return "{\"mentions\": \(node.mentions), \"documents\": \(node.documents)}"
  }

  private func side(_ edge: CooccurrenceGraph.Edge?, weight: Double?) -> String {
    guard let edge, let weight else { return "null" }
    return
      "{\"weight\": \(JSONText.number(weight)), \"count\": \(edge.count), \"documents\": \(edge.documents)}"
  }

  private func list(_ items: [CooccurrenceGraph.Evidence]) -> String {
    "[" + items.map(JSONWriter.evidence).joined(separator: ", ") + "]"
  }
}
