#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A strict JSON reader (RFC 8259): one value, no comments, no trailing commas, no NaN, no
/// duplicate keys, valid UTF-8 and escapes, nesting at most `maximumDepth` deep.
///
/// Errors carry the file, line and column of the offending byte, so a broken file is reported
/// the way a compiler reports a broken source file. A value read whole holds at most
/// `maximumValues` values: a tree takes some 50 bytes a value, so twenty times the text of
/// `[0,0,0,...]`, and the budget bounds that whatever the input. `Cursor` reads big documents
/// a piece at a time instead.
public struct JSONReader: Sendable {
  /// Name used in messages.
  public var file: String
  /// The line the text starts on: JSON Lines records are read one line at a time.
  public var firstLine: Int
  public var maximumDepth: Int
  /// Values one tree may hold (each string, number, array, object ... counts one).
  public var maximumValues: Int

  public init(
    file: String, firstLine: Int = 1, maximumDepth: Int = 256, maximumValues: Int = 10_000_000
  ) {
    self.file = file
    self.firstLine = firstLine
    self.maximumDepth = maximumDepth
    self.maximumValues = maximumValues
  }

  /// The value the bytes hold.
  public func value(_ bytes: [UInt8]) throws(JSONReadError) -> JSONValue {
    var parser = Parser(bytes: bytes, reader: self)
    return try parser.document()
  }

  /// Reads a document piece by piece: first `validate()` checks the whole text (syntax, depth,
  /// duplicate keys) without building anything, then values are read as trees one at a time
  /// from where `validate()` said they start, so that a big array is never held whole.
  struct Cursor {
    fileprivate var parser: Parser
    /// The "first item" flag of each array being read with `nextElement()`.
    private var first: [Bool] = []

    init(bytes: [UInt8], reader: JSONReader) {
      parser = Parser(bytes: bytes, reader: reader)
    }

    /// Byte offset of the next byte to read.
    var offset: Int { parser.index }

    /// Checks the whole document; returns where its value starts and, when it is an object,
    /// each member's key and where its value starts.
    mutating func validate() throws(JSONReadError) -> (
      root: Int, members: [(key: String, offset: Int)]?
    ) {
      parser.build = false
      defer { parser.build = true }
      parser.skipSpace()
      let root = parser.index
      parser.topMembers = []
      _ = try parser.document()
      let members = parser.topMembers
      parser.topMembers = nil
      let isObject = root < parser.bytes.count && parser.bytes[root] == UInt8(ascii: "{")
      return (root, isObject ? members : nil)
    }

    /// What the value at `offset` is, for messages: "an array", "a number" ...
    func typeName(at offset: Int) -> String {
      guard offset < parser.bytes.count else { return "nothing" }
      switch parser.bytes[offset] {
      case UInt8(ascii: "{"): return "an object"
      case UInt8(ascii: "["): return "an array"
      case UInt8(ascii: "\""): return "a string"
      case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean"
      case UInt8(ascii: "n"): return "null"
      default: return "a number"
      }
    }

    /// Reads the value at `offset` whole.
    mutating func value(at offset: Int) throws(JSONReadError) -> JSONValue {
      parser.index = offset
      parser.values = 0
      return try parser.parseValue()
    }

    /// Starts reading the array at `offset`; false when there is none there.
    mutating func beginArray(at offset: Int) throws(JSONReadError) -> Bool {
      guard offset < parser.bytes.count, parser.bytes[offset] == UInt8(ascii: "[") else {
        return false
      }
      parser.index = offset + 1
      first.append(true)
      return true
    }

    /// Moves to the next element of the array begun last: true when one starts at `offset`,
    /// false at the end of the array. The document was validated, so the syntax is right.
    mutating func nextElement() throws(JSONReadError) -> Bool {
      parser.skipSpace()
      let isFirst = first.last ?? false
      if !first.isEmpty { first[first.count - 1] = false }
      if !isFirst && parser.index < parser.bytes.count
        && parser.bytes[parser.index] == UInt8(ascii: ",")
      {
        parser.index += 1
        parser.skipSpace()
      }
      guard parser.index < parser.bytes.count, parser.bytes[parser.index] != UInt8(ascii: "]")
      else {
        parser.index += 1
        first.removeLast()
        return false
      }
      return true
    }

