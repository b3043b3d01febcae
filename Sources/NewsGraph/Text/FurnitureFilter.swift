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
    let (shapes, keys) = LineShape.shapes(of: text)
    // A block for each line at most: made at that size, the array is never grown and copied.
    var blocks: [TextBlock] = []
    blocks.reserveCapacity(shapes.count)
    var dropped: [DroppedLine] = []
    var seen = LineKeySet(minimumCapacity: shapes.count)
    var paragraph = 0
    var previousBlank = true
    var lastEndsSentence = true
    var lastIsWrappedProse = false
    // The folded scalars, for the one fact a line's shape leaves to the block it starts.
    text.folded.withUnsafeBufferPointer { scalars in
      keys.withUnsafeBufferPointer { keys in
        for (index, shape) in shapes.enumerated() {
          if shape.isBlank {
            if !previousBlank { paragraph += 1 }
            previousBlank = true
            continue
          }
          previousBlank = false
          if let reason = dropReason(
            shape, keys: keys, index: index, shapes: shapes, seen: &seen)
          {
            dropped.append(DroppedLine(range: shape.trimmed, reason: reason))
            continue
          }
          let kind: TextBlock.Kind =
            shape.isCredit ? .credit : (shape.endsSentence || shape.words > 12 ? .prose : .heading)
          defer {
            lastEndsSentence = shape.endsSentence
            lastIsWrappedProse = shape.words >= 8 && shape.endsInLowercaseWordOrComma
          }
          // A line that goes on from an unfinished line of prose is the same sentence,
          // hard-wrapped: it starts in lower case, or the line before is long and stops
          // mid-phrase.
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
              isTitleCase: shape.isTitleCase(scalars, ascii: text.ascii)))
        }
      }
    }
    return (blocks, dropped)
  }

  /// Why a line is dropped, if it is; `keys` are the bytes of the keys of all lines.
  private func dropReason(
    _ shape: LineShape, keys: UnsafeBufferPointer<UInt8>, index: Int, shapes: [LineShape],
    seen: inout LineKeySet
  ) -> String? {
    if shape.letters == 0 { return "no letters" }
    if !seen.insert(shape.key, of: keys, hasCombiningRange: shape.keyHasCombiningRange) {
      return "repeated line"
    }
    if shape.uppercaseLetters == 0 && !shape.hasProsePunctuation && shape.words <= 12 {
      return "tag line (no capitals)"
    }
    if shape.isReadingTime { return "reading time" }
    if !shape.endsSentence, shape.words <= 7,
      FurnitureFilter.isInterfaceText(
        UnsafeBufferPointer(rebasing: keys[shape.key]), isASCII: shape.keyIsASCII)
    {
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

  private static let interfaceSet = WordSet(interfacePhrases)
  private static let interfacePrefixes = [
    "read more", "related", "follow us", "sign up", "subscribe", "copyright", "all rights reserved",
    "click here", "more from", "share this", "share on", "you may also like", "see more",
    "watch:", "listen:", "updated ", "published ", "last updated", "posted ",
  ]
  /// The ASCII prefixes of `isInterfaceText(_:)`, as bytes.
  private static let interfacePrefixBytes = (["(c) "] + interfacePrefixes).map { Array($0.utf8) }
  /// The ASCII scalars that `trimmingPunctuation` trims, by value.
  private static let trimmedASCII = (0..<0x80).map { (value: Int) -> Bool in
    let scalar = Unicode.Scalar(UInt8(value))
    return scalar.properties.isWhitespace || isPunct(scalar)
  }

  /// `isInterfaceText(_:)` of a key's UTF-8, on the bytes when the key is ASCII (as the line
  /// scan that wrote it tells: reading it again for that took a pass over every byte).
  ///
  /// An ASCII key is trimmed by a table of the same tests and its prefixes compared byte by
  /// byte, which answers as the strings do: an ASCII string's characters are its bytes (the one
  /// cluster of two, CR LF, never occurs in a key), and no ASCII string starts with "©". The
  /// trimmed key is looked up in the set by its bytes, and made a string only if the set asks.
  /// A prefix is compared only when its first byte is the key's: most are not.
  static func isInterfaceText(_ key: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> Bool {
    guard isASCII else { return isInterfaceText(String(decoding: key, as: UTF8.self)) }
    var lower = 0
    var upper = key.count
    while lower < upper, trimmedASCII[Int(key[lower])] { lower += 1 }
    while upper > lower, trimmedASCII[Int(key[upper - 1])] { upper -= 1 }
    let trimmed = UnsafeBufferPointer(rebasing: key[lower..<upper])
    if interfaceSet.number(
      of: String(decoding: trimmed, as: UTF8.self), utf8: trimmed,
      hash: StringTable.hash(trimmed), isASCII: true) != nil
    {
      return true
    }
    guard let first = trimmed.first else { return false }
    return interfacePrefixBytes.contains { $0.first == first && hasPrefix(trimmed, $0) }
  }

  /// Whether `bytes` starts with `prefix`.
  static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
    guard bytes.count >= prefix.count else { return false }
    for index in prefix.indices where bytes[index] != prefix[index] { return false }
    return true
  }

  /// Whether `bytes` ends with the UTF-8 of `suffix`: compared byte by byte in line, where
  /// `elementsEqual` with a string's UTF-8 view went through generic code at some hundred
  /// instructions a line.
  static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: StaticString) -> Bool {
    suffix.withUTF8Buffer { suffix in
      guard bytes.count >= suffix.count else { return false }
      let start = bytes.count - suffix.count
      for index in suffix.indices where bytes[start + index] != suffix[index] { return false }
      return true
    }
  }

  static func isInterfaceText(_ key: String) -> Bool {
    let trimmed = key.trimmingPunctuation
    if interfaceSet.contains(trimmed) { return true }
    if trimmed.hasPrefix("©") || trimmed.hasPrefix("(c) ") { return true }
    return interfacePrefixes.contains { trimmed.hasPrefix($0) }
  }
}

