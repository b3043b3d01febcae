/// Readable, stable ids: "Abdel Fattah al-Sisi" is `person/abdel-fattah-al-sisi`.
public enum Slug {
  /// Lower case, Latin diacritics folded, every other run of non-alphanumerics one "-".
  public static func make(_ text: String) -> String {
    var result: [Unicode.Scalar] = []
    result.reserveCapacity(text.utf8.count)
    var pendingDash = false
    for scalar in text.unicodeScalars {
      // ASCII, as the general case below treats it, without a string per scalar.
      if scalar.value < 0x80 {
        var value = scalar.value
        if value >= 0x41 && value <= 0x5A { value += 0x20 }
        if (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) {
          if pendingDash && !result.isEmpty { result.append("-") }
          pendingDash = false
          result.append(Unicode.Scalar(UInt8(value)))
        } else if value != 0x27 && value != 0x2E {
          pendingDash = true
        }
        continue
      }
      let folded = fold(scalar)
      for piece in folded.lowercased().unicodeScalars {
        if piece.properties.isAlphabetic || (piece.value >= 0x30 && piece.value <= 0x39) {
          if pendingDash && !result.isEmpty { result.append("-") }
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

  /// The id of an entity of `type` called `label`.
  public static func id(_ type: EntityType, _ label: String) -> String {
    "\(type.rawValue)/\(make(label))"
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
