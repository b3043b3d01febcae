/// Turns the kept candidates of one document into mentions of entities with stable ids.
///
/// Dictionary names map to their entry's id. A rule's name that the dictionary lists under
/// another form maps to that entry. Within the document a surname alone ("Putin", "Sisi",
/// "Sobqi") links to the one fuller name that ends in it ("Vladimir Putin", "Abdel Fattah
/// al-Sisi"), and later bare uses of such a surname anywhere in the text become mentions too.
/// When two full names share the surname, it goes to the one written first.
///
/// A resolver keeps the tables and arrays it fills for one document and empties them for the
/// next, keeping their storage: made anew for each document, their allocations and freeing cost
/// more than emptying them. A caller that resolves many documents keeps one resolver for them
/// (one for each thread), and a document's result does not depend on what it resolved before.
public struct EntityResolver: Sendable {
  /// The keys of the document's drafts: a key is numbered once, when a draft first gets it,
  /// and drafts, owners and groups keep its number: the steps compare and look up numbers where
  /// they hashed and compared strings.
  private var keys = Keys()
  /// The surnames and first names of the full names of the document, to link short forms.
  private var names = PersonWords()
  /// What the resolver knows of each kept candidate, then of each mention it adds.
  private var drafts: [Draft] = []
  /// The parts of tokens and the labels that drafts name, by the numbers the drafts keep: a
  /// draft with no string of its own is copied without a retain or a release.
  private var texts: [String] = []
  /// The token ranges of the drafts, in the order of their lower bounds, when a step asks for
  /// the tokens that no draft covers and the drafts do not come in that order
  /// (`coveredSpans()`).
  private var spans: [Range<Int>] = []
  /// The texts of the teams of the document, each with the index of its first draft.
  private var teams: [String: Int] = [:]
  /// The indices of the drafts in the order of their starts.
  private var order: [Int] = []
  /// Number of a key or id -> index in `groups`, or -1 before its first mention.
  private var groupOf: [Int] = []
  /// The entities of the document being gathered, in the order of their first mentions.
  private var groups: [Group] = []
  /// The indices of `groups` in the order of their ids.
  private var groupOrder: [Int] = []
  /// The index in the entities returned of each group: the inverse of `groupOrder`.
  private var entityOfGroup: [Int] = []
  /// By mention: the next mention that brings a new form of its entity, or -1 (`Group`).
  private var nextForm: [Int] = []
  /// The labels and surnames of the dictionary entries named so far, worked out once for
  /// every document.
  private var entryNames = EntryNames()

  public init() {}

  public mutating func resolve(
    _ kept: [Candidate], tokens: [Token], sentenceOfToken: [Int], text: SourceText,
    gazetteer: Gazetteer
  ) -> (mentions: [Mention], entities: [Entity]) {
    var (mentions, entities): ([Mention], [Entity]) = ([], [])
    resolve(
      kept, tokens: tokens, sentenceOfToken: sentenceOfToken, text: text, gazetteer: gazetteer,
      lookups: nil, into: &mentions, &entities)
    return (mentions, entities)
  }

