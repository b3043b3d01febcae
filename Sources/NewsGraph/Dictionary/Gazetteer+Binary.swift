/// The compiled gazetteer as bytes: what `GazetteerCache` writes and reads.
///
/// Layout, all integers little-endian as the machine stores them (the magic checks that): the
/// 8-byte magic, then arrays one after the other, each an 8-byte element count and its elements
/// padded to 8 bytes, and last an 8-byte checksum of everything before it. Reading checks the
/// magic, the version, the checksum and that every number points inside its table, so a damaged
/// or foreign file is rejected, never trusted.
extension Gazetteer {
  /// Bump when the layout or the meaning of any stored number changes.
  static let binaryVersion: UInt64 = 2
  private static let magic: [UInt8] = Array("NGGAZ\u{0}\u{1}\u{2}".utf8)

  /// The gazetteer in its binary form.
  public func serialized() -> [UInt8] {
    var writer = BinaryWriter()
    writer.bytes += Self.magic
    writer.append([Self.binaryVersion])
    writer.append(entries.ids)
    writer.append(entries.texts)
    writer.append(entries.records)
    writer.append(entries.lists)
    writer.append(entries.populations)
    writer.append(exact, payload: \.packed)
    writer.append(upper, payload: \.packed)
    writer.append(titles, payload: \.packed)
    writer.append(upperTitles, payload: \.packed)
    writer.append(StringTable(givenNames.sorted(), indexed: false))
    let checksum = writer.bytes.withUnsafeBytes { BinaryWriter.checksum($0) }
    withUnsafeBytes(of: checksum.littleEndian) { writer.bytes += $0 }
    return writer.bytes
  }

  /// A gazetteer read back from `serialized()`, or nil when the bytes are not one.
  public init?(serialized bytes: [UInt8]) {
    guard let gazetteer = bytes.withUnsafeBytes({ Gazetteer(serialized: $0) }) else { return nil }
    self = gazetteer
  }

  /// A gazetteer read back from `serialized()` bytes in memory (a mapped file), or nil when the
  /// bytes are not one. The bytes are copied; the gazetteer does not keep them.
  public init?(serialized bytes: UnsafeRawBufferPointer) {
    guard bytes.count >= 24, bytes.count % 8 == 0, Array(bytes[0..<8]) == Self.magic else {
      return nil
    }
    var reader = BinaryReader(bytes: bytes, end: bytes.count - 8)
    let stored: [UInt64]? = BinaryReader.values(bytes, at: bytes.count - 8, count: 1)
    guard
      stored?.first
        == BinaryWriter.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<(bytes.count - 8)]))
    else { return nil }
    reader.offset = 8
    guard let version: [UInt64] = reader.array(), version == [Self.binaryVersion],
      let ids = reader.table(), let texts = reader.table(), let records: [Int32] = reader.array(),
      let lists: [Int32] = reader.array(), let populations: [Int64] = reader.array()
    else { return nil }
    let entries = Entries(
      ids: ids, texts: texts, records: records, lists: lists, populations: populations)
    guard entries.isWellFormed else { return nil }
    let entryCount = Int32(entries.count)
    let validSurface = { (surface: Surface) in surface.entry >= 0 && surface.entry < entryCount }
    guard let exact = reader.trie(Surface.init(packed:)), exact.isWellFormed(payload: validSurface),
      let upper = reader.trie(Surface.init(packed:)), upper.isWellFormed(payload: validSurface),
      let titles = reader.trie(TitleKind.init(packed:)),
      titles.isWellFormed(payload: { _ in true }),
      let upperTitles = reader.trie(TitleKind.init(packed:)),
      upperTitles.isWellFormed(payload: { _ in true }),
      let given = reader.table(), reader.offset == reader.end
    else { return nil }
    self.init(
      entries: entries, exact: exact, upper: upper, titles: titles, upperTitles: upperTitles,
      givenNames: Set((0..<given.count).map { given[$0] }))
  }
}

extension Gazetteer.Surface {
  fileprivate static let forms: [MentionForm] = [.name, .alias, .demonym, .short]

  fileprivate var packed: UInt32 {
    UInt32(bitPattern: entry) << 2 | UInt32(Self.forms.firstIndex(of: form) ?? 0)
  }

  fileprivate init?(packed: UInt32) {
    self.init(entry: Int32(bitPattern: packed >> 2), form: Self.forms[Int(packed & 3)])
  }
}

extension Gazetteer.TitleKind {
  fileprivate var packed: UInt32 { self == .role ? 0 : 1 }

