/// Readable, stable ids: "Abdel Fattah al-Sisi" is `person/abdel-fattah-al-sisi`.
public enum Slug {
  /// Lower case, Latin diacritics folded, every other run of non-alphanumerics one "-".
  public static func make(_ text: String) -> String {
    slug(text, after: "")
  }

  /// The id of an entity of `type` called `label`.
  public static func id(_ type: EntityType, _ label: String) -> String {
    slug(label, after: idPrefix(type))
  }

  /// "person/" for a person: a literal, where joining the type's name and "/" made a string for
  /// every id, and a static one, whose bytes are read without going through a `String`.
  private static func idPrefix(_ type: EntityType) -> StaticString {
    switch type {
    case .person: "person/"
    case .country: "country/"
    case .organization: "organization/"
    case .place: "place/"
    }
  }

  /// `prefix` followed by the slug of `text`.
  private static func slug(_ text: String, after prefix: StaticString) -> String {
    if let ascii = text.utf8.withContiguousStorageIfAvailable({ asciiSlug($0, after: prefix) }),
      let ascii
    {
      return ascii
    }
    var result = prefix.withUTF8Buffer { $0.map { Unicode.Scalar($0) } }
    let start = result.count
    result.reserveCapacity(start + text.utf8.count)
    var pendingDash = false
    for scalar in text.unicodeScalars {
      if scalar.value < 0x80 {
        switch piece(ascii: UInt8(scalar.value)) {
        case .character(let byte):
          if pendingDash && result.count > start { result.append("-") }
          pendingDash = false
          result.append(Unicode.Scalar(byte))
        case .separator: pendingDash = true
        case .nothing: break
        }
        continue
      }
      let folded = fold(scalar)
      for piece in folded.lowercased().unicodeScalars {
        if piece.properties.isAlphabetic || (piece.value >= 0x30 && piece.value <= 0x39) {
          if pendingDash && result.count > start { result.append("-") }
          pendingDash = false
          result.append(piece)
        } else if piece.properties.generalCategory == .nonspacingMark {
          continue
        } else if piece != "'" && piece != "." {
          pendingDash = true
        }
      }
    }
    return SourceText.string(result[...])
  }

  /// The slug of ASCII text, written as bytes: most labels are ASCII, and going through
  /// scalars cost several times as much. Nil when `bytes` holds anything else.
  private static func asciiSlug(_ bytes: UnsafeBufferPointer<UInt8>, after prefix: StaticString)
    -> String?
  {
    // The bits of all the bytes at once, rather than a test and a branch per byte.
    var union: UInt8 = 0
    for byte in bytes { union |= byte }
    guard union < 0x80 else { return nil }
    // Each byte gives one byte at most: a dash is written only in place of a separator. The
    // bytes are written through a pointer, and each one's piece read from a table: a `Piece`
    // worked out and switched on for each byte cost more than twice as much.
    return String(unsafeUninitializedCapacity: prefix.utf8CodeUnitCount + bytes.count) { buffer in
      guard let base = buffer.baseAddress else { return 0 }
      var at = base
      let prefixCount = prefix.utf8CodeUnitCount
      at.update(from: prefix.utf8Start, count: prefixCount)
      at += prefixCount
      let start = at
      // A separator not yet written: a dash is written before the next character, if any.
      var pendingDash = false
      asciiPieces.withUnsafeBufferPointer { pieces in
        for byte in bytes {
          let piece = pieces[Int(byte)]
          if piece > separatorPiece {
            if pendingDash && at > start {
              at.pointee = 0x2D
              at += 1
            }
            pendingDash = false
            at.pointee = piece
            at += 1
          } else if piece == separatorPiece {
            pendingDash = true
          }
        }
      }
      return at - base
    }
  }

  /// By ASCII byte, what it gives in a slug (`piece(ascii:)`): the byte of a character, 0 for
  /// nothing, or `separatorPiece`.
  private static let asciiPieces: [UInt8] = (0..<0x80).map { byte in
    switch piece(ascii: UInt8(byte)) {
    case .character(let byte): byte
    case .nothing: 0
    case .separator: separatorPiece
    }
  }

  /// A separator in `asciiPieces`: below every byte that a character gives.
  private static let separatorPiece: UInt8 = 1

  /// What an ASCII character gives in a slug.
  private enum Piece {
    /// A letter, lower-cased, or a digit.
    case character(UInt8)
    /// Nothing: "'" and "." join the words around them ("U.S.", "d'Ivoire").
    case nothing
    /// A separator: a run of them is one "-" between words.
    case separator
  }

  @inline(__always)
  private static func piece(ascii value: UInt8) -> Piece {
    let lower = value &- 0x41 < 26 ? value + 0x20 : value
    if lower &- 0x61 < 26 || lower &- 0x30 < 10 { return .character(lower) }
    return value == 0x27 || value == 0x2E ? .nothing : .separator
  }

  private static func fold(_ scalar: Unicode.Scalar) -> String {
    if scalar.value < 0xC0 { return String(scalar) }
    if let mapped = latin[scalar] { return mapped }
    return String(scalar)
  }

  private static let latin: [Unicode.Scalar: String] = {
    var table: [Unicode.Scalar: String] = [:]
    let groups: [(String, String)] = [
      ("ÀÁÂÃÄÅĀĂĄǍ", "A"), ("àáâãäåāăąǎ", "a"), ("ÇĆĈĊČ", "C"), ("çćĉċč", "c"), ("ĎĐ", "D"),
      ("ďđ", "d"), ("ÈÉÊËĒĔĖĘĚ", "E"), ("èéêëēĕėęě", "e"), ("ĜĞĠĢ", "G"), ("ĝğġģ", "g"),
      ("ĤĦ", "H"), ("ĥħ", "h"), ("ÌÍÎÏĨĪĬĮİǏ", "I"), ("ìíîïĩīĭįıǐ", "i"), ("Ĵ", "J"), ("ĵ", "j"),
      ("Ķ", "K"), ("ķ", "k"), ("ĹĻĽĿŁ", "L"), ("ĺļľŀł", "l"), ("ÑŃŅŇ", "N"), ("ñńņňŉ", "n"),
      ("ÒÓÔÕÖØŌŎŐǑ", "O"), ("òóôõöøōŏőǒ", "o"), ("ŔŖŘ", "R"), ("ŕŗř", "r"), ("ŚŜŞŠȘ", "S"),
      ("śŝşšș", "s"), ("ŢŤŦȚ", "T"), ("ţťŧț", "t"), ("ÙÚÛÜŨŪŬŮŰŲǓ", "U"), ("ùúûüũūŭůűųǔ", "u"),
      ("Ŵ", "W"), ("ŵ", "w"), ("ÝŸŶ", "Y"), ("ýÿŷ", "y"), ("ŹŻŽ", "Z"), ("źżž", "z"),
    ]
    for (letters, base) in groups {
      for scalar in letters.unicodeScalars { table[scalar] = base }
    }
    table["Æ"] = "AE"
    table["æ"] = "ae"
    table["Œ"] = "OE"
    table["œ"] = "oe"
    table["ß"] = "ss"
    table["Þ"] = "Th"
    table["þ"] = "th"
    table["Ð"] = "D"
    table["ð"] = "d"
    return table
  }()
}
