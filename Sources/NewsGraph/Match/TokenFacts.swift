/// What the rules ask of a token, worked out once per token by `TokenLookups`: which of the
/// rules' word lists its text is in, a few facts of its shape, and whether a dictionary phrase
/// or a title starts at it.
///
/// Nearly every rule tests nearly every token against a word list or two ("a place head?", "a
/// cue?", "a function word?"), and each test hashed the token's text again: about fifteen hashes
/// a token. One lookup in the union of the lists answers them all. The answers are the lists'
/// own: a text has a list's fact exactly when `WordSet.contains` finds it in that list.
///
/// Sixty-four bits: the facts outgrew thirty-two, and one word is still one load and one test
/// of a token or a sentence.
struct TokenFacts: OptionSet, Sendable {
  let rawValue: UInt64

  init(rawValue: UInt64) { self.rawValue = rawValue }

  /// In `NameShape.functionWords`.
  static let functionWord = TokenFacts(rawValue: 1 << 0)
  /// In `NameShape.notNames`.
  static let notName = TokenFacts(rawValue: 1 << 1)
  /// In `NameShape.particles`.
  static let particle = TokenFacts(rawValue: 1 << 2)
  /// In `NameShape.eventHeads`.
  static let eventHead = TokenFacts(rawValue: 1 << 3)
  /// In `NameShape.generationalSuffixes`.
  static let generationalSuffix = TokenFacts(rawValue: 1 << 4)
  /// In `NameShape.headWords`.
  static let headWord = TokenFacts(rawValue: 1 << 5)
  /// In `OrganizationHeadRule.suffixHeads`.
  static let organizationSuffixHead = TokenFacts(rawValue: 1 << 6)
  /// In `OrganizationHeadRule.ofHeads`.
  static let organizationOfHead = TokenFacts(rawValue: 1 << 7)
  /// In `PlaceHeadRule.heads`.
  static let placeHead = TokenFacts(rawValue: 1 << 8)
  /// In `LocativePlaceRule.prepositions`.
  static let locativePreposition = TokenFacts(rawValue: 1 << 9)
  /// In `LocativePlaceRule.notPlaces`.
  static let notPlace = TokenFacts(rawValue: 1 << 10)
  /// In `OrganizationCueRule.cues`.
  static let organizationCue = TokenFacts(rawValue: 1 << 11)
  /// In `OrganizationCueRule.kinds`.
  static let organizationKind = TokenFacts(rawValue: 1 << 12)
  /// In `PlaceCueRule.kinds`.
  static let placeKind = TokenFacts(rawValue: 1 << 13)
  /// In `DirectionalPlaceRule.prefixes`.
  static let directionalPrefix = TokenFacts(rawValue: 1 << 14)
  /// In `DirectionalPlaceRule.adjectives`.
  static let directionalAdjective = TokenFacts(rawValue: 1 << 15)
  /// In `SportsClubRule.clubWords`.
  static let clubWord = TokenFacts(rawValue: 1 << 16)
  /// In `ScoreLineTeamRule.fixtureWords`.
  static let fixtureWord = TokenFacts(rawValue: 1 << 17)
  /// In `ScoreLineTeamRule.capitalFixtureWords`.
  static let capitalFixtureWord = TokenFacts(rawValue: 1 << 18)
  /// In `ScoreLineTeamRule.segmentStarts`.
  static let segmentStart = TokenFacts(rawValue: 1 << 19)
  /// In `TitledPersonRule.wordLikeTitles`.
  static let wordLikeTitle = TokenFacts(rawValue: 1 << 20)
  /// ",": what an age in commas follows ("Tom Moody, 31,").
  static let comma = TokenFacts(rawValue: 1 << 21)
  /// "(": what an age, a life or a country in brackets follows.
  static let openingBracket = TokenFacts(rawValue: 1 << 22)
  /// "Hall": what "Hall of Fame" starts with (`OrganizationHeadRule`).
  static let hall = TokenFacts(rawValue: 1 << 23)
  /// "The" with its capital: what a name with its article starts with (`ArticleNameRule`).
  static let capitalThe = TokenFacts(rawValue: 1 << 30)

