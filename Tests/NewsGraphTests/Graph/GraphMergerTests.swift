import Testing

@testable import NewsGraph

/// Merge is associative and commutative and equals the one-shot build, on random corpora.
@Suite struct GraphMergerTests {
  static let seeds: [UInt64] = Array(1...40)

  static func merged(_ graphs: [CooccurrenceGraph]) throws -> CooccurrenceGraph {
    try GraphMerger().merge(graphs)
  }

  @Test(arguments: seeds)
  func mergeEqualsTheOneShotBuild(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let window = RandomCorpus.windows[Int(seed) % RandomCorpus.windows.count]
    let articles = RandomCorpus.articles(count: Int.random(in: 1...12, using: &rng), using: &rng)
    // Cut the corpus into shards at random points (some may be empty).
    var shards: [[RandomCorpus.Article]] = [[]]
    for article in articles {
      if Int.random(in: 0..<3, using: &rng) == 0 { shards.append([]) }
      shards[shards.count - 1].append(article)
    }
    let oneShot = RandomCorpus.graph(articles, window: window)
    let parts = shards.map { RandomCorpus.graph($0, window: window) }
    #expect(try Self.merged(parts) == oneShot, "seed \(seed), window \(window)")
    #expect(try Self.merged(parts.reversed()) == oneShot, "shards in reverse order")
  }

  @Test(arguments: seeds)
  func mergeIsCommutativeAndAssociative(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed &* 7919)
    let window = RandomCorpus.windows[Int(seed) % RandomCorpus.windows.count]
    let a = RandomCorpus.graph(RandomCorpus.articles(count: 3, using: &rng), window: window)
    let b = RandomCorpus.graph(RandomCorpus.articles(count: 4, using: &rng), window: window)
    let c = RandomCorpus.graph(RandomCorpus.articles(count: 2, using: &rng), window: window)
    #expect(try Self.merged([a, b]) == Self.merged([b, a]))
    let left = try Self.merged([Self.merged([a, b]), c])
    let right = try Self.merged([a, Self.merged([b, c])])
    #expect(left == right)
    #expect(left == (try Self.merged([a, b, c])))
    #expect(left == (try Self.merged([c, a, b])))
  }

  @Test(arguments: seeds)
  func buildingDoesNotDependOnDocumentOrder(seed: UInt64) {
    var rng = SplitMix64(seed: seed &+ 1000)
    let articles = RandomCorpus.articles(count: 8, using: &rng)
    let window = RandomCorpus.windows[Int(seed) % RandomCorpus.windows.count]
    #expect(
      RandomCorpus.graph(articles.shuffled(using: &rng), window: window)
        == RandomCorpus.graph(articles, window: window))
  }

  @Test(arguments: seeds)
  func mergingThroughJSONGivesTheSameGraph(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed &+ 5000)
    let a = RandomCorpus.graph(RandomCorpus.articles(count: 4, using: &rng))
    let b = RandomCorpus.graph(RandomCorpus.articles(count: 3, using: &rng))
    let reader = GraphJSONReader()
    let readA = try reader.graph(Array(JSONWriter().graph(a).utf8), file: "a.json")
    let readB = try reader.graph(Array(JSONWriter().graph(b).utf8), file: "b.json")
    #expect(readA == a, "JSON keeps everything a merge needs")
    #expect(try Self.merged([readA, readB]) == Self.merged([a, b]))
  }

  @Test func countsAddAndWeightsAreRecomputed() throws {
    let one = GraphBuilderTests.document(
      [GraphBuilderTests.S(0, [GraphBuilderTests.a, GraphBuilderTests.b])], id: "one")
    let two = GraphBuilderTests.document(
      [
        GraphBuilderTests.S(0, [GraphBuilderTests.a, GraphBuilderTests.b]),
        GraphBuilderTests.S(0, [GraphBuilderTests.a]),
      ], id: "two")
    let first = GraphBuilder().graph(of: [one])
    let second = GraphBuilder().graph(of: [two])
    let merged = try GraphMerger().merge([first, second], weighting: .dice)
    let edge = try #require(merged.edges.first)
    #expect(edge.count == 2)
    #expect(edge.documents == 2)
    #expect(merged.documentCount == 2)
    #expect(merged.windowCount == 3)
    #expect(merged.nodes.map(\.windows) == [3, 2])
    // Dice from the merged counts: 2·2 / (3 + 2), not the mean of the inputs' Dice.
    #expect(merged.weights() == [0.8])
  }

  @Test func differentWindowsDoNotMerge() {
    let sentence = GraphBuilder(window: .sentence).graph(of: [])
    let paragraph = GraphBuilder(window: .paragraph).graph(of: [])
    #expect(
      throws: GraphMergeError.windowMismatch(expected: "sentence", found: "paragraph", index: 1)
    ) {
      try GraphMerger().merge([sentence, paragraph])
    }
    #expect(throws: GraphMergeError.noGraphs) { try GraphMerger().merge([]) }
  }

  @Test func evidenceKeepsTheSmallerLimit() throws {
    let sentences = Array(
      repeating: GraphBuilderTests.S(0, [GraphBuilderTests.a, GraphBuilderTests.b]), count: 4)
    let wide = GraphBuilder(evidenceLimit: 3).graph(of: [
      GraphBuilderTests.document(sentences, id: "x")
    ])
    let narrow = GraphBuilder(evidenceLimit: 1).graph(of: [
      GraphBuilderTests.document(sentences, id: "w")
    ])
    let merged = try GraphMerger().merge([wide, narrow])
    #expect(merged.evidenceLimit == 1)
    #expect(merged.edges.first?.evidence.map(\.document) == ["w"])
    let limited = try GraphMerger().merge([wide], evidenceLimit: 2)
    #expect(limited.edges.first?.evidence.map(\.sentence) == [0, 1])
  }
}
