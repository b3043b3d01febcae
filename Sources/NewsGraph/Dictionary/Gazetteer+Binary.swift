/// The compiled gazetteer as bytes: what `GazetteerCache` writes and reads.
///
/// Layout, all integers little-endian as the machine stores them (the magic checks that): the
/// 8-byte magic, then arrays one after the other, each an 8-byte element count and its elements
/// padded to 8 bytes, and last an 8-byte checksum of everything before it. Reading checks the
/// magic, the version, the checksum and that every number points inside its table, so a damaged
/// or foreign file is rejected, never trusted.
extension Gazetteer {
  /// Bump when the layout or the meaning of any stored number changes.
  static let binaryVersion: UInt64 = 5
  private static let magic: [UInt8] = Array("NGGAZ\u{0}\u{1}\u{2}".utf8)

  /// The gazetteer in its binary form.
  public func serialized() -> [UInt8] {
    var writer = BinaryWriter()
    writer.bytes += Self.magic
    writer.append(FlatArray([Self.binaryVersion]))
    writer.append(entries.ids)
    writer.append(entries.texts)
    writer.append(entries.records)
    writer.append(entries.lists)
    writer.append(entries.populations)
    for trie in [exact.storage, upper.storage, titles.storage, upperTitles.storage] {
      writer.append(trie)
    }
    writer.append(givenNames.table)
    let checksum = writer.bytes.withUnsafeBytes { BinaryWriter.checksum($0) }
    withUnsafeBytes(of: checksum.littleEndian) { writer.bytes += $0 }
    return writer.bytes
  }

  /// A gazetteer read back from `serialized()`, or nil when the bytes are not one.
  public init?(serialized bytes: [UInt8]) {
    let memory = bytes.withUnsafeBytes { FlatMemory(copying: $0) }
    self.init(memory: memory, count: bytes.count)
  }

  /// A gazetteer that uses the tables where they are in `memory` (a mapped cache file), or nil
  /// when its first `count` bytes are not a serialized gazetteer. The gazetteer keeps `memory`.
  init?(memory: FlatMemory, count: Int) {
    let bytes = UnsafeRawBufferPointer(start: memory.pointer, count: count)
    guard count >= 24, count % 8 == 0, count <= memory.size,
      Array(bytes[0..<8]) == Self.magic,
      bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        == BinaryWriter.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<(count - 8)]))
    else { return nil }
    var reader = BinaryReader(memory: memory, end: count - 8)
    reader.offset = 8
    guard let version: FlatArray<UInt64> = reader.array(), version.first == Self.binaryVersion,
      version.count == 1, let ids = reader.table(), let texts = reader.table(),
      let records: FlatArray<Int32> = reader.array(), let lists: FlatArray<Int32> = reader.array(),
      let populations: FlatArray<Int64> = reader.array()
    else { return nil }
    let entries = Entries(
      ids: ids, texts: texts, records: records, lists: lists, populations: populations)
    guard entries.isWellFormed else { return nil }
    let entryCount = UInt32(entries.count)
    let validSurface = { (packed: UInt32) in packed >> 2 < entryCount }
    guard let exact: TokenTrie<Surface> = reader.trie(), exact.isWellFormed(payload: validSurface),
      let upper: TokenTrie<Surface> = reader.trie(), upper.isWellFormed(payload: validSurface),
      let titles: TokenTrie<TitleKind> = reader.trie(), titles.isWellFormed(payload: { _ in true }),
      let upperTitles: TokenTrie<TitleKind> = reader.trie(),
      upperTitles.isWellFormed(payload: { _ in true }),
      let given = reader.table(), !given.slots.isEmpty, reader.offset == reader.end
    else { return nil }
    self.init(
      entries: entries, exact: exact, upper: upper, titles: titles, upperTitles: upperTitles,
      givenNames: NameList(table: given))
  }
}

extension Gazetteer.Surface: TriePayload {
  private static let forms: [MentionForm] = [.name, .alias, .demonym, .short]

