/// Turns the kept candidates of one document into mentions of entities with stable ids.
///
/// Dictionary names map to their entry's id. A rule's name that the dictionary lists under
/// another form maps to that entry. Within the document a surname alone ("Putin", "Sisi",
/// "Sobqi") links to the one fuller name that ends in it ("Vladimir Putin", "Abdel Fattah
/// al-Sisi"), and later bare uses of such a surname anywhere in the text become mentions too.
/// When two full names share the surname, it goes to the one written first.
public struct EntityResolver: Sendable {
  public init() {}

  public func resolve(
    _ kept: [Candidate], tokens: [Token], sentenceOfToken: [Int], text: SourceText,
    gazetteer: Gazetteer
  ) -> (mentions: [Mention], entities: [Entity]) {
    // Made by `map` and changed in place: a Draft is costly to copy, and appending each, made
    // aside, cost more.
    var drafts = kept.map { Draft(candidate: $0, tokens) }
    for index in drafts.indices where drafts[index].candidate.entity == nil {
      guard let entry = dictionaryEntry(for: drafts[index].candidate, tokens, gazetteer) else {
        continue
      }
      let span = drafts[index].candidate.start..<drafts[index].candidate.end
      drafts[index].key = gazetteer.entries.id(at: entry)
      drafts[index].candidate.form =
        gazetteer.entries.label(at: entry) == text.foldedText(span) ? .name : .alias
    }

    // The tables are sized for the people, so that none grows while it is filled (made at
    // that size: reserving room in an empty table costs several times as much).
    let people = drafts.indices.count { drafts[$0].candidate.type == .person }
    // Surnames and first names of the full names in this document, to link short forms.
    var names = PersonWords(capacity: people)
    var fullNames = [String: String](minimumCapacity: people)  // person key -> label
    // Dictionary entries whose surnames are in `names` already: a name mentioned again adds
    // nothing, and splitting every form of its entry each time cost more than the rest.
    var entriesListed = Set<String>(minimumCapacity: people)
    // Where each full name is first written: a surname two people share goes to the one the
    // document introduced first, its subject ("Duane Bobick ... his brother Rodney Bobick ...
    // Bobick won").
    var firstSeen = [String: Int](minimumCapacity: people)
    for index in drafts.indices where drafts[index].candidate.type == .person {
      let words = drafts[index].words(tokens)
      let listed = drafts[index].key.flatMap { gazetteer.index[$0] }
      if listed == nil && words.count >= 2 { drafts[index].fullName = Draft.fullName(words) }
      let fullName = drafts[index].fullName
      if let id = drafts[index].key, let entry = listed {
        if entriesListed.insert(id).inserted {
          let entry = gazetteer.entries[entry]
          for form in [entry.label] + entry.aliases {
            let parts = form.split(separator: " ").map(String.init)
            if parts.count >= 2 {
              for key in surnameKeys(parts[parts.count - 1]) {
                let number = names.number(adding: key)
                Self.insert(id, into: &names.surnameOwners[number])
              }
            }
          }
        }
      } else if let fullName {
        fullNames[fullName.key] = fullName.label
        for surname in surnameKeys(words[words.count - 1]) {
          let number = names.number(adding: surname)
          Self.insert(fullName.key, into: &names.surnameOwners[number])
        }
      }
      guard let key = drafts[index].key ?? fullName?.key else { continue }
      if firstSeen[key] == nil { firstSeen[key] = drafts[index].candidate.start }
      // The first word of a person's full name is a personal name, listed or not ("László").
      // (Three letters or more: an initial such as "B." is no name to link.)
      if words.count >= 2, !words[0].dropFirst(2).isEmpty,
        !NameShape.particles.contains(words[0])
      {
        let number = names.number(adding: words[0])
        Self.insert(key, into: &names.firstNameOwners[number])
      }
    }

    for index in drafts.indices where drafts[index].key == nil {
      let words = drafts[index].words(tokens)
      switch drafts[index].candidate.type {
      case .person:
        if words.count == 1, let key = names.surnameOwner(of: words[0], firstSeen: firstSeen) {
          drafts[index].key = key
          drafts[index].candidate.form = .short
        } else if let last = words.last, words.count >= 2,
          let key = names.surnameOwner(of: last, firstSeen: firstSeen),
          !key.hasPrefix("rule:"), let entry = gazetteer.index[key],
          gazetteer.entries.label(at: entry).hasPrefix(words[0])
        {
          drafts[index].key = key
          drafts[index].candidate.form = .alias
        } else if let name = drafts[index].fullName {
          drafts[index].key = name.key  // listed in `fullNames` by the first pass
        } else {
          let name = Draft.fullName(words)
          drafts[index].key = name.key
          fullNames[name.key] = name.label
        }
      default:
        // "The Scout Association" is "Scout Association" (ArticleNameRule).
        let label = (words.count > 1 && words[0] == "The" ? words.rest : words).text
        drafts[index].key = Slug.id(drafts[index].candidate.type, label)
        drafts[index].ruleLabel = label
      }
    }

    // "President Clinton ... Clinton said": a lone surname after a title is a person, and so
    // are its bare uses elsewhere, unless a fuller name owns the word.
    for index in drafts.indices
    where drafts[index].candidate.type == .person
      && drafts[index].candidate.source == "rule:titled-person"
    {
      let words = drafts[index].words(tokens)
      guard words.count == 1, let key = drafts[index].key else { continue }
      let number = names.number(adding: words[0])
      if names.surnameOwners[number].isEmpty { names.surnameOwners[number] = [key] }
    }
    names.settleLoneOwners(firstSeen: firstSeen)

    // A place that is a team elsewhere in the document (a results line, "Dynamo Moscow") is
    // that team in the prose too: "Surrey 429-7" ... "Surrey captain Chris Lewis".
    // (By the index of its first draft: a copy of the draft cost more than the look-up.)
    var teams: [String: Int] = [:]
    for index in drafts.indices
    where drafts[index].candidate.type == .organization
      && EntityResolver.isTeamRule(drafts[index].candidate.source)
    {
      let text = drafts[index].words(tokens).text
      if teams[text] == nil { teams[text] = index }
    }
    if !teams.isEmpty {
      for index in drafts.indices where drafts[index].candidate.type == .place {
        let text = drafts[index].words(tokens).text
        guard let team = teams[text], !isDateline(drafts[index].candidate, tokens, sentenceOfToken)
        else { continue }
        drafts[index].key = drafts[team].key
        drafts[index].ruleLabel = drafts[team].ruleLabel
        drafts[index].candidate.type = .organization
        drafts[index].candidate.entity = drafts[team].candidate.entity
        drafts[index].candidate.source = "rule:document-team"
      }
      let covered = coveredTokens(drafts, count: tokens.count)
      // (The kind, read through a call, is asked last: only a word is capitalized, and few are.)
      for index in tokens.indices
      where !covered[index] && tokens[index].isCapitalized && tokens[index].kind == .word {
        guard let team = teams[tokens[index].text] else { continue }
        let token = tokens[index]
        var candidate = drafts[team].candidate
        candidate.start = token.start
        candidate.end = token.end
        candidate.tokens = index..<(index + 1)
        candidate.sentence = sentenceOfToken[index]
        candidate.source = "rule:document-team"
        var draft = Draft(candidate: candidate, tokens)
        draft.key = drafts[team].key
        draft.ruleLabel = drafts[team].ruleLabel
        drafts.append(draft)
      }
    }

    if names.loneOwners.contains(where: { $0 != nil }) {
      // A place or country named like a person's surname in this document is that person
      // ("Michael Jordan ... Jordan scored"), unless a preposition of place comes before it.
      for index in drafts.indices
      where drafts[index].candidate.type == .place || drafts[index].candidate.type == .country {
        let words = drafts[index].words(tokens)
        guard words.count == 1, drafts[index].candidate.form != .demonym,
          let key = names.loneSurnameOwner(of: words[0])
        else { continue }
        let first = drafts[index].candidate.tokens.lowerBound
        if first > 0,
          EntityResolver.placePrepositions.contains(tokens[first - 1].text.lowercased())
        {
          continue
        }
        drafts[index].key = key
        drafts[index].candidate.type = .person
        drafts[index].candidate.form = .short
        drafts[index].candidate.source = "rule:document-surname"
      }

      // Bare surnames the matchers left alone: "Putin had a fruitful visit".
      let covered = coveredTokens(drafts, count: tokens.count)
      // Most capitalized words name nobody: the sketch turns them away before a lookup.
      var sketch: UInt64 = 0
      for number in names.loneOwners.indices where names.loneOwners[number] != nil {
        sketch |= Self.sketchBits(names[number])
      }
      // (Tokens are read in place: a copy of each costs a retain and a release of its text. The
      // kind, read through a call, is asked last: only a word is capitalized, and few are.)
      for index in tokens.indices
      where !covered[index] && tokens[index].isCapitalized && tokens[index].kind == .word {
        let token = tokens[index]
        // A surname, then a surname after its particle ("al-Sisi"), then a first name.
        let found =
          sketch & Self.sketchBits(token.text) != 0 ? names.loneOwner(of: token.text) : nil
        var key = found?.isSurname == true ? found?.key : nil
        if key == nil, let stripped = strippedParticle(token.text) {
          key = names.loneSurnameOwner(of: stripped)
        }
        guard let key = key ?? found?.key else { continue }
        let candidate = Candidate(
          start: token.start, end: token.end, tokens: index..<(index + 1),
          sentence: sentenceOfToken[index], type: .person, entity: nil, form: .short,
          source: "rule:document-surname", priority: 0)
        var draft = Draft(candidate: candidate, tokens)
        draft.key = key
        drafts.append(draft)
      }
    }
    let order = drafts.indices.sorted { drafts[$0].candidate.start < drafts[$1].candidate.start }
    return mentionsAndEntities(drafts, order: order, fullNames: fullNames, text, gazetteer)
  }

