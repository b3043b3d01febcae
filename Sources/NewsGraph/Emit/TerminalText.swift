/// Text for a terminal: one line, without control characters.
///
/// Names and sentences come from web pages, and a terminal obeys the escape sequences in what
/// it prints: an article could set the window title, move the cursor or hide lines of `diff`'s
/// report. So the text writers put each line through `line(_:)`: line breaks and tabs become
/// spaces (a name cannot break the layout), every other C0 or C1 control character and DEL
/// becomes U+FFFD.
public enum TerminalText {
  public static func line(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if !isControl(scalar) {
        result.append(scalar)
      } else {
        switch scalar {
        case "\t", "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": result.append(" ")
        default: result.append("\u{FFFD}")
        }
      }
    }
    return String(result)
  }

  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}"
      || scalar == "\u{2029}"
  }
}
