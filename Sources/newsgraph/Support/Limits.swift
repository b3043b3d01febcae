/// The most newsgraph reads of each kind of input, so that no input can make it allocate
/// without bound. The README's "Reliability" section lists them.
enum Limits {
  /// Bytes of one document: a text file, standard input, or a JSON Lines record's text. Forty
  /// times the longest news article; a document takes up to about 100 times its size in memory
  /// while it is analyzed.
  static let document = 8 << 20
  /// Bytes of one JSON Lines line (the text and its escapes).
  static let jsonLine = 64 << 20
  /// Bytes of one dictionary file (the built-in ones are 2 MB in all).
  static let dictionary = 64 << 20
  /// Bytes of one graph JSON file.
  static let graphJSON = 1 << 30

  /// "8 MiB", "1.5 GiB": a size for messages.
  static func size(_ bytes: Int) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    if unit == 0 { return "\(bytes) bytes" }
    let tenths = Int((value * 10).rounded())
    return tenths % 10 == 0
      ? "\(tenths / 10) \(units[unit])" : "\(tenths / 10).\(tenths % 10) \(units[unit])"
  }

  /// "too big: 1 GiB; a dictionary may be at most 64 MiB".
  static func tooBig(_ bytes: Int?, limit: Int, what: String) -> String {
    let size = bytes.map { "\(Limits.size($0))" } ?? "more than \(Limits.size(limit))"
    return "too big: \(size); \(what) may be at most \(Limits.size(limit))"
  }
}
