/// A small writer of JSON text with a fixed key order, so the same graph gives the same bytes.
///
/// It writes UTF-8 bytes into one buffer: a graph's JSON is mostly evidence sentences, and
/// building a `String` per field and joining them cost more than analyzing the articles.
struct JSONText: ~Copyable {
  /// The text written is `base[..<end]`, in memory of `capacity` bytes that the writer owns:
  /// a byte is appended with one store and a piece with one copy, after one check for room
  /// (an `Array` checked that its buffer was unique on every append, and `append(contentsOf:)`
  /// cost about a hundred instructions besides the copy, on every key, separator and value).
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity = 4096
  private var end = 0
  private var indent = 0
  private var needsComma: [Bool] = [false]
  /// Whether the compact object being written has a member yet.
  private var objectHasMember = false

  init() {
    base = .allocate(capacity: capacity)
  }

  /// A writer that starts as if `depth` arrays or objects were open around it, none of them
  /// with an item yet: what it writes is a piece of a larger text (`JSONWriter.entitiesDocument`).
  init(nested depth: Int) {
    self.init()
    indent = depth
    needsComma = Array(repeating: false, count: depth + 1)
  }

  /// The writer allocated the memory and nothing else holds it: it is freed with the writer.
  deinit {
    base.deallocate()
  }

  /// The text written so far.
  var output: String {
    String(decoding: UnsafeBufferPointer(start: base, count: end), as: UTF8.self)
  }

  /// The bytes written and a line feed; the writer is left empty.
  mutating func finishedLine() -> [UInt8] {
    append(byte: 0x0A)
    defer { end = 0 }
    return Array(UnsafeBufferPointer(start: base, count: end))
  }

  /// The bytes written; the writer is left empty, in the same place of the text.
  mutating func taken() -> [UInt8] {
    defer { end = 0 }
    return Array(UnsafeBufferPointer(start: base, count: end))
  }

  /// Makes room for `count` more bytes after the text.
  @inline(__always)
  private mutating func reserve(_ count: Int) {
    if end + count > capacity { grow(count) }
  }

  /// Doubles the room, or more when `count` bytes need it.
  private mutating func grow(_ count: Int) {
    capacity = max(end + count, 2 * capacity)
    let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    larger.initialize(from: base, count: end)
    // The old memory is the writer's own, and no pointer to it is left.
    base.deallocate()
    base = larger
  }

  @inline(__always)
  private mutating func append(byte: UInt8) {
    reserve(1)
    base[end] = byte
    end += 1
  }

