import Testing

@testable import NewsGraph

/// The graph's ids are put in order by their first bytes when they are ASCII: the order is the
/// one comparing the strings gives.
@Suite struct IdOrderTests {
  @Test func idsAreInTheOrderOfTheirStrings() {
    let ids = [
      "organization/university-of-oxford", "organization/university-of-cambridge",
      "organization/university-of-oxfordshire", "organization/univ", "organization/univ\u{0}",
      "person/b", "person/a", "person/", "", "a", "A", "place/\u{E9}cole", "place/e\u{301}a",
      "place/z", "place/\u{212A}", "place/L", "organization/university-of-oxford-x",
    ]
    let order = GraphBuilder.Accumulator.order(of: ids)
    #expect(order.map { ids[$0] } == ids.sorted())
    #expect(GraphBuilder.Accumulator.order(of: []).isEmpty)
  }
}