  /// The mentions of the drafts that have a key, in `order`, and their entities sorted by id.
  ///
  /// Each key is looked up in `fullNames` and the dictionary once, and gives the index of its
  /// entity, so a mention costs one look-up of its key. Keys and ids share one numbering: an id
  /// is its own key, except for a full name's key ("rule:Vladimir Putin"), and the id of that
  /// ("person/vladimir-putin") is no full name's key.
  private func mentionsAndEntities(
    _ drafts: [Draft], order: [Int], fullNames: [String: String], _ text: SourceText,
    _ gazetteer: Gazetteer
  ) -> (mentions: [Mention], entities: [Entity]) {
    var mentions: [Mention] = []
    mentions.reserveCapacity(drafts.count)
    var groups: [Group] = []
    groups.reserveCapacity(order.count)
    var keys = StringNumbering(capacity: order.count)
    var groupOf: [Int] = []  // number of a key or id -> index in `groups`
    groupOf.reserveCapacity(order.count)
    for position in order {
      guard let key = drafts[position].key else { continue }
      // The candidate's fields are read in place: a copy of it costs retains of its strings.
      let type = drafts[position].candidate.type
      let span = drafts[position].candidate.start..<drafts[position].candidate.end
      let surface = text.text(span)
      let (number, isNew) = keys.insert(key)
      var created = false
      if isNew {
        groupOf.append(groups.count)
        if key.utf8.first == UInt8(ascii: "r"), let full = fullNames[key] {
          // (The keys of `fullNames` all start with "rule:": most keys need no look in it.)
          let id = Slug.id(.person, full)
          let (idNumber, idIsNew) = keys.insert(id)
          if idIsNew {
            groupOf.append(groups.count)
            groups.append(Group(id: id, type: type, label: full, form: surface))
            created = true
          } else {
            groupOf[number] = groupOf[idNumber]
          }
        } else {
          let label =
            gazetteer.index[key].map { gazetteer.entries.label(at: $0) }
            ?? drafts[position].ruleLabel ?? key
          groups.append(Group(id: key, type: type, label: label, form: surface))
          created = true
        }
      }
      let group = groupOf[number]
      // An entity has few forms: a look through them is cheaper than a set, and keeps the first
      // of two canonically equivalent ones as a set would.
      if !created && !groups[group].forms.contains(surface) {
        groups[group].forms.append(surface)
      }
      mentions.append(
        Mention(
          text: surface, start: span.lowerBound, end: span.upperBound,
          sentence: drafts[position].candidate.sentence, type: type, entity: groups[group].id,
          form: drafts[position].candidate.form, source: drafts[position].candidate.source))
      groups[group].count += 1
    }
    // Sorted as indices: an Entity is larger to move than an Int. Most entities have one form,
    // which needs no sorting.
    let entities = StringOrder.indices(sorting: groups.map(\.id)).map { index in
      let group = groups[index]
      return Entity(
        id: group.id, type: group.type, label: group.label, mentions: group.count,
        aliases: group.forms.count > 1 ? group.forms.sorted() : group.forms)
    }
    return (mentions, entities)
  }

