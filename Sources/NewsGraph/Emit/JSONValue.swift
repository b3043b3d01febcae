/// A parsed JSON value and the byte offset where it starts, for messages that point at it.
public struct JSONValue: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number and whether it was written without a fraction or exponent.
    case number(Double, integer: Bool)
    case string(String)
    case array([JSONValue])
    /// Members in the order written; keys are unique (the reader rejects duplicates).
    case object([Member])
  }

  public struct Member: Sendable, Equatable {
    public var key: String
    public var value: JSONValue
  }

  public var kind: Kind
  /// Byte offset of the value's first byte in the text it was read from.
  public var offset: Int

  /// The member named `key` of an object, or nil.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = kind else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// What the value is, for messages: "a string", "an array" ...
  public var typeName: String {
    switch kind {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }

  public var string: String? {
    if case .string(let text) = kind { return text }
    return nil
  }

  public var array: [JSONValue]? {
    if case .array(let items) = kind { return items }
    return nil
  }

  public var members: [Member]? {
    if case .object(let members) = kind { return members }
    return nil
  }

  /// A whole number, written as one ("7", or "7.0" and "7e0" too) and inside `Int`'s range.
  public var integer: Int? {
    guard case .number(let value, _) = kind, value == value.rounded(),
      value >= -9.0e15, value <= 9.0e15
    else { return nil }
    return Int(value)
  }

  public var number: Double? {
    if case .number(let value, _) = kind { return value }
    return nil
  }
}

/// Where something is in a file: 1-based line and column (columns count Unicode scalars).
public struct TextPosition: Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// The line and column of a byte offset in UTF-8 text; `firstLine` is the line the text
  /// starts on (JSON Lines records are parsed one line at a time).
  public init(file: String, offset: Int, in bytes: [UInt8], firstLine: Int = 1) {
    var line = firstLine
    var column = 1
    var index = 0
    let end = min(offset, bytes.count)
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
      index += 1
    }
    self.init(file: file, line: line, column: column)
  }

  public var description: String { "\(file):\(line):\(column)" }
}

/// Why JSON could not be read: not JSON at all, or JSON that is not what was expected.
public enum JSONReadError: Error, Equatable, CustomStringConvertible {
  case syntax(TextPosition, String)
  case content(TextPosition, String)

  public var position: TextPosition {
    switch self {
    case .syntax(let position, _), .content(let position, _): position
    }
  }

  public var message: String {
    switch self {
    case .syntax(_, let message), .content(_, let message): message
    }
  }

  public var description: String { "\(position): error: \(message)" }
}