  /// "B." or "B": one capital letter (`NameShape.isInitial`).
  static let initial = TokenFacts(rawValue: 1 << 24)
  /// "B.": an initial with its period.
  static let dottedInitial = TokenFacts(rawValue: 1 << 25)
  /// A hyphen in the text ("US-led", "al-Sisi").
  static let hyphen = TokenFacts(rawValue: 1 << 26)
  /// Not ASCII, or an ASCII capital after the first byte ("REUTERS", "McCain", "Zürich"): a
  /// text without this fact is the same written with its first letter kept and the rest in lower
  /// case, so a test of that form (`NameShape.isFunctionWord`) need not be made again.
  static let otherCase = TokenFacts(rawValue: 1 << 27)
  /// A word with letters and none in lower case ("REUTERS", "U.S."): `Token.isAllCaps`.
  static let allCaps = TokenFacts(rawValue: 1 << 28)
  /// A dictionary phrase starts at the token and ends in its sentence
  /// (`SentenceContext.dictionaryPhrases(at:)` is not empty). `TokenLookups` sets it as it walks
  /// the phrases; the facts of a token alone (`init(_:)`) never have it.
  static let phrase = TokenFacts(rawValue: 1 << 29)
  /// A title may start at the token: its text is the first word of a title, upper-cased in a
  /// block in capitals, and `SentenceContext.longestTitle(at:)` finds none at a token without it, as
  /// at nearly every token. Set by `TokenLookups`, as `phrase` is.
  static let titleStart = TokenFacts(rawValue: 1 << 31)
  /// A number token (`Token.isNumber`): what a score, an age and a year are.
  static let number = TokenFacts(rawValue: 1 << 32)

  /// Every word list the rules test tokens against, with its fact.
  static let lists: [(fact: TokenFacts, words: WordSet)] = [
    (.functionWord, NameShape.functionWords), (.notName, NameShape.notNames),
    (.particle, NameShape.particles), (.eventHead, NameShape.eventHeads),
    (.generationalSuffix, NameShape.generationalSuffixes), (.headWord, NameShape.headWords),
    (.organizationSuffixHead, OrganizationHeadRule.suffixHeads),
    (.organizationOfHead, OrganizationHeadRule.ofHeads), (.placeHead, PlaceHeadRule.heads),
    (.locativePreposition, LocativePlaceRule.prepositions),
    (.notPlace, LocativePlaceRule.notPlaces), (.organizationCue, OrganizationCueRule.cues),
    (.organizationKind, OrganizationCueRule.kinds), (.placeKind, PlaceCueRule.kinds),
    (.directionalPrefix, DirectionalPlaceRule.prefixes),
    (.directionalAdjective, DirectionalPlaceRule.adjectives),
    (.clubWord, SportsClubRule.clubWords), (.fixtureWord, ScoreLineTeamRule.fixtureWords),
    (.capitalFixtureWord, ScoreLineTeamRule.capitalFixtureWords),
    (.segmentStart, ScoreLineTeamRule.segmentStarts),
    (.wordLikeTitle, TitledPersonRule.wordLikeTitles), (.comma, [","]), (.openingBracket, ["("]),
    (.hall, ["Hall"]), (.capitalThe, ["The"]),
  ]

  /// The union of the lists with the list facts of each of its words: fetch it once for many
  /// tokens.
  static let table = Table(lists: lists)

  /// The facts of a token's text, and of its shape.
  init(_ token: Token) {
    let utf8 = token.text.utf8
    let table = Self.table
    self = withUnsafePointer(to: token) { token in
      utf8.withContiguousStorageIfAvailable { table.facts(of: token, utf8: $0) }
        ?? Array(utf8).withUnsafeBufferPointer { table.facts(of: token, utf8: $0) }
    }
  }

