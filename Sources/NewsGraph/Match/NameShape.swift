/// What a personal name looks like in English news: capitalized words, initials, particles.
enum NameShape {
  /// Capitalized words that never belong inside an organization's name: articles, pronouns,
  /// conjunctions, prepositions that start clauses, months and weekdays.
  static let functionWords: WordSet = [
    "The", "A", "An", "And", "Or", "But", "Nor", "In", "On", "At", "To", "For", "From", "By",
    "With", "As", "Into", "Over", "After", "Before", "Under", "About", "Against", "Between",
    "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our", "My", "Your",
    "This", "That", "These", "Those", "There", "Here", "Who", "What", "When", "Where", "Why", "How",
    "If", "While", "Since", "Although", "Because", "So", "Then", "Than", "Also", "Not", "No", "Yes",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Said", "Says", "Told", "Every", "Each", "All", "Some",
    "Many", "Most", "More", "Other", "Another", "Any", "Such", "Of",
  ]

  /// Capitalized words that are not part of a person's name: the function words, and month
  /// abbreviations, honorifics, directions, offices and credit words.
  static let notNames: WordSet = functionWords.union([
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.",
    "Dec.", "Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "North", "South", "East", "West",
    "Northern", "Southern", "Eastern", "Western", "Central", "New", "Old", "Great", "Greater",
    "Upper", "Lower", "Saint", "St.", "Minister", "President", "Prime", "Secretary", "General",
    "Chief", "Deputy", "Vice", "Foreign", "Defense", "Defence", "Interior", "Finance", "Justice",
    "State", "Federal", "National", "International", "Government", "Ministry", "Army", "Police",
    "Party", "Council", "Office", "Reuters", "Photo", "Image", "Getty", "Images", "AP", "AFP",
    "EPA", "File", "Video", "Today", "Yesterday", "Tomorrow", "Christmas", "Easter", "Ramadan",
    "God", "Allah",
  ])

  /// Lower-case particles inside names ("Ludwig van Beethoven", "Osama bin Laden").
  static let particles: WordSet = [
    "al", "el", "bin", "ibn", "bint", "van", "von", "der", "den", "de", "da", "di", "du", "del",
    "della", "dos", "das", "la", "le", "ter", "ten", "zu", "y", "af", "av",
  ]

  /// Whether token `i` is a capitalized word that may be part of a name.
  ///
  /// Rules ask it of most capitalized words: the token is read in the array, not copied out of
  /// it with its text retained, and the rare joined particle is tested in a function of its own.
  /// Inlined, it spares the callers a call for each word.
  @inline(__always)
  static func isNameWord(at i: Int, _ context: SentenceContext) -> Bool {
    let tokens = context.tokens
    guard tokens[i].kind == .word else { return false }
    let facts = context.facts(at: i)
    if facts.contains(.notName) { return false }
    if tokens[i].isCapitalized {
      if facts.contains(.initial) { return true }
      if tokens[i].isAllCaps && !context.block.isAllCaps
        && tokens[i].text.unicodeScalars.count > 1
      {
        return false  // an acronym, not a name
      }
      // The period bit first: it is set on every word that ends in a period.
      return !(tokens[i].endsInPeriodScalar && tokens[i].text.hasSuffix("."))
    }
    return facts.contains(.hyphen) && isJoinedParticle(tokens[i].text)
  }