/// Facts about one line that the furniture rules read.
struct LineShape {
  var trimmed = 0..<0
  /// Where the line's key is in the bytes `shapes(of:)` returns: its UTF-8 in lower case, runs
  /// of white space as one space.
  var key = 0..<0
  /// The highest byte the key's scalars beyond ASCII wrote, 0 when it has none: told as the key
  /// is written, so that the rules that ask what the key holds do not read it again.
  var keyHighByte: UInt8 = 0
  var words = 0
  var letters = 0
  var uppercaseLetters = 0
  /// Scalars of upper case that are not letters (`ScalarClass` may class a rare scalar beyond
  /// ASCII so): with `uppercaseLetters`, the most words of the line that start with a capital.
  var uppercaseOthers = 0
  var endsSentence = false
  var startsLowercase = false
  var isNumberedItem = false
  /// Digits or brackets after a leading number: a results table, not a menu.
  var hasDataAfterNumber = false
  /// Commas, periods, quotes, brackets, colons: a line of prose or data, not a tag list. Found
  /// only in lines of up to `mostWordsMarked` words that have no capitals or do not end a
  /// sentence, the only lines whose rules read their marks.
  var hasProsePunctuation = false
  /// The line stops after a lower-case word or a comma, as a hard-wrapped line of prose does.
  var endsInLowercaseWordOrComma = false
  var isCredit = false
  var isMenu = false
  var isReadingTime = false

  var isBlank: Bool { trimmed.isEmpty }
  var keyIsASCII: Bool { keyHighByte < 0x80 }
  /// Whether the key has a scalar of U+0300 or above (`LineKeySet.hasCombiningRange(_:)`).
  var keyHasCombiningRange: Bool { keyHighByte >= LineKeySet.leadAtCombiningMarks }
  var isAllCaps: Bool { letters >= 4 && uppercaseLetters * 10 >= letters * 9 }

  /// Whether most words of the line with a letter (eight in ten, and three at least) start
  /// with a capital, and it is neither all capitals nor the end of a sentence: a headline.
  ///
  /// Asked of the lines that start a block only, of the text's folded scalars and its
  /// `SourceText.ascii`: counting the cases of the words of every line that does not end a
  /// sentence, furniture included, cost a tenth of the filter.
  ///
  /// Three capitalized words at least need three capitals: a line of prose with fewer (a
  /// sentence's first word and a name) is told so by its counts, without reading it again.
  func isTitleCase(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, ascii: [UInt8]) -> Bool {
    // No more words with a letter than words.
    guard !endsSentence, !isAllCaps, words >= 3, uppercaseLetters + uppercaseOthers >= 3 else {
      return false
    }
    return ascii.withUnsafeBytes {
      LineShape.mostWordsCapitalized(scalars, trimmed, words: words, ascii: $0.baseAddress)
    }
  }