  public var packed: UInt32 {
    UInt32(bitPattern: entry) << 2 | UInt32(Self.forms.firstIndex(of: form) ?? 0)
  }

  public init(packed: UInt32) {
    self.init(entry: Int32(bitPattern: packed >> 2), form: Self.forms[Int(packed & 3)])
  }
}

extension Gazetteer.TitleKind: TriePayload {
  public var packed: UInt32 { self == .role ? 0 : 1 }

  public init(packed: UInt32) { self = packed == 0 ? .role : .honorific }

  public static func isValid(packed: UInt32) -> Bool { packed < 2 }
}

/// A trie's arrays without its payload type, for writing.
struct TrieStorage {
  var keys: StringTable
  var edgeStart, edgeKey, edgeChild, payloadStart: FlatArray<Int32>
  var payloadList: FlatArray<UInt32>
}

extension TokenTrie {
  var storage: TrieStorage {
    TrieStorage(
      keys: keys, edgeStart: edgeStart, edgeKey: edgeKey, edgeChild: edgeChild,
      payloadStart: payloadStart, payloadList: payloadList)
  }
}

/// Internal, not private: the cache fuzz target (`FuzzTargets.gazetteerCache`) signs its input
/// with `checksum` so that the checks behind it are exercised.
struct BinaryWriter {
  var bytes: [UInt8] = []

  mutating func append<T: FixedWidthInteger>(_ values: FlatArray<T>) {
    withUnsafeBytes(of: UInt64(values.count).littleEndian) { bytes += $0 }
    values.withUnsafeBufferPointer { bytes += UnsafeRawBufferPointer($0) }
    while bytes.count % 8 != 0 { bytes.append(0) }
  }

  mutating func append(_ table: StringTable) {
    append(table.bytes)
    append(table.starts)
    append(table.slots)
  }

  mutating func append(_ trie: TrieStorage) {
    append(trie.keys)
    append(trie.edgeStart)
    append(trie.edgeKey)
    append(trie.edgeChild)
    append(trie.payloadStart)
    append(trie.payloadList)
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

/// Reads the arrays in place: each is a view of the memory, which every view keeps alive.
private struct BinaryReader {
  let memory: FlatMemory
  let end: Int
  var offset = 0

  init(memory: FlatMemory, end: Int) {
    self.memory = memory
    self.end = end
  }

  mutating func array<T: FixedWidthInteger>() -> FlatArray<T>? {
    guard offset >= 0, offset + 8 <= end else { return nil }
    let count = memory.bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
    guard count <= UInt64(end - offset - 8) / UInt64(MemoryLayout<T>.stride) else { return nil }
    // Every array starts on an 8-byte boundary of the page-aligned memory: aligned for T.
    let values = FlatArray<T>(memory, offset: offset + 8, count: Int(count))
    offset += 8 + (Int(count) * MemoryLayout<T>.stride + 7) / 8 * 8
    return offset <= end ? values : nil
  }

  mutating func table() -> StringTable? {
    guard let bytes: FlatArray<UInt8> = array(), let starts: FlatArray<Int32> = array(),
      let slots: FlatArray<UInt32> = array()
    else { return nil }
    let table = StringTable(bytes: bytes, starts: starts, slots: slots)
    return table.isWellFormed ? table : nil
  }

  mutating func trie<P>() -> TokenTrie<P>? {
    guard let keys = table(), let edgeStart: FlatArray<Int32> = array(),
      let edgeKey: FlatArray<Int32> = array(), let edgeChild: FlatArray<Int32> = array(),
      let payloadStart: FlatArray<Int32> = array(), let payloadList: FlatArray<UInt32> = array()
    else { return nil }
    var trie = TokenTrie<P>()
    trie.keys = keys
    trie.edgeStart = edgeStart
    trie.edgeKey = edgeKey
    trie.edgeChild = edgeChild
    trie.payloadStart = payloadStart
    trie.payloadList = payloadList
    return trie
  }
}