  /// Whether each token is covered by a draft.
  private func coveredTokens(_ drafts: [Draft], count: Int) -> [Bool] {
    var covered = [Bool](repeating: false, count: count)
    for index in drafts.indices {
      for token in drafts[index].candidate.tokens { covered[token] = true }
    }
    return covered
  }

  /// "NEW YORK 1996-08-30", "CAIRO (Reuters) -": a place that opens a sentence and is followed
  /// by a date or a bracket is where the story was filed, not a team.
  private func isDateline(_ candidate: Candidate, _ tokens: [Token], _ sentenceOfToken: [Int])
    -> Bool
  {
    let first = candidate.tokens.lowerBound
    let next = candidate.tokens.upperBound
    let opensSentence = first == 0 || sentenceOfToken[first - 1] != sentenceOfToken[first]
    guard opensSentence, next < tokens.count else { return opensSentence }
    return tokens[next].kind == .number || tokens[next].text == "(" || tokens[next].text == ","
      || tokens[next].text == "-"
  }

  /// Whether the rule that is `source` finds sports teams named after their place.
  static func isTeamRule(_ source: String) -> Bool {
    switch source {
    case "rule:score-line-team", "rule:sports-club", "rule:team-nickname": true
    default: false
    }
  }

  static let placePrepositions: WordSet = [
    "in", "of", "from", "to", "at", "into", "near", "across", "throughout", "toward", "towards",
    "via", "outside", "inside", "around",
  ]

