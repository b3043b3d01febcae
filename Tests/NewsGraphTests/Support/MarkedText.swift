import Testing

/// Text with spans marked «like this»: the clean text and the code-point ranges of the marks.
///
/// Marks do not nest. Offsets count Unicode scalars of the clean text, the way `Mention` and
/// `Token` do, so a mark after an emoji or a combining accent lands where the library says.
struct MarkedText: Sendable, Equatable {
  /// The text without its marks.
  var text: String
  /// Code-point ranges of the marked spans, in order.
  var spans: [Range<Int>]

  /// Why a marked string could not be read.
  enum MarkError: Error, Equatable, CustomStringConvertible {
    case nested(offset: Int)
    case unopened(offset: Int)
    case unclosed(offset: Int)
    case empty(offset: Int)

    var description: String {
      switch self {
      case .nested(let offset): "mark opened inside a mark at code point \(offset)"
      case .unopened(let offset): "'»' without '«' at code point \(offset)"
      case .unclosed(let offset): "'«' at code point \(offset) is never closed"
      case .empty(let offset): "empty mark at code point \(offset)"
      }
    }
  }

  init(_ marked: String) throws(MarkError) {
    var clean = String.UnicodeScalarView()
    var spans: [Range<Int>] = []
    var open: Int?
    var count = 0
    for scalar in marked.unicodeScalars {
      switch scalar {
      case "«":
        if open != nil { throw .nested(offset: count) }
        open = count
      case "»":
        guard let start = open else { throw .unopened(offset: count) }
        guard start < count else { throw .empty(offset: count) }
        spans.append(start..<count)
        open = nil
      default:
        clean.append(scalar)
        count += 1
      }
    }
    if let start = open { throw .unclosed(offset: start) }
    self.text = String(clean)
    self.spans = spans
  }

  /// The clean text of a code-point range.
  func substring(_ range: Range<Int>) -> String {
    let scalars = Array(text.unicodeScalars)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[range])
    return String(view)
  }

  /// The marked spans with their text, to compare with what the library found.
  var expected: [FoundSpan] {
    spans.map { FoundSpan(start: $0.lowerBound, end: $0.upperBound, text: substring($0)) }
  }
}

/// A span that was found or expected: offsets and text, printed as `12..<17 'Putin'`.
struct FoundSpan: Hashable, Comparable, CustomStringConvertible, Sendable {
  var start: Int
  var end: Int
  var text: String

  static func < (lhs: FoundSpan, rhs: FoundSpan) -> Bool {
    (lhs.start, lhs.end, lhs.text) < (rhs.start, rhs.end, rhs.text)
  }

  var description: String { "\(start)..<\(end) '\(text)'" }
}

extension String {
  /// The text of a code-point range: the way a reader of the library's offsets slices text.
  func scalars(_ range: Range<Int>) -> String {
    let all = Array(unicodeScalars)
    guard range.lowerBound >= 0, range.upperBound <= all.count else { return "<out of range>" }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: all[range])
    return String(view)
  }
}
