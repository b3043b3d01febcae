import Testing

@testable import NewsGraph

@Suite struct GraphBuilderTests {
  /// A sentence of a hand-made document: its paragraph and the entities it names.
  struct S {
    var paragraph: Int
    var entities: [String]
    init(_ paragraph: Int, _ entities: [String]) {
      self.paragraph = paragraph
      self.entities = entities
    }
  }

  /// A document whose sentence `i` reads "Sentence i names A, B." and mentions its entities.
  static func document(_ sentences: [S], id: String = "doc") -> (Document, SourceText) {
    var text = ""
    var ranges: [Document.Sentence] = []
    var mentions: [Mention] = []
    for (index, sentence) in sentences.enumerated() {
      if !text.isEmpty { text += " " }
      let start = text.unicodeScalars.count
      text += "Sentence \(index) names \(sentence.entities.joined(separator: ", "))."
      let end = text.unicodeScalars.count
      ranges.append(
        Document.Sentence(tokens: 0..<0, paragraph: sentence.paragraph, start: start, end: end))
      for entity in sentence.entities {
        mentions.append(
          Mention(
            text: entity, start: start, end: start + 1, sentence: index, type: type(of: entity),
            entity: entity, form: .name, source: "dictionary"))
      }
    }
    var counts: [String: Int] = [:]
    for mention in mentions { counts[mention.entity, default: 0] += 1 }
    let entities = counts.keys.sorted().map {
      Entity(
        id: $0, type: type(of: $0), label: label(of: $0), mentions: counts[$0] ?? 0, aliases: [$0])
    }
    let document = Document(
      id: id, tokens: [], sentences: ranges, mentions: mentions, entities: entities,
      length: text.unicodeScalars.count)
    return (document, SourceText(text))
  }

  static func type(of id: String) -> EntityType {
    EntityType(rawValue: String(id.prefix { $0 != "/" })) ?? .place
  }

  static func label(of id: String) -> String {
    String(id.drop { $0 != "/" }.dropFirst()).uppercased()
  }

  /// Edges as `a -- b: count`, with the type prefix left out.
  static func edges(_ graph: CooccurrenceGraph) -> [String] {
    graph.edges.map { "\(label(of: $0.source)) -- \(label(of: $0.target)): \($0.count)" }
  }

  static let a = "place/a"
  static let b = "place/b"
  static let c = "place/c"
  static let d = "place/d"

  /// Aliases are kept sorted, each once, as they come: the list a set of them gives sorted.
  @Test(
    arguments: [
      ([], ["b", "a", "b"], ["a", "b"], "into nothing, with a repeat"),
      ([], ["a", "b", "c"], ["a", "b", "c"], "sorted and distinct into nothing, taken whole"),
      ([], ["caf\u{E9}", "cafe\u{301}"], ["cafe\u{301}"], "equal strings into nothing"),
      (["a", "c"], ["d", "b", "a", "0"], ["0", "a", "b", "c", "d"], "before, between and after"),
      (["a", "c"], [], ["a", "c"], "nothing to add"),
      (["caf\u{E9}"], ["cafe\u{301}"], ["cafe\u{301}"], "of equal strings, the first in UTF-8"),
      (["cafe\u{301}"], ["caf\u{E9}"], ["cafe\u{301}"], "whichever came first"),
      (["\u{212A}ANSAS"], ["KANSAS"], ["KANSAS"], "the Kelvin sign is a K"),
      (["a", "b", "c"], ["c", "a"], ["a", "b", "c"], "aliases the list has, byte for byte"),
      (["cafe\u{301}"], ["cafe\u{301}"], ["cafe\u{301}"], "the list's own string, not ASCII"),
    ] as [([String], [String], [String], String)])
  func aliasesUniteSorted(sorted: [String], added: [String], expected: [String], why: String) {
    var aliases = sorted
    GraphBuilder.Accumulator.unite(added, into: &aliases)
    #expect(aliases == expected, "\(why)")
    #expect(aliases.map { Array($0.utf8) } == expected.map { Array($0.utf8) }, "\(why)")
    // One at a time, as an entity's only alias is added, they give the same.
    var one = sorted
    for string in added { GraphBuilder.Accumulator.insert(string, into: &one) }
    #expect(one.map { Array($0.utf8) } == expected.map { Array($0.utf8) }, "\(why)")
    // A node keeps them as an entity does (none, one, or a list of more), with the same result.
    var stored = Entity.Aliases(sorted)
    GraphBuilder.Accumulator.unite(added, into: &stored)
    #expect(stored == Entity.Aliases(expected), "\(why)")
    stored = Entity.Aliases(sorted)
    for string in added { GraphBuilder.Accumulator.insert(string, into: &stored) }
    let list = GraphBuilder.Accumulator.list(stored)
    #expect(list.map { Array($0.utf8) } == expected.map { Array($0.utf8) }, "\(why)")
  }