  /// `resolve(_:tokens:sentenceOfToken:text:gazetteer:)` with the `lookups` of the tokens, if
  /// the recognizer made them: a dictionary name of a rule's candidate is found from the keys
  /// they hold rather than by looking each word up in the dictionary again.
  ///
  /// The mentions and entities are written into `mentions` and `entities`, emptied first: the
  /// recognizer passes the arrays of an earlier document (`Recognizer.Scratch.recycle(_:)`),
  /// whose storage is kept, where two arrays were allocated, grown and freed for every document.
  mutating func resolve(
    _ kept: [Candidate], tokens: [Token], sentenceOfToken: [Int], text: SourceText,
    gazetteer: Gazetteer, lookups: TokenLookups.Shared?, into mentions: inout [Mention],
    _ entities: inout [Entity]
  ) {
    keys.removeAll(entries: kept.count)
    names.removeAll()
    texts.removeAll(keepingCapacity: true)
    drafts.removeAll(keepingCapacity: true)
    // (Read through a buffer: a candidate read from the array was copied, retaining and
    // releasing its strings, to read its fields.)
    kept.withUnsafeBufferPointer { kept in
      for index in kept.indices {
        let draft = Draft(kept, index, tokens, keys: &keys, texts: &texts)
        drafts.append(draft)
      }
    }
    // The trie is fetched once: each fetch copies it, retaining and releasing its arrays.
    let exact = gazetteer.exact
    for index in drafts.indices where drafts[index].key == nil {
      guard
        let entry = Self.dictionaryEntry(
          for: drafts[index].tokens, type: drafts[index].type, tokens, exact, gazetteer,
          lookups: lookups)
      else { continue }
      let span = drafts[index].start..<drafts[index].end
      drafts[index].key = keys.number(adding: gazetteer.entries.id(at: entry), entry: entry)
      drafts[index].form =
        gazetteer.entries.label(at: entry) == text.foldedText(span) ? .name : .alias
    }

    for index in drafts.indices where drafts[index].type == .person {
      let words = drafts[index].words(tokens, texts)
      let listed = drafts[index].key.flatMap { keys.entry(of: $0, in: gazetteer) }
      if listed == nil && words.count >= 2 {
        drafts[index].fullName = keys.number(fullName: words.text)
      }
      let fullName = drafts[index].fullName
      if let id = drafts[index].key, let entry = listed {
        // An entry mentioned again adds nothing, and splitting every form of it each time cost
        // more than the rest.
        if !keys.isListed(id) {
          keys.list(id)
          for last in entryNames.surnames(at: entry, in: gazetteer) {
            names.add(surnamesOf: last, hash: Self.wordHash(last), owner: id)
          }
        }
      } else if let fullName {
        names.add(
          surnamesOf: words[words.count - 1], hash: words.hash(at: words.count - 1),
          owner: fullName)
      }
      guard let key = drafts[index].key ?? fullName else { continue }
      keys.see(key, at: drafts[index].start)
      // The first word of a person's full name is a personal name, listed or not ("László").
      // (Three letters or more: an initial such as "B." is no name to link.)
      if words.count >= 2, Self.hasThreeCharacters(words[0]),
        !Self.isParticle(words[0])
      {
        names.add(firstName: words[0], hash: words.hash(at: 0), owner: key)
      }
    }

    for index in drafts.indices where drafts[index].key == nil {
      let words = drafts[index].words(tokens, texts)
      switch drafts[index].type {
      case .person:
        if words.count == 1, let key = names.surnameOwner(of: words[0], words.hash(at: 0), keys) {
          drafts[index].key = key
          drafts[index].form = .short
        } else if let last = words.last, words.count >= 2,
          let key = names.surnameOwner(of: last, words.hash(at: words.count - 1), keys),
          !keys.hasRulePrefix(key),
          let entry = keys.entry(of: key, in: gazetteer),
          entryNames.label(at: entry, in: gazetteer).hasPrefix(words[0])
        {
          drafts[index].key = key
          drafts[index].form = .alias
        } else if let name = drafts[index].fullName {
          drafts[index].key = name
        } else {
          drafts[index].key = keys.number(fullName: words.text)
        }
      default:
        // "The Scout Association" is "Scout Association" (ArticleNameRule).
        let label = (words.count > 1 && words[0] == "The" ? words.rest : words).text
        drafts[index].key = keys.number(adding: Slug.id(drafts[index].type, label))
        drafts[index].ruleLabel = texts.count
        texts.append(label)
      }
    }

    // "President Clinton ... Clinton said": a lone surname after a title is a person, and so
    // are its bare uses elsewhere, unless a fuller name owns the word.
    for index in drafts.indices
    where drafts[index].type == .person
      && drafts[index].source(kept) == "rule:titled-person"
    {
      let words = drafts[index].words(tokens, texts)
      guard words.count == 1, let key = drafts[index].key else { continue }
      names.add(loneSurname: words[0], hash: words.hash(at: 0), owner: key)
    }
    names.settleLoneOwners(keys)

    // A place that is a team elsewhere in the document (a results line, "Dynamo Moscow") is
    // that team in the prose too: "Surrey 429-7" ... "Surrey captain Chris Lewis".
    // (By the index of its first draft: a copy of the draft cost more than the look-up.)
    teams.removeAll(keepingCapacity: true)
    // Most capitalized words name no team: the sketch of the teams' texts turns them away
    // before a lookup.
    var teamSketch: UInt64 = 0
    for index in drafts.indices
    where drafts[index].type == .organization
      && EntityResolver.isTeamRule(drafts[index].source(kept))
    {
      let text = drafts[index].words(tokens, texts).text
      if teams[text] == nil {
        teams[text] = index
        teamSketch |= Self.sketchBits(text)
      }
    }
    let hasTeams = !teams.isEmpty
    if hasTeams {
      for index in drafts.indices where drafts[index].type == .place {
        // Most places name no team: the sketch turns them away by their first word, whose first
        // byte is their text's, before their text is made and looked up.
        let words = drafts[index].words(tokens, texts)
        guard teamSketch & Self.sketchBits(words[0]) != 0, let team = teams[words.text],
          !Self.isDateline(drafts[index].tokens, tokens, sentenceOfToken)
        else { continue }
        drafts[index].key = drafts[team].key
        drafts[index].ruleLabel = drafts[team].ruleLabel
        drafts[index].type = .organization
        drafts[index].source = .documentTeam
      }
    }

    let hasLoneOwners = names.hasLoneOwners
    // Most words name nobody: the sketch turns them away before a lookup.
    let sketch = hasLoneOwners ? names.loneOwnersSketch : 0
    if hasLoneOwners {
      // A place or country named like a person's surname in this document is that person
      // ("Michael Jordan ... Jordan scored"), unless a preposition of place comes before it.
      for index in drafts.indices
      where drafts[index].type == .place || drafts[index].type == .country {
        let words = drafts[index].words(tokens, texts)
        guard words.count == 1, drafts[index].form != .demonym else { continue }
        let hash = words.hash(at: 0)
        guard sketch & PersonWords.sketchBits(hash) != 0,
          let key = names.loneSurnameOwner(of: words[0], hash)
        else { continue }
        let first = drafts[index].tokens.lowerBound
        if first > 0,
          EntityResolver.placePrepositions.contains(tokens[first - 1].text.lowercased())
        {
          continue
        }
        drafts[index].key = key
        drafts[index].type = .person
        drafts[index].form = .short
        drafts[index].source = .documentSurname
      }
    }

    // A capitalized word that no draft covers may name a team of the document, or else be a
    // bare surname the matchers left alone ("Putin had a fruitful visit"). Both are looked for
    // in one pass over the tokens, which adds their drafts in the order of their starts.
    let added = drafts.count
    if hasTeams || hasLoneOwners {
      let inOrder = coveredSpans()
      // (Tokens are read in place: a copy of each costs a retain and a release of its text. The
      // kind, read through a call, is asked last: only a word is capitalized, and few are.)
      tokens.withUnsafeBufferPointer { tokens in
        // The runs of tokens between the drafts' spans, in order: a covered token is never
        // read, where a table of the covered tokens was made and read for every token.
        var from = 0
        for next in 0...added {
          let span = next == added ? nil : inOrder ? drafts[next].tokens : spans[next]
          defer { if let span { from = max(from, span.upperBound) } }
          let end = span?.lowerBound ?? tokens.count
          for index in from..<max(from, end)
          where tokens[index].isCapitalized && tokens[index].kind == .word {
            let text = tokens[index].text
            if hasTeams, teamSketch & Self.sketchBits(text) != 0, let team = teams[text] {
              var draft = drafts[team]
              draft.place(at: index, tokens[index], sentence: sentenceOfToken[index])
              draft.source = .documentTeam
              drafts.append(draft)
              continue
            }
            guard hasLoneOwners else { continue }
            // A surname, then a surname after its particle ("al-Sisi"), then a first name.
            let hash = Self.wordHash(tokens[index])
            let found =
              sketch & PersonWords.sketchBits(hash) != 0 ? names.loneOwner(of: text, hash) : nil
            var key = found?.isSurname == true ? found?.key : nil
            if key == nil, tokens[index].containsHyphen, let stripped = Self.strippedParticle(text)
            {
              key = names.loneSurnameOwner(of: stripped, Self.wordHash(stripped))
            }
            guard let key = key ?? found?.key else { continue }
            drafts.append(
              Draft(surname: key, at: index, tokens[index], sentence: sentenceOfToken[index]))
          }
        }
      }
    }
    orderDrafts(added: added)
    mentionsAndEntities(kept: kept, tokens, text, gazetteer, into: &mentions, &entities)
  }