  /// The shapes of the lines of a text (split at "\n"), and the keys' bytes, all in one array.
  ///
  /// The keys are written through a pointer into an array made at its full size, since
  /// appending byte by byte, or a string a line, cost more than the rest of the filter: a key
  /// takes at most a byte for each ASCII scalar and four for any other (the longest lower-case
  /// mapping), and a first pass counts those and the line feeds (the shapes' room: a line break
  /// of another kind, which folding also makes "\n", is rare enough to grow the array for).
  /// Each line is then scanned once, up to its line break.
  static func shapes(of text: SourceText) -> (shapes: [LineShape], keys: [UInt8]) {
    text.folded.withUnsafeBufferPointer { scalars in
      text.ascii.withUnsafeBytes { shapes(of: scalars, ascii: $0) }
    }
  }

  /// `shapes(of:)` of a text's folded scalars and its `SourceText.ascii`.
  private static func shapes(
    of scalars: UnsafeBufferPointer<Unicode.Scalar>, ascii: UnsafeRawBufferPointer
  ) -> (shapes: [LineShape], keys: [UInt8]) {
    let (lineFeeds, beyondASCII) = counts(of: ascii)
    var shapes: [LineShape] = []
    shapes.reserveCapacity(lineFeeds + 1)
    let capacity = scalars.count + 3 * beyondASCII
    let keys = [UInt8](unsafeUninitializedCapacity: capacity) { keys, written in
      written = 0
      var lineStart = 0
      while lineStart <= scalars.count {
        shapes.append(
          LineShape(
            scalars, ascii: ascii.baseAddress, from: &lineStart, keys: keys, written: &written))
      }
    }
    return (shapes, keys)
  }

  /// How many line feeds and bytes of 0x80 or above a text's `SourceText.ascii` has: the
  /// scalars that are U+000A in the text, and at least as many as the folded text has beyond
  /// ASCII (a scalar that folds to ASCII, such as a curly quote, has such a byte too).
  ///
  /// Sixteen bytes at a time, by arithmetic on vectors (a byte a scalar, where the scalars
  /// themselves are four), summed in bytes and those sums added up before they can overflow.
  static func counts(of ascii: UnsafeRawBufferPointer) -> (lineFeeds: Int, beyondASCII: Int) {
    guard let base = ascii.baseAddress else { return (0, 0) }
    let lineFeed = SIMD16<UInt8>(repeating: 0x0A)
    let ones = SIMD16<UInt8>(repeating: 1)
    var (lineFeeds, beyondASCII) = (0, 0)
    var index = 0
    while index &+ 16 <= ascii.count {
      // 255 vectors at most, so that no byte of a sum overflows.
      let stop = min(ascii.count, index &+ 16 &* 255)
      var feeds = SIMD16<UInt8>()
      var beyond = SIMD16<UInt8>()
      while index &+ 16 <= stop {
        let lanes = base.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
        feeds &+= SIMD16<UInt8>().replacing(with: ones, where: lanes .== lineFeed)
        beyond &+= lanes &>> 7
        index &+= 16
      }
      lineFeeds &+= Int(SIMD16<UInt16>(truncatingIfNeeded: feeds).wrappedSum())
      beyondASCII &+= Int(SIMD16<UInt16>(truncatingIfNeeded: beyond).wrappedSum())
    }
    for byte in ascii[index...] {
      if byte == 0x0A { lineFeeds &+= 1 }
      if byte >= 0x80 { beyondASCII &+= 1 }
    }
    return (lineFeeds, beyondASCII)
  }

  /// Scans the line that starts at `start`, writing its key at `keys[written...]`, and moves
  /// `start` past its line break.
  private init(
    _ scalars: UnsafeBufferPointer<Unicode.Scalar>, ascii: UnsafeRawPointer?,
    from start: inout Int,
    keys: UnsafeMutableBufferPointer<UInt8>, written: inout Int
  ) {
    var lower = start
    while lower < scalars.count, scalars[lower] != "\n", ScalarClass.isSpace(scalars[lower]) {
      lower += 1
    }
    let keyStart = written
    let lineBreak = scan(scalars, ascii: ascii, from: lower, keys: keys, written: &written)
    start = lineBreak + 1
    var upper = lineBreak
    while upper > lower, ScalarClass.isSpace(scalars[upper - 1]) { upper -= 1 }
    trimmed = lower..<upper
    guard lower < upper else { return }
    key = keyStart..<written
    let key = UnsafeBufferPointer(rebasing: keys[key])

    var end = upper - 1
    while end > lower, LineShape.isClosing(scalars[end]) { end -= 1 }
    switch scalars[end] {
    case ".", "!", "?", ":", ";", "…": endsSentence = true
    default: endsSentence = false
    }
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
    // The rules that read the marks are for lines of a few words only.
    guard words <= LineShape.mostWordsMarked else { return }
    // A line that ends a sentence is no credit by its slashes nor menu by its separators, and
    // one with capitals no tag line whatever its punctuation: most short lines of prose need
    // no marks.
    let marks =
      !endsSentence || uppercaseLetters == 0
      ? LineMarks(scalars, trimmed, ascii: ascii) : LineMarks()
    hasProsePunctuation = marks.hasProsePunctuation
    isCredit =
      (marks.slashInsideWord && words <= 10 && !endsSentence)
      || (words <= 14 && LineShape.hasCreditPrefix(key))
    isMenu = marks.separators >= 2 && words <= 16 && !endsSentence
    isReadingTime = words <= 8 && LineShape.mentionsReadingTime(key)
  }