    /// Reads the element `nextElement()` found.
    mutating func element() throws(JSONReadError) -> JSONValue {
      parser.values = 0
      return try parser.parseValue()
    }
  }

  /// The position of a byte offset in `bytes`, for messages about values.
  public func position(_ offset: Int, in bytes: [UInt8]) -> TextPosition {
    TextPosition(file: file, offset: offset, in: bytes, firstLine: firstLine)
  }

  /// The string whose opening quote is at `open`, and the offset after its closing quote; nil
  /// when the string is not valid JSON, which `value(_:)` then reports with its position.
  ///
  /// For a reader of a known flat shape (a JSON Lines record) that scans the text itself and
  /// leaves anything else to `value(_:)`.
  public static func string(in bytes: UnsafeBufferPointer<UInt8>, at open: Int) -> (
    string: String, end: Int
  )? {
    Parser.decodeString(bytes, open: open).map { (string: $0, end: $1) }
  }

  /// The UTF-8 of the string whose opening quote is at `open`, and the offset after its closing
  /// quote; nil when the string is not valid JSON.
  ///
  /// Bytes, not a `String`: making a long string checks its UTF-8 once more (some eight
  /// instructions a byte), which a text whose next reader decodes its bytes anyway
  /// (`SourceText(utf8:)`) does without.
  public static func utf8(ofStringIn bytes: UnsafeBufferPointer<UInt8>, at open: Int) -> (
    utf8: [UInt8], end: Int
  )? {
    guard let close = Parser.closingQuote(bytes, open: open) else { return nil }
    var valid = true
    let utf8 = [UInt8](unsafeUninitializedCapacity: close - open - 1) { out, count in
      let decoded = Parser.decode(bytes, open: open, close: close, into: out)
      valid = decoded != nil
      count = decoded ?? 0
    }
    return valid ? (utf8, close + 1) : nil
  }