  /// Strings of 0 to 20 bytes, equal or one byte apart, and canonically equivalent ones whose
  /// bytes differ: the UTF-8 is compared eight bytes at a time, then byte by byte.
  @Test func utf8EqualComparesBytesNotCharacters() {
    let text = String(repeating: "abcdefghij", count: 2)
    for count in 0...text.utf8.count {
      let string = String(text.prefix(count))
      #expect(GraphBuilder.Accumulator.utf8Equal(string, String(text.prefix(count))))
      if count > 0 {
        #expect(!GraphBuilder.Accumulator.utf8Equal(string, string.dropLast() + "Z"), "\(count)")
        #expect(!GraphBuilder.Accumulator.utf8Equal(string, String(string.dropLast())))
      }
    }
    #expect(!GraphBuilder.Accumulator.utf8Equal("caf\u{E9}", "cafe\u{301}"))
    #expect(!GraphBuilder.Accumulator.utf8Equal("\u{212A}ANSAS", "KANSAS"))
    #expect(GraphBuilder.Accumulator.utf8Equal("\u{212A}ANSAS", "\u{212A}ANSAS"))
  }

  /// A label or alias written in two canonically equivalent ways ("KANSAS" with a Kelvin sign
  /// for its K) is the same in the graph whatever order the documents come in: workers take
  /// them in no fixed order, and the first seen used to be kept.
  @Test func equalLabelsAndAliasesDoNotDependOnTheOrderOfDocuments() throws {
    func document(_ label: String, id: String) -> (Document, SourceText) {
      var (document, text) = Self.document([S(0, [Self.a, Self.b])], id: id)
      document.entities[0].label = label
      document.entities[0].aliases = [label]
      return (document, text)
    }
    let kelvin = document("\u{212A}ANSAS", id: "one")
    let ascii = document("KANSAS", id: "two")
    let graphs = [[kelvin, ascii], [ascii, kelvin]].map { GraphBuilder().graph(of: $0) }
    for graph in graphs {
      #expect(graph.nodes.first.map { Array($0.label.utf8) } == Array("KANSAS".utf8))
      #expect(graph.nodes.first.map { $0.aliases.map { Array($0.utf8) } } == [Array("KANSAS".utf8)])
    }
    var merged = GraphBuilder.Accumulator(builder: GraphBuilder())
    try merged.add(graphs[1])
    var other = GraphBuilder.Accumulator(builder: GraphBuilder())
    other.add(kelvin.0, text: kelvin.1)
    try merged.add(other.graph())
    #expect(merged.graph().nodes.first.map { Array($0.label.utf8) } == Array("KANSAS".utf8))
  }