  /// The most words a line has whose marks (`LineMarks`) and key prefixes a rule reads: a
  /// menu's 16.
  static let mostWordsMarked = 16

  /// One pass over a line's scalars from `lower`, which is not white space, to its line break:
  /// its words and letters, and its key (not the cases of its words: `mostWordsCapitalized(_:_:words:)`),
  /// and the highest byte of the key beyond ASCII.
  /// Returns where the line break is (or the end of the text).
  ///
  /// Most of a line is eight printable ASCII scalars at a time with no two spaces in a row:
  /// those are classed, counted and lowered together (`PrintableBytes`), and written as one
  /// word of key. Any other scalar is classed by one look-up in `LineClass.ascii` and lowered by
  /// arithmetic, and the ASCII letters that follow it in its word run in a loop of their own; the
  /// Unicode properties are read only for scalars beyond ASCII. The counts are local variables
  /// until the end: kept in `self`, each was written back to memory at every scalar.
  private mutating func scan(
    _ scalars: UnsafeBufferPointer<Unicode.Scalar>, ascii bytes: UnsafeRawPointer?,
    from lower: Int,
    keys: UnsafeMutableBufferPointer<UInt8>, written: inout Int
  ) -> Int {
    let upper = scalars.count
    var words = 0
    var letters = 0
    var uppercaseLetters = 0
    var uppercaseOthers = 0
    // Whether the scalar before is white space, or the line starts: not in a word.
    var lastSpace = true
    var at = written
    // Read once a line: read at each scalar, the static table cost a call to check that it
    // was made.
    let ascii = LineClass.ascii
    // Eight key bytes fit wherever eight scalars are left: a key takes no more bytes than the
    // capacity `shapes(of:)` counts for the scalars read so far.
    let keyBase = UnsafeMutableRawPointer(keys.baseAddress)
    // Where the eight scalars may be read together again after eight that could not: the
    // scalars before it go one at a time, so a line break or a double space is tried once.
    var together = lower
    var index = lower
    while index < upper {
      if index >= together, index &+ 8 <= upper, let keyBase, let bytes {
        let run = PrintableRun.scan(
          PrintableRun(
            index: index, written: at, words: words, letters: letters,
            uppercaseLetters: uppercaseLetters, lastSpace: lastSpace),
          ascii: bytes, keys: keyBase, upper: upper)
        (index, at, words) = (run.index, run.written, run.words)
        (letters, uppercaseLetters, lastSpace) = (run.letters, run.uppercaseLetters, run.lastSpace)
        together = index &+ 8
        guard index < upper else { break }
      }
      let scalar = scalars[index]
      let value = scalar.value
      let isASCII = value < 0x80
      let classes = isASCII ? ascii[Int(value)] : LineClass(scalar)
      if classes.contains(.space) {
        if value == 0x0A { break }
        index &+= 1
        if !lastSpace {
          keys[at] = 0x20
          at &+= 1
          lastSpace = true
        }
        continue
      }
      index &+= 1
      if isASCII {
        keys[at] = UInt8(value &- 0x41 < 26 ? value + 0x20 : value)
        at &+= 1
      } else {
        for byte in ScalarClass.lowercaseMapping(scalar).utf8 {
          keys[at] = byte
          at &+= 1
          keyHighByte = max(keyHighByte, byte)
        }
      }
      if lastSpace {
        lastSpace = false
        words &+= 1
      }
      if classes.contains(.letter) {
        letters &+= 1
        if classes.contains(.upper) { uppercaseLetters &+= 1 }
      } else if classes.contains(.upper) {
        uppercaseOthers &+= 1
      }
      // The ASCII letters that follow in the word: their key bytes and counts.
      while index < upper {
        let value = scalars[index].value
        let lowered = value | 0x20
        guard lowered &- 0x61 < 26 else { break }
        keys[at] = UInt8(truncatingIfNeeded: lowered)
        at &+= 1
        letters &+= 1
        if value < 0x61 { uppercaseLetters &+= 1 }
        index &+= 1
      }
    }
    // The white space after the last word, written as its one space, is not part of the key.
    if lastSpace && words > 0 { at &-= 1 }
    written = at
    self.words = words
    self.letters = letters
    self.uppercaseLetters = uppercaseLetters
    self.uppercaseOthers = uppercaseOthers
    return index
  }

