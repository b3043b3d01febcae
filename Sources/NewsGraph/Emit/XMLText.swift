/// Escaping for XML 1.0 text and attribute values (GraphML, GEXF).
///
/// Labels and evidence come from web pages, so every markup character is escaped, and the
/// characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE, U+FFFF) become U+FFFD.
enum XMLText {
  /// Text for an attribute value in double quotes: tabs and line breaks as character
  /// references, so attribute-value normalization keeps them.
  static func attribute(_ text: String) -> String {
    escaped(text, inAttribute: true)
  }

  /// Text for element content.
  static func content(_ text: String) -> String {
    escaped(text, inAttribute: false)
  }

  private static func escaped(_ text: String, inAttribute: Bool) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      case "\t": result += inAttribute ? "&#9;" : "\t"
      case "\n": result += inAttribute ? "&#10;" : "\n"
      case "\r": result += "&#13;"
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
          result += "\u{FFFD}"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  /// The evidence of an edge as lines of `document #sentence: text`.
  static func evidence(_ edge: CooccurrenceGraph.Edge) -> String {
    edge.evidence.map { "\($0.document) #\($0.sentence): \($0.text)" }.joined(separator: "\n")
  }
}
