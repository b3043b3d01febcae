/// Splits text into lines and drops the lines of a scraped page that are not article text.
///
/// Menus, breadcrumbs, "Advertisement", reading times, share buttons, tag lines and repeated
/// titles are recognized by their shape (short, no sentence punctuation, no capitals, numbered
/// menu items, user-interface vocabulary, duplicates), never by the strings of one page. Lines
/// that continue a sentence across a hard wrap are joined into one block.
public struct FurnitureFilter: Sendable {
  public init() {}

  /// The blocks to read, in order, and the lines dropped.
  public func blocks(in text: SourceText) -> (blocks: [TextBlock], dropped: [DroppedLine]) {
    let scalars = text.folded
    var lines: [Range<Int>] = []
    var lineStart = 0
    for index in scalars.indices where scalars[index] == "\n" {
      lines.append(lineStart..<index)
      lineStart = index + 1
    }
    lines.append(lineStart..<scalars.count)

    let shapes = lines.map { LineShape(scalars: scalars, range: $0) }
    var blocks: [TextBlock] = []
    var dropped: [DroppedLine] = []
    var seen = Set<String>()
    var paragraph = 0
    var previousBlank = true
    var lastEndsSentence = true
    var lastIsWrappedProse = false
    for (index, shape) in shapes.enumerated() {
      if shape.isBlank {
        if !previousBlank { paragraph += 1 }
        previousBlank = true
        continue
      }
      previousBlank = false
      if let reason = dropReason(shape, index: index, shapes: shapes, seen: &seen) {
        dropped.append(DroppedLine(range: shape.trimmed, reason: reason))
        continue
      }
      let kind: TextBlock.Kind =
        shape.isCredit ? .credit : (shape.endsSentence || shape.words > 12 ? .prose : .heading)
      // A line that goes on from an unfinished line of prose is the same sentence, hard-wrapped.
      defer {
        lastEndsSentence = shape.endsSentence
        lastIsWrappedProse = shape.words >= 8 && shape.endsInLowercaseWordOrComma
      }
      // A line that goes on from an unfinished line of prose is the same sentence, hard-wrapped:
      // it starts in lower case, or the line before is long and stops mid-phrase.
      if kind != .credit, shape.startsLowercase || lastIsWrappedProse, var last = blocks.last,
        last.kind != .credit, last.paragraph == paragraph, !lastEndsSentence
      {
        last.range = last.range.lowerBound..<shape.trimmed.upperBound
        last.kind = .prose
        blocks[blocks.count - 1] = last
        continue
      }
      blocks.append(
        TextBlock(
          range: shape.trimmed, paragraph: paragraph, kind: kind, isAllCaps: shape.isAllCaps,
          isTitleCase: shape.isTitleCase))
    }
    return (blocks, dropped)
  }

  private func dropReason(
    _ shape: LineShape, index: Int, shapes: [LineShape], seen: inout Set<String>
  ) -> String? {
    if shape.letters == 0 { return "no letters" }
    let key = shape.key
    if !seen.insert(key).inserted { return "repeated line" }
    if shape.uppercaseLetters == 0 && !shape.hasProsePunctuation && shape.words <= 12 {
      return "tag line (no capitals)"
    }
    if shape.isReadingTime { return "reading time" }
    if !shape.endsSentence, shape.words <= 7, FurnitureFilter.isInterfaceText(key) {
      return "page interface text"
    }
    if shape.isNumberedItem && !shape.endsSentence && shape.words <= 10 && !shape.hasDataAfterNumber
    {
      let neighbours = [index - 1, index + 1, index - 2, index + 2].filter {
        shapes.indices.contains($0)
      }
      if neighbours.contains(where: { shapes[$0].isNumberedItem }) { return "menu item" }
    }
    if shape.isMenu { return "menu" }
    return nil
  }

  /// Words of web-page chrome: buttons, labels and calls to action.
  static let interfacePhrases: [String] = [
    "advertisement", "advertising", "ad", "sponsored", "sponsored content", "paid content",
    "promoted", "read more", "read next", "see also", "related", "related articles",
    "related stories", "recommended", "recommended for you", "share", "share this",
    "share this article", "share on facebook", "share on twitter", "tweet", "follow us",
    "subscribe", "subscribe now", "sign up", "sign in", "log in", "login", "register",
    "newsletter", "comments", "show comments", "comment", "loading", "skip to content",
    "skip to main content", "menu", "home", "click here", "continue reading",
    "story continues below", "story continues below advertisement", "more from", "most read",
    "most popular", "trending", "trending now", "watch", "watch live", "listen",
    "listen to this article", "print", "email", "copy link", "cookies", "accept cookies",
    "all rights reserved", "copyright", "back to top", "top stories", "latest news",
    "more stories", "you may also like", "you might also like", "up next", "next article",
    "previous article", "view comments", "image", "photo", "video", "gallery", "open in app",
    "download the app", "breaking news", "live updates", "editor's picks", "featured",
  ]

