import Foundation
import Testing

/// Every run writes the same bytes: Swift seeds the hashing of `Dictionary` and `Set` anew in
/// each process, so output that follows one's order (which candidate wins a tie, the order of
/// nodes, links, evidence or changes) differs from one run of the binary to the next.
@Suite(.enabled(if: CommandRunner.hasDictionaries, "dictionaries/ has not been generated yet"))
struct DeterminismTests {
  /// Fictional articles full of ties: two company stems that match at one token ("Brenfold
  /// Marine" after "Brenfold Corp" and "Brenfold Marine Inc"), an acronym, brothers who share a
  /// surname, a first name alone, and mention counts and links that tie in a diff and in pruning.
  /// The second names the brothers and the companies the other way round.
  static let articles = [
    """
    Brenfold Corp and Brenfold Marine Inc agreed to merge, the Kestrel Valley Authority (KVA) \
    said on Monday.

    Brenfold Marine said the deal would close in May. Duane Tarrow, who chairs the KVA, met his \
    brother Rodney Tarrow and Hayley Quenby in Orvieto.

    Tarrow said Hayley would join the board. Quenby and Brenfold Corp declined to comment.

    """,
    """
    Brenfold Marine Inc and Brenfold Corp agreed to merge, the Kestrel Valley Authority (KVA) \
    said on Monday.

    Brenfold Marine said the deal would close in May. Rodney Tarrow, who chairs the KVA, met his \
    brother Duane Tarrow and Hayley Quenby in Orvieto.

    Tarrow said Hayley would join the board. Orvieto and Brenfold Corp declined to comment.

    """,
  ]

  /// Runs of each command compared: a tie decided by a table's order goes both ways in a few.
  static let runs = 6

  struct Command: Sendable, CustomTestStringConvertible {
    /// The arguments; `A`, `B`, `GA` and `GB` stand for the articles and their graphs.
    var arguments: [String]
    var explanation: String
    var testDescription: String { explanation }
  }

  @Test(arguments: [
    Command(
      arguments: ["entities", "A", "B", "--format", "json", "--explain"],
      explanation: "entities JSON and the explanation"),
    Command(arguments: ["entities", "A", "B"], explanation: "entities table"),
    Command(arguments: ["graph", "A", "B", "--format", "json"], explanation: "graph JSON"),
    Command(
      arguments: ["graph", "A", "B", "--format", "dot", "--window", "document"],
      explanation: "graph DOT, one window per document"),
    Command(arguments: ["graph", "A", "B", "--format", "gexf"], explanation: "graph GEXF"),
    Command(arguments: ["graph", "A", "B", "--format", "graphml"], explanation: "graph GraphML"),
    Command(arguments: ["diff", "GA", "GB"], explanation: "diff text, changes that tie"),
    Command(arguments: ["diff", "GA", "GB", "--format", "json"], explanation: "diff JSON"),
    Command(arguments: ["diff", "GA", "GB", "--format", "dot"], explanation: "diff DOT"),
    Command(
      arguments: ["merge", "GA", "GB", "--top-nodes", "3", "--top-edges", "4"],
      explanation: "merge, pruned where counts tie"),
    Command(
      arguments: [
        "merge", "GA", "GB", "--top-nodes", "3", "--rank-by", "degree", "--weight", "pmi",
      ],
      explanation: "merge, pruned by degree"),
    Command(
      arguments: ["explain", "GA", "Duane Tarrow", "Brenfold Corp"], explanation: "explain"),
  ])
  func sameBytesInEveryRun(_ command: Command) throws {
    let scratch = try ScratchFolder()
    let a = try scratch.write("a.txt", Self.articles[0])
    let b = try scratch.write("b.txt", Self.articles[1])
    let ga = scratch.path("a.json")
    let gb = scratch.path("b.json")
    for (article, graph) in [(a, ga), (b, gb)] {
      let built = try CommandRunner.run("graph", [article, "-o", graph])
      try #require(built.status == 0, "\(built)")
    }
    let names = ["A": a, "B": b, "GA": ga, "GB": gb]
    var arguments = command.arguments.map { names[$0] ?? $0 }
    if ["entities", "graph", "explain"].contains(arguments[0]) {
      arguments += ["--dictionaries", CommandRunner.dictionaries]
    }
    let first = try CommandRunner.run(arguments)
    #expect([0, 1].contains(first.status), "\(first)")
    #expect(!first.stdout.isEmpty, "\(first)")
    for _ in 1..<Self.runs {
      let again = try CommandRunner.run(arguments)
      #expect(again.status == first.status)
      #expect(again.stdout == first.stdout, "\(again)")
      #expect(again.stderr == first.stderr)
    }
  }
}
