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

  /// Whether case tells little here: a headline in capitals or in title case.
  public var caseIsWeak: Bool { block.isAllCaps || block.isTitleCase }

  /// Whether the dictionary names something at token `i` strongly enough that a personal name
  /// cannot go on through it: a country, an organization, a region or sea, a capital or a city
  /// of a million people. A smaller town ("Bender", "Obama") does not stop "Jeremy Bender".
  public func stopsName(at i: Int) -> Bool {
    guard let match = dictionaryMatch(at: i) else { return false }
    let entry = match.entry
    switch entry.type {
    case .person: return false
    case .country, .organization: return true
    case .place: return entry.isCapital || entry.population == 0 || entry.population >= 1_000_000
    }
  }

  /// The best dictionary entry whose phrase starts at token `i`, with its length in tokens.
  public func dictionaryMatch(at i: Int) -> (length: Int, entry: DictionaryEntry)? {
    guard range.contains(i) else { return nil }
    let found = gazetteer.exact.matches(startingAt: i, count: range.upperBound) { tokens[$0].text }
    guard let longest = found.last, let first = longest.payloads.first else { return nil }
    return (longest.length, gazetteer.entries[Int(first.entry)])
  }
}
