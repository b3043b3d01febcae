import Testing

@testable import NewsGraph

/// The words a hash of bytes mixes in, eight bytes at a time.
@Suite struct UnsafeBufferPointerWordsTests {
  static func words(_ bytes: [UInt8]) -> [UInt64] {
    var words: [UInt64] = []
    bytes.withUnsafeBufferPointer { bytes in bytes.forEachWord { words.append($0) } }
    return words
  }

  /// The little-endian word of up to eight bytes from `start`, zeros after them.
  static func word(_ bytes: [UInt8], from start: Int) -> UInt64 {
    var word: UInt64 = 0
    for (shift, byte) in bytes[start..<min(start + 8, bytes.count)].enumerated() {
      word |= UInt64(byte) << (shift * 8)
    }
    return word
  }

  @Test(arguments: [0, 1, 7, 8, 9, 15, 16, 17, 24, 30])
  func wordsCoverEveryByteAndEndWithTheLastEight(count: Int) {
    let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
    let words = Self.words(bytes)
    switch count {
    case 0:
      #expect(words.isEmpty, "no bytes, no word")
    case 1..<8:
      #expect(words == [Self.word(bytes, from: 0)], "fewer than eight: one word, zeros after")
    default:
      let starts = Array(stride(from: 0, to: count - 8, by: 8)) + [count - 8]
      #expect(words == starts.map { Self.word(bytes, from: $0) }, "the last word overlaps")
    }
  }
}