  private struct Draft {
    var candidate: Candidate
    /// The text of the span when it is part of one token ("Sisi" of "al-Sisi"), else nil.
    let part: String?
    var key: String?
    var ruleLabel: String?
    /// The label and key of a person's full name found by a rule, made once for the steps that
    /// use it, by the first, and only for a name the dictionary does not list: the steps never
    /// ask it of one that it lists (most of them), and it costs two new strings.
    var fullName: (label: String, key: String)?

    init(candidate: Candidate, _ tokens: [Token]) {
      // Every field is set at once, after the call: set one by one around it, the draft was
      // made aside and then copied.
      let part = Self.part(candidate, tokens)
      (self.candidate, self.part, key, ruleLabel, fullName) =
        (candidate, part, candidate.entity, candidate.label, nil)
    }

    /// The words of the span in folded text, without punctuation.
    func words(_ tokens: [Token]) -> Words {
      Words(tokens: tokens, range: candidate.tokens, part: part)
    }

    /// The text of the candidate's span when it is part of one (hyphenated) token, or nil.
    private static func part(_ candidate: Candidate, _ tokens: [Token]) -> String? {
      // (The token's bounds are read in place: a copy of it costs a retain and a release.)
      let first = candidate.tokens.lowerBound
      guard candidate.tokens.count == 1,
        candidate.start != tokens[first].start || candidate.end != tokens[first].end
      else { return nil }
      let token = tokens[first]
      let scalars = Array(token.text.unicodeScalars)
      let from = candidate.start - token.start
      let to = candidate.end - token.start
      return String(String.UnicodeScalarView(scalars[from..<to]))
    }

