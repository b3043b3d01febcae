import Testing

@testable import NewsGraph

@Suite struct OverlapPolicyTests {
  static func candidate(
    _ start: Int, _ end: Int, _ type: EntityType = .place, _ entity: String? = nil,
    priority: Int = 10
  ) -> Candidate {
    Candidate(
      start: start, end: end, tokens: start..<end, sentence: 0, type: type, entity: entity,
      form: .name, source: priority == 10 ? "dictionary" : "rule:test", priority: priority)
  }

  static func describe(_ candidates: [Candidate]) -> [String] {
    candidates.map { "\($0.start)..<\($0.end) \($0.type.rawValue) \($0.entity ?? "-")" }
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var candidates: [Candidate]
    var kept: [String]
    var explanation: String
    var testDescription: String { explanation }
  }

  @Test(arguments: [
    Case(
      candidates: [candidate(0, 5, .place, "place/a"), candidate(0, 9, .place, "place/ab")],
      kept: ["0..<9 place place/ab"], explanation: "the longer span wins"),
    Case(
      candidates: [
        candidate(0, 5, .person, nil, priority: 6), candidate(0, 5, .country, "country/x"),
      ],
      kept: ["0..<5 country country/x"], explanation: "same span: the dictionary beats a rule"),
    Case(
      candidates: [candidate(4, 9, .place, "place/b"), candidate(0, 5, .place, "place/a")],
      kept: ["0..<5 place place/a"], explanation: "same length, overlapping: the earlier wins"),
    Case(
      candidates: [candidate(0, 5, .place, "place/z"), candidate(0, 5, .country, "country/z")],
      kept: ["0..<5 country country/z"], explanation: "same span and priority: the type decides"),
    Case(
      candidates: [candidate(6, 9, .place, "place/b"), candidate(0, 5, .place, "place/a")],
      kept: ["0..<5 place place/a", "6..<9 place place/b"],
      explanation: "candidates that do not overlap are all kept, in order"),
    Case(
      candidates: [candidate(0, 5, .place, "place/a"), candidate(5, 9, .place, "place/b")],
      kept: ["0..<5 place place/a", "5..<9 place place/b"],
      explanation: "touching ends do not overlap"),
  ])
  func keepsTheWinners(_ example: Case) {
    #expect(Self.describe(OverlapPolicy().resolve(example.candidates).kept) == example.kept)
  }

  @Test func choiceDoesNotDependOnInputOrder() {
    let candidates = [
      Self.candidate(0, 9, .organization, "organization/x"),
      Self.candidate(4, 9, .place, "place/y"),
      Self.candidate(4, 9, .country, "country/y"),
      Self.candidate(10, 14, .person, nil, priority: 8),
      Self.candidate(10, 14, .person, nil, priority: 6), Self.candidate(12, 20, .place, "place/z"),
    ]
    let expected = Self.describe(OverlapPolicy().resolve(candidates).kept)
    #expect(expected == ["0..<9 organization organization/x", "12..<20 place place/z"])
    var shuffled = candidates
    for _ in 0..<20 {
      shuffled.shuffle()
      #expect(Self.describe(OverlapPolicy().resolve(shuffled).kept) == expected)
    }
  }

  @Test func beatenCandidatesNameTheirWinner() {
    let result = OverlapPolicy().resolve([
      Self.candidate(0, 5, .place, "place/a"), Self.candidate(0, 9, .place, "place/ab"),
    ])
    #expect(result.beaten.count == 1)
    #expect(result.beaten.first?.0.entity == "place/a")
    #expect(result.beaten.first?.by.entity == "place/ab")
  }