  /// Each node and link keeps its dates as a set did: sorted, each once, and of canonically
  /// equivalent dates the first that came to it, byte for byte (the Kelvin sign and "K").
  @Test func datesAreKeptPerNodeAndLinkAsSetsKeptThem() throws {
    let (kelvin, ascii) = ("2024-01-0\u{212A}", "2024-01-0K")
    let documents: [([String], String?)] = [
      ([Self.a, Self.b], "2024-01-02"), ([Self.a, Self.c], kelvin), ([Self.a, Self.b], ascii),
      ([Self.a, Self.b], "2024-01-01"), ([Self.b, Self.c], ascii), ([Self.a, Self.c], nil),
      ([Self.b, Self.c], kelvin), ([Self.a, Self.b], "2024-01-02"),
    ]
    func dates(_ graph: CooccurrenceGraph) -> [String: [[UInt8]]] {
      var dates: [String: [[UInt8]]] = [:]
      for node in graph.nodes { dates[Self.label(of: node.id)] = node.dates.map { Array($0.utf8) } }
      for edge in graph.edges {
        dates["\(Self.label(of: edge.source))-\(Self.label(of: edge.target))"] = edge.dates.map {
          Array($0.utf8)
        }
      }
      return dates
    }
    func accumulator(_ documents: ArraySlice<([String], String?)>) -> GraphBuilder.Accumulator {
      var accumulator = GraphBuilder.Accumulator(builder: GraphBuilder())
      for (index, (ids, date)) in zip(documents.indices, documents) {
        let (document, text) = Self.document([S(0, ids)], id: "d\(index)")
        accumulator.add(document, text: text, metadata: DocumentMetadata(date: date))
      }
      return accumulator
    }
    let built = dates(accumulator(documents[...]).graph())
    let (one, two, day1) = (Array("2024-01-02".utf8), Array(kelvin.utf8), Array("2024-01-01".utf8))
    let k = Array(ascii.utf8)
    #expect(built["A"] == [day1, one, two])
    #expect(built["B"] == [day1, one, k])
    #expect(built["C"] == [two])
    #expect(built["A-B"] == [day1, one, k])
    #expect(built["A-C"] == [two])
    #expect(built["B-C"] == [k])
    // Merged from two accumulators, in either order, each node and link gets its dates in the
    // order they came to it in the merged graphs.
    var merged = accumulator(documents[..<3])
    try merged.add(accumulator(documents[3...]).graph())
    #expect(dates(merged.graph()) == built)
    var reversed = accumulator(documents[3...])
    try reversed.add(accumulator(documents[..<3]).graph())
    let other = dates(reversed.graph())
    #expect(other["A"] == [day1, one, two])
    #expect(other["C"] == [k])
    #expect(other["A-C"] == [two])
    #expect(other["B-C"] == [k])
  }

  @Test func sentenceWindowCountsSentences() {
    let doc = Self.document([
      S(0, [Self.a, Self.b]), S(0, [Self.a, Self.c]), S(1, [Self.b, Self.a, Self.a]),
    ])
    let graph = GraphBuilder(window: .sentence).graph(of: [doc])
    #expect(Self.edges(graph) == ["A -- B: 2", "A -- C: 1"])
    #expect(graph.weights().first == 2)
  }