  fileprivate init?(packed: UInt32) {
    switch packed {
    case 0: self = .role
    case 1: self = .honorific
    default: return nil
    }
  }
}

private struct BinaryWriter {
  var bytes: [UInt8] = []

  mutating func append<T: FixedWidthInteger>(_ values: [T]) {
    withUnsafeBytes(of: UInt64(values.count).littleEndian) { bytes += $0 }
    values.withUnsafeBytes { bytes += $0 }
    while bytes.count % 8 != 0 { bytes.append(0) }
  }

  mutating func append(_ table: StringTable) {
    append(table.bytes)
    append(table.starts)
    append(table.slots)
  }

  mutating func append<P>(_ trie: TokenTrie<P>, payload: (P) -> UInt32) {
    append(trie.keys)
    append(trie.edgeStart)
    append(trie.edgeKey)
    append(trie.edgeChild)
    append(trie.payloadStart)
    append(trie.payloadList.map(payload))
  }

  /// A 64-bit multiply-xor hash of 8-byte words, in four independent lanes so the processor
  /// overlaps them: about a millisecond for the whole cache file, and any damaged byte changes it.
  static func checksum(_ raw: UnsafeRawBufferPointer) -> UInt64 {
    let prime: UInt64 = 0x100_0000_01B3
    var lanes: (UInt64, UInt64, UInt64, UInt64) = (
      0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count), 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9,
      0x27D4_EB2F_1656_67C5
    )
    @inline(__always) func mix(_ hash: inout UInt64, _ word: UInt64) {
      hash = (hash ^ word) &* prime &+ 0x2545_F491_4F6C_DD1D
      hash ^= hash >> 29
    }
    let words = raw.count / 8
    var index = 0
    while index + 4 <= words {
      let offset = index * 8
      mix(&lanes.0, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      mix(&lanes.1, raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
      mix(&lanes.2, raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
      mix(&lanes.3, raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
      index += 4
    }
    while index < words {
      mix(&lanes.0, raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
      index += 1
    }
    for byte in raw[(words * 8)...] { mix(&lanes.1, UInt64(byte)) }
    var hash = lanes.0
    mix(&hash, lanes.1)
    mix(&hash, lanes.2)
    mix(&hash, lanes.3)
    return hash
  }
}

private struct BinaryReader {
  let bytes: UnsafeRawBufferPointer
  let end: Int
  var offset = 0

  init(bytes: UnsafeRawBufferPointer, end: Int) {
    self.bytes = bytes
    self.end = end
  }

  static func values<T: FixedWidthInteger>(
    _ bytes: UnsafeRawBufferPointer, at offset: Int, count: Int
  ) -> [T]? {
    let size = count * MemoryLayout<T>.size
    guard offset >= 0, count >= 0, offset + size <= bytes.count else { return nil }
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      UnsafeMutableRawBufferPointer(buffer).copyMemory(
        from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + size)]))
      initialized = count
    }
  }

  mutating func array<T: FixedWidthInteger>() -> [T]? {
    guard let header: [UInt64] = Self.values(bytes, at: offset, count: 1), let count = header.first,
      count <= UInt64(end - offset) / UInt64(MemoryLayout<T>.size)
    else { return nil }
    guard let values: [T] = Self.values(bytes, at: offset + 8, count: Int(count)) else {
      return nil
    }
    offset += 8 + (Int(count) * MemoryLayout<T>.size + 7) / 8 * 8
    return offset <= end ? values : nil
  }

  mutating func table() -> StringTable? {
    guard let bytes: [UInt8] = array(), let starts: [Int32] = array(),
      let slots: [Int32] = array()
    else { return nil }
    let table = StringTable(bytes: bytes, starts: starts, slots: slots)
    return table.isWellFormed ? table : nil
  }

  mutating func trie<P>(_ payload: (UInt32) -> P?) -> TokenTrie<P>? {
    guard let keys = table(), let edgeStart: [Int32] = array(), let edgeKey: [Int32] = array(),
      let edgeChild: [Int32] = array(), let payloadStart: [Int32] = array(),
      let packed: [UInt32] = array()
    else { return nil }
    var payloads: [P] = []
    payloads.reserveCapacity(packed.count)
    for value in packed {
      guard let item = payload(value) else { return nil }
      payloads.append(item)
    }
    var trie = TokenTrie<P>()
    trie.keys = keys
    trie.edgeStart = edgeStart
    trie.edgeKey = edgeKey
    trie.edgeChild = edgeChild
    trie.payloadStart = payloadStart
    trie.payloadList = payloads
    return trie
  }
}
