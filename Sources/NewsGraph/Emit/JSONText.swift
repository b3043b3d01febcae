/// A small writer of JSON text with a fixed key order, so the same graph gives the same bytes.
struct JSONText {
  private(set) var output = ""
  private var indent = 0
  private var needsComma: [Bool] = [false]

  static func quoted(_ string: String) -> String {
    // Most strings need no escape: check the bytes and copy them whole.
    var plain = true
    var last: (UInt8, UInt8) = (0, 0)
    for byte in string.utf8 {
      if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F
        || (last == (0xE2, 0x80) && (byte == 0xA8 || byte == 0xA9))
      {
        plain = false
        break
      }
      last = (last.1, byte)
    }
    if plain { return "\"" + string + "\"" }
    var result = "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\u{2028}": result += "\\u2028"
      case "\u{2029}": result += "\\u2029"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16)
          result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }

  static func array(_ strings: [String]) -> String {
    "[" + strings.map(JSONText.quoted).joined(separator: ", ") + "]"
  }

  static func number(_ value: Double) -> String {
    if value.isNaN || value.isInfinite { return "null" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }

  private mutating func separator() {
    if needsComma[needsComma.count - 1] { output += "," }
    needsComma[needsComma.count - 1] = true
    output += "\n" + String(repeating: "  ", count: indent)
  }

  mutating func open(_ bracket: String, key: String? = nil) {
    if needsComma.count > 1 || !output.isEmpty { separator() }
    if let key { output += JSONText.quoted(key) + ": " }
    output += bracket
    indent += 1
    needsComma.append(false)
  }

  mutating func close(_ bracket: String) {
    indent -= 1
    let hadItems = needsComma.removeLast()
    if hadItems { output += "\n" + String(repeating: "  ", count: indent) }
    output += bracket
  }

  mutating func field(_ key: String, raw: String) {
    separator()
    output += JSONText.quoted(key) + ": " + raw
  }

  mutating func field(_ key: String, _ value: String) { field(key, raw: JSONText.quoted(value)) }
  mutating func field(_ key: String, _ value: Int) { field(key, raw: String(value)) }
  mutating func field(_ key: String, _ value: Double) { field(key, raw: JSONText.number(value)) }
  mutating func field(_ key: String, _ value: Bool) { field(key, raw: value ? "true" : "false") }
  mutating func field(_ key: String, strings: [String]) {
    field(key, raw: "[" + strings.map(JSONText.quoted).joined(separator: ", ") + "]")
  }

  /// An object written on one line, for arrays of small records.
  mutating func compactObject(_ fields: [(String, String)]) {
    separator()
    output += "{" + fields.map { JSONText.quoted($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
  }

  /// A member whose value is an object written on one line.
  mutating func compactObject(key: String, _ fields: [(String, String)]) {
    field(
      key,
      raw: "{" + fields.map { JSONText.quoted($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}")
  }
}
