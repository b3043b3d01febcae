import Testing

@testable import NewsGraph

/// The numbering of a document's entities that windows, links and the sentence index work on.
@Suite struct SentenceEntitiesTests {
  typealias S = GraphBuilderTests.S
  typealias SentenceEntities = GraphBuilder.SentenceEntities

  @Test func entitiesAreNumberedAsListed() {
    let (document, _) = GraphBuilderTests.document([
      S(0, ["place/z", "place/a"]), S(0, []), S(1, ["place/m", "place/z", "place/z"]),
    ])
    let entities = SentenceEntities(document)
    #expect(Self.ids(entities, document) == ["place/a", "place/m", "place/z"], "as listed")
    #expect(entities.listed == 3)
    #expect(Self.bySentence(entities) == [[0, 2], [], [1, 2]], "sorted, each once")
    #expect(entities.mentions(of: document) == [[2, 0], [], [1, 2, 2]], "repeats kept")
  }

  /// The id of each entity, by number.
  static func ids(_ entities: SentenceEntities, _ document: Document) -> [String] {
    (0..<entities.count).map { entities.id($0, of: document) }
  }

  /// The entities of each sentence, from the one array they share.
  static func bySentence(_ entities: SentenceEntities) -> [[Int32]] {
    (0..<entities.sentenceCount).map { Array(entities[$0]) }
  }

  /// Sentences are packed one after the other, in order, whatever the order of the mentions.
  @Test func sentencesShareOneArrayInOrder() {
    var (document, _) = GraphBuilderTests.document([
      S(0, ["place/b", "place/a", "place/b"]), S(0, []), S(0, ["place/c"]),
      S(0, ["place/a", "place/c"]),
    ])
    document.mentions.reverse()
    let entities = SentenceEntities(document)
    #expect(entities.starts == [0, 2, 2, 3, 5], "a sentence that names none is empty")
    #expect(entities.numbers == [0, 1, 2, 0, 2])
    #expect(Self.bySentence(entities) == [[0, 1], [], [2], [0, 2]])
  }

  @Test func entitiesTheDocumentDoesNotListAreNumberedAsFirstNamed() {
    var (document, _) = GraphBuilderTests.document([
      S(0, ["place/z", "place/a"]), S(1, ["place/m", "place/b"]),
    ])
    // "place/a" is listed twice: the numbering as listed stops there.
    document.entities = [document.entities[0], document.entities[3], document.entities[0]]
    let entities = SentenceEntities(document)
    #expect(Self.ids(entities, document) == ["place/a", "place/z", "place/m", "place/b"])
    #expect(entities.listed == 2)
    #expect(Self.bySentence(entities) == [[0, 1], [2, 3]])
  }

  /// A mention's entity is the one its index gives; an index that gives another entity, or
  /// none, is not trusted: the mention is found by its id.
  @Test func mentionsAreNumberedByTheirEntityIndex() {
    var (document, _) = GraphBuilderTests.document([
      S(0, ["place/z", "place/a"]), S(1, ["place/m", "place/z"]),
    ])
    let byId = SentenceEntities(document)
    for at in document.mentions.indices {
      document.mentions[at].entityIndex = document.entities.firstIndex {
        $0.id == document.mentions[at].entity
      }
    }
    let right = SentenceEntities(document)
    #expect(Self.ids(right, document) == Self.ids(byId, document) && right.listed == byId.listed)
    #expect(Self.bySentence(right) == Self.bySentence(byId))
    #expect(right.mentions(of: document) == byId.mentions(of: document))
    document.mentions[0].entityIndex = 1
    document.mentions[1].entityIndex = 7
    document.mentions[2].entityIndex = -1
    document.mentions[3].entityIndex = nil
    let wrong = SentenceEntities(document)
    #expect(Self.ids(wrong, document) == Self.ids(right, document) && wrong.listed == right.listed)
    #expect(Self.bySentence(wrong) == [[0, 2], [1, 2]])
    #expect(wrong.mentions(of: document) == right.mentions(of: document))
  }

