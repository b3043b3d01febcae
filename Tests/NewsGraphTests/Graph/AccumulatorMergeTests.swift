import Testing

@testable import NewsGraph

/// Accumulators merged directly give the graph one accumulator of all their documents gives,
/// however the documents are split and in whichever order the parts are merged.
@Suite struct AccumulatorMergeTests {
  typealias S = GraphBuilderTests.S

  static func accumulator(
    _ articles: ArraySlice<RandomCorpus.Article>, builder: GraphBuilder
  ) -> GraphBuilder.Accumulator {
    var accumulator = GraphBuilder.Accumulator(builder: builder)
    for article in articles {
      accumulator.add(article.document, text: article.text, metadata: article.metadata)
    }
    return accumulator
  }

  /// The accumulators of `articles` cut at `cuts`, merged in the order `order` gives.
  static func merged(
    _ articles: [RandomCorpus.Article], cuts: [Int], order: [Int], builder: GraphBuilder
  ) -> GraphBuilder.Accumulator {
    let bounds = [0] + cuts + [articles.count]
    var parts = zip(bounds, bounds.dropFirst()).map {
      Optional(accumulator(articles[$0..<$1], builder: builder))
    }
    var merged = GraphBuilder.Accumulator(builder: builder)
    for at in order {
      guard let part = parts[at].take() else { continue }
      merged.merge(part)
    }
    return merged
  }

  @Test(arguments: 1...40)
  func mergedPartsGiveTheGraphOfAllTheDocuments(seed: UInt64) {
    var rng = SplitMix64(seed: seed &* 104_729)
    let window = RandomCorpus.windows[Int(seed) % RandomCorpus.windows.count]
    // Limits of 0 to 3 items, and windows of 2 to 5 linked entities, some of them capped.
    let builder = GraphBuilder(
      window: window, evidenceLimit: Int(seed) % 4, windowEntityLimit: 2 + Int(seed) % 4)
    let articles = RandomCorpus.articles(count: Int.random(in: 0...14, using: &rng), using: &rng)
    let whole = Self.accumulator(articles[...], builder: builder)
    for parts in 2...4 {
      let cuts = (1..<parts).map { _ in Int.random(in: 0...articles.count, using: &rng) }.sorted()
      let order = Array(0..<parts).shuffled(using: &rng)
      let merged = Self.merged(articles, cuts: cuts, order: order, builder: builder)
      #expect(merged.graph() == whole.graph(), "seed \(seed), cuts \(cuts), order \(order)")
      #expect(merged.documents == articles.count)
      #expect(merged.cappedWindows == whole.cappedWindows)
    }
  }

  /// A merged accumulator goes on adding documents as if it had added all the ones before: a
  /// node or link of the parts is not taken for one the next document already listed or linked.
  @Test(arguments: 1...20)
  func documentsAddedAfterAMergeCountOnce(seed: UInt64) {
    var rng = SplitMix64(seed: seed &+ 77)
    let window = RandomCorpus.windows[Int(seed) % RandomCorpus.windows.count]
    let builder = GraphBuilder(window: window)
    let articles = RandomCorpus.articles(count: 12, using: &rng)
    var merged = Self.merged(
      Array(articles[..<8]), cuts: [3], order: [1, 0], builder: builder)
    for article in articles[8...] {
      merged.add(article.document, text: article.text, metadata: article.metadata)
    }
    #expect(merged.graph() == Self.accumulator(articles[...], builder: builder).graph())
  }

  @Test func anEmptyAccumulatorMergesEitherWay() {
    var rng = SplitMix64(seed: 9)
    let articles = RandomCorpus.articles(count: 5, using: &rng)
    let builder = GraphBuilder()
    let whole = Self.accumulator(articles[...], builder: builder).graph()
    var into = GraphBuilder.Accumulator(builder: builder)
    into.merge(Self.accumulator(articles[...], builder: builder))
    #expect(into.graph() == whole)
    var from = Self.accumulator(articles[...], builder: builder)
    from.merge(GraphBuilder.Accumulator(builder: builder))
    #expect(from.graph() == whole)
  }

  /// The evidence kept is the first of both parts, at most the smaller of their limits, as when
  /// a graph is added.
  @Test func evidenceKeepsTheSmallerLimit() {
    let sentences = Array(repeating: S(0, [GraphBuilderTests.a, GraphBuilderTests.b]), count: 4)
    let (x, textX) = GraphBuilderTests.document(sentences, id: "x")
    let (w, textW) = GraphBuilderTests.document(sentences, id: "w")
    var wide = GraphBuilder.Accumulator(builder: GraphBuilder(evidenceLimit: 3))
    wide.add(x, text: textX)
    var narrow = GraphBuilder.Accumulator(builder: GraphBuilder(evidenceLimit: 1))
    narrow.add(w, text: textW)
    wide.merge(narrow)
    let graph = wide.graph()
    #expect(graph.evidenceLimit == 1)
    #expect(graph.edges.first?.evidence.map(\.document) == ["w"])
    #expect(graph.edges.first?.count == 8)
  }