  fileprivate struct Parser {
    let bytes: [UInt8]
    let reader: JSONReader
    var index = 0
    var depth = 0
    /// Whether values are built; when false the text is only checked.
    var build = true
    /// Values built in the current tree, against `reader.maximumValues`.
    var values = 0
    /// When not nil, the keys of the top-level object and where their values start.
    var topMembers: [(key: String, offset: Int)]?

    init(bytes: [UInt8], reader: JSONReader) {
      self.bytes = bytes
      self.reader = reader
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    func fail(_ message: String, at offset: Int? = nil) -> JSONReadError {
      .syntax(reader.position(offset ?? index, in: bytes), message)
    }

    /// The byte at `index` for messages: `'x'`, or a name for what cannot be shown.
    func shown(_ offset: Int) -> String {
      guard offset < bytes.count else { return "end of input" }
      let byte = bytes[offset]
      switch byte {
      case UInt8(ascii: "\n"): return "a line break"
      case UInt8(ascii: "\t"): return "a tab"
      case 0x20..<0x7F: return "'\(Character(Unicode.Scalar(byte)))'"
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x\(hex.count == 1 ? "0" : "")\(hex)"
      }
    }

    mutating func document() throws(JSONReadError) -> JSONValue {
      skipSpace()
      guard index < bytes.count else { throw fail("empty input: expected a JSON value") }
      let value = try parseValue()
      skipSpace()
      guard index == bytes.count else {
        throw fail("unexpected \(shown(index)) after the JSON value")
      }
      return value
    }

    mutating func skipSpace() {
      while index < bytes.count {
        switch bytes[index] {
        case 0x20, 0x09, 0x0A, 0x0D: index += 1
        default: return
        }
      }
    }

    mutating func parseValue() throws(JSONReadError) -> JSONValue {
      guard index < bytes.count else { throw fail("unexpected end of input: expected a value") }
      let start = index
      if build {
        values += 1
        if values > reader.maximumValues {
          throw fail("more than \(reader.maximumValues) values in one piece: too much to read")
        }
      }
      switch bytes[index] {
      case UInt8(ascii: "{"): return try parseObject()
      case UInt8(ascii: "["): return try parseArray()
      case UInt8(ascii: "\""): return JSONValue(kind: .string(try parseString()), offset: start)
      case UInt8(ascii: "t"):
        try literal("true"); return JSONValue(kind: .bool(true), offset: start)
      case UInt8(ascii: "f"):
        try literal("false")
        return JSONValue(kind: .bool(false), offset: start)
      case UInt8(ascii: "n"): try literal("null"); return JSONValue(kind: .null, offset: start)
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
      default:
        throw fail("unexpected \(shown(index)): expected a value")
      }
    }

    mutating func literal(_ word: String) throws(JSONReadError) {
      let start = index
      for byte in word.utf8 {
        guard index < bytes.count, bytes[index] == byte else {
          throw fail(
            "unexpected \(shown(index)) in '\(word)'", at: index < bytes.count ? index : start)
        }
        index += 1
      }
    }

    mutating func enter() throws(JSONReadError) {
      depth += 1
      if depth > reader.maximumDepth {
        throw fail("nesting deeper than \(reader.maximumDepth) levels")
      }
    }

    mutating func parseObject() throws(JSONReadError) -> JSONValue {
      let start = index
      try enter()
      index += 1
      var members: [JSONValue.Member] = []
      var seen = JSONKeySet()
      skipSpace()
      if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
        index += 1
        depth -= 1
        return JSONValue(kind: .object([]), offset: start)
      }
      while true {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
          throw fail(
            index < bytes.count && bytes[index] == UInt8(ascii: "}")
              ? "trailing comma before '}'" : "unexpected \(shown(index)): expected a quoted key")
        }
        let keyStart = index
        let key = try parseString()
        guard seen.insert(key) else {
          throw fail("duplicate key '\(key)'", at: keyStart)
        }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
          throw fail("unexpected \(shown(index)): expected ':' after key '\(key)'")
        }
        index += 1
        skipSpace()
        if depth == 1, topMembers != nil { topMembers?.append((key, index)) }
        let value = try parseValue()
        if build { members.append(JSONValue.Member(key: key, value: value)) }
        skipSpace()
        guard index < bytes.count else {
          throw fail("unexpected end of input: expected ',' or '}'")
        }
        if bytes[index] == UInt8(ascii: ",") {
          index += 1
          continue
        }
        guard bytes[index] == UInt8(ascii: "}") else {
          throw fail("unexpected \(shown(index)): expected ',' or '}'")
        }
        index += 1
        depth -= 1
        return JSONValue(kind: .object(members), offset: start)
      }
    }

    mutating func parseArray() throws(JSONReadError) -> JSONValue {
      let start = index
      try enter()
      index += 1
      var items: [JSONValue] = []
      skipSpace()
      if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
        index += 1
        depth -= 1
        return JSONValue(kind: .array([]), offset: start)
      }
      while true {
        skipSpace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
          throw fail("trailing comma before ']'")
        }
        let item = try parseValue()
        if build { items.append(item) }
        skipSpace()
        guard index < bytes.count else {
          throw fail("unexpected end of input: expected ',' or ']'")
        }
        if bytes[index] == UInt8(ascii: ",") {
          index += 1
          continue
        }
        guard bytes[index] == UInt8(ascii: "]") else {
          throw fail("unexpected \(shown(index)): expected ',' or ']'")
        }
        index += 1
        depth -= 1
        return JSONValue(kind: .array(items), offset: start)
      }
    }

    mutating func parseNumber() throws(JSONReadError) -> JSONValue {
      let start = index
      var integer = true
      if bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard index < bytes.count, isDigit(bytes[index]) else {
        throw fail("unexpected \(shown(index)): expected a digit")
      }
      if bytes[index] == UInt8(ascii: "0") {
        index += 1
        if index < bytes.count, isDigit(bytes[index]) {
          throw fail("numbers cannot have leading zeros", at: start)
        }
      } else {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
      }
      if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
        integer = false
        index += 1
        guard index < bytes.count, isDigit(bytes[index]) else {
          throw fail("unexpected \(shown(index)): expected a digit after '.'")
        }
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
      }
      if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")
      {
        integer = false
        index += 1
        if index < bytes.count,
          bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
        {
          index += 1
        }
        guard index < bytes.count, isDigit(bytes[index]) else {
          throw fail("unexpected \(shown(index)): expected a digit in the exponent")
        }
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
      }
      let text = String(decoding: bytes[start..<index], as: UTF8.self)
      guard let value = Double(text), value.isFinite else {
        throw fail("number '\(text)' is out of range", at: start)
      }
      return JSONValue(kind: .number(value, integer: integer), offset: start)
    }

    func isDigit(_ byte: UInt8) -> Bool {
      byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// A string starting at the opening quote; leaves `index` after the closing one.
    ///
    /// Most strings are decoded in one pass straight into the string's storage
    /// (`decodeString`); one with something wrong in it is read again by `checkedString()`,
    /// which says what and where.
    mutating func parseString() throws(JSONReadError) -> String {
      let open = index
      if let (string, end) = bytes.withUnsafeBufferPointer({
        Self.decodeString($0, open: open)
      }) {
        index = end
        return string
      }
      return try checkedString()
    }

    /// The string whose opening quote is at `open` and the offset after its closing quote, or
    /// nil when the string is unterminated or holds a control character, an invalid escape,
    /// a lone surrogate or invalid UTF-8.
    static func decodeString(_ bytes: UnsafeBufferPointer<UInt8>, open: Int) -> (String, Int)? {
      guard let close = closingQuote(bytes, open: open) else { return nil }
      var valid = true
      let string = String(unsafeUninitializedCapacity: close - open - 1) { out in
        let count = decode(bytes, open: open, close: close, into: out)
        valid = count != nil
        return count ?? 0
      }
      return valid ? (string, close + 1) : nil
    }

    /// The offset of the closing quote of the string whose opening quote is at `open`, or nil
    /// when there is none.
    ///
    /// The closing quote is the first quote after an even number of backslashes (an odd
    /// number escapes it), found with `memchr`.
    static func closingQuote(_ bytes: UnsafeBufferPointer<UInt8>, open: Int) -> Int? {
      guard let base = bytes.baseAddress else { return nil }
      let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
      var close = open
      while true {
        guard close + 1 < bytes.count,
          let found = memchr(base + close + 1, Int32(quote), bytes.count - close - 1)
        else { return nil }
        close = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        var before = close - 1
        while before > open, bytes[before] == backslash { before -= 1 }
        if (close - 1 - before) % 2 == 0 { return close }
      }
    }

    /// Writes the UTF-8 of the string between the quotes at `open` and `close` into `out`,
    /// which has room for `close - open - 1` bytes; returns how many, or nil when the string
    /// holds a control character, an invalid escape, a lone surrogate or invalid UTF-8.
    ///
    /// Decoded text is never longer than its JSON (an escape is at least as long as what it
    /// stands for), so the storage is allocated once, the size of the JSON, and written in
    /// place, up to sixteen plain bytes at a time: building a string run by run and escape by
    /// escape cost some 50 instructions a byte.
    @inline(__always)
    static func decode(
      _ bytes: UnsafeBufferPointer<UInt8>, open: Int, close: Int,
      into out: UnsafeMutableBufferPointer<UInt8>
    ) -> Int? {
      guard let base = bytes.baseAddress, let target = out.baseAddress else {
        return close == open + 1 ? 0 : nil
      }
      let backslash = UInt8(ascii: "\\")
      var from = open + 1
      var to = 0
      while from < close {
        if from + 16 <= close {
          // All sixteen bytes are copied (`to + 16 <= from + 16 - open - 1 <= close - open - 1`,
          // the capacity), but only those before the first special one count. Two words a
          // step: the runs between escapes in news text are some 80 bytes long.
          let first = UnsafeRawPointer(base + from).loadUnaligned(as: UInt64.self)
          let second = UnsafeRawPointer(base + from + 8).loadUnaligned(as: UInt64.self)
          UnsafeMutableRawPointer(target + to).storeBytes(of: first, as: UInt64.self)
          UnsafeMutableRawPointer(target + to + 8).storeBytes(of: second, as: UInt64.self)
          let special = (specialBytes(first), specialBytes(second))
          let plain =
            special.0 != 0
            ? special.0.trailingZeroBitCount / 8 : 8 + special.1.trailingZeroBitCount / 8
          to += plain
          from += plain
          if plain == 16 { continue }
        } else if from + 8 <= close {
          // The same, one word.
          let word = UnsafeRawPointer(base + from).loadUnaligned(as: UInt64.self)
          UnsafeMutableRawPointer(target + to).storeBytes(of: word, as: UInt64.self)
          let plain = specialBytes(word).trailingZeroBitCount / 8
          to += plain
          from += plain
          if plain == 8 { continue }
        }
        let byte = bytes[from]
        if byte >= 0x20 && byte != backslash && byte < 0x80 {
          out[to] = byte
          to += 1
          from += 1
        } else if byte >= 0x80 {
          guard let length = utf8Length(bytes, at: from, before: close) else { return nil }
          for offset in 0..<length { out[to + offset] = bytes[from + offset] }
          to += length
          from += length
        } else if byte == backslash, let (scalar, length) = escape(bytes, at: from, before: close) {
          to = SourceText.encode(scalar, into: out, at: to)
          from += length
        } else {
          return nil
        }
      }
      return to
    }

    /// The high bit of each byte of `word` (in memory order) that is a quote, a backslash, a
    /// control character or a byte of a multibyte sequence, exact up to the first such byte:
    /// its trailing zero bits over eight are how many plain ASCII bytes come first, which are
    /// copied as they are.
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
      let word = UInt64(littleEndian: word)
      let ones: UInt64 = 0x0101_0101_0101_0101
      /// The bytes of `word` below `limit` (at most 0x80), as their high bits: exact up to the
      /// first such byte (a borrow only spreads to the bytes after it).
      func below(_ word: UInt64, _ limit: UInt64) -> UInt64 { (word &- ones &* limit) & ~word }
      let special =
        word | below(word, 0x20) | below(word ^ (ones &* 0x22), 1) | below(word ^ (ones &* 0x5C), 1)
      return special & (ones &* 0x80)
    }

    /// The length of the valid UTF-8 sequence at `at`, ending before `end`, or nil. The checks
    /// are `String(validating:)`'s: no overlong forms, surrogates or values above U+10FFFF.
    @inline(__always)
    static func utf8Length(_ bytes: UnsafeBufferPointer<UInt8>, at: Int, before end: Int) -> Int? {
      func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
        at + offset < end && bytes[at + offset] >= low && bytes[at + offset] <= high
      }
      switch bytes[at] {
      case 0xC2...0xDF: return continuation(1) ? 2 : nil
      case 0xE0...0xEF:
        let low: UInt8 = bytes[at] == 0xE0 ? 0xA0 : 0x80
        let high: UInt8 = bytes[at] == 0xED ? 0x9F : 0xBF
        return continuation(1, low, high) && continuation(2) ? 3 : nil
      case 0xF0...0xF4:
        let low: UInt8 = bytes[at] == 0xF0 ? 0x90 : 0x80
        let high: UInt8 = bytes[at] == 0xF4 ? 0x8F : 0xBF
        return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : nil
      default: return nil
      }
    }

    /// The scalar the escape at `at` (its backslash) stands for and the escape's length, or nil
    /// when it is invalid or a lone surrogate.
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, at: Int, before end: Int) -> (
      Unicode.Scalar, Int
    )? {
      guard at + 1 < end else { return nil }
      switch bytes[at + 1] {
      case UInt8(ascii: "\""): return ("\"", 2)
      case UInt8(ascii: "\\"): return ("\\", 2)
      case UInt8(ascii: "/"): return ("/", 2)
      case UInt8(ascii: "b"): return ("\u{8}", 2)
      case UInt8(ascii: "f"): return ("\u{C}", 2)
      case UInt8(ascii: "n"): return ("\n", 2)
      case UInt8(ascii: "r"): return ("\r", 2)
      case UInt8(ascii: "t"): return ("\t", 2)
      case UInt8(ascii: "u"):
        guard let first = hex4(bytes, at: at + 2, before: end) else { return nil }
        if (0xDC00..<0xE000).contains(first) { return nil }
        guard (0xD800..<0xDC00).contains(first) else {
          return Unicode.Scalar(first).map { ($0, 6) }
        }
        guard at + 7 < end, bytes[at + 6] == UInt8(ascii: "\\"), bytes[at + 7] == UInt8(ascii: "u"),
          let second = hex4(bytes, at: at + 8, before: end), (0xDC00..<0xE000).contains(second)
        else { return nil }
        return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)).map {
          ($0, 12)
        }
      default: return nil
      }
    }

    /// The value of the four hex digits at `at`, all before `end`, or nil.
    static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at: Int, before end: Int) -> UInt32? {
      guard at + 4 <= end else { return nil }
      var value: UInt32 = 0
      for byte in bytes[at..<at + 4] {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt32(byte - 48)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt32(byte - 87)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): value = value << 4 | UInt32(byte - 55)
        default: return nil
        }
      }
      return value
    }

    /// A string starting at the opening quote, read byte by byte to report the first thing
    /// wrong with it; leaves `index` after the closing quote.
    mutating func checkedString() throws(JSONReadError) -> String {
      let open = index
      index += 1
      var runStart = index
      var result = ""
      while true {
        guard index < bytes.count else { throw fail("unterminated string", at: open) }
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
          try appendRun(runStart, &result)
          index += 1
          return result
        }
        if byte < 0x20 {
          throw fail("control character (\(shown(index))) in a string: write it as an escape")
        }
        if byte == UInt8(ascii: "\\") {
          try appendRun(runStart, &result)
          index += 1
          guard index < bytes.count else { throw fail("unterminated string", at: open) }
          let escape = bytes[index]
          index += 1
          switch escape {
          case UInt8(ascii: "\""): result += "\""
          case UInt8(ascii: "\\"): result += "\\"
          case UInt8(ascii: "/"): result += "/"
          case UInt8(ascii: "b"): result += "\u{8}"
          case UInt8(ascii: "f"): result += "\u{C}"
          case UInt8(ascii: "n"): result += "\n"
          case UInt8(ascii: "r"): result += "\r"
          case UInt8(ascii: "t"): result += "\t"
          case UInt8(ascii: "u"):
            let escapeStart = index - 2
            let first = try hex4()
            var value = UInt32(first)
            if (0xD800..<0xDC00).contains(first) {
              guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                bytes[index + 1] == UInt8(ascii: "u")
              else {
                throw fail("lone surrogate \\u\(hexText(first)) in a string", at: escapeStart)
              }
              index += 2
              let second = try hex4()
              guard (0xDC00..<0xE000).contains(second) else {
                throw fail("lone surrogate \\u\(hexText(first)) in a string", at: escapeStart)
              }
              value = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
            } else if (0xDC00..<0xE000).contains(first) {
              throw fail("lone surrogate \\u\(hexText(first)) in a string", at: escapeStart)
            }
            guard let scalar = Unicode.Scalar(value) else {
              throw fail("invalid escape in a string", at: escapeStart)
            }
            result.unicodeScalars.append(scalar)
          default:
            throw fail(
              "invalid escape '\\\(shown(index - 1).trimmingQuotes)' in a string", at: index - 2)
          }
          runStart = index
          continue
        }
        index += 1
      }
    }

    func hexText(_ value: UInt16) -> String {
      let text = String(value, radix: 16, uppercase: true)
      return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }

    mutating func hex4() throws(JSONReadError) -> UInt16 {
      var value: UInt16 = 0
      for _ in 0..<4 {
        guard index < bytes.count else { throw fail("unterminated \\u escape") }
        let byte = bytes[index]
        let digit: UInt16
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt16(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt16(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt16(byte - UInt8(ascii: "A") + 10)
        default: throw fail("unexpected \(shown(index)) in a \\u escape: expected 4 hex digits")
        }
        value = value << 4 | digit
        index += 1
      }
      return value
    }

    /// Appends the raw bytes `runStart..<index`, which must be valid UTF-8.
    func appendRun(_ runStart: Int, _ result: inout String) throws(JSONReadError) {
      guard runStart < index else { return }
      let run = bytes[runStart..<index]
      if let text = String(validating: run, as: UTF8.self) {
        result += text
        return
      }
      var decoder = UTF8()
      var iterator = run.makeIterator()
      var offset = runStart
      while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): offset += UTF8.width(scalar)
        case .emptyInput: return
        case .error: throw fail("invalid UTF-8 in a string", at: offset)
        }
      }
    }
  }
}

/// The keys of one object read so far, to reject duplicates: a list while there are a few
/// (comparing a short key with a few others costs less than hashing it), a set after.
struct JSONKeySet {
  private var list: [String] = []
  private var set: Set<String> = []
  /// Keys the list holds at most.
  static let listLimit = 16

  /// Adds a key; false when it was there already.
  mutating func insert(_ key: String) -> Bool {
    if set.isEmpty {
      if list.contains(key) { return false }
      if list.count < Self.listLimit {
        if list.isEmpty { list.reserveCapacity(8) }
        list.append(key)
        return true
      }
      set = Set(list)
      list = []
    }
    return set.insert(key).inserted
  }
}

extension String {
  fileprivate var trimmingQuotes: String {
    hasPrefix("'") && hasSuffix("'") && count >= 2 ? String(dropFirst().dropLast()) : self
  }
}
