import Testing

@testable import NewsGraph

@Suite struct EdgeWeightingTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var weighting: EdgeWeighting
    var expected: Double
    var explanation: String
    var testDescription: String { explanation }
  }

  /// c = 7 windows together, d = 1 document, a = 12 and b = 7 windows, N = 24 (the example).
  @Test(arguments: [
    Case(weighting: .count, expected: 7, explanation: "count is the windows together"),
    Case(weighting: .documents, expected: 1, explanation: "documents together"),
    Case(weighting: .pmi, expected: 0.693147, explanation: "ln(7·24 / (12·7)) = ln 2"),
    Case(weighting: .npmi, expected: 0.562554, explanation: "ln 2 / −ln(7/24)"),
    Case(weighting: .dice, expected: 0.736842, explanation: "2·7 / (12 + 7)"),
    Case(weighting: .jaccard, expected: 0.583333, explanation: "7 / (12 + 7 − 7)"),
  ])
  func formulas(_ example: Case) {
    let value = example.weighting.weight(
      count: 7, documents: 1, windowsA: 12, windowsB: 7, total: 24)
    #expect(value == example.expected)
  }

  @Test func edgeCasesStayFinite() {
    // Always together: NPMI is 1; zero totals (a hand-made graph) give 0, not NaN.
    #expect(
      EdgeWeighting.npmi.weight(count: 5, documents: 1, windowsA: 5, windowsB: 5, total: 5) == 1)
    #expect(
      EdgeWeighting.pmi.weight(count: 5, documents: 1, windowsA: 5, windowsB: 5, total: 5) == 0)
    for weighting in EdgeWeighting.allCases {
      let value = weighting.weight(count: 1, documents: 1, windowsA: 0, windowsB: 0, total: 0)
      #expect(value.isFinite, "\(weighting)")
    }
    // Rarely together although both are frequent: PMI and NPMI go negative.
    #expect(
      EdgeWeighting.pmi.weight(count: 1, documents: 1, windowsA: 50, windowsB: 50, total: 100) < 0)
    #expect(
      EdgeWeighting.npmi.weight(count: 1, documents: 1, windowsA: 50, windowsB: 50, total: 100) < 0)
  }

  @Test func naturalLogMatchesKnownValues() {
    #expect(abs(naturalLog(1)) < 1e-15)
    #expect(abs(naturalLog(2.718281828459045) - 1) < 1e-14)
    #expect(abs(naturalLog(1e-6) + 13.815510557964274) < 1e-12)
    #expect(abs(naturalLog(123456.789) - 11.723646487185881) < 1e-11)
  }

  @Test func graphWeightsFollowTheGraphsWeighting() throws {
    var graph = EmitSamples.articleGraph()
    #expect(graph.weights() == graph.edges.map { Double($0.count) })
    graph.weighting = .jaccard
    let edge = try #require(graph.edges.first)
    #expect(graph.weights().first == graph.weight(of: edge))
    #expect(graph.weights().allSatisfy { $0 > 0 && $0 <= 1 })
  }
}