  /// Capped windows add up, and the examples kept are the accumulator's own first, then those
  /// of the one merged, whichever of the two is larger.
  @Test func cappedWindowsAddUpAndKeepTheFirstExamples() {
    let crowd = WindowEntityLimitTests.places(4)
    func accumulator(_ ids: [String], windows: Int) -> GraphBuilder.Accumulator {
      var accumulator = GraphBuilder.Accumulator(builder: GraphBuilder(windowEntityLimit: 2))
      for index in 0..<windows {
        let (document, text) = GraphBuilderTests.document([S(0, crowd)], id: "\(ids[0])\(index)")
        accumulator.add(document, text: text)
      }
      // A larger graph: links of other entities.
      for (index, id) in ids.enumerated().dropFirst() {
        let (document, text) = GraphBuilderTests.document([S(0, [id, "place/\(index)"])])
        accumulator.add(document, text: text)
      }
      return accumulator
    }
    var small = accumulator(["small"], windows: 2)
    small.merge(accumulator(["large", "place/a", "place/b", "place/c"], windows: 4))
    #expect(small.cappedWindows == 6)
    #expect(
      small.cappedExamples.map(\.document) == ["small0", "small1", "large0", "large1", "large2"])
  }

  /// A link may name an id that has no node (an entity a mention names that the document does
  /// not list): merged with a part where it is a node, it merges as adding the part's graph
  /// does. (A window counts for such an id only where it is a node already, so one run of the
  /// documents depends on their order here.)
  @Test func idsWithoutNodesMergeAsGraphsDo() throws {
    let (a, b) = (GraphBuilderTests.a, GraphBuilderTests.b)
    let (listed, listedText) = GraphBuilderTests.document([S(0, [a, b])])
    var (unlisted, unlistedText) = GraphBuilderTests.document([S(0, [a, b])], id: "other")
    unlisted.entities.removeAll { $0.id == b }
    var parts = [GraphBuilder.Accumulator(builder: GraphBuilder()), .init(builder: GraphBuilder())]
    parts[0].add(listed, text: listedText)
    parts[1].add(unlisted, text: unlistedText)
    for (one, other) in [(0, 1), (1, 0)] {
      var merged = parts[one]
      merged.merge(parts[other])
      var added = parts[one]
      try added.add(parts[other].graph())
      #expect(merged.graph() == added.graph(), "part \(other) merged into part \(one)")
      #expect(merged.graph().nodes.map(\.id) == [a, b])
    }
  }

  /// Each node and link gets the dates of the smaller accumulator after those of the larger,
  /// in the order they came there: of canonically equivalent dates, the first that one run of
  /// the larger's documents and then the smaller's keeps.
  @Test func datesComeAsInOneRunOfTheLargerPartFirst() {
    let (kelvin, ascii) = ("2024-01-0\u{212A}", "2024-01-0K")
    let (a, b, c) = (GraphBuilderTests.a, GraphBuilderTests.b, GraphBuilderTests.c)
    let dated: [([String], String?)] = [
      ([a, b], "2024-01-02"), ([a, c], kelvin), ([a, b], ascii), ([a, b], "2024-01-01"),
      ([b, c], ascii), ([a], nil), ([b, c], kelvin),
    ]
    let articles = dated.enumerated().map { index, entry in
      let (document, text) = GraphBuilderTests.document([S(0, entry.0)], id: "d\(index)")
      return RandomCorpus.Article(
        document: document, text: text, metadata: DocumentMetadata(date: entry.1))
    }
    func dates(_ graph: CooccurrenceGraph) -> [[[UInt8]]] {
      (graph.nodes.map(\.dates) + graph.edges.map(\.dates)).map { $0.map { Array($0.utf8) } }
    }
    let builder = GraphBuilder()
    for cut in 0...articles.count {
      let (first, second) = (articles[..<cut], articles[cut...])
      let larger =
        Self.accumulator(second, builder: builder).graph().edges.count
        > Self.accumulator(first, builder: builder).graph().edges.count
      let run = Self.accumulator(larger ? second + first : first + second, builder: builder)
      let merged = Self.merged(articles, cuts: [cut], order: [0, 1], builder: builder)
      #expect(dates(merged.graph()) == dates(run.graph()), "cut \(cut)")
    }
  }
}