  /// Appends bytes with one copy.
  @inline(__always)
  private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress else { return }
    reserve(bytes.count)
    (base + end).initialize(from: source, count: bytes.count)
    end += bytes.count
  }

  static func quoted(_ string: String) -> String {
    var json = JSONText()
    json.appendQuoted(string)
    return json.output
  }

  /// Appends a string in quotes, escaping quotes, backslashes, control characters, U+2028 and
  /// U+2029; strings that need no escape (nearly all) are copied whole.
  mutating func appendQuoted(_ string: String) {
    var string = string
    string.withUTF8 { appendQuoted(utf8: $0) }
  }

  mutating func appendQuoted(utf8: UnsafeBufferPointer<UInt8>) {
    append(byte: 0x22)
    var plainFrom = 0
    var index = 0
    let count = utf8.count
    while index < count {
      // Eight bytes at a time while none of them can need an escape.
      if let base = utf8.baseAddress {
        while index + 8 <= count,
          !Self.mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        {
          index += 8
        }
        if index >= count { break }
        // Fewer than eight left: one look at the last eight bytes (some of them seen already),
        // or at all of a shorter string padded with spaces, instead of one look a byte.
        if count - index < 8 && !Self.mayNeedEscape(Self.lastWord(base, count)) { break }
      }
      let byte = utf8[index]
      let escape: StaticString?
      var length = 1
      switch byte {
      case 0x22: escape = "\\\""
      case 0x5C: escape = "\\\\"
      case 0x0A: escape = "\\n"
      case 0x0D: escape = "\\r"
      case 0x09: escape = "\\t"
      case 0xE2
      where index + 2 < count && utf8[index + 1] == 0x80
        && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
        escape = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
        length = 3
      default:
        if byte < 0x20 || byte == 0x7F {
          escape = nil
        } else {
          index += 1
          continue
        }
      }
      append(UnsafeBufferPointer(rebasing: utf8[plainFrom..<index]))
      if let escape {
        append(escape)
      } else {
        // "\u00XX" in lower-case hex, as String(_:radix:16) writes it.
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        append("\\u00")
        append(byte: hex[Int(byte >> 4)])
        append(byte: hex[Int(byte & 0xF)])
      }
      index += length
      plainFrom = index
    }
    append(UnsafeBufferPointer(rebasing: utf8[plainFrom..<count]))
    append(byte: 0x22)
  }

  /// The last eight of `count` bytes, or all of them and spaces after them when there are
  /// fewer.
  @inline(__always)
  private static func lastWord(_ base: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
    if count >= 8 { return UnsafeRawPointer(base + count - 8).loadUnaligned(as: UInt64.self) }
    var word: UInt64 = 0x2020_2020_2020_2020
    withUnsafeMutableBytes(of: &word) {
      $0.copyMemory(from: UnsafeRawBufferPointer(start: base, count: count))
    }
    return word
  }

  /// Whether any of eight bytes is a control character, a quote, a backslash, DEL or not ASCII
  /// (U+2028 and U+2029 start with 0xE2). It may say yes for bytes that need no escape, never no
  /// for one that does: the bytes are then looked at one by one.
  @inline(__always)
  private static func mayNeedEscape(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & high != 0 }
    return word & high != 0 || (word &- ones &* 0x20) & ~word & high != 0
      || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
      || hasZeroByte(word ^ (ones &* 0x7F))
  }

  static func array(_ strings: [String]) -> String {
    "[" + strings.map(JSONText.quoted).joined(separator: ", ") + "]"
  }

  static func number(_ value: Double) -> String {
    if value.isNaN || value.isInfinite { return "null" }
    if let whole = whole(value) { return String(whole) }
    return String(value)
  }

  /// The value as an `Int` when it is whole and written without an exponent.
  private static func whole(_ value: Double) -> Int? {
    value == value.rounded() && abs(value) < 1e15 ? Int(value) : nil
  }

  /// Appends a whole number in decimal, a digit at a time: the numbers of a graph are short,
  /// and appending one byte costs far less than appending a piece.
  mutating func appendInteger(_ value: Int) {
    if value < 0 {
      append(string: String(value))
      return
    }
    var divisor = 1
    while divisor <= value / 10 { divisor *= 10 }
    repeat {
      append(byte: UInt8(truncatingIfNeeded: 0x30 + value / divisor % 10))
      divisor /= 10
    } while divisor > 0
  }

  /// Appends the bytes of a literal (a `String` literal would be made a `String` first: the
  /// writer appends a separator or a key per value).
  @inline(__always)
  private mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { append($0) }
  }

  /// Appends the bytes of a string in one copy (appending a `String.UTF8View` goes byte by byte
  /// through generic code).
  private mutating func append(string text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  /// Appends ", ", between the members of a compact object or the items of an array.
  private mutating func appendCommaSpace() {
    append(", ")
  }

  private mutating func appendIndentation() {
    for _ in 0..<indent { append("  ") }
  }

  private mutating func separator() {
    if needsComma[needsComma.count - 1] { append(byte: 0x2C) }
    needsComma[needsComma.count - 1] = true
    append(byte: 0x0A)
    appendIndentation()
  }

  mutating func open(_ bracket: String, key: String? = nil) {
    if needsComma.count > 1 || end > 0 { separator() }
    if let key {
      appendQuoted(key)
      append(": ")
    }
    append(string: bracket)
    indent += 1
    needsComma.append(false)
  }

  mutating func close(_ bracket: String) {
    indent -= 1
    let hadItems = needsComma.removeLast()
    if hadItems {
      append(byte: 0x0A)
      appendIndentation()
    }
    append(string: bracket)
  }

  mutating func field(_ key: String, raw: String) {
    separator()
    appendQuoted(key)
    append(": ")
    append(string: raw)
  }

  mutating func field(_ key: String, _ value: String) {
    separator()
    appendQuoted(key)
    append(": ")
    appendQuoted(value)
  }

  mutating func field(_ key: String, _ value: Int) {
    separator()
    appendQuoted(key)
    append(": ")
    appendInteger(value)
  }

  mutating func field(_ key: String, _ value: Double) { field(key, raw: JSONText.number(value)) }
  mutating func field(_ key: String, _ value: Bool) { field(key, raw: value ? "true" : "false") }
  mutating func field(_ key: String, strings: [String]) {
    separator()
    appendQuoted(key)
    append(": ")
    appendArray(strings)
  }

  /// An object written on one line, for arrays of small records.
  mutating func compactObject(_ fields: [(String, String)]) {
    beginCompactObject()
    for (key, raw) in fields { member(quoting: key, raw: raw) }
    endCompactObject()
  }

  /// A member whose value is an object written on one line.
  mutating func compactObject(key: String, _ fields: [(String, String)]) {
    separator()
    appendQuoted(key)
    append(": ")
    append(byte: 0x7B)
    objectHasMember = false
    for (key, raw) in fields { member(quoting: key, raw: raw) }
    endCompactObject()
  }

  /// Starts an object written on one line as the next item of an array; `member` adds to it.
  mutating func beginCompactObject() {
    separator()
    append(byte: 0x7B)
    objectHasMember = false
  }

  /// Starts an object written on one line, on its own (not an item of an array).
  mutating func beginObject() {
    append(byte: 0x7B)
    objectHasMember = false
  }

  /// A member whose value is an array of objects on the same line, each written by `body`
  /// with `member` calls.
  mutating func member<Item>(
    _ key: StaticString, objects items: [Item], _ body: (inout JSONText, Item) -> Void
  ) {
    memberKey(key)
    append(byte: 0x5B)
    for (index, item) in items.enumerated() {
      if index > 0 { appendCommaSpace() }
      append(byte: 0x7B)
      objectHasMember = false
      body(&self, item)
      append(byte: 0x7D)
    }
    append(byte: 0x5D)
    // The members of the object around the array come after a comma.
    objectHasMember = true
  }

  mutating func endCompactObject() {
    append(byte: 0x7D)
  }

  /// Starts a member: the comma before it, if any, and its key. The key of a member is a
  /// literal that needs no escape, so it is copied as it is (quoting it cost more than most
  /// values).
  private mutating func memberKey(_ key: StaticString) {
    if objectHasMember { appendCommaSpace() }
    objectHasMember = true
    append(byte: 0x22)
    append(key)
    append("\": ")
  }

  /// A member whose key is not a literal, quoted as any string.
  private mutating func member(quoting key: String, raw: String) {
    if objectHasMember { appendCommaSpace() }
    objectHasMember = true
    appendQuoted(key)
    append(": ")
    append(string: raw)
  }

  mutating func member(_ key: StaticString, _ value: String) {
    memberKey(key)
    appendQuoted(value)
  }

  mutating func member(_ key: StaticString, _ value: Int) {
    memberKey(key)
    appendInteger(value)
  }

  /// A number as `number(_:)` writes it; a whole one (a count weight) without making a string.
  mutating func member(_ key: StaticString, number value: Double) {
    memberKey(key)
    if let whole = JSONText.whole(value) {
      appendInteger(whole)
    } else {
      append(string: JSONText.number(value))
    }
  }

  mutating func member(_ key: StaticString, strings: [String]) {
    memberKey(key)
    appendArray(strings)
  }

  /// A member whose value is an array of evidence records, each on the same line.
  mutating func member(_ key: StaticString, evidence: [CooccurrenceGraph.Evidence]) {
    memberKey(key)
    append(byte: 0x5B)
    for (index, item) in evidence.enumerated() {
      if index > 0 { appendCommaSpace() }
      appendEvidence(item)
    }
    append(byte: 0x5D)
  }

  /// One evidence record on one line; the document's metadata only when the input gave it.
  mutating func appendEvidence(_ item: CooccurrenceGraph.Evidence) {
    append("{\"document\": ")
    appendQuoted(item.document)
    append(", \"sentence\": ")
    appendInteger(item.sentence)
    if let date = item.date {
      append(", \"date\": ")
      appendQuoted(date)
    }
    if let source = item.source {
      append(", \"source\": ")
      appendQuoted(source)
    }
    if let title = item.title {
      append(", \"title\": ")
      appendQuoted(title)
    }
    append(", \"text\": ")
    appendQuoted(item.text)
    append(byte: 0x7D)
  }

  private mutating func appendArray(_ strings: [String]) {
    append(byte: 0x5B)
    for (index, string) in strings.enumerated() {
      if index > 0 { appendCommaSpace() }
      appendQuoted(string)
    }
    append(byte: 0x5D)
  }
}