    static func fullName(_ words: Words) -> (label: String, key: String) {
      let label = words.text
      return (label, "rule:" + label)
    }
  }

  /// The bits of `word` in a sketch of a table's words (the union of theirs): one of 64, chosen
  /// by its first byte when that is ASCII, else all of them.
  ///
  /// A word whose bits miss the sketch is in no table that `String` equality searches: a first
  /// character in ASCII stays first in every canonically equivalent string, while another one
  /// may stand for an ASCII letter and a mark ("é") or be one ("\u{212A}" is "K"), so a word
  /// that starts with one is never turned away, and neither is any word if a table word does.
  private static func sketchBits(_ word: String) -> UInt64 {
    guard let first = word.utf8.first, first < 0x80 else { return ~0 }
    return 1 << UInt64(first & 63)
  }

  /// Adds `key` to `keys` unless it is there: a word has one owner or two, so a look through
  /// them is cheaper than a set, and which of several wins does not depend on their order.
  private static func insert(_ key: String, into keys: inout [String]) {
    if !keys.contains(key) { keys.append(key) }
  }

  /// The words that name people in one document, each numbered once, and by their numbers the
  /// keys of the people each names: the steps of `resolve` ask the owners of a word many times.
  private struct PersonWords {
    private var numbers: StringNumbering
    /// The keys whose surname each word is, to link short forms.
    var surnameOwners: [[String]] = []
    /// The keys whose first name each word is, for "Hayley" after "Hayley Williams".
    var firstNameOwners: [[String]] = []
    /// The key each word names when it stands alone: its owner as a surname, or else its one
    /// owner as a first name. The steps after the owners are known ask it of many words.
    private(set) var loneOwners: [String?] = []

    init(capacity: Int) {
      numbers = StringNumbering(capacity: capacity)
      surnameOwners.reserveCapacity(capacity)
      firstNameOwners.reserveCapacity(capacity)
    }

    /// The word numbered `number`.
    subscript(number: Int) -> String { numbers[number] }

    /// The number of the word equal to `word`, or nil.
    func number(of word: String) -> Int? { numbers.number(of: word) }

    /// The number of `word`, which gets the next one, with no owners, if it had none.
    mutating func number(adding word: String) -> Int {
      let (number, isNew) = numbers.insert(word)
      if isNew {
        surnameOwners.append([])
        firstNameOwners.append([])
      }
      return number
    }

    /// The key the word numbered `number` names as a surname: of two or more, the one the
    /// document wrote first.
    func surnameOwner(ofNumber number: Int, firstSeen: [String: Int]) -> String? {
      let keys = surnameOwners[number]
      if keys.count <= 1 { return keys.first }
      return keys.min { (firstSeen[$0] ?? Int.max, $0) < (firstSeen[$1] ?? Int.max, $1) }
    }

    /// The key `word` names as a surname, or nil.
    func surnameOwner(of word: String, firstSeen: [String: Int]) -> String? {
      number(of: word).flatMap { surnameOwner(ofNumber: $0, firstSeen: firstSeen) }
    }