  private static let interfaceSet = Set(interfacePhrases)
  private static let interfacePrefixes = [
    "read more", "related", "follow us", "sign up", "subscribe", "copyright", "all rights reserved",
    "click here", "more from", "share this", "share on", "you may also like", "see more",
    "watch:", "listen:", "updated ", "published ", "last updated", "posted ",
  ]

  static func isInterfaceText(_ key: String) -> Bool {
    let trimmed = key.trimmingPunctuation
    if interfaceSet.contains(trimmed) { return true }
    if trimmed.hasPrefix("©") || trimmed.hasPrefix("(c) ") { return true }
    return interfacePrefixes.contains { trimmed.hasPrefix($0) }
  }
}

/// Facts about one line that the furniture rules read.
struct LineShape {
  var trimmed: Range<Int>
  var words = 0
  var letters = 0
  var uppercaseLetters = 0
  var capitalizedWords = 0
  var lettersWords = 0
  var endsSentence = false
  var startsLowercase = false
  var isNumberedItem = false
  /// Digits or brackets after a leading number: a results table, not a menu.
  var hasDataAfterNumber = false
  /// Commas, periods, quotes, brackets, colons: a line of prose or data, not a tag list.
  var hasProsePunctuation = false
  /// The line stops after a lower-case word or a comma, as a hard-wrapped line of prose does.
  var endsInLowercaseWordOrComma = false
  var isCredit = false
  var isMenu = false
  var isReadingTime = false
  var key = ""

  var isBlank: Bool { trimmed.isEmpty }
  var isAllCaps: Bool { letters >= 4 && uppercaseLetters * 10 >= letters * 9 }
  var isTitleCase: Bool {
    lettersWords >= 3 && capitalizedWords * 10 >= lettersWords * 8 && !isAllCaps && !endsSentence
  }

  init(scalars: [Unicode.Scalar], range: Range<Int>) {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper, ScalarClass.isSpace(scalars[lower]) { lower += 1 }
    while upper > lower, ScalarClass.isSpace(scalars[upper - 1]) { upper -= 1 }
    trimmed = lower..<upper
    guard lower < upper else { return }
    let scan = scalars.withUnsafeBufferPointer { LineScan($0, lower..<upper) }
    words = scan.words
    letters = scan.letters
    uppercaseLetters = scan.uppercaseLetters
    capitalizedWords = scan.capitalizedWords
    lettersWords = scan.lettersWords
    key = scan.key
    let slashInsideWord = scan.slashInsideWord
    let separators = scan.separators

    var end = upper - 1
    while end > lower, "\"')]".unicodeScalars.contains(scalars[end]) { end -= 1 }
    endsSentence = ".!?:;".unicodeScalars.contains(scalars[end]) || scalars[end] == "…"
    endsInLowercaseWordOrComma =
      scalars[upper - 1] == "," || ScalarClass.isLower(scalars[upper - 1])
    startsLowercase = ScalarClass.isLower(scalars[lower])
    // "1. Home", "2) Politics"
    var cursor = lower
    while cursor < upper, ScalarClass.isDigit(scalars[cursor]) { cursor += 1 }
    if cursor > lower, cursor + 1 < upper, scalars[cursor] == "." || scalars[cursor] == ")",
      scalars[cursor + 1] == " "
    {
      isNumberedItem = true
      hasDataAfterNumber = scalars[(cursor + 1)..<upper].contains {
        ScalarClass.isDigit($0) || $0 == "(" || $0 == ")"
      }
    }
    hasProsePunctuation = scalars[lower..<upper].contains {
      $0 == "," || $0 == "." || $0 == "\"" || $0 == "(" || $0 == ")" || $0 == ":" || $0 == ";"
    }
    isCredit =
      (slashInsideWord && words <= 10 && !endsSentence)
      || (words <= 14 && LineShape.creditPrefixes.contains { key.hasPrefix($0) })
    isMenu = separators >= 2 && words <= 16 && !endsSentence
    isReadingTime = words <= 8 && key.hasSuffix("read") && LineShape.mentionsReadingTime(key)
  }

  static let creditPrefixes = [
    "photo:", "photo by", "photograph:", "photograph by", "image:", "picture:", "credit:",
    "photo credit", "(photo", "image credit", "pictured:",
  ]

  /// "2 min read", "Defense2 min read", "5 minute read", "3 mins read".
  static func mentionsReadingTime(_ key: String) -> Bool {
    for suffix in [" min read", " mins read", " minute read", " minutes read", "min read"] {
      guard let range = key.firstRange(of: suffix) else { continue }
      let before = key[..<range.lowerBound].trimmingTrailingSpaces
      if let last = before.unicodeScalars.last, last.properties.numericType != nil { return true }
    }
    return false
  }
}