  /// Told how many entities listed first are distinct, entities hash no id while every mention
  /// gives its entity; a mention that does not is numbered after all of those listed.
  @Test func distinctEntitiesAreNumberedWithoutTheirIds() {
    var (document, _) = GraphBuilderTests.document([
      S(0, ["place/z", "place/a"]), S(1, ["place/m", "place/z", "place/b"]),
    ])
    document.entities.removeLast()  // "place/z": named, not listed.
    let byId = SentenceEntities(document)
    for at in document.mentions.indices {
      document.mentions[at].entityIndex = document.entities.firstIndex {
        $0.id == document.mentions[at].entity
      }
    }
    var entities = SentenceEntities()
    entities.load(document, distinct: 3)
    #expect(Self.ids(entities, document) == ["place/a", "place/b", "place/m", "place/z"])
    #expect(entities.listed == 3 && Array(entities.unlisted) == ["place/z"])
    #expect(Self.bySentence(entities) == Self.bySentence(byId))
    #expect(entities.mentions(of: document) == byId.mentions(of: document))
    document.mentions.removeAll { $0.entity == "place/z" }
    entities.load(document, distinct: 3)
    #expect(entities.count == 3 && entities.unlisted.isEmpty, "no id numbered")
    #expect(Self.bySentence(entities) == [[0], [1, 2]])
    // "place/a" listed twice: only the first is numbered as listed.
    document.entities[1] = document.entities[0]
    document.mentions[1].entityIndex = nil
    let twice = SentenceEntities(document)
    entities.load(document, distinct: 1)
    #expect(Self.ids(entities, document) == Self.ids(twice, document))
    #expect(Self.bySentence(entities) == Self.bySentence(twice))
  }

  @Test func mentionsOutsideTheSentencesAreLeftOut() {
    var (document, _) = GraphBuilderTests.document([S(0, ["place/a", "place/b"])])
    document.mentions[1].sentence = 5
    document.mentions.append(document.mentions[0])
    document.mentions[2].sentence = -1
    let entities = SentenceEntities(document)
    #expect(Self.ids(entities, document) == ["place/a", "place/b"], "listed, named in no sentence")
    #expect(Self.bySentence(entities) == [[0]])
    #expect(entities.mentions(of: document) == [[0]])
  }

  /// The sentences of every entity share one array: each entity reads its own part of it.
  @Test func theSentenceIndexListsEachEntitysSentences() {
    let (document, _) = GraphBuilderTests.document([
      S(0, ["place/z", "place/a"]), S(0, []), S(1, ["place/m", "place/z"]), S(1, ["place/a"]),
    ])
    let entities = SentenceEntities(document)
    let index = GraphBuilder.SentenceIndex(entities)
    let (z, a, m) = (
      number("place/z", entities, document), number("place/a", entities, document),
      number("place/m", entities, document)
    )
    #expect(Array(index.list(z)) == [0, 2])
    #expect(Array(index.list(a)) == [0, 3])
    #expect(Array(index.list(m)) == [2])
    #expect(index.first(a, in: 1..<4) == 3)
    #expect(index.first(m, in: 3..<4) == nil, "named before the range only")
    #expect(index.firstShared(z, a, in: 0..<4) == 0)
    #expect(index.firstShared(z, a, in: 1..<4) == nil, "never in one sentence there")
    #expect(index.firstShared(m, z, in: 1..<4) == 2)
  }

  /// Evidence quotes the first sentence that names both, or the sentences from one to the
  /// other.
  @Test func aPairQuotesTheSentencesThatNameIt() {
    let (document, _) = GraphBuilderTests.document([
      S(0, ["place/z"]), S(0, ["place/a"]), S(0, ["place/a", "place/z"]), S(0, ["place/m"]),
    ])
    let entities = SentenceEntities(document)
    let index = GraphBuilder.SentenceIndex(entities)
    let (z, a, m) = (
      number("place/z", entities, document), number("place/a", entities, document),
      number("place/m", entities, document)
    )
    let builder = GraphBuilder(window: .paragraph)
    #expect(builder.quoted((z, a), in: 0..<4, index: index) == 2...2, "named together later")
    #expect(builder.quoted((a, z), in: 0..<2, index: index) == 0...1, "apart, in either order")
    #expect(builder.quoted((m, a), in: 0..<4, index: index) == 1...3)
  }