  /// Writes into `mentions` (emptied first) the mentions of the drafts that have a key, in
  /// `order`, and into `entities` their entities sorted by id.
  ///
  /// A key gives the index of its entity the first time it comes, so a mention costs one look
  /// in an array. A full name's key ("rule:Vladimir Putin") is not an id: its id
  /// ("person/vladimir-putin") is numbered with the keys, as a mention may carry it. The groups
  /// hold numbers, not strings (`Group`): an entity's strings are read once, when it is made.
  private mutating func mentionsAndEntities(
    kept: [Candidate], _ tokens: [Token], _ text: SourceText, _ gazetteer: Gazetteer,
    into mentions: inout [Mention], _ entities: inout [Entity]
  ) {
    mentions.removeAll(keepingCapacity: true)
    mentions.reserveCapacity(drafts.count)
    groups.removeAll(keepingCapacity: true)
    groupOf.removeAll(keepingCapacity: true)
    groupOf.append(contentsOf: repeatElement(-1, count: keys.count))
    nextForm.removeAll(keepingCapacity: true)
    let foldsToItself = Self.foldsToItself(text)
    for position in order {
      guard let key = drafts[position].key else { continue }
      let type = drafts[position].type
      let span = drafts[position].start..<drafts[position].end
      let surface = Self.surface(
        span, of: drafts[position].tokens, tokens, text, foldsToItself: foldsToItself)
      let mention = mentions.count
      nextForm.append(-1)
      if groupOf[key] < 0 {
        if let full = keys.fullName(of: key) {
          let idNumber = keys.number(adding: Slug.id(.person, full))
          if idNumber == groupOf.count { groupOf.append(-1) }
          if groupOf[idNumber] < 0 {
            groupOf[idNumber] = groups.count
            groups.append(
              Group(id: idNumber, keys, type: type, label: .fullName(key), form: mention))
          }
          groupOf[key] = groupOf[idNumber]
        } else {
          let label: Group.Label =
            if let entry = keys.entry(of: key, in: gazetteer) {
              .entry(entry)
            } else if let ruleLabel = drafts[position].ruleLabel {
              .text(ruleLabel)
            } else {
              .id
            }
          groupOf[key] = groups.count
          groups.append(Group(id: key, keys, type: type, label: label, form: mention))
        }
      }
      let group = groupOf[key]
      // An entity has few forms: a look through them is cheaper than a set, and keeps the first
      // of two canonically equivalent ones as a set would.
      if groups[group].lastForm != mention {
        var form = groups[group].firstForm
        while form >= 0 && mentions[form].text != surface { form = nextForm[form] }
        if form < 0 {
          nextForm[groups[group].lastForm] = mention
          groups[group].lastForm = mention
          groups[group].forms += 1
        }
      }
      mentions.append(
        Mention(
          text: surface, start: span.lowerBound, end: span.upperBound,
          sentence: drafts[position].sentence, type: type, entity: keys[groups[group].id],
          form: drafts[position].form, source: drafts[position].source(kept),
          // The group for now; its entity's index once the entities are in order.
          entityIndex: group))
      groups[group].count += 1
    }
    // Sorted as indices, in an array kept for the next document, by the prefixes the groups
    // keep: an Entity is larger to move than an Int, and an array of the ids and one of their
    // prefixes made for each document cost more than the sorting.
    groupOrder.removeAll(keepingCapacity: true)
    groupOrder.append(contentsOf: groups.indices)
    // An id that starts with "rule:" (none that the stages make) is no string of `keys.strings`:
    // then the ids are written out, each group's at the group's own index.
    let written = groups.contains { $0.idString < 0 }
    let ids = written ? groups.map { keys[$0.id] } : keys.strings
    if written {
      for index in groups.indices { groups[index].idString = index }
    }
    groups.withUnsafeBufferPointer { groups in
      groupOrder.sort { a, b in
        // (As `StringOrder.indices(sorting:)` orders them. Two groups have two ids, numbered
        // apart, and so not equal.)
        if let one = groups[a].idPrefix, let other = groups[b].idPrefix, one != other {
          return one < other
        }
        return ids[groups[a].idString] < ids[groups[b].idString]
      }
    }
    entityOfGroup.removeAll(keepingCapacity: true)
    entityOfGroup.append(contentsOf: repeatElement(0, count: groups.count))
    for (entity, group) in groupOrder.enumerated() { entityOfGroup[group] = entity }
    // (Through a buffer: each change made through the array checked that its storage was its
    // own, and the bounds, several times the cost of the change.)
    entityOfGroup.withUnsafeBufferPointer { entityOfGroup in
      mentions.withUnsafeMutableBufferPointer { mentions in
        for at in mentions.indices {
          if let group = mentions[at].entityIndex {
            mentions[at].entityIndex = entityOfGroup[group]
          }
        }
      }
    }
    entities.removeAll(keepingCapacity: true)
    entities.reserveCapacity(groups.count)
    for index in groupOrder {
      let group = groups[index]
      let id = keys[group.id]
      let label =
        switch group.label {
        case .fullName(let key): keys.fullName(of: key) ?? id
        case .entry(let entry): entryNames.label(at: entry, in: gazetteer)
        case .text(let at): texts[at]
        case .id: id
        }
      entities.append(
        Entity(
          id: id, type: group.type, label: label, mentions: group.count,
          aliases: group.forms == 1
            ? .one(mentions[group.firstForm].text) : .many(forms(of: group, mentions))))
    }
  }

  /// The distinct surfaces of the mentions of `group`, which has two or more, sorted.
  private func forms(of group: Group, _ mentions: [Mention]) -> [String] {
    var forms: [String] = []
    forms.reserveCapacity(group.forms)
    var form = group.firstForm
    while form >= 0 {
      forms.append(mentions[form].text)
      form = nextForm[form]
    }
    // (Distinct forms are never equal: of two, one comes first.)
    if forms.count == 2 {
      if forms[1] < forms[0] { forms.swapAt(0, 1) }
    } else {
      forms.sort()
    }
    return forms
  }

  /// The text of `span` as it was written, which covers the tokens `covered`; whether `text`
  /// folds to itself is `foldsToItself(_:)`.
  ///
  /// A span that is one whole token, as most are, is that token's text when folding left its
  /// scalars as they were (a token's text is its folded scalars): comparing them costs a
  /// fraction of making the string again, and the mention shares the token's storage.
  private static func surface(
    _ span: Range<Int>, of covered: Range<Int>, _ tokens: [Token], _ text: SourceText,
    foldsToItself: Bool
  ) -> String {
    let first = covered.lowerBound
    if covered.count == 1, tokens[first].start == span.lowerBound,
      tokens[first].end == span.upperBound, foldsToItself || isUnfolded(span, text)
    {
      return tokens[first].text
    }
    return text.text(span)
  }

  /// Whether folding left every scalar of `text` as it was: whether its folded scalars are its
  /// scalars, the same storage, as `SourceText` keeps them for a text that folds to itself
  /// (nearly every text). Then no span's scalars need comparing.
  private static func foldsToItself(_ text: SourceText) -> Bool {
    text.original.withUnsafeBufferPointer { original in
      text.folded.withUnsafeBufferPointer { folded in
        original.baseAddress == folded.baseAddress && original.count == folded.count
      }
    }
  }

