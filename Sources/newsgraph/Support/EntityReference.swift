import NewsGraph

/// Turns a name from the command line into a node id, with messages a user can act on.
enum EntityReference {
  static func id(of reference: String, in graph: CooccurrenceGraph, option: String) throws(Failure)
    -> String
  {
    switch graph.lookup(reference) {
    case .found(let node):
      return node.id
    case .ambiguous(let nodes):
      throw Failure(
        "newsgraph: error: \(option) '\(reference)' could be "
          + nodes.prefix(6).map { "'\($0.id)'" }.joined(separator: ", ") + "; give the id")
    case .notFound(let suggestions):
      var message = "newsgraph: error: \(option) '\(reference)': no such entity in the graph"
      if !suggestions.isEmpty {
        message +=
          "; did you mean "
          + suggestions.map { "'\($0.label)' (\($0.id))" }.joined(separator: ", ") + "?"
      }
      throw Failure(message)
    }
  }
}