  /// Whether three or more of the words (split at white space) of `range` have a letter, and
  /// eight in ten of those start with an upper-case scalar; `words` is how many words it has,
  /// and `ascii` where the text's `SourceText.ascii` is stored.
  ///
  /// A line of prose answers after a few words: once more than a fifth of all its words start
  /// otherwise, so do more than a fifth of those with a letter, whatever the rest are. Eight
  /// printable ASCII scalars at a time are read together (`WordCases.read(_:)`), any other
  /// scalar one by one.
  @inline(never)
  static func mostWordsCapitalized(
    _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, words: Int,
    ascii: UnsafeRawPointer?
  ) -> Bool {
    let table = LineClass.ascii
    var cases = WordCases()
    var index = range.lowerBound
    while index < range.upperBound {
      if index &+ 8 <= range.upperBound, let ascii, let chunk = PrintableBytes(ascii, at: index) {
        cases.read(chunk)
        index &+= 8
      } else {
        let scalar = scalars[index]
        cases.read(scalar.value < 0x80 ? table[Int(scalar.value)] : LineClass(scalar))
        index &+= 1
      }
      if (cases.lettersWords - cases.capitalizedWords) * 5 > words { return false }
    }
    cases.finish()
    return cases.lettersWords >= 3 && cases.capitalizedWords * 10 >= cases.lettersWords * 8
  }

  @inline(__always) private static func isClosing(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\"" || scalar == "'" || scalar == ")" || scalar == "]"
  }

  static let creditPrefixes = [
    "photo:", "photo by", "photograph:", "photograph by", "image:", "picture:", "credit:",
    "photo credit", "(photo", "image credit", "pictured:",
  ]
  private static let creditPrefixBytes = creditPrefixes.map { Array($0.utf8) }
  /// Whether `byte` is the first byte of a credit prefix: "(", "c", "i" or "p", as a test
  /// checks against `creditPrefixes`.
  ///
  /// Bits of two words, one for each byte below 0x80: a static array of the prefixes' first
  /// bytes was checked for being made, and searched, at every line.
  static func startsCreditPrefix(_ byte: UInt8) -> Bool {
    // Bytes below 0x40, and bytes from 0x40 on.
    let low: UInt64 = 1 << 0x28
    let high: UInt64 = 1 << (0x63 - 0x40) | 1 << (0x69 - 0x40) | 1 << (0x70 - 0x40)
    return byte < 0x80 && (byte < 0x40 ? low : high) &>> (byte & 0x3F) & 1 != 0
  }

  /// Whether a key starts with a credit prefix, as `String.hasPrefix` decides.
  ///
  /// The prefixes are ASCII, and a string starting with one starts with its bytes: the bytes
  /// rule out nearly every line before a string is made, and the first byte alone most of them
  /// before the prefixes are tried one by one (which cost some 250 instructions a line).
  private static func hasCreditPrefix(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = key.first, startsCreditPrefix(first),
      creditPrefixBytes.contains(where: { FurnitureFilter.hasPrefix(key, $0) })
    else {
      return false
    }
    let key = String(decoding: key, as: UTF8.self)
    return creditPrefixes.contains { key.hasPrefix($0) }
  }

  /// The phrases of a reading time, each after a number (`mentionsReadingTime(_:)`).
  private static let readingTimeSuffixes = [
    " min read", " mins read", " minute read", " minutes read", "min read",
  ]
  private static let readingTimeSuffixBytes = readingTimeSuffixes.map { Array($0.utf8) }