/// One pass over a trimmed line's scalars: its words and letters, and its key (lower case, runs
/// of white space as one space).
///
/// It reads the scalars through a buffer pointer and writes the key's UTF-8 bytes into an array
/// made at full size, four bytes a scalar (every lower-case mapping Unicode has takes at most
/// that): appending byte by byte to an array cost more than the rest of the filter.
private struct LineScan {
  var words = 0
  var letters = 0
  var uppercaseLetters = 0
  var capitalizedWords = 0
  var lettersWords = 0
  /// A slash between two letters before any digit follows a slash: "Reuters/John Smith".
  var slashInsideWord = false
  /// "›", "»", ">", "|" or "•" after white space: breadcrumb and menu separators.
  var separators = 0
  var key = ""

  init(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) {
    let lower = range.lowerBound
    let upper = range.upperBound
    let capacity = range.count * 4
    var fits = true
    var inWord = false
    var wordStartsUpper = false
    var wordHasLetter = false
    var previous: Unicode.Scalar = " "
    var lastSpace = true
    var digitsSeen = false
    let keyBytes = [UInt8](unsafeUninitializedCapacity: capacity) { bytes, written in
      written = 0
      for index in lower..<upper {
        let scalar = scalars[index]
        if ScalarClass.isSpace(scalar) {
          if !lastSpace {
            bytes[written] = 0x20
            written += 1
          }
          lastSpace = true
          if inWord {
            if wordHasLetter {
              lettersWords += 1
              if wordStartsUpper { capitalizedWords += 1 }
            }
            inWord = false
          }
          previous = scalar
          continue
        }
        lastSpace = false
        let value = scalar.value
        if value < 0x80 {
          bytes[written] = UInt8(value &- 0x41 < 26 ? value + 0x20 : value)
          written += 1
        } else {
          // At most four bytes a scalar keeps every write inside the buffer.
          let lowercase = scalar.properties.lowercaseMapping.utf8
          if lowercase.count <= 4 {
            for byte in lowercase {
              bytes[written] = byte
              written += 1
            }
          } else {
            fits = false
          }
        }
        let isUpper = ScalarClass.isUpper(scalar)
        if !inWord {
          inWord = true
          words += 1
          wordStartsUpper = isUpper
          wordHasLetter = false
        }
        if ScalarClass.isLetter(scalar) {
          letters += 1
          wordHasLetter = true
          if isUpper { uppercaseLetters += 1 }
        }
        if value == 0x2F && !ScalarClass.isSpace(previous) && index + 1 < upper
          && !ScalarClass.isSpace(scalars[index + 1]) && !digitsSeen
        {
          slashInsideWord = true
        }
        if (scalar == "›" || scalar == "»" || scalar == ">" || scalar == "|" || scalar == "•")
          && ScalarClass.isSpace(previous)
        {
          separators += 1
        }
        if ScalarClass.isDigit(scalar) { digitsSeen = digitsSeen || previous == "/" }
        previous = scalar
      }
    }
    if inWord, wordHasLetter {
      lettersWords += 1
      if wordStartsUpper { capitalizedWords += 1 }
    }
    key = fits ? String(decoding: keyBytes, as: UTF8.self) : Self.key(scalars, range)
  }

  /// The key made by appending, for a line with a scalar whose lower case is longer than four
  /// bytes (none is known; the check keeps the buffer safe whatever Unicode's tables say).
  private static func key(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>)
    -> String
  {
    var bytes: [UInt8] = []
    var lastSpace = true
    for scalar in scalars[range] {
      if ScalarClass.isSpace(scalar) {
        if !lastSpace { bytes.append(0x20) }
        lastSpace = true
      } else {
        lastSpace = false
        ScalarClass.appendLowercased(scalar, toUTF8: &bytes)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

extension StringProtocol {
  var trimmingPunctuation: String {
    // A text that starts and ends with an ASCII letter or digit (most keys) has nothing to trim:
    // rebuilding it from its scalars cost some 14,000 instructions a line.
    if let first = unicodeScalars.first, let last = unicodeScalars.last,
      isASCIILetterOrDigit(first), isASCIILetterOrDigit(last)
    {
      return String(self)
    }
    var scalars = Substring(self).unicodeScalars[...]
    while let first = scalars.first, first.properties.isWhitespace || isPunct(first) {
      scalars = scalars.dropFirst()
    }
    while let last = scalars.last, last.properties.isWhitespace || isPunct(last) {
      scalars = scalars.dropLast()
    }
    return String(String.UnicodeScalarView(scalars))
  }

  var trimmingTrailingSpaces: Substring {
    var sub = Substring(self)
    while sub.last == " " { sub = sub.dropLast() }
    return sub
  }
}

private func isASCIILetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
  ScalarClass.isLetter(scalar) && scalar.isASCII || scalar.value &- 0x30 < 10
}

private func isPunct(_ scalar: Unicode.Scalar) -> Bool {
  switch scalar.properties.generalCategory {
  case .otherPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
    .initialPunctuation, .finalPunctuation, .connectorPunctuation, .mathSymbol, .otherSymbol:
    return scalar != "©"
  default: return false
  }
}
