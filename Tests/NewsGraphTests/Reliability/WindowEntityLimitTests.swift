import Testing

@testable import NewsGraph

/// A window naming more entities than `GraphBuilder.windowEntityLimit` links only the most
/// mentioned of them, so that 10,000 names in one sentence do not make 50 million links.
@Suite struct WindowEntityLimitTests {
  typealias S = GraphBuilderTests.S

  static func places(_ count: Int) -> [String] {
    (0..<count).map { "place/p\(String(1000 + $0))" }
  }

  @Test func aCrowdedWindowLinksOnlyTheMostMentioned() {
    let crowd = Self.places(10)
    // p1000 and p1001 are named twice, p1002 three times: they are the three linked.
    let sentence = crowd + [crowd[0], crowd[1], crowd[2], crowd[2]]
    let (document, text) = GraphBuilderTests.document([S(0, sentence)])
    var accumulator = GraphBuilder.Accumulator(builder: GraphBuilder(windowEntityLimit: 3))
    accumulator.add(document, text: text)
    let graph = accumulator.graph()
    #expect(graph.nodes.count == 10, "every entity is still a node")
    #expect(graph.nodes.allSatisfy { $0.windows == 1 }, "and counts the window")
    #expect(
      graph.edges.map { "\($0.source) \($0.target)" } == [
        "place/p1000 place/p1001", "place/p1000 place/p1002", "place/p1001 place/p1002",
      ])
    #expect(accumulator.cappedWindows == 1)
    #expect(
      accumulator.cappedExamples
        == [GraphBuilder.CappedWindow(document: "doc", sentences: 0..<1, entities: 10)])
  }

  @Test func tiesAreBrokenById() {
    let (document, text) = GraphBuilderTests.document([S(0, Self.places(5).reversed())])
    let graph = GraphBuilder(windowEntityLimit: 2).graph(of: [(document, text)])
    #expect(graph.edges.map { "\($0.source) \($0.target)" } == ["place/p1000 place/p1001"])
  }

  @Test func windowsUnderTheLimitAreUntouched() {
    let (document, text) = GraphBuilderTests.document([S(0, Self.places(5))])
    var accumulator = GraphBuilder.Accumulator(builder: GraphBuilder(windowEntityLimit: 5))
    accumulator.add(document, text: text)
    #expect(accumulator.graph().edges.count == 10)
    #expect(accumulator.cappedWindows == 0)
  }

  @Test func tenThousandEntitiesInOneSentenceStayBounded() {
    let (document, text) = GraphBuilderTests.document([S(0, Self.places(10_000))])
    let graph = GraphBuilder().graph(of: [(document, text)])
    #expect(graph.nodes.count == 10_000)
    let limit = GraphBuilder.defaultWindowEntityLimit
    #expect(graph.edges.count == limit * (limit - 1) / 2)
  }

  @Test(arguments: [Window.paragraph, .document, .sentences(2), .sentences(50)])
  func everyWindowIsCapped(window: Window) {
    let crowd = Self.places(12)
    let (document, text) = GraphBuilderTests.document([
      S(0, Array(crowd[0..<6])), S(0, Array(crowd[6..<12])), S(1, [crowd[0], crowd[11]]),
    ])
    let builder = GraphBuilder(window: window, windowEntityLimit: 4)
    let graph = builder.graph(of: [(document, text)])
    let windows = Self.windows(builder, document).windows.spans.filter { $0.ids.count > 1 }
    #expect(graph.nodes.count == 12)
    #expect(!graph.edges.isEmpty && graph.edges.count <= windows.count * 6, "4 linked a window")
    FuzzTargets.check(graph)
  }

  /// The cap depends on the window alone, so building in any order, or merging the graphs of
  /// parts, gives the same graph.
  @Test func cappedGraphsStillMerge() throws {
    let one = GraphBuilderTests.document([S(0, Self.places(8))], id: "one")
    let two = GraphBuilderTests.document([S(0, Array(Self.places(8).reversed()))], id: "two")
    let builder = GraphBuilder(windowEntityLimit: 3)
    let whole = builder.graph(of: [one, two])
    let merged = try GraphMerger().merge([builder.graph(of: [two]), builder.graph(of: [one])])
    #expect(whole == merged)
    #expect(builder.graph(of: [two, one]) == whole)
  }

  /// Sliding windows are counted with a running multiset: the same windows as uniting each
  /// one's sentences.
  @Test(arguments: [1, 2, 3, 7, 40])
  func slidingWindowsMatchTheirDefinition(size: Int) {
    var sentences: [S] = []
    for index in 0..<30 {
      let names = Self.places(6).enumerated().filter { (index * 7 + $0.offset * 3) % 5 == 0 }
      sentences.append(S(index / 4, names.map(\.element)))
    }
    let (document, _) = GraphBuilderTests.document(sentences)
    let builder = GraphBuilder(window: size == 1 ? .sentence : .sentences(size))
    let (total, windows, entities) = Self.windows(builder, document)
    let bySentence = SentenceEntitiesTests.bySentence(entities)
    var expected = GraphBuilder.Windows()
    let last = max(0, bySentence.count - size)
    for start in 0...last {
      let range = start..<min(bySentence.count, start + size)
      let ids = bySentence[range].reduce(into: Set<Int32>()) { $0.formUnion($1) }
      if !ids.isEmpty { expected.append(sentences: range, ids: ids.sorted()) }
    }
    #expect(total == last + 1)
    #expect(windows.spans.map(\.sentences) == expected.spans.map(\.sentences))
    #expect(Self.ids(windows) == Self.ids(expected))
  }

  /// The windows of a document, loaded into new arrays.
  static func windows(_ builder: GraphBuilder, _ document: Document) -> (
    total: Int, windows: GraphBuilder.Windows, entities: GraphBuilder.SentenceEntities
  ) {
    var entities = GraphBuilder.SentenceEntities()
    var windows = GraphBuilder.Windows()
    let total = builder.windows(of: document, entities: &entities, into: &windows)
    return (total, windows, entities)
  }

  /// The entities of each window.
  static func ids(_ windows: GraphBuilder.Windows) -> [[Int32]] {
    windows.spans.map { Array(windows.ids[$0.ids]) }
  }
}