  /// `mentionsReadingTime(_:)` of a key's UTF-8, on the bytes when the key is ASCII.
  ///
  /// An ASCII string's characters are its bytes (a key has no CR LF), and its only scalars
  /// with a numeric type are the digits: the phrase and the number before it are found byte by
  /// byte, as the string answers. (`firstRange(of:)` on the string cost some hundred thousand
  /// instructions a line.)
  ///
  /// The bytes rule out nearly every line first, before they are read whole or a string is
  /// made: a string that ends with "read" ends with those bytes.
  static func mentionsReadingTime(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
    guard FurnitureFilter.hasSuffix(key, "read") else { return false }
    guard key.allSatisfy({ $0 < 0x80 }) else {
      return mentionsReadingTime(String(decoding: key, as: UTF8.self))
    }
    for suffix in readingTimeSuffixBytes {
      guard let start = firstIndex(of: suffix, in: key) else { continue }
      // The number before the phrase, spaces between them skipped.
      var end = start
      while end > 0 && key[end - 1] == 0x20 { end -= 1 }
      if end > 0 && key[end - 1] &- 0x30 < 10 { return true }
    }
    return false
  }

  /// Where `pattern` first occurs in `bytes`, or nil.
  private static func firstIndex(of pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>)
    -> Int?
  {
    guard bytes.count >= pattern.count else { return nil }
    for start in 0...(bytes.count - pattern.count)
    where FurnitureFilter.hasPrefix(UnsafeBufferPointer(rebasing: bytes[start...]), pattern) {
      return start
    }
    return nil
  }

  /// "2 min read", "Defense2 min read", "5 minute read", "3 mins read".
  static func mentionsReadingTime(_ key: String) -> Bool {
    guard key.hasSuffix("read") else { return false }
    for suffix in readingTimeSuffixes {
      guard let range = key.firstRange(of: suffix) else { continue }
      let before = key[..<range.lowerBound].trimmingTrailingSpaces
      if let last = before.unicodeScalars.last, last.properties.numericType != nil { return true }
    }
    return false
  }
}

/// Where a line's scan is, and what it has counted, as it goes through the scalars that are,
/// eight at a time, printable ASCII with no two spaces in a row: most of a line.
private struct PrintableRun {
  var index: Int
  /// The key bytes written so far.
  var written: Int
  var words: Int
  var letters: Int
  var uppercaseLetters: Int
  /// Whether the scalar before `index` is white space, or the line starts there.
  var lastSpace: Bool

  /// The run moved on past every eight scalars from its index, up to `upper`, that are
  /// printable ASCII with no two spaces in a row (`PrintableBytes`): each eight are classed,
  /// counted and lowered together, and written as one word of key at `keys`.
  ///
  /// A loop of its own, not inlined: in the scan's loop, which has many more variables, the
  /// counts were kept in memory, and each eight scalars cost some 95 instructions.
  @inline(never)
  static func scan(
    _ run: PrintableRun, ascii: UnsafeRawPointer, keys: UnsafeMutableRawPointer, upper: Int
  ) -> PrintableRun {
    var run = run
    while run.index &+ 8 <= upper, let chunk = PrintableBytes(ascii, at: run.index) {
      // The spaces' places moved one scalar on, with the scalar before the eight.
      let afterSpace = chunk.spaces << 8 | (run.lastSpace ? 0x80 : 0)
      guard chunk.spaces & afterSpace == 0 else { break }
      keys.storeBytes(of: chunk.lowered.littleEndian, toByteOffset: run.written, as: UInt64.self)
      run.written &+= 8
      run.index &+= 8
      run.words &+= PrintableBytes.count(chunk.nonSpaces & afterSpace)
      run.letters &+= PrintableBytes.count(chunk.letters)
      run.uppercaseLetters &+= PrintableBytes.count(chunk.uppers)
      run.lastSpace = chunk.spaces >> 63 != 0
    }
    return run
  }
}

/// Eight printable ASCII scalars (U+0020 to U+007F) as the bytes of one word, scalar `k` in
/// byte `k`, and what the line scan asks of them as masks of the same word: 0x80 in each byte
/// for which a class holds.
///
/// The classes are worked out by sums that carry into a byte's high bit: each byte is below
/// 0x80, so a sum with one below 0x80 never carries out of its byte.
private struct PrintableBytes {
  private static let highBits: UInt64 = 0x8080_8080_8080_8080
  /// The bytes, upper-case letters lowered.
  let lowered: UInt64
  /// The spaces (the only white space in printable ASCII) and the other scalars.
  let spaces: UInt64
  let nonSpaces: UInt64
  let letters: UInt64
  let uppers: UInt64