  /// A candidate over two kept spans is beaten by the one that holds its first code point.
  @Test func theFirstSpanTakenBeatsACandidate() {
    let result = OverlapPolicy().resolve([
      Self.candidate(0, 4, .place, "place/a"), Self.candidate(6, 10, .place, "place/b"),
      Self.candidate(20, 30, .place, "place/c"), Self.candidate(3, 7, .person, nil, priority: 6),
    ])
    #expect(
      Self.describe(result.kept) == [
        "0..<4 place place/a", "6..<10 place place/b", "20..<30 place place/c",
      ])
    #expect(result.beaten.map { $0.by.entity } == ["place/a"])
  }

  /// `kept(_:)` and `resolve(_:)` keep what a plain reading of the policy keeps, in sentences of
  /// few candidates and of many (sorted by insertion or by the standard library).
  @Test func keptAloneIsWhatThePolicyKeeps() {
    var candidates: [Candidate] = []
    for sentence in 0..<3 {
      for index in 0..<(sentence == 1 ? 40 : 5) {
        let start = sentence * 1000 + index * 7 % 37
        var candidate = Self.candidate(
          start, start + 2 + index % 4, index % 2 == 0 ? .place : .person, "x/\(index % 3)",
          priority: 6 + index % 5)
        candidate.sentence = sentence
        candidates.append(candidate)
      }
    }
    // Longest first, then the higher priority, the earlier start, the type, source and id;
    // each kept unless it overlaps one kept before it.
    let ordered = candidates.sorted {
      let key = { (c: Candidate) in (-(c.end - c.start), -c.priority, c.start) }
      if key($0) != key($1) { return key($0) < key($1) }
      return ($0.type, $0.source, $0.entity ?? "") < ($1.type, $1.source, $1.entity ?? "")
    }
    var expected: [Candidate] = []
    for candidate in ordered
    where !expected.contains(where: { $0.start < candidate.end && candidate.start < $0.end }) {
      expected.append(candidate)
    }
    expected.sort { $0.start < $1.start }
    #expect(Self.describe(OverlapPolicy().kept(candidates)) == Self.describe(expected))
    #expect(Self.describe(OverlapPolicy().resolve(candidates).kept) == Self.describe(expected))
  }

  /// `keep` moves the winners to the front of the array it is given, in the order `resolve`
  /// gives them, whatever the order of the sentences and of the candidates within one.
  @Test func keepLeavesTheWinnersOfResolve() {
    var candidates: [Candidate] = []
    for sentence in [2, 0, 1] {
      for index in 0..<9 {
        let start = sentence * 1000 + (9 - index) * 5
        var candidate = Self.candidate(
          start, start + 3 + index % 4, .place, "place/\(sentence)-\(index)",
          priority: 6 + index % 3)
        candidate.sentence = sentence
        candidates.append(candidate)
      }
    }
    candidates.append(Self.candidate(7, 7, .place, "place/empty"))
    let expected = Self.describe(OverlapPolicy().resolve(candidates).kept)
    for _ in 0..<20 {
      var kept = candidates
      OverlapPolicy().keep(&kept)
      #expect(Self.describe(kept) == expected)
      candidates.shuffle()
    }
    var none: [Candidate] = []
    OverlapPolicy().keep(&none)
    #expect(none.isEmpty)
  }

  /// Of two candidates that tie in every way the policy compares, the first given is kept.
  @Test func aTieKeepsTheFirstGiven() {
    var alias = Self.candidate(0, 5, .country, "country/x")
    alias.form = .alias
    let name = Self.candidate(0, 5, .country, "country/x")
    #expect(OverlapPolicy().kept([alias, name]).map(\.form) == [.alias])
    #expect(OverlapPolicy().kept([name, alias]).map(\.form) == [.name])
  }

  @Test func eachSentenceIsDecidedApart() {
    // A long first sentence leaves nothing behind for the shorter ones after it.
    func inSentence(_ sentence: Int, _ candidate: Candidate) -> Candidate {
      var candidate = candidate
      candidate.sentence = sentence
      return candidate
    }
    let result = OverlapPolicy().resolve([
      inSentence(2, Self.candidate(50, 52, .place, "place/c")),
      inSentence(0, Self.candidate(0, 20, .place, "place/long")),
      inSentence(1, Self.candidate(30, 35, .place, "place/a")),
      inSentence(1, Self.candidate(33, 40, .place, "place/b")),
    ])
    #expect(
      Self.describe(result.kept) == [
        "0..<20 place place/long", "33..<40 place place/b", "50..<52 place place/c",
      ])
    #expect(result.beaten.map { $0.0.entity } == ["place/a"])
  }

  /// A priority or a position too large (or negative) to pack in a rank still decides as
  /// `wins` orders it.
  @Test func candidatesBeyondTheRankAreDecidedAlike() {
    let far = 1 << 33
    let result = OverlapPolicy().resolve([
      Self.candidate(far, far + 5, .person, nil, priority: -1),
      Self.candidate(far, far + 5, .country, "country/y"),
      Self.candidate(far + 10, far + 12, .place, "place/w"),
      Self.candidate(far + 10, far + 12, .place, "place/z", priority: 5000),
    ])
    #expect(
      Self.describe(result.kept) == [
        "\(far)..<\(far + 5) country country/y", "\(far + 10)..<\(far + 12) place place/z",
      ])
    #expect(result.beaten.map { $0.by.entity } == ["country/y", "place/z"])
  }
}
