/// A possible mention found by the dictionary or a rule, before overlaps are decided.
public struct Candidate: Sendable, Hashable {
  /// Code-point range in the input.
  public var start: Int
  public var end: Int
  /// Token indices in the document that the candidate touches.
  public var tokens: Range<Int>
  public var sentence: Int
  public var type: EntityType
  /// The dictionary entity it names, or nil when a rule found a name the dictionary lacks.
  public var entity: String?
  public var form: MentionForm
  /// `dictionary` or `rule:ID`.
  public var source: String
  /// Breaks ties between candidates of the same span: higher wins.
  public var priority: Int
  /// The label of an entity that no dictionary lists, when it is not the span's own text.
  public var label: String?

  public init(
    start: Int, end: Int, tokens: Range<Int>, sentence: Int, type: EntityType, entity: String?,
    form: MentionForm, source: String, priority: Int
  ) {
    self.start = start
    self.end = end
    self.tokens = tokens
    self.sentence = sentence
    self.type = type
    self.entity = entity
    self.form = form
    self.source = source
    self.priority = priority
  }
}

/// What the matchers see of one sentence.
public struct SentenceContext: Sendable {
  public var tokens: [Token]
  /// Token indices of the sentence.
  public var range: Range<Int>
  public var index: Int
  public var block: TextBlock
  public var gazetteer: Gazetteer
  /// The best dictionary phrase at each token of the sentence, found once: rules ask often.
  private let matches: [MatchedEntry?]
  /// Every dictionary phrase at each token, shortest first: token `range.lowerBound + k` has
  /// `phrases[phraseStart[k]..<phraseStart[k + 1]]`. The dictionary matcher reads them rather
  /// than walking the trie again.
  private let phrases: [(length: Int, payloads: TokenTrie<Gazetteer.Surface>.Payloads)]
  private let phraseStart: [Int]
  /// Each token's `TokenFacts`, worked out once: rules ask them of nearly every token.
  private let tokenFacts: [TokenFacts]
  /// The titles from titles.tsv, upper-cased in a block in capitals, and each token's key number
  /// in their trie.
  private let titleTrie: TokenTrie<Gazetteer.TitleKind>
  private let titleKeys: [Int32]

  public init(
    tokens: [Token], range: Range<Int>, index: Int, block: TextBlock, gazetteer: Gazetteer
  ) {
    self.tokens = tokens
    self.range = range
    self.index = index
    self.block = block
    self.gazetteer = gazetteer
    let exact = gazetteer.exact
    let titleTrie = block.isAllCaps ? gazetteer.upperTitles : gazetteer.titles
    self.titleTrie = titleTrie
    // Each token's text is hashed once for all the tries, not again by every walk that passes it,
    // and looked up once in the rules' word lists.
    var keys: [Int32] = []
    var titleKeys: [Int32] = []
    var tokenFacts: [TokenFacts] = []
    keys.reserveCapacity(range.count)
    titleKeys.reserveCapacity(range.count)
    tokenFacts.reserveCapacity(range.count)
    let table = TokenFacts.table
    for i in range {
      let found = Self.lookUp(tokens[i], exact: exact, titles: titleTrie, table: table)
      keys.append(found.key)
      titleKeys.append(found.titleKey)
      tokenFacts.append(found.facts)
    }
    self.titleKeys = titleKeys
    self.tokenFacts = tokenFacts
    var phrases: [(length: Int, payloads: TokenTrie<Gazetteer.Surface>.Payloads)] = []
    var phraseStart = [0]
    phraseStart.reserveCapacity(range.count + 1)
    var matches: [MatchedEntry?] = []
    matches.reserveCapacity(range.count)
    for i in range {
      let found = exact.matches(startingAt: i, count: range.upperBound) {
        keys[$0 - range.lowerBound]
      }
      for phrase in found { phrases.append(phrase) }
      phraseStart.append(phrases.count)
      if let longest = found.last, let first = longest.payloads.first {
        matches.append(
          MatchedEntry(
            gazetteer: gazetteer, position: Int(first.entry), length: longest.length,
            form: first.form))
      } else {
        matches.append(nil)
      }
    }
    self.matches = matches
    self.phrases = phrases
    self.phraseStart = phraseStart
  }