  /// Whether folding left the scalars of `span` as they were, read in place: comparing the two
  /// array slices took back half of what a shared string spares.
  private static func isUnfolded(_ span: Range<Int>, _ text: SourceText) -> Bool {
    text.original.withUnsafeBufferPointer { original in
      text.folded.withUnsafeBufferPointer { folded in
        span.allSatisfy { original[$0] == folded[$0] }
      }
    }
  }

  /// Whether the token ranges of the drafts come in the order of their lower bounds, as the
  /// recognizer gives its candidates; if not, `spans` is filled with them in that order.
  ///
  /// (The drafts' own ranges are read in order where they can be: copied into `spans`, or into
  /// a table of the covered tokens, they cost more than the rest of the pass.)
  private mutating func coveredSpans() -> Bool {
    let inOrder = drafts.withUnsafeBufferPointer { drafts in
      drafts.indices.dropFirst().allSatisfy {
        drafts[$0 - 1].tokens.lowerBound <= drafts[$0].tokens.lowerBound
      }
    }
    if !inOrder {
      spans.removeAll(keepingCapacity: true)
      for index in drafts.indices { spans.append(drafts[index].tokens) }
      spans.sort { $0.lowerBound < $1.lowerBound }
    }
    return inOrder
  }

  /// Fills `order` with the indices of the drafts in the order of their starts; the drafts
  /// from `added` on were added at words, in that order.
  ///
  /// The drafts of the candidates come in order too, as the recognizer gives its candidates:
  /// the two runs are merged, the candidates' draft first of two at the same start, as a stable
  /// sort leaves them. (A sort of them all, with a closure that read every draft it compared,
  /// cost several times as much.) Candidates given in another order are sorted.
  private mutating func orderDrafts(added: Int) {
    order.removeAll(keepingCapacity: true)
    order.reserveCapacity(drafts.count)
    drafts.withUnsafeBufferPointer { drafts in
      guard added < 2 || (1..<added).allSatisfy({ drafts[$0 - 1].start <= drafts[$0].start })
      else {
        order.append(contentsOf: drafts.indices)
        order.sort { drafts[$0].start < drafts[$1].start }
        return
      }
      var (one, other) = (0, added)
      while one < added && other < drafts.count {
        if drafts[other].start < drafts[one].start {
          order.append(other)
          other += 1
        } else {
          order.append(one)
          one += 1
        }
      }
      order.append(contentsOf: one..<added)
      order.append(contentsOf: other..<drafts.count)
    }
  }