  /// "al-Sisi", "el-Baradei", "bin-Salman": a particle joined to a capitalized name.
  @inline(never)
  private static func isJoinedParticle(_ text: String) -> Bool {
    // An ASCII text that does not start with its hyphen is read on its bytes, each of them a
    // character, the same parts as `split` finds: no array of parts and no string for the first.
    let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      guard bytes.allSatisfy({ $0 < 0x80 }),
        let hyphen = bytes.firstIndex(of: UInt8(ascii: "-")), hyphen > 0
      else { return nil }
      // Only "A" to "Z" are upper case in ASCII.
      guard hyphen + 1 < bytes.count, bytes[hyphen + 1] &- UInt8(ascii: "A") < 26 else {
        return false
      }
      let particle = UnsafeBufferPointer(rebasing: bytes[..<hyphen])
      return particles.number(
        of: String(decoding: particle, as: UTF8.self), utf8: particle,
        hash: StringTable.hash(particle), isASCII: true) != nil
    }
    if let known = answer ?? nil { return known }
    let parts = text.split(separator: "-", maxSplits: 1)
    if parts.count == 2, particles.contains(String(parts[0])),
      let first = parts[1].unicodeScalars.first, first.properties.isUppercase
    {
      return true
    }
    return false
  }

  /// "B." or "B": one capital letter.
  static func isInitial(_ token: Token) -> Bool {
    // `isCapitalized` is the test of the first scalar below, made when the token was; an initial
    // has five bytes at most.
    guard token.kind == .word, token.isCapitalized, token.text.utf8.count <= 5 else {
      return false
    }
    var scalars = token.text.unicodeScalars.makeIterator()
    guard let first = scalars.next(), ScalarClass.isUpper(first) else { return false }
    guard let second = scalars.next() else { return true }
    return second == "." && scalars.next() == nil
  }

  /// The longest name that starts at token `start`: name words, initials and particles, ending on
  /// a name word, at most `limit` tokens, stopping where the dictionary names something else.
  static func nameSpan(
    from start: Int, in context: SentenceContext, limit: Int = 5, minimum: Int = 1
  ) -> Range<Int>? {
    let tokens = context.tokens
    let end = context.range.upperBound
    var index = start
    var lastWord: Int?
    var previousWord: Int?
    while index < end, index - start < limit {
      let token = tokens[index]
      if index > start, !token.spaceBefore { break }
      let facts = context.facts(at: index)
      // "Martin Luther King Jr.", "Glenn Profitt II": a generational suffix ends a name.
      if let last = lastWord, last == index - 1, facts.contains(.generationalSuffix) {
        lastWord = index
        break
      }
      if isNameWord(at: index, context) {
        if index > start, context.stopsName(at: index) { break }
        if !facts.contains(.initial) {
          previousWord = lastWord
          lastWord = index
        }
      } else if facts.contains(.particle) && index > start {
        // only inside a name: checked by ending on a name word
      } else {
        break
      }
      index += 1
    }
    // "Stanley Cup", "Nobel Prize": capitalized words ending in an event's head are an
    // event's name, no one's.
    if let last = lastWord, last > start, context.facts(at: last).contains(.eventHead) {
      return nil
    }
    // "Lincoln Park", "Dave Matthews Band": a place or organization head does not end a name
    // (it may start one: "President Park").
    if let last = lastWord, last > start, context.facts(at: last).contains(.headWord) {
      lastWord = previousWord
      if let kept = lastWord, kept < start { lastWord = nil }
    }
    guard let last = lastWord, last - start + 1 >= minimum else { return nil }
    return start..<(last + 1)
  }

  /// Whether a word is a function word, in any case ("IN", "The").
  static func isFunctionWord(_ text: String) -> Bool {
    if functionWords.contains(text) { return true }
    if let answer = contains(functionWords, lowercased: text, keepingFirst: true) {
      return answer
    }
    guard let first = text.first else { return false }
    return functionWords.contains(String(first) + text.dropFirst().lowercased())
  }

  /// Whether `words` holds `text` in lower case (after its first letter when `keepingFirst`), or
  /// nil when the text is not ASCII, or longer than any word worth the test.
  ///
  /// An ASCII text is put in lower case on its bytes, on the stack: `lowercased()` made a new
  /// string, and `String(first) + ...` two more. In ASCII only "A" to "Z" change, each a character
  /// of one byte, so the bytes are those of the string `lowercased()` makes.
  static func contains(_ words: WordSet, lowercased text: String, keepingFirst: Bool) -> Bool? {
    let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      guard bytes.count <= 32 else { return nil }
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { lower in
        // One pass puts the bytes in lower case and hashes them as `StringTable.hash(_:)` does.
        var hash = StringTable.hashSeed
        for index in 0..<bytes.count {
          var byte = bytes[index]
          guard byte < 0x80 else { return nil }
          if byte &- UInt8(ascii: "A") < 26, index > 0 || !keepingFirst { byte |= 0x20 }
          lower[index] = byte
          hash = StringTable.hash(hash, byte)
        }
        let word = UnsafeBufferPointer(lower)
        return words.number(
          of: String(decoding: word, as: UTF8.self), utf8: word, hash: hash, isASCII: true) != nil
      }
    }
    return answer ?? nil
  }

  /// Whether token `i` is a function word, in any case; `isFunctionWord(_:)` with the token's
  /// facts.
  static func isFunctionWord(at i: Int, _ context: SentenceContext) -> Bool {
    let facts = context.facts(at: i)
    if facts.contains(.functionWord) { return true }
    return facts.contains(.otherCase) && isFunctionWord(context.tokens[i].text)
  }

  /// Whether a title from titles.tsv ("Judge", "Director") is the token at `i`.
  static func isTitle(at i: Int, _ context: SentenceContext) -> Bool {
    !context.gazetteer.titles.matches(startingAt: i, count: i + 1) { context.tokens[$0].text }
      .isEmpty
  }

  /// Words that end the names of events, prizes and competitions: "Davis Cup", "Nobel Prize",
  /// "Super Bowl", "Boston Marathon".
  static let eventHeads: WordSet = [
    "Cup", "Trophy", "Prize", "Prizes", "Award", "Awards", "Medal", "Championship",
    "Championships", "Open", "Games", "Olympics", "Olympiad", "Festival", "Marathon", "Classic",
    "Prix", "Bowl", "Invitational", "Tournament", "Memorial", "Derby", "Rally", "Regatta",
  ]

  /// Suffixes after a surname: "Jr.", "Sr.", and the generational or regnal numbers II to XX
  /// ("Henry VIII", "John Scheidt II"); "I" is left out, being a pronoun as often.
  static let generationalSuffixes: WordSet = [
    "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII",
    "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
  ]

  /// Words that end the names of places and organizations rather than of people.
  static let headWords: WordSet = OrganizationHeadRule.suffixHeads.union(PlaceHeadRule.heads)
}
