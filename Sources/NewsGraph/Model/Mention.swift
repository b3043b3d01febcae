/// The kinds of entity newsgraph recognizes.
public enum EntityType: String, Sendable, Hashable, CaseIterable, Comparable {
  case person
  case country
  case organization
  case place

  public static func < (lhs: EntityType, rhs: EntityType) -> Bool {
    lhs.rawValue < rhs.rawValue
  }
}

/// How a mention names its entity.
public enum MentionForm: String, Sendable, Hashable {
  /// The entity's canonical label or a full name found by a rule.
  case name
  /// Another name the dictionary lists ("US" for United States).
  case alias
  /// A nationality adjective or people noun ("Egyptian" for Egypt).
  case demonym
  /// A short form linked to a fuller name in the same document ("Putin").
  case short
}

/// One place in a document where an entity is named.
public struct Mention: Sendable, Hashable {
  /// The text as it appears in the input.
  public var text: String
  /// Code-point offsets from the start of the input, end exclusive.
  public var start: Int
  public var end: Int
  /// Index of the sentence within the document.
  public var sentence: Int
  public var type: EntityType
  /// Canonical id of the entity, such as `country/egypt`.
  public var entity: String
  public var form: MentionForm
  /// What produced the mention: `dictionary:FILE` or `rule:ID`.
  public var source: String
  /// Index in its document's `entities` of the entity `entity` names, when known.
  ///
  /// The resolver sets it, so that the graph builder finds each mention's entity without
  /// hashing its id. A mention without one, or whose index does not give an entity of id
  /// `entity` (a document built or changed by hand), is found by its id.
  ///
  /// A hint, not part of what the mention is: `==` and `hash(into:)` leave it out, so that a
  /// mention the resolver made equals one built by hand with the same fields.
  public var entityIndex: Int?

  public init(
    text: String, start: Int, end: Int, sentence: Int, type: EntityType, entity: String,
    form: MentionForm, source: String, entityIndex: Int? = nil
  ) {
    self.text = text
    self.start = start
    self.end = end
    self.sentence = sentence
    self.type = type
    self.entity = entity
    self.form = form
    self.source = source
    self.entityIndex = entityIndex
  }

  public static func == (lhs: Mention, rhs: Mention) -> Bool {
    lhs.start == rhs.start && lhs.end == rhs.end && lhs.sentence == rhs.sentence
      && lhs.type == rhs.type && lhs.form == rhs.form && lhs.text == rhs.text
      && lhs.entity == rhs.entity && lhs.source == rhs.source
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(text)
    hasher.combine(start)
    hasher.combine(end)
    hasher.combine(sentence)
    hasher.combine(type)
    hasher.combine(entity)
    hasher.combine(form)
    hasher.combine(source)
  }
}

/// An entity of one document: every mention of it resolved to one id.
public struct Entity: Sendable, Hashable {
  public var id: String
  public var type: EntityType
  public var label: String
  public var mentions: Int
  /// The distinct surface forms seen, sorted.
  public var aliases: [String] {
    get {
      switch storedAliases {
      case .none: []
      case .one(let alias): [alias]
      case .many(let aliases): aliases
      }
    }
    set { storedAliases = Aliases(newValue) }
  }
  /// `aliases`, without an array when there is one, as most entities of a document have: an
  /// array of one was an allocation and a release per entity of every document.
  var storedAliases: Aliases

  /// The aliases of an entity, as stored: `many` holds two or more, so that each list of
  /// aliases has one form (equal entities are equal fields).
  enum Aliases: Sendable, Hashable {
    case none
    case one(String)
    case many([String])

    init(_ aliases: [String]) {
      switch aliases.count {
      case 0: self = .none
      case 1: self = .one(aliases[0])
      default: self = .many(aliases)
      }
    }
  }

  public init(id: String, type: EntityType, label: String, mentions: Int, aliases: [String]) {
    self.init(id: id, type: type, label: label, mentions: mentions, aliases: Aliases(aliases))
  }

  init(id: String, type: EntityType, label: String, mentions: Int, aliases: Aliases) {
    self.id = id
    self.type = type
    self.label = label
    self.mentions = mentions
    storedAliases = aliases
  }
}