  /// "NEW YORK 1996-08-30", "CAIRO (Reuters) -": a place that opens a sentence and is followed
  /// by a date or a bracket is where the story was filed, not a team.
  private static func isDateline(
    _ span: Range<Int>, _ tokens: [Token], _ sentenceOfToken: [Int]
  ) -> Bool {
    let first = span.lowerBound
    let next = span.upperBound
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

  /// What the resolver knows of one kept candidate, or of a mention it adds.
  ///
  /// It holds the candidate's fields that the steps read or change, not the candidate: a copy
  /// of a candidate costs retains of its strings, and its id is needed only as a key number.
  private struct Draft {
    var start: Int
    var end: Int
    var tokens: Range<Int>
    var sentence: Int
    var type: EntityType
    var form: MentionForm
    var source: Source
    /// The text of the span when it is part of one token ("Sisi" of "al-Sisi"), else nil: its
    /// index in the texts of the drafts.
    var part: Int?
    /// The number of the draft's key in `Keys`, once it has one.
    var key: Int?
    /// The label of an entity that no dictionary lists: its index in the texts of the drafts.
    var ruleLabel: Int?
    /// The key of a person's full name found by a rule, numbered once for the steps that use
    /// it, by the first, and only for a name the dictionary does not list: the steps never ask
    /// it of one that it lists (most of them), and its key is a new string.
    var fullName: Int?

    /// The draft of `kept[index]`, whose id, if it has one, is numbered in `keys`.
    ///
    /// (Inlined into its one caller: a call of it cost a save and a restore of the registers it
    /// used and a release of an array's storage, for every candidate.)
    @inline(__always)
    init(
      _ kept: UnsafeBufferPointer<Candidate>, _ index: Int, _ tokens: [Token], keys: inout Keys,
      texts: inout [String]
    ) {
      // Every field is worked out first and set at once: set one by one around the calls, the
      // draft was made aside and then copied.
      let span = kept[index].tokens
      let (start, end) = (kept[index].start, kept[index].end)
      // Most spans are whole tokens: only a span of one token, with other bounds, is a part.
      let first = span.lowerBound
      let isPart = span.count == 1 && (start != tokens[first].start || end != tokens[first].end)
      var part: Int?
      if isPart {
        part = texts.count
        texts.append(Self.part(start..<end, of: tokens[first]))
      }
      var key: Int?
      if let entity = kept[index].entity {
        key = keys.number(adding: entity, entry: kept[index].entry)
      }
      var label: Int?
      if let text = kept[index].label {
        label = texts.count
        texts.append(text)
      }
      (self.start, self.end, self.tokens, sentence, type, form, source) = (
        start, end, span, kept[index].sentence, kept[index].type, kept[index].form,
        .candidate(index)
      )
      (self.part, self.key, ruleLabel, fullName) = (part, key, label, nil)
    }

    /// A person's bare surname, the token at `index`, linked to the key `surname`.
    init(surname: Int, at index: Int, _ token: Token, sentence: Int) {
      (start, end, tokens, self.sentence) = (token.start, token.end, index..<(index + 1), sentence)
      (type, form, source, part) = (.person, .short, .documentSurname, nil)
      (key, ruleLabel, fullName) = (surname, nil, nil)
    }

    /// Moves the draft to the token at `index`, the whole of its span.
    mutating func place(at index: Int, _ token: Token, sentence: Int) {
      (start, end, tokens, self.sentence, part) =
        (token.start, token.end, index..<(index + 1), sentence, nil)
    }

    /// The words of the span in folded text, without punctuation; `texts` are the texts of
    /// the drafts.
    func words(_ tokens: [Token], _ texts: [String]) -> Words {
      Words(tokens: tokens, range: self.tokens, part: part.map { texts[$0] })
    }

    /// What produced the draft: `dictionary` or `rule:ID`; `kept` are the kept candidates.
    func source(_ kept: [Candidate]) -> String {
      switch source {
      case .candidate(let index): kept[index].source
      case .documentTeam: "rule:document-team"
      case .documentSurname: "rule:document-surname"
      }
    }

    /// Where a draft's source is told: by its candidate, or by the step of the resolver that
    /// made it or changed its type.
    enum Source {
      /// The source of the kept candidate with this index.
      case candidate(Int)
      /// A place named like a team of the document, or a bare word that is that team.
      case documentTeam
      /// A place named like a person's surname, or a bare surname.
      case documentSurname
    }

    /// The text of the code points `span` of the document, which are part of `token`.
    private static func part(_ span: Range<Int>, of token: Token) -> String {
      // The scalars are counted off in the text and their bytes taken as they are: an array of
      // the scalars, made into a string again, cost several thousand instructions.
      let scalars = token.text.unicodeScalars
      let from = scalars.index(scalars.startIndex, offsetBy: span.lowerBound - token.start)
      let to = scalars.index(from, offsetBy: span.count)
      return String(scalars[from..<to])
    }
  }

  /// The keys of one document's drafts, numbered in the order they come, and by their numbers
  /// what the steps ask of each key.
  ///
  /// A key is an entity's id (a dictionary's, a rule's, or one a mention carries) or a person's
  /// full name that the dictionary does not list ("rule:Vladimir Putin"). Numbers are equal
  /// when the strings are, as `String` compares them.
  private struct Keys {
    /// What the steps ask of one key, kept together: an array for each cost an allocation, an
    /// append for each key and a freeing.
    private struct Facts {
      /// Where the person of the key is first written, or Int.max: a surname two people share
      /// goes to the one the document introduced first, its subject ("Duane Bobick ... his
      /// brother Rodney Bobick ... Bobick won").
      var firstSeen = Int.max
      /// The index in `fullNames` of the label of a full name's key, or -1; the last one given,
      /// as a table by key would keep. (An index, not the string: facts without a string are
      /// emptied for the next document without a release of each.)
      var fullName = -1
      /// The position of the key's dictionary entry, -1 for none, or -2 until it is looked up.
      var entry = -2
      /// Whether the surnames of the key's dictionary entry are listed already.
      var isListed = false
      /// The key's number in `numbers`, or -1 minus the number of its rule name in `ruleNames`.
      var string: Int
    }

    /// The keys that do not start with "rule:", numbered.
    private var numbers = StringNumbering()
    /// What follows "rule:" in the keys that start so, numbered apart: the label of a full name
    /// is numbered as it is, and its key ("rule:" and the label) is never written, where one
    /// was made for every full name of every document, an allocation and a check of its bytes.
    ///
    /// A key starts with those characters only when it starts with their bytes, as nothing else
    /// is canonically equivalent to them, and two such keys are equal exactly when what follows
    /// is: the colon is no part of a composed character, so a mark after it stays after it.
    private var ruleNames = StringNumbering()
    /// The number of the key of each string in `numbers`, and of each name in `ruleNames`.
    private var keyOfString: [Int] = []
    private var keyOfRuleName: [Int] = []
    /// The facts of each key, by number.
    private var facts: [Facts] = []
    /// The labels of the full names given, in the order given.
    private var fullNames: [String] = []
    /// The numbers of the keys given with their dictionary entries, by the entries' positions:
    /// an open-addressing table whose slots hold the document's generation in their high 32
    /// bits and a key's number plus one in their low ones (a slot of an earlier generation is
    /// empty), and whose size is a power of two at least twice the entries it may get.
    ///
    /// A key given with its entry is that entry's id (`Candidate.entry`), so an entry found in
    /// the table is its key's without the hash of the id and the comparison of strings that
    /// numbering it again cost: most entries are named more than once in a document. (The
    /// generation empties the table for the next document without a write to every slot.)
    private var numberOfEntry: [UInt64] = []
    /// The generation of the document's slots in `numberOfEntry`.
    private var generation: UInt64 = 0
    /// How many keys the document's slots of `numberOfEntry` hold.
    private var entriesNumbered = 0

    /// Forgets every key, keeping the storage for the next document, which may give up to
    /// `entries` keys with their dictionary entries.
    mutating func removeAll(entries: Int) {
      EntityResolver.empty(&numbers)
      EntityResolver.empty(&ruleNames)
      keyOfString.removeAll(keepingCapacity: true)
      keyOfRuleName.removeAll(keepingCapacity: true)
      facts.removeAll(keepingCapacity: true)
      fullNames.removeAll(keepingCapacity: true)
      var size = max(16, numberOfEntry.count)
      while size < 2 * entries { size *= 2 }
      if size != numberOfEntry.count || generation == UInt64(UInt32.max) {
        numberOfEntry = [UInt64](repeating: 0, count: size)
        generation = 0
      }
      generation += 1
      entriesNumbered = 0
    }

    /// How many keys have numbers: they are `0..<count`.
    var count: Int { facts.count }

    /// The keys that do not start with "rule:", by their numbers among them.
    var strings: [String] { numbers.strings }

    /// The number of the key numbered `key` among `strings`, or -1 for a key that starts with
    /// "rule:".
    func stringNumber(of key: Int) -> Int { max(-1, facts[key].string) }

    /// The key numbered `key`: a rule name's is written out each time it is asked, which only
    /// an id that starts with "rule:" (none that the stages make) or a tie of `precedes` does.
    ///
    /// (Inlined: the keys, a struct too large for registers, were copied to be passed to a call,
    /// for every mention.)
    @inline(__always)
    subscript(key: Int) -> String {
      let string = facts[key].string
      guard string < 0 else { return numbers[string] }
      return EntityResolver.ruleKey(ruleNames[-1 - string])
    }

    /// The number of `key`, which gets the next one if it had none; `entry` is the position of
    /// the dictionary entry whose id `key` is, when the caller knows it, so that `entry(of:in:)`
    /// need not look the id up.
    mutating func number(adding key: String, entry: Int? = nil) -> Int {
      guard let entry else { return number(ofString: key) }
      let mask = numberOfEntry.count - 1
      var slot = entry & mask
      while numberOfEntry[slot] >> 32 == generation {
        let number = Int(truncatingIfNeeded: numberOfEntry[slot] & 0xFFFF_FFFF) - 1
        // (An entry whose id is another's, found after it, took the key: it is looked up again.)
        if facts[number].entry == entry { return number }
        slot = (slot + 1) & mask
      }
      let number = number(ofString: key)
      facts[number].entry = entry
      if 2 * (entriesNumbered + 1) <= numberOfEntry.count {
        numberOfEntry[slot] = generation << 32 | UInt64(number + 1)
        entriesNumbered += 1
      }
      return number
    }

    /// The number of `key`, which gets the next one if it had none.
    private mutating func number(ofString key: String) -> Int {
      if let name = Self.ruleName(of: key) { return number(ruleName: name) }
      let (number, isNew) = numbers.insert(key)
      if isNew {
        keyOfString.append(facts.count)
        facts.append(Facts(string: number))
      }
      return keyOfString[number]
    }

    /// The number of the key "rule:" and `name`, which gets the next one if it had none.
    private mutating func number(ruleName name: String) -> Int {
      let (number, isNew) = ruleNames.insert(name)
      if isNew {
        keyOfRuleName.append(facts.count)
        facts.append(Facts(string: -1 - number))
      }
      return keyOfRuleName[number]
    }

    /// What follows "rule:" in `key`, or nil for a key that does not start with its bytes.
    private static func ruleName(of key: String) -> String? {
      let utf8 = key.utf8
      // (Read in place: an iterator over the bytes cost more than the test.)
      let byBytes = utf8.withContiguousStorageIfAvailable { bytes in
        bytes.count >= 5 && bytes[0] == 0x72 && bytes[1] == 0x75 && bytes[2] == 0x6C
          && bytes[3] == 0x65 && bytes[4] == 0x3A
      }
      guard byBytes ?? utf8.starts(with: "rule:".utf8) else { return nil }
      return String(key[utf8.index(utf8.startIndex, offsetBy: 5)...])
    }

    /// The number of the key of the full name `label` ("rule:" and the label), which is its
    /// label from now on.
    mutating func number(fullName label: String) -> Int {
      let number = number(ruleName: label)
      facts[number].fullName = fullNames.count
      fullNames.append(label)
      return number
    }

    /// The label of the full name numbered `key`, or nil for a key that is no full name's.
    func fullName(of key: Int) -> String? {
      facts[key].fullName < 0 ? nil : fullNames[facts[key].fullName]
    }

    /// Whether the key numbered `key` starts with "rule:", as a full name's does.
    func hasRulePrefix(_ key: Int) -> Bool {
      // Only a key that starts with the bytes of "rule:" can (`ruleNames`), and one whose next
      // byte is ASCII, or that has none, does, as no character joins two ASCII ones but
      // "\r\n". After "rule:" bytes, any other byte (a mark?) leaves it to `hasPrefix`.
      let string = facts[key].string
      guard string < 0 else { return false }
      let name = ruleNames[-1 - string]
      let byBytes = name.utf8.withContiguousStorageIfAvailable { $0.isEmpty || $0[0] < 0x80 }
      return byBytes == true || self[key].hasPrefix("rule:")
    }

    /// The position of the dictionary entry whose id is the key numbered `key`, or nil.
    mutating func entry(of key: Int, in gazetteer: Gazetteer) -> Int? {
      if facts[key].entry == -2 { facts[key].entry = gazetteer.index[self[key]] ?? -1 }
      return facts[key].entry < 0 ? nil : facts[key].entry
    }

    /// Notes that a person with the key numbered `key` is written at `start`, unless earlier.
    mutating func see(_ key: Int, at start: Int) {
      if facts[key].firstSeen == Int.max { facts[key].firstSeen = start }
    }

    /// Whether the surnames of the entry of the key numbered `key` are listed.
    func isListed(_ key: Int) -> Bool { facts[key].isListed }

    /// Notes that the surnames of the entry of the key numbered `key` are listed.
    mutating func list(_ key: Int) { facts[key].isListed = true }

    /// Whether the person numbered `one` was written before the one numbered `other`: of two
    /// written at the same place, or never, the one whose key sorts first.
    func precedes(_ one: Int, _ other: Int) -> Bool {
      let (seen, otherSeen) = (facts[one].firstSeen, facts[other].firstSeen)
      if seen != otherSeen { return seen < otherSeen }
      return self[one] < self[other]
    }
  }

  /// Empties `numbers` for the next document: a numbering that a long document filled is made
  /// anew instead, as emptying it clears every slot of its index, which grew with it, and later
  /// documents, most of them short, cleared them all again each time.
  private static func empty(_ numbers: inout StringNumbering) {
    if numbers.count > 64 { numbers = StringNumbering() } else { numbers.removeAll() }
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

  /// The hash of a word's bytes that `PersonWords` numbers it by: `StringTable.hash(_:)`, as
  /// the tokenizer works it out for a token's text (`Token.textHash`); nil for a word that is
  /// not ASCII, which is numbered by `String` equality alone (`StringNumbering`).
  static func wordHash(_ word: String) -> UInt64? {
    let hash = word.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
      var high: UInt8 = 0
      for byte in bytes { high |= byte }
      return high < 0x80 ? UInt64(StringTable.hash(bytes)) : nil
    }
    return hash ?? nil
  }

  /// `wordHash(_:)` of the text of `token`, which the tokenizer worked out.
  static func wordHash(_ token: Token) -> UInt64? {
    token.isASCII ? UInt64(token.textHash) : nil
  }

  /// Whether `word` is one of the particles of names (`NameShape.particles`): most words, the
  /// first names among them, miss the particles' sketch and need no look-up.
  private static func isParticle(_ word: String) -> Bool {
    particlesSketch & sketchBits(word) != 0 && NameShape.particles.contains(word)
  }

  /// The union of `sketchBits` of the particles of names.
  private static let particlesSketch = NameShape.particles.elements.reduce(UInt64(0)) {
    $0 | sketchBits($1)
  }

  /// "rule:" and `name`, written as bytes into a string made at its size: `+` cost several times
  /// as much.
  private static func ruleKey(_ name: String) -> String {
    String(unsafeUninitializedCapacity: 5 + name.utf8.count) { buffer in
      copyUTF8(of: name, into: buffer, at: copyUTF8(of: "rule:", into: buffer, at: 0))
    }
  }

  /// Copies the UTF-8 bytes of `string` into `buffer` from `at`, and gives the index after them.
  private static func copyUTF8(
    of string: String, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int
  ) -> Int {
    let utf8 = string.utf8
    let copied = utf8.withContiguousStorageIfAvailable { bytes in
      let target = UnsafeMutableBufferPointer(rebasing: buffer[start..<(start + bytes.count)])
      UnsafeMutableRawBufferPointer(target).copyMemory(from: UnsafeRawBufferPointer(bytes))
      return start + bytes.count
    }
    if let copied { return copied }
    var at = start
    for byte in utf8 {
      buffer[at] = byte
      at += 1
    }
    return at
  }

  /// Whether `word` has three characters or more.
  ///
  /// Three ASCII bytes first are three characters (only "\r\n" joins two ASCII bytes into one),
  /// which spares most words a walk by characters.
  private static func hasThreeCharacters(_ word: String) -> Bool {
    // (Read in place: an iterator over the bytes cost more than the test.)
    let byBytes = word.utf8.withContiguousStorageIfAvailable { bytes in
      bytes.count >= 3 && (bytes[0] | bytes[1] | bytes[2]) < 0x80 && bytes[0] != 0x0D
        && bytes[1] != 0x0D
    }
    return byBytes == true || !word.dropFirst(2).isEmpty
  }

  /// The words that name people in one document, each numbered once, and by their numbers the
  /// keys of the people each names: the steps of `resolve` ask the owners of a word many times.
  ///
  /// Each word comes with its hash (`wordHash`), which a token's word has from the tokenizer:
  /// the words are numbered, and the tokens looked up, without their bytes being hashed again.
  private struct PersonWords {
    /// The people a word names in one way (as a surname, or as a first name): the first one
    /// and how many, the others being in `others`.
    ///
    /// A word has one owner or none, seldom two: an array of owners for each word cost an
    /// allocation and its freeing, where one owner needs none.
    private struct Owners {
      var first = -1
      var count = 0
    }

    /// What is known of one word, kept together: an array for each fact cost an append each
    /// for every new word.
    private struct Word {
      /// The keys whose surname the word is, to link short forms.
      var surnames = Owners()
      /// The keys whose first name the word is, for "Hayley" after "Hayley Williams".
      var firstNames = Owners()
      /// The key the word names when it stands alone, or -1: its owner as a surname, or else
      /// its one owner as a first name (`settleLoneOwners(_:)`). The steps after the owners are
      /// known ask it of many words.
      var loneOwner = -1
      /// `sketchBits(_:)` of the word, from the hash it was numbered by.
      var sketch: UInt64
    }

    private var numbers = StringNumbering()
    /// By number, what is known of each word.
    private var words: [Word] = []
    /// The owners of words after their first: the word's number, the key, and whether the word
    /// is that person's surname (or else the first name).
    private var others: [(word: Int, key: Int, isSurname: Bool)] = []
    /// The union of the sketches of the words that name someone when they stand alone.
    private(set) var loneOwnersSketch: UInt64 = 0
    /// Whether any word names someone when it stands alone.
    private(set) var hasLoneOwners = false

    /// Forgets every word, keeping the storage for the next document.
    mutating func removeAll() {
      EntityResolver.empty(&numbers)
      words.removeAll(keepingCapacity: true)
      others.removeAll(keepingCapacity: true)
      (loneOwnersSketch, hasLoneOwners) = (0, false)
    }

    /// The number of `word`, whose hash is `hash`, which gets the next one, with no owners, if
    /// it had none.
    private mutating func number(adding word: String, _ hash: UInt64?) -> Int {
      let (number, isNew) = numbers.insert(word, hash: hash)
      if isNew { words.append(Word(sketch: Self.sketchBits(hash))) }
      return number
    }

    /// Notes the surnames of a name whose last word is `last`, whose hash is `hash`, as those of
    /// the person whose key is numbered `owner`: "al-Sisi" gives "al-Sisi" and "Sisi"; "Vladimir
    /// Putin" gives "Putin".
    ///
    /// (Each is added in turn: an array of them cost an allocation and its freeing a name.)
    mutating func add(surnamesOf last: String, hash: UInt64?, owner: Int) {
      add(owner, toWord: number(adding: last, hash), asSurname: true)
      if let stripped = EntityResolver.strippedParticle(last) {
        add(
          owner, toWord: number(adding: stripped, EntityResolver.wordHash(stripped)),
          asSurname: true)
      }
    }

    /// Notes that `word`, whose hash is `hash`, is the first name of the person whose key is
    /// numbered `owner`.
    mutating func add(firstName word: String, hash: UInt64?, owner: Int) {
      add(owner, toWord: number(adding: word, hash), asSurname: false)
    }

    /// Notes that `word`, whose hash is `hash`, is the surname of `owner` if it is no one else's.
    mutating func add(loneSurname word: String, hash: UInt64?, owner: Int) {
      let number = number(adding: word, hash)
      if words[number].surnames.count == 0 {
        words[number].surnames = Owners(first: owner, count: 1)
      }
    }

    /// Adds `owner` to the owners of the word numbered `word` unless it is one: which of
    /// several wins does not depend on their order.
    private mutating func add(_ owner: Int, toWord word: Int, asSurname: Bool) {
      var owners = asSurname ? words[word].surnames : words[word].firstNames
      if owners.count == 0 {
        owners = Owners(first: owner, count: 1)
      } else if owners.first == owner
        || (owners.count > 1 && others.contains { $0 == (word, owner, asSurname) })
      {
        return
      } else {
        others.append((word, owner, asSurname))
        owners.count += 1
      }
      if asSurname { words[word].surnames = owners } else { words[word].firstNames = owners }
    }

    /// The key the word numbered `number` names as a surname: of two or more, the one the
    /// document wrote first.
    ///
    /// (Inlined, as `surnameOwner(of:_:)` is: the keys, a struct too large for registers, were
    /// copied to be passed to a call, where most words have one owner and need no keys.)
    @inline(__always)
    private func surnameOwner(ofNumber number: Int, _ keys: Keys) -> Int? {
      let owners = words[number].surnames
      if owners.count <= 1 { return owners.count == 1 ? owners.first : nil }
      return firstWritten(of: owners, word: number, keys)
    }

    /// Of the `owners` of the word numbered `word` as a surname, two or more, the one the
    /// document wrote first.
    private func firstWritten(of owners: Owners, word: Int, _ keys: Keys) -> Int {
      var best = owners.first
      for other in others
      where other.word == word && other.isSurname && keys.precedes(other.key, best) {
        best = other.key
      }
      return best
    }

    /// The key `word`, whose hash is `hash`, names as a surname, or nil.
    @inline(__always)
    func surnameOwner(of word: String, _ hash: UInt64?, _ keys: Keys) -> Int? {
      numbers.number(of: word, hash: hash).flatMap { surnameOwner(ofNumber: $0, keys) }
    }

    /// Works out the lone owners, once every owner is known, and the sketch of their words.
    mutating func settleLoneOwners(_ keys: Keys) {
      for number in words.indices {
        let firstNames = words[number].firstNames
        let owner =
          surnameOwner(ofNumber: number, keys) ?? (firstNames.count == 1 ? firstNames.first : -1)
        words[number].loneOwner = owner
        if owner >= 0 {
          hasLoneOwners = true
          loneOwnersSketch |= words[number].sketch
        }
      }
    }

    /// The bits of a word whose hash is `hash` in a sketch of words (the union of theirs): one
    /// of 64, chosen by the hash's top bits, or all of them for a word with no hash.
    ///
    /// A word whose bits miss the sketch of a table's words is none of them: equal ASCII words
    /// have equal hashes, and any other word makes the sketch whole. (By the hash, not by the
    /// first byte as `EntityResolver.sketchBits(_:)`: a capitalized word's first byte is one
    /// of 26, and the words of a table shared many of them. The top bits, as the low ones of a
    /// `StringTable.hash(_:)` depend on the low bits of the bytes alone.)
    static func sketchBits(_ hash: UInt64?) -> UInt64 {
      guard let hash else { return ~0 }
      return 1 << (hash >> 26 & 63)
    }

    /// The person `word`, whose hash is `hash`, names when it stands alone, and whether as a
    /// surname (or else as a first name).
    func loneOwner(of word: String, _ hash: UInt64?) -> (key: Int, isSurname: Bool)? {
      guard let number = numbers.number(of: word, hash: hash), words[number].loneOwner >= 0
      else { return nil }
      return (words[number].loneOwner, words[number].surnames.count > 0)
    }

    /// The person `word`, whose hash is `hash`, names as a surname when it stands alone.
    func loneSurnameOwner(of word: String, _ hash: UInt64?) -> Int? {
      guard let found = loneOwner(of: word, hash), found.isSurname else { return nil }
      return found.key
    }
  }

  /// An entity being gathered from its mentions, by numbers: its strings are read when the
  /// entity is made, and a group holds none to retain, copy or release.
  private struct Group {
    /// Where the label of an entity is read.
    enum Label {
      /// The full name of the key with this number.
      case fullName(Int)
      /// The label of the dictionary entry at this position.
      case entry(Int)
      /// The text with this index in the texts of the drafts.
      case text(Int)
      /// The id itself.
      case id
    }

    /// The number of the id in `Keys`.
    var id: Int
    /// The number of the id among `Keys.strings`, or -1 for an id that is not one of them (an
    /// index in the ids written out to sort them, then).
    var idString: Int
    /// `StringOrder.prefix(_:)` of the id, worked out once to sort the entities.
    var idPrefix: (UInt64, UInt64, UInt64)?
    var type: EntityType
    var label: Label
    var count = 0
    /// The index of the first mention, whose text is the first form, and of the last one that
    /// brought a new form: the mentions of new forms are chained in `nextForm`, in the order
    /// first seen. Most entities have one form, which needs no array (`Entity.storedAliases`).
    var firstForm: Int
    var lastForm: Int
    /// How many distinct forms.
    var forms = 1

    /// (Inlined: the keys, a struct too large for registers, were copied to be passed to a call.)
    @inline(__always)
    init(id: Int, _ keys: Keys, type: EntityType, label: Label, form: Int) {
      self.id = id
      idPrefix = StringOrder.prefix(keys[id])
      idString = keys.stringNumber(of: id)
      self.type = type
      self.label = label
      firstForm = form
      lastForm = form
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

    /// `EntityResolver.wordHash` of the word at `position`: a token's is the tokenizer's.
    func hash(at position: Int) -> UInt64? {
      if let part { return EntityResolver.wordHash(part) }
      return EntityResolver.wordHash(tokens[range.lowerBound + position])
    }

    /// The words after the first.
    var rest: Words { Words(tokens: tokens, range: range.dropFirst(), part: part) }

    /// The words joined by spaces, written as bytes into one string made at its size: appended
    /// one by one, they grew it several times, and `joined(separator:)` reached them through the
    /// protocol's witnesses. One word is its own text.
    var text: String {
      if count == 1 { return self[0] }
      var length = count - 1
      for position in indices { length += self[position].utf8.count }
      return String(unsafeUninitializedCapacity: length) { buffer in
        var at = 0
        for position in indices {
          if position > 0 {
            buffer[at] = 0x20
            at += 1
          }
          at = EntityResolver.copyUTF8(of: self[position], into: buffer, at: at)
        }
        return at
      }
    }
  }

  /// The position of the dictionary entry of type `type` that lists the words of `span`;
  /// `exact` is the gazetteer's trie of exact phrases, and `lookups`, if any, hold the tokens'
  /// keys in it.
  private static func dictionaryEntry(
    for span: Range<Int>, type: EntityType, _ tokens: [Token],
    _ exact: TokenTrie<Gazetteer.Surface>, _ gazetteer: Gazetteer, lookups: TokenLookups.Shared?
  ) -> Int? {
    var words = span
    if words.count > 1, type == .organization, tokens[words.lowerBound].text == "The" {
      words = (words.lowerBound + 1)..<words.upperBound
    }
    // Each token's key is the one its lookups found, a read where a lookup in the dictionary's
    // large index was a cache miss; without them, its text is found by the hash the tokenizer
    // worked out (`Token.textHash`), as the matchers find it, instead of being hashed again.
    // The key numbers are worked out before the walk: a walk that asked the trie for them
    // copied it into its closure, retaining and releasing its arrays. A word that is in no
    // phrase ends the look, as no phrase can then be all the words.
    let found = withUnsafeTemporaryAllocation(of: Int32.self, capacity: words.count) {
      keys -> TokenTrie<Gazetteer.Surface>.Match? in
      for (at, index) in words.enumerated() {
        let utf8 = tokens[index].text.utf8
        keys[at] =
          lookups?.lookups.key(at: index)
          ?? utf8.withContiguousStorageIfAvailable {
            exact.keyNumber(ofUTF8: $0, hash: tokens[index].textHash)
          } ?? exact.keyNumber(of: tokens[index].text)
        if keys[at] < 0 { return nil }
      }
      // The longest phrase alone, with no array of them (`TokenTrie.longestMatch`).
      return exact.longestMatch(startingAt: 0, count: words.count) { keys[$0] }
    }
    guard let whole = found, whole.length == words.count else { return nil }
    for position in whole.payloads {
      let entry = Int(exact.payload(at: position).entry)
      if gazetteer.entries.type(at: entry) == type { return entry }
    }
    return nil
  }

  /// "Sisi" for "al-Sisi"; nil for a word without such a particle.
  private static func strippedParticle(_ word: String) -> String? {
    // Most words have no hyphen, and splitting by Characters costs thousands of instructions:
    // with no "-" byte there is no "-" Character either (none is canonically equivalent to it).
    guard word.utf8.withContiguousStorageIfAvailable({ $0.contains(0x2D) }) ?? true else {
      return nil
    }
    let utf8 = word.utf8
    guard utf8.allSatisfy({ $0 < 0x80 }) else {
      let parts = word.split(separator: "-", maxSplits: 1)
      if parts.count == 2, NameShape.particles.contains(parts[0].lowercased()) {
        return String(parts[1])
      }
      return nil
    }
    // In ASCII each byte is a character: the two parts are found in the bytes as `split` finds
    // them, leading hyphens left out, and the particle is made a string alone.
    guard let start = utf8.firstIndex(where: { $0 != 0x2D }),
      let hyphen = utf8[start...].firstIndex(of: 0x2D)
    else { return nil }
    let rest = utf8.index(after: hyphen)
    guard rest != utf8.endIndex, NameShape.particles.contains(word[start..<hyphen].lowercased())
    else { return nil }
    return String(word[rest...])
  }
}
