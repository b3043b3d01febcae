@testable import NewsGraph

/// Graphs and texts shared by the writer tests.
enum EmitSamples {
  /// Labels that would break DOT or JSON if they were written as they are.
  static let hostileLabels = [
    "He said \"hi\"", "back\\slash", "trailing\\", "a];b", "x -> y", "n0 -- n1",
    "<script>alert(1)</script>", "line\nbreak", "tab\there", "}; digraph evil {", "Zoë & Ünal",
    "sep\u{2028}arator", "bell\u{7}", "«quoted»",
  ]

  static func node(_ id: String, _ label: String, _ type: EntityType = .person)
    -> CooccurrenceGraph.Node
  {
    CooccurrenceGraph.Node(
      id: id, label: label, type: type, mentions: 2, documents: 1, aliases: [label], windows: 2)
  }

  /// One node per hostile label, each linked to the next, with hostile evidence too.
  static var hostileGraph: CooccurrenceGraph {
    let types = EntityType.allCases
    let nodes = hostileLabels.enumerated().map { index, label in
      node("person/n\(String(index + 10))", label, types[index % types.count])
    }
    let edges = zip(nodes, nodes.dropFirst()).map { a, b in
      CooccurrenceGraph.Edge(
        source: a.id, target: b.id, count: 2, documents: 1,
        evidence: [
          CooccurrenceGraph.Evidence(
            document: "doc \"1\"", sentence: 0, text: "\(a.label) met \(b.label)")
        ])
    }
    return CooccurrenceGraph(
      nodes: nodes, edges: edges, window: .sentence, documentCount: 1, windowCount: 4)
  }

  /// A small invented article for the golden files: every type, a short form, a demonym, a
  /// credit line and some page furniture.
  static let article = """
    World | Europe | Business
    Russia and Egypt sign grain deal

    AFP/Jane Doe

    President Vladimir Putin met Egyptian officials in Moscow on Monday, Reuters reported.

    Putin said Egypt would buy more grain. The deal was signed in Cairo.

    Advertisement
    """

  static func articleGraph() -> CooccurrenceGraph {
    let text = SourceText(article)
    let document = Recognizer(gazetteer: TestDictionary.gazetteer).analyze(
      id: "synthetic", text: text)
    return GraphBuilder().graph(of: [(document, text)])
  }
}