  @Test func paragraphWindowCountsParagraphs() {
    let doc = Self.document([
      S(0, [Self.a]), S(0, [Self.b]), S(1, [Self.a, Self.b]), S(1, [Self.c]), S(2, [Self.d]),
    ])
    let graph = GraphBuilder(window: .paragraph).graph(of: [doc])
    #expect(Self.edges(graph) == ["A -- B: 2", "A -- C: 1", "B -- C: 1"])
    #expect(
      graph.edges.first?.evidence.map(\.sentence) == [0, 2], "evidence is a window's first sentence"
    )
  }

  @Test func documentWindowLinksEveryPairOnce() {
    let doc = Self.document([S(0, [Self.a, Self.b]), S(1, [Self.c]), S(2, [Self.a, Self.b])])
    let graph = GraphBuilder(window: .document).graph(of: [doc])
    #expect(Self.edges(graph) == ["A -- B: 1", "A -- C: 1", "B -- C: 1"])
  }

  @Test func slidingWindowOfTwoSentences() {
    let doc = Self.document([
      S(0, [Self.a]), S(0, [Self.b]), S(0, [Self.c]), S(0, []), S(0, [Self.d]),
    ])
    let graph = GraphBuilder(window: .sentences(2)).graph(of: [doc])
    #expect(Self.edges(graph) == ["A -- B: 1", "B -- C: 1"], "A and C are two sentences apart")
  }

  @Test func slidingWindowLongerThanTheDocument() {
    let doc = Self.document([S(0, [Self.a]), S(0, [Self.b])])
    let graph = GraphBuilder(window: .sentences(5)).graph(of: [doc])
    #expect(Self.edges(graph) == ["A -- B: 1"])
  }

  @Test func windowParsesItsName() {
    #expect(Window("sentence") == .sentence)
    #expect(Window("paragraph") == .paragraph)
    #expect(Window("document") == .document)
    #expect(Window("1") == .sentence)
    #expect(Window("3") == .sentences(3))
    #expect(Window("0") == nil)
    #expect(Window("-2") == nil)
    #expect(Window("sentences") == nil)
    #expect(Window.sentences(3).description == "3")
  }

  @Test func documentsAreCounted() throws {
    let first = Self.document([S(0, [Self.a, Self.b]), S(0, [Self.a, Self.b])], id: "one")
    let second = Self.document([S(0, [Self.b, Self.a]), S(0, [Self.c])], id: "two")
    let graph = GraphBuilder().graph(of: [first, second])
    #expect(graph.documentCount == 2)
    let edge = try #require(graph.edges.first)
    #expect(edge.count == 3)
    #expect(edge.documents == 2)
    let nodeA = try #require(graph.nodes.first { $0.id == Self.a })
    #expect(nodeA.documents == 2)
    #expect(nodeA.mentions == 3)
    let nodeC = try #require(graph.nodes.first { $0.id == Self.c })
    #expect(nodeC.documents == 1)
  }

  @Test func evidenceIsLimitedAndInOrder() throws {
    let sentences = Array(repeating: S(0, [Self.a, Self.b]), count: 5)
    let graph = GraphBuilder(evidenceLimit: 3).graph(of: [Self.document(sentences, id: "news")])
    let edge = try #require(graph.edges.first)
    #expect(edge.count == 5)
    #expect(edge.evidence.map(\.sentence) == [0, 1, 2])
    #expect(edge.evidence.map(\.document) == ["news", "news", "news"])
    #expect(edge.evidence.first?.text == "Sentence 0 names place/a, place/b.")
    let none = GraphBuilder(evidenceLimit: 0).graph(of: [Self.document(sentences, id: "news")])
    #expect(none.edges.first?.evidence.isEmpty == true)
    #expect(none.edges.first?.count == 5)
  }

  @Test func longEvidenceIsCut() throws {
    let graph = GraphBuilder(evidenceLength: 10).graph(of: [
      Self.document([S(0, [Self.a, Self.b])])
    ])
    let text = try #require(graph.edges.first?.evidence.first?.text)
    #expect(text == "Sentence 0…")
  }

  @Test func orderIsDeterministic() {
    let docs = [
      Self.document([S(0, [Self.d, Self.c, Self.b, Self.a]), S(1, [Self.c, Self.a])], id: "x"),
      Self.document([S(0, ["person/z", "country/m", Self.a])], id: "y"),
    ]
    let graph = GraphBuilder().graph(of: docs)
    #expect(graph.nodes.map(\.id) == graph.nodes.map(\.id).sorted())
    let pairs = graph.edges.map { [$0.source, $0.target] }
    #expect(pairs == pairs.sorted { $0.lexicographicallyPrecedes($1) })
    #expect(graph.edges.allSatisfy { $0.source < $0.target })
    for _ in 0..<5 {
      #expect(GraphBuilder().graph(of: docs) == graph)
    }
    let reordered = [
      Self.document([S(0, [Self.a, Self.b, Self.c, Self.d]), S(1, [Self.a, Self.c])], id: "x"),
      Self.document([S(0, [Self.a, "country/m", "person/z"])], id: "y"),
    ]
    #expect(Self.edges(GraphBuilder().graph(of: reordered)) == Self.edges(graph))
  }

  @Test func emptyDocumentGivesAnEmptyGraph() {
    let graph = GraphBuilder().graph(of: [Self.document([])])
    #expect(graph.nodes.isEmpty)
    #expect(graph.edges.isEmpty)
    #expect(graph.documentCount == 1)
    #expect(GraphBuilder().graph(of: []).documentCount == 0)
  }

  @Test func oneEntityAloneIsANodeWithoutEdges() {
    let graph = GraphBuilder().graph(of: [Self.document([S(0, [Self.a, Self.a])])])
    #expect(graph.nodes.map(\.id) == [Self.a])
    #expect(graph.edges.isEmpty, "an entity does not co-occur with itself")
  }

  @Test func analyzedTextBuildsTheSameGraph() {
    let text = "Russia and Egypt met in Cairo. Egypt and Russia agreed.\n\nChina watched."
    let document = Pipeline.document(text, rules: [])
    let graph = GraphBuilder().graph(of: [(document, SourceText(text))])
    #expect(
      graph.edges.map { "\($0.source) -- \($0.target): \($0.count)" } == [
        "country/egypt -- country/russia: 2", "country/egypt -- place/cairo: 1",
        "country/russia -- place/cairo: 1",
      ])
    #expect(
      graph.nodes.map(\.id) == ["country/china", "country/egypt", "country/russia", "place/cairo"])
  }
}
