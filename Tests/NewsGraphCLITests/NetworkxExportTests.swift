import Foundation
import Testing

/// Runs python3 with networkx, when the machine has them.
enum Networkx {
  static let available: Bool = {
    guard let result = try? python("import networkx") else { return false }
    return result.status == 0
  }()

  static func python(_ script: String, arguments: [String] = []) throws -> (
    status: Int32, output: String, errors: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let errorReader = PipeReader(errors.fileHandleForReading)
    let out = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: out, as: UTF8.self),
      String(decoding: errorReader.data(), as: UTF8.self)
    )
  }
}

/// The exports load in networkx: `read_graphml`, `read_gexf`, `node_link_graph`.
@Suite(
  .enabled(if: CommandRunner.hasDictionaries, "dictionaries/ has not been generated yet"),
  .enabled(
    if: Networkx.available,
    "python3 with networkx is not installed (pip install networkx); the export check is skipped"))
struct NetworkxExportTests {
  /// Hostile text in labels (a name found by a rule), evidence and JSON Lines metadata.
  static let jsonl = #"""
    {"id": "h<1>", "text": "Egypt & Russia met. Jane \"Zoë\" O'Neil met Putin <script>alert(1)</script> in Cairo & Moscow.", "date": "2024-05-01", "source": "A&B <wire>", "title": "\u0001bell\u0007 ]]>"}
    {"id": "h2", "text": "Russia and Egypt met again in Cairo.", "date": "2024-05-03"}
    """#

  static let check = """
    import json, sys
    import networkx as nx
    folder = sys.argv[1]
    graphs = {
        "graphml": nx.read_graphml(folder + "/g.graphml"),
        "gexf": nx.read_gexf(folder + "/g.gexf"),
        "json": nx.node_link_graph(json.load(open(folder + "/g.json")), edges="links"),
    }
    for name, g in graphs.items():
        nodes = sorted(g.nodes())
        label = lambda n: g.nodes[n].get("label", "")
        print(name, g.number_of_nodes(), g.number_of_edges(), g.is_directed())
        print(name, "labels", json.dumps(sorted(label(n) for n in nodes), ensure_ascii=False))
        print(name, "types", json.dumps(sorted(set(g.nodes[n]["type"] for n in nodes))))
        u, v = "country/egypt", "country/russia"
        data = g.get_edge_data(u, v)
        data = data.get(0, data) if isinstance(data, dict) and 0 in data else data
        print(name, "egypt-russia", float(data["weight"]), int(data["count"]))
    spells = graphs["gexf"].nodes["country/egypt"].get("spells")
    print("spells", json.dumps(spells))
    print("mode", graphs["gexf"].graph.get("mode"))
    """

  @Test func exportsLoadInNetworkx() throws {
    let scratch = try ScratchFolder()
    let input = try scratch.write("hostile.jsonl", Self.jsonl)
    for format in ["graphml", "gexf", "json"] {
      let result = try CommandRunner.run("graph", [input, "-o", scratch.path("g.\(format)")])
      try #require(result.status == 0, "\(result)")
    }
    let run = try Networkx.python(Self.check, arguments: [scratch.url.path])
    try #require(run.status == 0, "python: \(run.errors)")
    let lines = run.output.split(separator: "\n").map(String.init)
    let counts = lines.filter { !$0.contains(" labels ") && $0.hasSuffix("False") }
    #expect(counts.count == 3, "\(lines)")
    #expect(
      Set(counts.map { $0.split(separator: " ").dropFirst().joined(separator: " ") }).count == 1,
      "every format has the same nodes and edges: \(counts)")
    let labels = lines.filter { $0.contains(" labels ") }.map {
      $0.split(separator: " ", maxSplits: 2)[2]
    }
    #expect(Set(labels).count == 1, "labels survive every format alike: \(labels)")
    #expect(labels.first?.contains("Egypt") == true)
    #expect(
      lines.filter { $0.contains("egypt-russia") }.allSatisfy { $0.hasSuffix("2.0 2") }, "\(lines)")
    #expect(
      lines.contains("spells [[\"2024-05-01\", \"2024-05-01\"], [\"2024-05-03\", \"2024-05-03\"]]"))
    #expect(lines.contains("mode dynamic"))
  }
}
