extension UnsafeBufferPointer<UInt8> {
  /// Calls `body` with the bytes as 64-bit words (little-endian), in order, for a hash that
  /// mixes in eight bytes at a time: none for no bytes, one word of fewer than eight (zeros
  /// after them), and for eight or more, one word per eight whose last word is the last eight
  /// bytes, overlapping the word before.
  ///
  /// A hash that also mixes in the count tells apart any two byte strings that its words do.
  /// The overlapping last word spares the few bytes after the last whole word being gathered
  /// one by one (or copied with a call to `memmove`), which cost as much as the rest of a short
  /// string.
  @inline(__always)
  func forEachWord(_ body: (UInt64) -> Void) {
    guard let base = baseAddress, count > 0 else { return }
    guard count >= 8 else {
      var word: UInt64 = 0
      for at in 0..<count { word |= UInt64(base[at]) << (at * 8) }
      body(word)
      return
    }
    let raw = UnsafeRawPointer(base)
    var at = 0
    while true {
      body(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
      if at == count - 8 { return }
      at = Swift.min(at + 8, count - 8)
    }
  }
}