  /// A token's key numbers in the dictionary's trie and in the titles', and its facts: its text
  /// is hashed once for the three.
  private static func lookUp(
    _ token: Token, exact: TokenTrie<Gazetteer.Surface>, titles: TokenTrie<Gazetteer.TitleKind>,
    table: TokenFacts.Table
  ) -> (key: Int32, titleKey: Int32, facts: TokenFacts) {
    func lookUp(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int32, Int32, TokenFacts) {
      let hash = StringTable.hash(bytes)
      return (
        exact.keyNumber(ofUTF8: bytes, hash: hash), titles.keyNumber(ofUTF8: bytes, hash: hash),
        table.facts(of: token, utf8: bytes, hash: hash)
      )
    }
    let utf8 = token.text.utf8
    return utf8.withContiguousStorageIfAvailable(lookUp)
      ?? Array(utf8).withUnsafeBufferPointer(lookUp)
  }

  /// What rules need to know of a dictionary entry found in the text.
  public struct MatchedEntry: Sendable {
    public var position: Int
    public var length: Int
    public var type: EntityType
    public var population: Int
    public var isCapital: Bool
    /// How the text names the entry: its name, an alias, a demonym ("Egyptian").
    public var form: MentionForm

    init(gazetteer: Gazetteer, position: Int, length: Int, form: MentionForm) {
      self.position = position
      self.length = length
      self.form = form
      type = gazetteer.entries.type(at: position)
      population = gazetteer.entries.population(at: position)
      isCapital = gazetteer.entries.isCapital(at: position)
    }
  }

  /// Whether case tells little here: a headline in capitals or in title case.
  public var caseIsWeak: Bool { block.isAllCaps || block.isTitleCase }

  /// Whether the dictionary names something at token `i` strongly enough that a personal name
  /// cannot go on through it: a country, an organization, a region or sea, a capital or a city
  /// of a million people. A smaller town ("Bender", "Obama") does not stop "Jeremy Bender".
  public func stopsName(at i: Int) -> Bool {
    guard let entry = dictionaryMatch(at: i)?.entry else { return false }
    switch entry.type {
    case .person: return false
    case .country, .organization: return true
    case .place: return entry.isCapital || entry.population == 0 || entry.population >= 1_000_000
    }
  }

  /// Every title that starts at token `i` and ends in the sentence, shortest first: from
  /// titles.tsv, upper-cased in a block in capitals.
  func titles(at i: Int) -> [(length: Int, payloads: TokenTrie<Gazetteer.TitleKind>.Payloads)] {
    titleTrie.matches(startingAt: i, count: range.upperBound) { titleKeys[$0 - range.lowerBound] }
  }

  /// What the rules ask of token `i`: the word lists its text is in, and its shape.
  func facts(at i: Int) -> TokenFacts {
    range.contains(i) ? tokenFacts[i - range.lowerBound] : TokenFacts(tokens[i])
  }

  /// Every dictionary phrase that starts at token `i` of the sentence and ends in it, with its
  /// length in tokens, shortest first (as `TokenTrie.matches` finds them).
  func dictionaryPhrases(
    at i: Int
  ) -> ArraySlice<(length: Int, payloads: TokenTrie<Gazetteer.Surface>.Payloads)> {
    let k = i - range.lowerBound
    return phrases[phraseStart[k]..<phraseStart[k + 1]]
  }

  /// The best dictionary entry whose phrase starts at token `i`, with its length in tokens.
  public func dictionaryMatch(at i: Int) -> (length: Int, entry: MatchedEntry)? {
    guard range.contains(i), let match = matches[i - range.lowerBound] else { return nil }
    return (match.length, match)
  }
}
