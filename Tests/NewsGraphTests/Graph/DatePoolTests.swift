import Testing

@testable import NewsGraph

@Suite struct DatePoolTests {
  /// "2024-01-0K" with the Kelvin sign, which equals "2024-01-0K" under canonical equivalence.
  static let kelvin = "2024-01-0\u{212A}"
  static let ascii = "2024-01-0K"

  /// The dates a `Set<String>` filled in this order gives, as the accumulator's sets did.
  static func expected(_ dates: [String]) -> [[UInt8]] {
    var set = Set<String>()
    for date in dates { set.insert(date) }
    return set.sorted().map { Array($0.utf8) }
  }

  /// The dates the pool gives for lists filled in these orders, interleaved.
  static func pooled(_ lists: [[String]]) -> [[[UInt8]]] {
    var pool = DatePool()
    var made = [DatePool.List](repeating: DatePool.List(), count: lists.count)
    for step in 0..<(lists.map(\.count).max() ?? 0) {
      for at in lists.indices where step < lists[at].count {
        pool.insert(pool.number(lists[at][step]), into: &made[at])
      }
    }
    let ranks = pool.ranks()
    return made.map { pool.dates(of: $0, ranks: ranks).map { Array($0.utf8) } }
  }

  @Test func emptyListHasNoDates() {
    let pool = DatePool()
    #expect(DatePool.List().isEmpty)
    #expect(pool.dates(of: DatePool.List(), ranks: pool.ranks()).isEmpty)
  }

  @Test func datesAreSortedEachOnce() {
    let lists = [
      ["2024-03-01", "2024-01-01", "2024-03-01", "2024-02-01", "2024-01-01"],
      ["2024-01-01"], ["2024-01-01", "2024-01-01"], ["2024-02-01", "2024-01-01", "2024-02-01"],
    ]
    #expect(Self.pooled(lists) == lists.map(Self.expected))
  }

  @Test func numbersAreByteForByte() {
    var pool = DatePool()
    let one = pool.number(Self.ascii)
    let two = pool.number(Self.kelvin)
    #expect(one != two)
    #expect(pool.number(Self.ascii) == one)
    #expect(pool.number(Self.kelvin) == two)
    #expect(pool.number("2024-01-01") == 2)
    #expect(pool.number(Self.ascii) == one)
  }

  /// Of canonically equivalent dates, each list keeps the first that came to it, as a set did.
  @Test func equivalentDatesKeepTheFirstOfEachList() {
    let lists = [
      [Self.kelvin, Self.ascii, "2024-01-01"], [Self.ascii, Self.kelvin],
      ["2024-01-02", Self.kelvin, "2024-01-01", Self.ascii], [Self.kelvin],
    ]
    let pooled = Self.pooled(lists)
    #expect(pooled == lists.map(Self.expected))
    #expect(pooled[0].contains(Array(Self.kelvin.utf8)))
    #expect(pooled[1] == [Array(Self.ascii.utf8)])
  }

  @Test func manyListsAgreeWithSets() {
    let dates = ["2024-01-01", "2023-12-31", Self.ascii, Self.kelvin, "caf\u{E9}", "cafe\u{301}"]
    var generator = SplitMix64(seed: 7)
    for _ in 0..<20 {
      let lists = (0..<30).map { _ in
        (0..<Int.random(in: 0...12, using: &generator)).map { _ in
          dates[Int.random(in: 0..<dates.count, using: &generator)]
        }
      }
      #expect(Self.pooled(lists) == lists.map(Self.expected))
      let asciiOnly = lists.map { $0.filter { $0.utf8.allSatisfy { $0 < 0x80 } } }
      #expect(Self.pooled(asciiOnly) == asciiOnly.map(Self.expected))
    }
  }
}

@Suite struct KeySetTests {
  @Test func keysAreKeptOnceThroughGrowth() {
    var set = KeySet()
    // Zero and the largest key there may be are keys like any other.
    var inserted = [set.insert(0), set.insert(0), set.insert(UInt64.max - 1)]
    inserted.append(set.insert(UInt64.max - 1))
    #expect(inserted == [true, false, true, false])
    let keys = (0..<5_000).map { UInt64($0) << 32 | UInt64($0 % 7) }
    // The first key is 0, in the set already; the others are new, and are kept through every
    // time the table grows.
    let new = keys.map { set.insert($0) }
    #expect(new == [false] + [Bool](repeating: true, count: keys.count - 1))
    let again = keys.map { set.insert($0) }
    #expect(!again.contains(true))
    let other = set.insert(1 << 32)
    #expect(other)
    #expect(set.count == keys.count + 2)
  }
}
