import Testing

@testable import NewsGraph

/// The accumulator's evidence of every link, in one pool of lists.
@Suite struct EvidencePoolTests {
  typealias Evidence = CooccurrenceGraph.Evidence

  /// What a list must hold: the items in `Evidence`'s order, none `==` to the one before it, the
  /// first `limit`.
  static func expected(_ added: [Evidence], limit: Int) -> [Evidence] {
    var list: [Evidence] = []
    for item in added {
      var index = list.endIndex
      while index > 0 && item < list[index - 1] { index -= 1 }
      if index > 0 && list[index - 1] == item { continue }
      list.insert(item, at: index)
    }
    return Array(list.prefix(limit))
  }

  @Test func itemsAreKeptInOrderAndTheFirstOnesStay() {
    var pool = EvidencePool()
    var list = EvidencePool.List()
    let b = pool.document(id: "b", date: "2024-05-01")
    let a = pool.document(id: "a")
    pool.insert(document: b, sentence: 2, text: "b2", into: &list, limit: 3)
    pool.insert(document: b, sentence: 0, text: "b0", into: &list, limit: 3)
    pool.insert(document: b, sentence: 2, text: "b2", into: &list, limit: 3)
    #expect(list.count == 2, "the same item twice is kept once")
    pool.insert(document: a, sentence: 5, text: "a5", into: &list, limit: 3)
    pool.insert(document: b, sentence: 9, text: "b9", into: &list, limit: 3)
    #expect(list.count == 3, "an item after a full list is not kept")
    #expect(
      pool.evidence(of: list) == [
        Evidence(document: "a", sentence: 5, text: "a5"),
        Evidence(document: "b", sentence: 0, text: "b0", date: "2024-05-01"),
        Evidence(document: "b", sentence: 2, text: "b2", date: "2024-05-01"),
      ])
    #expect(pool.evidence(of: EvidencePool.List()).isEmpty)
  }

  /// A long run keeps only the documents its items name, not every document it quoted: a
  /// document is dropped when it is closed unquoted, or when its last item drops out.
  @Test func documentsAreDroppedWhenClosedAndNoItemNamesThem() {
    var pool = EvidencePool()
    var list = EvidencePool.List()
    let c = pool.document(id: "c")
    pool.insert(document: c, sentence: 0, text: "c0", into: &list, limit: 1)
    pool.insert(document: c, sentence: 1, text: "c1", into: &list, limit: 1)
    #expect(pool.documentCount == 1, "an open document stays while it has no item")
    pool.close(c)
    let unquoted = pool.document(id: "z")
    #expect(pool.documentCount == 2)
    pool.close(unquoted)
    #expect(pool.documentCount == 1, "a document closed with no item is dropped")
    let a = pool.document(id: "a", title: "A")
    pool.close(a)
    #expect(pool.documentCount == 1, "so is the next one, in the place the first left")
    let b = pool.document(id: "b", title: "B")
    pool.insert(document: b, sentence: 4, text: "b4", into: &list, limit: 1)
    #expect(pool.documentCount == 1, "c's last item dropped out of the list: c is dropped")
    pool.close(b)
    #expect(pool.documentCount == 1)
    #expect(
      pool.evidence(of: list) == [Evidence(document: "b", sentence: 4, text: "b4", title: "B")])
    pool.truncate(&list, to: 0)
    #expect(pool.documentCount == 0)
  }

  @Test func wouldKeepComparesWithTheLastItemOfAFullList() {
    var pool = EvidencePool()
    var list = EvidencePool.List()
    let b = pool.document(id: "b")
    #expect(!pool.wouldKeep(b, 0, in: list, limit: 0), "a limit of 0 keeps nothing")
    #expect(pool.wouldKeep(b, 7, in: list, limit: 1), "a list not full keeps anything")
    pool.insert(document: b, sentence: 3, text: "b3", into: &list, limit: 1)
    let a = pool.document(id: "a")
    let c = pool.document(id: "c")
    let otherB = pool.document(id: "b", source: "wire")
    #expect(pool.wouldKeep(a, 9, in: list, limit: 1), "an earlier document")
    #expect(!pool.wouldKeep(c, 0, in: list, limit: 1), "a later document")
    #expect(pool.wouldKeep(b, 3, in: list, limit: 1), "the same sentence: the text decides")
    #expect(!pool.wouldKeep(b, 4, in: list, limit: 1))
    #expect(pool.wouldKeep(otherB, 2, in: list, limit: 1), "another number with the same id")
    #expect(!pool.wouldKeep(otherB, 4, in: list, limit: 1))
  }

  /// Documents with the same id and different metadata are told apart as `Evidence` tells
  /// them apart: a missing date sorts as an empty one but is not equal to it.
  @Test func documentsWithOneIdCompareAsEvidenceDoes() {
    var pool = EvidencePool()
    var list = EvidencePool.List()
    let documents = [
      pool.document(id: "d", date: "2024-05-02"), pool.document(id: "d"),
      pool.document(id: "d", date: ""), pool.document(id: "d", date: "2024-05-01"),
      pool.document(id: "d"),
    ]
    var added: [Evidence] = []
    for (at, document) in documents.enumerated() {
      pool.insert(document: document, sentence: 1, text: "same", into: &list, limit: 9)
      let date: [String?] = ["2024-05-02", nil, "", "2024-05-01", nil]
      added.append(Evidence(document: "d", sentence: 1, text: "same", date: date[at]))
    }
    #expect(pool.evidence(of: list) == Self.expected(added, limit: 9))
    #expect(
      list.count == 5,
      "the second document without a date sorts after the one with an empty date, so it is not next to the first: kept again, as an array of evidence kept it"
    )
  }

  /// Document ids: short ASCII ones, ASCII ones alike in their first 24 bytes (the prefix the
  /// pool orders ids by), and two spellings of one id that is not ASCII.
  static let ids = [
    "doc0", "doc1", "doc2", "doc3", "a-document-id-longer-than-24-bytes-0",
    "a-document-id-longer-than-24-bytes-1", "caf\u{E9}", "cafe\u{301}",
  ]

  /// Many lists in one pool, items added in random order, some dropping out of full lists and
  /// leaving their places to others, and lists cut to a smaller limit: each list holds what the
  /// sorted array of its items would.
  @Test(arguments: [0, 1, 2, 3] as [UInt64]) func listsMatchSortedArrays(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    var pool = EvidencePool()
    var lists = Array(repeating: EvidencePool.List(), count: 5)
    var added = Array(repeating: [Evidence](), count: 5)
    let limit = Int(seed) + 1
    for _ in 0..<300 {
      let id = Self.ids[Int.random(in: 0..<Self.ids.count, using: &rng)]
      let date: String? =
        Bool.random(using: &rng) ? nil : "2024-05-0\(Int.random(in: 1...2, using: &rng))"
      let document = pool.document(id: id, date: date)
      for _ in 0..<Int.random(in: 1...3, using: &rng) {
        let link = Int.random(in: 0..<lists.count, using: &rng)
        let sentence = Int.random(in: 0..<3, using: &rng)
        let text = "s\(sentence)-\(Int.random(in: 0..<2, using: &rng))"
        if pool.wouldKeep(document, sentence, in: lists[link], limit: limit) {
          pool.insert(
            document: document, sentence: sentence, text: text, into: &lists[link], limit: limit)
        }
        added[link].append(Evidence(document: id, sentence: sentence, text: text, date: date))
      }
    }
    for link in lists.indices {
      #expect(pool.evidence(of: lists[link]) == Self.expected(added[link], limit: limit))
      pool.truncate(&lists[link], to: limit - 1)
      #expect(pool.evidence(of: lists[link]) == Self.expected(added[link], limit: limit - 1))
    }
    // Cut lists go on taking items: their last item, which a full list is asked about, is the
    // one they were cut after.
    for _ in 0..<100 {
      let id = Self.ids[Int.random(in: 0..<Self.ids.count, using: &rng)]
      let document = pool.document(id: id)
      let link = Int.random(in: 0..<lists.count, using: &rng)
      let sentence = Int.random(in: 0..<3, using: &rng)
      if pool.wouldKeep(document, sentence, in: lists[link], limit: limit - 1) {
        pool.insert(
          document: document, sentence: sentence, text: "t", into: &lists[link], limit: limit - 1)
      }
      added[link].append(Evidence(document: id, sentence: sentence, text: "t"))
    }
    for link in lists.indices {
      #expect(pool.evidence(of: lists[link]) == Self.expected(added[link], limit: limit - 1))
    }
  }
}