    /// Works out `loneOwners`, once every owner is known.
    mutating func settleLoneOwners(firstSeen: [String: Int]) {
      loneOwners = surnameOwners.indices.map { number in
        let firstNameOwners = firstNameOwners[number]
        return surnameOwner(ofNumber: number, firstSeen: firstSeen)
          ?? (firstNameOwners.count == 1 ? firstNameOwners.first : nil)
      }
    }

    /// The person `word` names when it stands alone, and whether as a surname (or else as a
    /// first name).
    func loneOwner(of word: String) -> (key: String, isSurname: Bool)? {
      guard let number = number(of: word), let key = loneOwners[number] else { return nil }
      return (key, !surnameOwners[number].isEmpty)
    }

    /// The person `word` names as a surname when it stands alone.
    func loneSurnameOwner(of word: String) -> String? {
      guard let found = loneOwner(of: word), found.isSurname else { return nil }
      return found.key
    }
  }

  /// An entity being gathered from its mentions.
  private struct Group {
    var id: String
    var type: EntityType
    var label: String
    var count = 0
    /// The distinct surfaces, in the order first seen.
    var forms: [String]

    init(id: String, type: EntityType, label: String, form: String) {
      self.id = id
      self.type = type
      self.label = label
      forms = [form]
    }
  }

  /// The words of a draft's span, read from the tokens as they are asked for: most drafts are
  /// never asked for them, and an array of them made for each draft cost an allocation and its
  /// freeing.
  private struct Words: RandomAccessCollection {
    let tokens: [Token]
    /// The tokens of the span.
    let range: Range<Int>
    /// The one word when the span is part of its one token.
    let part: String?

    var startIndex: Int { 0 }
    var endIndex: Int { range.count }

    subscript(position: Int) -> String { part ?? tokens[range.lowerBound + position].text }

    /// The words after the first.
    var rest: Words { Words(tokens: tokens, range: range.dropFirst(), part: part) }

    /// The words joined by spaces: `joined(separator:)`, which reached them through the
    /// protocol's witnesses, cost several times as much, and one word is its own text.
    var text: String {
      if count == 1 { return self[0] }
      var text = ""
      for position in indices {
        if position > 0 { text.append(" ") }
        text.append(self[position])
      }
      return text
    }
  }

  /// The position of the dictionary entry of the candidate's type that lists its words.
  private func dictionaryEntry(
    for candidate: Candidate, _ tokens: [Token], _ gazetteer: Gazetteer
  ) -> Int? {
    var words = candidate.tokens
    if words.count > 1, candidate.type == .organization, tokens[words.lowerBound].text == "The" {
      words = (words.lowerBound + 1)..<words.upperBound
    }
    let found = gazetteer.exact.matches(startingAt: words.lowerBound, count: words.upperBound) {
      tokens[$0].text
    }
    guard let whole = found.last, whole.length == words.count else { return nil }
    return whole.payloads.lazy.map { Int($0.entry) }
      .first { gazetteer.entries.type(at: $0) == candidate.type }
  }

  /// The surnames of a name whose last word is `last`: "al-Sisi" gives "al-Sisi" and "Sisi";
  /// "Vladimir Putin" gives "Putin".
  private func surnameKeys(_ last: String) -> [String] {
    guard let stripped = strippedParticle(last) else { return [last] }
    return [last, stripped]
  }

  /// "Sisi" for "al-Sisi"; nil for a word without such a particle.
  private func strippedParticle(_ word: String) -> String? {
    // Most words have no hyphen, and splitting by Characters costs thousands of instructions:
    // with no "-" byte there is no "-" Character either (none is canonically equivalent to it).
    guard word.utf8.withContiguousStorageIfAvailable({ $0.contains(0x2D) }) ?? true else {
      return nil
    }
    let parts = word.split(separator: "-", maxSplits: 1)
    if parts.count == 2, NameShape.particles.contains(parts[0].lowercased()) {
      return String(parts[1])
    }
    return nil
  }
}