  /// The words of all the lists, and the list facts of each of them by its number in the set.
  struct Table: Sendable {
    private let words: WordSet
    private let facts: [TokenFacts]
    /// Whether every word of the lists is ASCII, so that the lists an ASCII text is in are told
    /// by its bytes alone: no other word can equal it under canonical equivalence, as the Kelvin
    /// sign equals "K".
    let listsAreASCII: Bool

    init(lists: [(fact: TokenFacts, words: WordSet)]) {
      words = WordSet(lists.flatMap { $0.words.elements })
      var facts = [TokenFacts](repeating: [], count: words.count)
      for (fact, list) in lists {
        for word in list.elements {
          if let number = words.number(of: word) { facts[number].insert(fact) }
        }
      }
      self.facts = facts
      listsAreASCII = words.elements.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
    }

    /// Every ASCII word of the lists with its list facts, for `TokenVocabulary`.
    var asciiWords: [(word: String, facts: TokenFacts)] {
      words.elements.compactMap { word in
        guard word.utf8.allSatisfy({ $0 < 0x80 }), let number = words.number(of: word) else {
          return nil
        }
        return (word, facts[number])
      }
    }

    /// The facts of `token`, whose text's UTF-8 bytes are `utf8`. The token is read where it
    /// is, and its text only when the bytes cannot answer: a token passed by value, or captured
    /// by the caller's closure, was copied and its text retained.
    func facts(
      of token: UnsafePointer<Token>, utf8 bytes: UnsafeBufferPointer<UInt8>
    ) -> TokenFacts {
      let lists = listFacts(
        of: token, utf8: bytes, hash: token.pointee.textHash, isASCII: token.pointee.isASCII)
      return TokenFacts.shape(of: token, byteCount: bytes.count).union(lists)
        .union(TokenFacts.kind(of: token))
    }

    /// The facts of the lists that a token's text is in, given its bytes, their hash and whether
    /// they are all ASCII.
    func listFacts(
      of token: UnsafePointer<Token>, utf8 bytes: UnsafeBufferPointer<UInt8>, hash: UInt32,
      isASCII: Bool
    ) -> TokenFacts {
      words.number(of: token.pointee.text, utf8: bytes, hash: hash, isASCII: isASCII).map {
        facts[$0]
      } ?? []
    }
  }

  /// The facts of a token's kind: `number` or none.
  ///
  /// Apart from `shape(of:byteCount:)`, and added by `TokenLookups` after its lookup: one more
  /// test in the lookup made the compiler call it for every token rather than inline it.
  @inline(__always)
  static func kind(of token: UnsafePointer<Token>) -> TokenFacts {
    token.pointee.isNumber ? .number : []
  }

  /// The facts of a token's shape, whose text is `byteCount` UTF-8 bytes: the part of its facts
  /// that needs no list, told by what the tokenizer found of the bytes (`Token.textHash`).
  ///
  /// Inlined into the lookups' loop, which finds the facts of every token: called, it cost
  /// about thirty instructions a token.
  @inline(__always)
  static func shape(of token: UnsafePointer<Token>, byteCount count: Int) -> TokenFacts {
    var facts: TokenFacts = []
    if token.pointee.isASCII {
      // `NameShape.isInitial` on bytes: `isCapitalized` tested the first letter, and each
      // scalar is one byte, the last of a word's a period when `endsInPeriodScalar`.
      if token.pointee.isCapitalized, token.pointee.kind == .word,
        count == 1 || (count == 2 && token.pointee.endsInPeriodScalar)
      {
        facts.insert(count == 2 ? [.initial, .dottedInitial] : .initial)
      }
    } else if NameShape.isInitial(token.pointee) {
      facts.insert(
        token.pointee.text.unicodeScalars.count == 2 ? [.initial, .dottedInitial] : .initial)
    }
    if token.pointee.containsHyphen { facts.insert(.hyphen) }
    if token.pointee.isAllCaps { facts.insert(.allCaps) }
    if !token.pointee.isASCII || token.pointee.hasCapitalAfterFirst { facts.insert(.otherCase) }
    return facts
  }
}