  private func number(_ id: String, _ entities: SentenceEntities, _ document: Document) -> Int32 {
    Int32(Self.ids(entities, document).firstIndex(of: id) ?? -1)
  }

  @Test func theSentenceIndexOfADocumentWithoutEntitiesIsEmpty() {
    let (document, _) = GraphBuilderTests.document([S(0, []), S(1, [])])
    let index = GraphBuilder.SentenceIndex(SentenceEntities(document))
    #expect(index.starts == [0])
    #expect(index.sentences.isEmpty)
  }

  /// The accumulator loads every document into the same arrays: a document loaded after
  /// others, with more or fewer sentences, entities and mentions, gives what it gives alone.
  @Test func documentsLoadedOneAfterAnotherAreEachTheirOwn() {
    let documents = [
      GraphBuilderTests.document([S(0, ["place/b", "place/a"]), S(1, ["place/c", "place/b"])]),
      GraphBuilderTests.document([S(0, ["place/z"])]),
      GraphBuilderTests.document([S(0, []), S(0, [])]),
      GraphBuilderTests.document([
        S(0, ["place/m"]), S(0, []), S(1, ["place/a", "place/m", "place/q"]), S(2, ["place/q"]),
      ]),
    ].map(\.0)
    var entities = SentenceEntities()
    var index = GraphBuilder.SentenceIndex()
    var windows = GraphBuilder.Windows()
    for window in [Window.sentence, .paragraph, .document, .sentences(2)] {
      let builder = GraphBuilder(window: window)
      for document in documents {
        let total = builder.windows(of: document, entities: &entities, into: &windows)
        index.load(entities)
        let alone = WindowEntityLimitTests.windows(builder, document)
        #expect(total == alone.total)
        #expect(windows.spans.map(\.sentences) == alone.windows.spans.map(\.sentences))
        #expect(
          WindowEntityLimitTests.ids(windows) == WindowEntityLimitTests.ids(alone.windows))
        #expect(
          Self.ids(entities, document) == Self.ids(alone.entities, document)
            && entities.listed == alone.entities.listed)
        #expect(Self.bySentence(entities) == Self.bySentence(alone.entities))
        let fresh = GraphBuilder.SentenceIndex(alone.entities)
        #expect(index.starts == fresh.starts && index.sentences == fresh.sentences)
      }
    }
  }

  @Test(
    arguments: [
      ([], [], "nothing"),
      ([4], [4], "one"),
      ([3, 3, 3], [3], "all the same"),
      ([5, 1, 5, 0, 1], [0, 1, 5], "unsorted with repeats"),
      ([0, 1, 2], [0, 1, 2], "already distinct and sorted"),
      (Array((0..<40).reversed()) + [7, 7], Array(0..<40), "more than are sorted by insertion"),
    ] as [([Int32], [Int32], String)])
  func distinctSortsAndDropsRepeats(input: [Int32], expected: [Int32], explanation: String) {
    #expect(SentenceEntities.distinct(input) == expected, "\(explanation)")
  }

  /// Links are kept under the smaller number first, whichever id is smaller: the graph still
  /// names the smaller id as the source, for entities numbered in either order.
  @Test func theSmallerIdIsTheSourceWhateverTheNumbering() {
    let builder = GraphBuilder()
    let forward = GraphBuilderTests.document([S(0, ["place/a", "place/b"])], id: "one")
    let backward = GraphBuilderTests.document([S(0, ["place/b", "place/a"])], id: "two")
    for documents in [[forward, backward], [backward, forward], [backward]] {
      let graph = builder.graph(of: documents)
      #expect(graph.edges.map { "\($0.source) \($0.target)" } == ["place/a place/b"])
      #expect(graph.edges.first?.documents == documents.count)
    }
  }
}