  /// The eight scalars from `index` of a text whose `SourceText.ascii` is stored at `ascii`, or
  /// nil when one of them is not printable ASCII.
  @inline(__always) init?(_ ascii: UnsafeRawPointer, at index: Int) {
    guard let bytes = SourceText.printableASCII(ascii, at: index) else { return nil }
    let high = PrintableBytes.highBits
    // A byte other than a space differs from 0x20 by 1 or more.
    nonSpaces = ((bytes ^ 0x2020_2020_2020_2020) &+ 0x7F7F_7F7F_7F7F_7F7F) & high
    spaces = ~nonSpaces & high
    // "A" to "Z": 0x41 or more and not 0x5B or more.
    uppers =
      (bytes &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(bytes &+ 0x2525_2525_2525_2525) & high
    // A letter of either case is "a" to "z" with bit 0x20 set.
    let folded = bytes | 0x2020_2020_2020_2020
    letters =
      (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(folded &+ 0x0505_0505_0505_0505) & high
    // 0x20 added to each upper-case letter.
    lowered = bytes &+ uppers >> 2
  }

  /// How many bytes of a mask have their high bit set.
  @inline(__always) static func count(_ mask: UInt64) -> Int {
    Int(truncatingIfNeeded: (mask >> 7 &* 0x0101_0101_0101_0101) >> 56)
  }
}

/// The words with a letter of a line, and those of them that start with an upper-case scalar,
/// for `LineShape.mostWordsCapitalized`: a word is counted when it ends, at white space or at
/// the end of the line (`finish()`).
private struct WordCases {
  var lettersWords = 0
  var capitalizedWords = 0
  /// Whether the scalar before is in a word, and what that word has shown so far.
  private var inWord = false
  private var startsUpper = false
  private var hasLetter = false

  /// Counts the word the scalars before make, if any, as ended.
  mutating func finish() {
    if inWord && hasLetter {
      lettersWords += 1
      if startsUpper { capitalizedWords += 1 }
    }
    (inWord, startsUpper, hasLetter) = (false, false, false)
  }

  /// Reads a scalar of these classes.
  mutating func read(_ classes: LineClass) {
    if classes.contains(.space) {
      finish()
      return
    }
    if !inWord {
      inWord = true
      startsUpper = classes.contains(.upper)
    }
    if classes.contains(.letter) { hasLetter = true }
  }

  /// Reads eight printable ASCII scalars at once, by the masks of their classes.
  ///
  /// Whether a word has a letter, and whether it starts with a capital, is spread forward
  /// through its scalars in three steps of one, two and four scalars, each within the word
  /// (a scan of the word's lanes); a word that ends within the eight is counted by its last
  /// scalar, and the word of the last scalar goes on after them.
  @inline(__always) mutating func read(_ chunk: PrintableBytes) {
    let nonSpaces = chunk.nonSpaces
    if nonSpaces & 0x80 == 0 { finish() }
    // The first scalar goes on with the word before when there is one: `finish()` ended it
    // otherwise.
    let before: UInt64 = inWord ? 0x80 : 0
    let starts = nonSpaces & ~(nonSpaces << 8 | before)
    var letters = chunk.letters | (hasLetter ? before : 0)
    var uppers = starts & chunk.uppers | (startsUpper ? before : 0)
    // Scalars of the same word as the one, two and four before.
    let one = nonSpaces & nonSpaces << 8
    let two = one & one << 8
    let four = two & two << 16
    letters |= letters << 8 & one
    letters |= letters << 16 & two
    letters |= letters << 32 & four
    uppers |= uppers << 8 & one
    uppers |= uppers << 16 & two
    uppers |= uppers << 32 & four
    // The last scalars of words that end within the eight.
    let ends = nonSpaces & ~(nonSpaces >> 8) & 0x0080_8080_8080_8080
    lettersWords &+= PrintableBytes.count(ends & letters)
    capitalizedWords &+= PrintableBytes.count(ends & letters & uppers)
    inWord = nonSpaces >> 63 != 0
    hasLetter = inWord && letters >> 63 != 0
    startsUpper = inWord && uppers >> 63 != 0
  }
}

/// The slashes, separators and punctuation of a short line, which only the rules for lines
/// of a few words read: a pass of their own over those lines keeps them out of the scan of
/// every line.
struct LineMarks {
  /// A slash between two letters before any digit follows a slash: "Reuters/John".
  var slashInsideWord = false
  /// Breadcrumb and menu separators after white space.
  var separators = 0
  /// Commas, periods, quotes, brackets, colons: a line of prose or data, not a tag list.
  var hasProsePunctuation = false

  /// No marks.
  init() {}

  /// The marks of the scalars of `range`, of a text whose `SourceText.ascii` is stored at
  /// `ascii`.
  ///
  /// Only marked scalars change the marks, and few are: eight printable ASCII scalars at a
  /// time are told by their bytes which of them may be (`candidates(_:)`), and only those are
  /// read. (Read one by one, each scalar cost a look-up in `LineClass.ascii`: some seven
  /// hundred instructions a short line.)
  init(
    _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>,
    ascii: UnsafeRawPointer?
  ) {
    let table = LineClass.ascii
    var digitsSeen = false
    var index = range.lowerBound
    while index < range.upperBound {
      if index &+ 8 <= range.upperBound, let ascii,
        let bytes = SourceText.printableASCII(ascii, at: index)
      {
        var candidates = LineMarks.candidates(bytes)
        while candidates != 0 {
          read(
            scalars, range, at: index &+ candidates.trailingZeroBitCount >> 3, table: table,
            digitsSeen: &digitsSeen)
          candidates &= candidates &- 1
        }
        index &+= 8
        continue
      }
      read(scalars, range, at: index, table: table, digitsSeen: &digitsSeen)
      index &+= 1
    }
  }

  /// Adds the scalar at `index` to the marks if it is marked; `digitsSeen` tells whether a
  /// digit after a slash came before it.
  @inline(__always)
  private mutating func read(
    _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, at index: Int,
    table: [LineClass], digitsSeen: inout Bool
  ) {
    let scalar = scalars[index]
    let classes = scalar.value < 0x80 ? table[Int(scalar.value)] : LineClass(scalar)
    guard classes.contains(.marked) else { return }
    // The scalar before this one in the line, or white space at its start.
    let before: Unicode.Scalar = index > range.lowerBound ? scalars[index - 1] : " "
    switch scalar {
    case "/":
      if !ScalarClass.isSpace(before) && index + 1 < range.upperBound
        && !ScalarClass.isSpace(scalars[index + 1]) && !digitsSeen
      {
        slashInsideWord = true
      }
    case "›", "»", ">", "|", "•":
      if ScalarClass.isSpace(before) { separators += 1 }
    case ",", ".", "\"", "(", ")", ":", ";":
      hasProsePunctuation = true
    default:
      break
    }
    if classes.contains(.digit) { digitsSeen = digitsSeen || before == "/" }
  }

  /// The bytes of eight printable ASCII scalars (`SourceText.printableASCII(_:at:)`) that may
  /// be marked, as 0x80 in each such byte: those from U+0022 to U+003E, which hold every
  /// marked ASCII scalar but "|", and "|". The marked ones are told among them by
  /// `LineClass.ascii`.
  ///
  /// Each byte is below 0x80, so a sum with one below 0x80 never carries out of its byte.
  static func candidates(_ bytes: UInt64) -> UInt64 {
    let high: UInt64 = 0x8080_8080_8080_8080
    // 0x22 or more, and not 0x3F or more.
    let inRange = (bytes &+ 0x5E5E_5E5E_5E5E_5E5E) & ~(bytes &+ 0x4141_4141_4141_4141) & high
    // A byte of "|" is 0 after the exclusive or, and stays below 0x80 with 0x7F added.
    let bars = ~((bytes ^ 0x7C7C_7C7C_7C7C_7C7C) &+ 0x7F7F_7F7F_7F7F_7F7F) & high
    return inRange | bars
  }
}

/// What the line scan asks of a scalar, worked out once for each ASCII scalar.
private struct LineClass: OptionSet {
  let rawValue: UInt8
  static let space = LineClass(rawValue: 1)
  static let letter = LineClass(rawValue: 2)
  static let upper = LineClass(rawValue: 4)
  static let digit = LineClass(rawValue: 8)
  /// A scalar the scan looks at more closely: a digit, a slash, a separator or punctuation.
  static let marked = LineClass(rawValue: 16)

  init(rawValue: UInt8) { self.rawValue = rawValue }

  /// The classes of a scalar, by `ScalarClass`, so that the table agrees with it.
  init(_ scalar: Unicode.Scalar) {
    var classes: LineClass = []
    if ScalarClass.isSpace(scalar) { classes.insert(.space) }
    if ScalarClass.isLetter(scalar) { classes.insert(.letter) }
    if ScalarClass.isUpper(scalar) { classes.insert(.upper) }
    if ScalarClass.isDigit(scalar) { classes.insert([.digit, .marked]) }
    if "/›»>|•,.\"():;".unicodeScalars.contains(scalar) { classes.insert(.marked) }
    self = classes
  }

  static let ascii: [LineClass] = (0..<0x80).map { LineClass(Unicode.Scalar(UInt8($0))) }
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
