import Testing

@testable import NewsGraph

/// The accumulator's table of links by key.
@Suite struct LinkIndexTests {
  @Test func keysGetTheIndexGivenWhenNew() {
    var index = LinkIndex()
    #expect(index.index(of: 0, new: 0) == (0, true), "a key of zero is a key")
    #expect(index.index(of: 1 << 32 | 2, new: 1) == (1, true))
    #expect(index.index(of: 0, new: 2) == (0, false))
    #expect(index.index(of: 1 << 32 | 2, new: 2) == (1, false))
    #expect(index.count == 2)
  }

  /// Thousands of keys grow the table many times; keys that differ only in high bits or only in
  /// low bits still find their own index.
  @Test func manyKeysKeepTheirIndices() {
    var index = LinkIndex()
    let keys = (0..<3_000).map { UInt64($0 % 50) << 32 | UInt64($0 / 50) }
    for (at, key) in keys.enumerated() { #expect(index.index(of: key, new: Int32(at)).isNew) }
    for (at, key) in keys.enumerated() {
      #expect(index.index(of: key, new: -1) == (Int32(at), false))
    }
    #expect(index.count == 3_000)
  }
}
