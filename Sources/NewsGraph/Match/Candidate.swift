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
  /// The position in the gazetteer of the entry whose id `entity` is, when the dictionary
  /// matcher found it; nil from a rule.
  ///
  /// The resolver reads the entry by it, where it looked the id string up in the gazetteer's
  /// index. Whoever sets another `entity` sets this too (or nil).
  public var entry: Int?
}

/// The public initializer, in an extension so that the module keeps the memberwise one: the
/// matchers make their candidates with it, all fields at once. Made with this one, each
/// candidate was built on the stack and copied out, its strings retained and released again.
extension Candidate {
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
///
/// Its fields are read-only: the look-ups and the sentence's facts are made from them when the
/// context is made, and a field changed afterwards would leave them stale. Only the recognizer
/// moves a context to the next sentence of its document (`move(to:index:block:sentenceFacts:)`),
/// whose tokens the same look-ups hold.
public struct SentenceContext: Sendable {
  public let tokens: [Token]
  /// Token indices of the sentence.
  public private(set) var range: Range<Int>
  public private(set) var index: Int
  public private(set) var block: TextBlock
  public let gazetteer: Gazetteer
  /// The dictionary's phrases, the titles and the facts of each token, looked up once.
  private let shared: TokenLookups.Shared
  /// The facts of all the sentence's tokens together: a rule that starts on a token with a fact
  /// the sentence lacks ("a place head", "an opening bracket") finds nothing in it, and need not
  /// look at its tokens one by one.
  private(set) var sentenceFacts: TokenFacts

  public init(
    tokens: [Token], range: Range<Int>, index: Int, block: TextBlock, gazetteer: Gazetteer
  ) {
    var lookups = TokenLookups(
      start: range.lowerBound, gazetteer: gazetteer, capacity: range.count)
    let sentenceFacts = lookups.append(sentence: range, of: tokens, allCaps: block.isAllCaps)
    self.init(
      tokens: tokens, range: range, index: index, block: block, gazetteer: gazetteer,
      lookups: TokenLookups.Shared(consume lookups), sentenceFacts: sentenceFacts)
  }

  /// A context whose tokens `lookups` has looked up already, as the recognizer does for a whole
  /// document, with the union of their facts that `TokenLookups.append(sentence:of:allCaps:)`
  /// returned.
  init(
    tokens: [Token], range: Range<Int>, index: Int, block: TextBlock, gazetteer: Gazetteer,
    lookups: TokenLookups.Shared, sentenceFacts: TokenFacts
  ) {
    self.tokens = tokens
    self.range = range
    self.index = index
    self.block = block
    self.gazetteer = gazetteer
    shared = lookups
    self.sentenceFacts = sentenceFacts
  }

  /// The context of another sentence of the same document, whose tokens the context's look-ups
  /// have looked up, with the union of their facts
  /// (`TokenLookups.append(sentence:of:allCaps:)`).
  ///
  /// The recognizer moves one context from sentence to sentence: a context made for each
  /// retained and released its tokens, its gazetteer and its look-ups every time.
  mutating func move(
    to range: Range<Int>, index: Int, block: TextBlock, sentenceFacts: TokenFacts
  ) {
    self.range = range
    self.index = index
    self.block = block
    self.sentenceFacts = sentenceFacts
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

  /// The length in tokens of the longest title that starts at token `i` and ends in the
  /// sentence, or nil: from titles.tsv, upper-cased in a block in capitals.
  func longestTitle(at i: Int) -> Int? {
    shared.lookups.longestTitle(at: i, end: range.upperBound)
  }

  /// What the rules ask of token `i`: the word lists its text is in, and its shape.
  func facts(at i: Int) -> TokenFacts {
    range.contains(i) ? shared.lookups.facts(at: i) : TokenFacts(tokens[i])
  }

  /// The tokens of the sentence whose facts have any of `wanted`, in order: what
  /// `range.filter { !facts(at: $0).isDisjoint(with: wanted) }` is, found by a scan of the
  /// facts (`TokenLookups.firstToken(from:end:withAnyOf:)`).
  func tokens(withAnyOf wanted: TokenFacts) -> TokensWithFacts {
    TokensWithFacts(shared: shared, from: range.lowerBound, end: range.upperBound, wanted: wanted)
  }

  /// The first token of the sentence from `i` on whose facts have any of `wanted`, or the end
  /// of the sentence (`i` itself when it is past the sentence): where a matcher that passes
  /// over tokens without them one by one goes on.
  func firstToken(from i: Int, withAnyOf wanted: TokenFacts) -> Int {
    shared.lookups.firstToken(from: i, end: range.upperBound, withAnyOf: wanted)
  }

  /// The tokens of a sentence that have some facts (`tokens(withAnyOf:)`).
  struct TokensWithFacts: Sequence, IteratorProtocol {
    fileprivate let shared: TokenLookups.Shared
    /// Where the scan goes on.
    fileprivate var from: Int
    fileprivate let end: Int
    fileprivate let wanted: TokenFacts

    mutating func next() -> Int? {
      let found = shared.lookups.firstToken(from: from, end: end, withAnyOf: wanted)
      guard found < end else { return nil }
      from = found + 1
      return found
    }
  }

  /// Whether the text of token `i` is a given name (`Gazetteer.givenNames`).
  ///
  /// Found by the token's hash (`Token.textHash`): the list hashed the text again for each rule
  /// that asked.
  func isGivenName(at i: Int) -> Bool {
    gazetteer.givenNames.table.number(ofTextOf: tokens[i]) != nil
  }

  /// Every dictionary phrase that starts at token `i` of the sentence and ends in it, with its
  /// length in tokens, shortest first (as `TokenTrie.matches` finds them); their payloads are
  /// read with `dictionaryPayload(at:)`.
  func dictionaryPhrases(at i: Int) -> ArraySlice<TokenTrie<Gazetteer.Surface>.Match> {
    shared.lookups.phrases(at: i)
  }

  /// The payload at `position` in the dictionary's trie, one of a phrase's
  /// (`dictionaryPhrases(at:)`).
  func dictionaryPayload(at position: Int32) -> Gazetteer.Surface {
    shared.lookups.payload(at: position)
  }

  /// The best dictionary entry whose phrase starts at token `i`, with its length in tokens.
  public func dictionaryMatch(at i: Int) -> (length: Int, entry: MatchedEntry)? {
    guard range.contains(i), let match = shared.lookups.match(at: i) else { return nil }
    return (match.length, match)
  }
}
