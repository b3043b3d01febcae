import ArgumentParser
import NewsGraph

extension NewsGraphCommand {
  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "explain",
      abstract:
        "Say why two entities are linked: counts, every weight, and the evidence sentences.",
      discussion: """
        GRAPH is a graph JSON file, or articles (a text file, a folder, a JSON Lines file) to \
        analyze first. An entity is named by its id (country/egypt), its label (Egypt) or a \
        form seen in the articles (Egyptian); labels and forms ignore case. When the two are \
        not linked, the shortest chain of links between them is shown instead.
        """)

    @Argument(help: ArgumentHelp("A graph JSON file, or articles.", valueName: "graph"))
    var graph: String

    @Argument(help: ArgumentHelp("One entity: an id, a label or a name seen.", valueName: "a"))
    var first: String

    @Argument(help: ArgumentHelp("The other entity.", valueName: "b"))
    var second: String

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var build: BuildOptions
    @OptionGroup var dictionaries: DictionaryOptions

    func run() throws {
      try reportingFailures {
        let inputs = GraphInputs(corpus: corpus, build: build, dictionaries: dictionaries)
        let graph = try inputs.graph(self.graph)
        let a = try EntityReference.id(of: first, in: graph, option: "entity")
        let b = try EntityReference.id(of: second, in: graph, option: "entity")
        try FileIO.write(Explanation.text(graph, a, b), to: "-")
        if let failure = inputs.keepGoingFailure() { throw failure }
      }
    }
  }
}

/// The text `explain` prints.
enum Explanation {
  static func text(_ graph: CooccurrenceGraph, _ a: String, _ b: String) -> String {
    let nodes = Dictionary(graph.nodes.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
    func name(_ id: String) -> String { nodes[id]?.label ?? id }
    func plural(_ count: Int, _ noun: String) -> String {
      "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
    let unit = windowNoun(graph.window)
    var lines: [String] = []
    lines.append("\(name(a)) (\(a)) – \(name(b)) (\(b))")
    for id in [a, b] {
      guard let node = nodes[id] else { continue }
      lines.append(
        "  \(node.label): \(node.type.rawValue), \(plural(node.mentions, "mention")), in \(plural(node.windows, unit)) of \(plural(node.documents, "document"))"
      )
    }
    guard a != b else {
      lines.append("  the same entity")
      return lines.map(TerminalText.line).joined(separator: "\n") + "\n"
    }
    guard let edge = graph.edge(between: a, and: b) else {
      lines.append(
        "  not linked: never in one \(unit) (window: \(graph.window), \(plural(graph.documentCount, "document")))"
      )
      if let path = graph.shortestPath(from: a, to: b) {
        var chain = name(path[0])
        for (from, to) in zip(path, path.dropFirst()) {
          let count = graph.edge(between: from, and: to)?.count ?? 0
          chain += " –(\(count))– \(name(to))"
        }
        lines.append("  connected through \(plural(path.count - 1, "link")): \(chain)")
      } else {
        lines.append("  not connected through other entities either")
      }
      return lines.map(TerminalText.line).joined(separator: "\n") + "\n"
    }
    lines.append(
      "  linked in \(plural(edge.count, unit)) of \(plural(edge.documents, "document")) (the graph has \(plural(graph.windowCount, unit)) in \(plural(graph.documentCount, "document")))"
    )
    let weights = EdgeWeighting.allCases.map { weighting -> String in
      let value = weighting.weight(
        count: edge.count, documents: edge.documents, windowsA: nodes[edge.source]?.windows ?? 0,
        windowsB: nodes[edge.target]?.windows ?? 0, total: graph.windowCount)
      return "\(weighting.rawValue) \(DiffTextWriter.weightText(value))"
    }
    lines.append("  weights: " + weights.joined(separator: ", "))
    if edge.evidence.isEmpty {
      lines.append("  no evidence kept (the graph was built with --evidence 0)")
    } else {
      lines.append(
        "  evidence (\(edge.evidence.count) of \(plural(edge.count, unit)), first by document and sentence):"
      )
      for item in edge.evidence {
        var place = "\(item.document) #\(item.sentence)"
        let extra = [item.date, item.source, item.title.map { "“\($0)”" }].compactMap { $0 }
        if !extra.isEmpty { place += " (" + extra.joined(separator: ", ") + ")" }
        lines.append("    \(place): \(item.text)")
      }
    }
    return lines.map(TerminalText.line).joined(separator: "\n") + "\n"
  }

  static func windowNoun(_ window: Window) -> String {
    switch window {
    case .sentence: "sentence"
    case .paragraph: "paragraph"
    case .document: "document window"
    case .sentences(let size): "\(size)-sentence window"
    }
  }
}
