import ArgumentParser
import NewsGraph

/// The weight written and drawn, and how the graph is cut down for a readable diagram.
struct PruningOptions: ParsableArguments {
  @Option(
    help:
      "Edge weight written and drawn: count, documents, pmi, npmi, dice or jaccard (the JSON keeps the raw counts too)."
  )
  var weight: EdgeWeighting = .count

  @Option(
    name: .customLong("min-weight"),
    help: ArgumentHelp("Keep links of at least this weight.", valueName: "w"))
  var minimumWeight: Double?

  @Option(
    name: .customLong("top-edges"),
    help: ArgumentHelp("Keep the K heaviest links (0 keeps all).", valueName: "k"))
  var topEdges: Int?

  @Option(
    name: .customLong("top-nodes"),
    help: ArgumentHelp(
      "Keep the K entities ranked highest by --rank-by (0 keeps all, and turns off the automatic limit on big pictures).",
      valueName: "k"))
  var topNodes: Int?

  @Option(name: .customLong("rank-by"), help: "How --top-nodes ranks entities: mentions or degree.")
  var rank: GraphPruner.NodeRank = .mentions

  @Option(
    help: ArgumentHelp(
      "Keep entities of these types: a comma-separated list of person, country, organization, place.",
      valueName: "types"))
  var types: String?

  @Option(
    help: ArgumentHelp(
      "Keep only the entities within --depth links of this one (an id, a label or a name seen).",
      valueName: "entity"))
  var focus: String?

  @Option(help: ArgumentHelp("Links from --focus kept.", valueName: "n"))
  var depth: Int = 1

  @Option(
    help: ArgumentHelp(
      "Keep links significant at level ALPHA by the disparity filter (Serrano, Boguñá, Vespignani 2009), e.g. 0.05.",
      valueName: "alpha"))
  var backbone: Double?

  func validate() throws {
    if let topEdges, topEdges < 0 { throw ValidationError("--top-edges must be 0 or more") }
    if let topNodes, topNodes < 0 { throw ValidationError("--top-nodes must be 0 or more") }
    if depth < 0 { throw ValidationError("--depth must be 0 or more") }
    if let backbone, !(backbone > 0 && backbone <= 1) {
      throw ValidationError("--backbone must be a level above 0 and at most 1, such as 0.05")
    }
    if let minimumWeight, !minimumWeight.isFinite {
      throw ValidationError("--min-weight must be a number")
    }
    _ = try entityTypes()
  }

  func entityTypes() throws(ValidationError) -> Set<EntityType>? {
    guard let types else { return nil }
    var result = Set<EntityType>()
    for name in types.split(separator: ",", omittingEmptySubsequences: true) {
      let trimmed = name.trimmingSpaces
      guard let type = EntityType(rawValue: trimmed) else {
        throw ValidationError(
          "--types: unknown type '\(trimmed)' (expected person, country, organization or place)")
      }
      result.insert(type)
    }
    guard !result.isEmpty else { throw ValidationError("--types needs at least one type") }
    return result
  }

  /// Whether any pruning option was given.
  var isGiven: Bool {
    minimumWeight != nil || topEdges != nil || topNodes != nil || types != nil || focus != nil
      || backbone != nil
  }

  /// The pruner for `graph`, with the focus looked up in it.
  func pruner(for graph: CooccurrenceGraph) throws(Failure) -> GraphPruner {
    var focusID: String?
    if let focus { focusID = try EntityReference.id(of: focus, in: graph, option: "--focus") }
    return pruner(focusID: focusID)
  }

  /// The pruner, with the focus given as a node id.
  func pruner(focusID: String?) -> GraphPruner {
    GraphPruner(
      types: (try? entityTypes()) ?? nil, focus: focusID, depth: depth, backbone: backbone,
      minimumWeight: minimumWeight, topNodes: topNodes == 0 ? nil : topNodes, rank: rank,
      topEdges: topEdges == 0 ? nil : topEdges)
  }
}

extension EdgeWeighting: ExpressibleByArgument {}
extension GraphPruner.NodeRank: ExpressibleByArgument {}

extension Substring {
  var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
