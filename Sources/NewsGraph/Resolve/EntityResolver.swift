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
    var drafts: [Draft] = kept.map { candidate in
      var draft = Draft(candidate: candidate, key: candidate.entity, ruleLabel: candidate.label)
      if candidate.entity == nil, let entry = dictionaryEntry(for: candidate, tokens, gazetteer) {
        draft.key = gazetteer.entries.id(at: entry)
        draft.candidate.form =
          gazetteer.entries.label(at: entry) == text.foldedText(candidate.start..<candidate.end)
          ? .name : .alias
      }
      return draft
    }

    // Surnames of the full names in this document, to link short forms.
    var owners: [String: Set<String>] = [:]
    var fullNames: [String: String] = [:]  // person key -> label
    // Dictionary entries whose surnames are in `owners` already: a name mentioned again adds
    // nothing, and splitting every form of its entry each time cost more than the rest.
    var entriesListed = Set<String>()
    for draft in drafts where draft.candidate.type == .person {
      let words = nameWords(draft.candidate, tokens)
      if let id = draft.key, let index = gazetteer.index[id] {
        guard entriesListed.insert(id).inserted else { continue }
        let entry = gazetteer.entries[index]
        for form in [entry.label] + entry.aliases {
          let parts = form.split(separator: " ").map(String.init)
          if parts.count >= 2 {
            for key in surnameKeys(parts) { owners[key, default: []].insert(id) }
          }
        }
      } else if words.count >= 2 {
        let label = words.joined(separator: " ")
        let key = "rule:" + label
        fullNames[key] = label
        for surname in surnameKeys(words) { owners[surname, default: []].insert(key) }
      }
    }
    // Where each full name is first written: a surname two people share goes to the one the
    // document introduced first, its subject ("Duane Bobick ... his brother Rodney Bobick ...
    // Bobick won").
    var firstSeen: [String: Int] = [:]
    for draft in drafts where draft.candidate.type == .person {
      let words = nameWords(draft.candidate, tokens)
      guard words.count >= 2 || draft.key != nil else { continue }
      let key = draft.key ?? "rule:" + words.joined(separator: " ")
      if firstSeen[key] == nil { firstSeen[key] = draft.candidate.start }
    }
    func owner(of surname: String) -> String? {
      guard let set = owners[surname] else { return nil }
      if set.count == 1 { return set.first }
      return set.min { (firstSeen[$0] ?? Int.max, $0) < (firstSeen[$1] ?? Int.max, $1) }
    }
    // First names of the full names, for "Hayley" after "Hayley Williams".
    var firstNameOwners: [String: Set<String>] = [:]
    for draft in drafts where draft.candidate.type == .person {
      let words = nameWords(draft.candidate, tokens)
      // The first word of a person's full name is a personal name, listed or not ("László").
      // (Three letters or more: an initial such as "B." is no name to link.)
      guard words.count >= 2, words[0].count > 2, !NameShape.particles.contains(words[0]) else {
        continue
      }
      let key = draft.key ?? "rule:" + words.joined(separator: " ")
      firstNameOwners[words[0], default: []].insert(key)
    }
    func firstNameOwner(of word: String) -> String? {
      guard owners[word] == nil, let set = firstNameOwners[word], set.count == 1 else { return nil }
      return set.first
    }

    for index in drafts.indices where drafts[index].key == nil {
      let candidate = drafts[index].candidate
      let words = nameWords(candidate, tokens)
      switch candidate.type {
      case .person:
        if words.count == 1, let key = owner(of: words[0]) {
          drafts[index].key = key
          drafts[index].candidate.form = .short
        } else if words.count >= 2, let last = surnameKeys(words).first, let key = owner(of: last),
          !key.hasPrefix("rule:"), let entry = gazetteer.index[key],
          gazetteer.entries.label(at: entry).hasPrefix(words[0])
        {
          drafts[index].key = key
          drafts[index].candidate.form = .alias
        } else {
          let label = words.joined(separator: " ")
          drafts[index].key = "rule:" + label
          fullNames["rule:" + label] = label
        }
      default:
        // "The Scout Association" is "Scout Association" (ArticleNameRule).
        let name = words.count > 1 && words[0] == "The" ? Array(words.dropFirst()) : words
        drafts[index].key = Slug.id(candidate.type, name.joined(separator: " "))
        drafts[index].ruleLabel = name.joined(separator: " ")
      }
    }

    // "President Clinton ... Clinton said": a lone surname after a title is a person, and so
    // are its bare uses elsewhere, unless a fuller name owns the word.
    for draft in drafts
    where draft.candidate.type == .person && draft.candidate.source == "rule:titled-person" {
      let words = nameWords(draft.candidate, tokens)
      guard words.count == 1, owners[words[0]] == nil, let key = draft.key else { continue }
      owners[words[0]] = [key]
    }

    // A place that is a team elsewhere in the document (a results line, "Dynamo Moscow") is
    // that team in the prose too: "Surrey 429-7" ... "Surrey captain Chris Lewis".
    var teams: [String: Draft] = [:]
    for draft in drafts
    where draft.candidate.type == .organization
      && EntityResolver.teamRules.contains(draft.candidate.source)
    {
      let text = nameWords(draft.candidate, tokens).joined(separator: " ")
      if teams[text] == nil { teams[text] = draft }
    }
    if !teams.isEmpty {
      for index in drafts.indices where drafts[index].candidate.type == .place {
        let text = nameWords(drafts[index].candidate, tokens).joined(separator: " ")
        guard let team = teams[text], !isDateline(drafts[index].candidate, tokens, sentenceOfToken)
        else { continue }
        drafts[index].key = team.key
        drafts[index].ruleLabel = team.ruleLabel
        drafts[index].candidate.type = .organization
        drafts[index].candidate.entity = team.candidate.entity
        drafts[index].candidate.source = "rule:document-team"
      }
      var covered = Set<Int>()
      for draft in drafts { covered.formUnion(draft.candidate.tokens) }
      for (index, token) in tokens.enumerated()
      where token.kind == .word && token.isCapitalized && !covered.contains(index) {
        guard let team = teams[token.text] else { continue }
        var candidate = team.candidate
        candidate.start = token.start
        candidate.end = token.end
        candidate.tokens = index..<(index + 1)
        candidate.sentence = sentenceOfToken[index]
        candidate.source = "rule:document-team"
        drafts.append(Draft(candidate: candidate, key: team.key, ruleLabel: team.ruleLabel))
      }
    }

    // A place or country named like a person's surname in this document is that person
    // ("Michael Jordan ... Jordan scored"), unless a preposition of place comes before it.
    for index in drafts.indices
    where drafts[index].candidate.type == .place || drafts[index].candidate.type == .country {
      let words = nameWords(drafts[index].candidate, tokens)
      let first = drafts[index].candidate.tokens.lowerBound
      let afterPreposition =
        first > 0 && EntityResolver.placePrepositions.contains(tokens[first - 1].text.lowercased())
      if words.count == 1, !afterPreposition, drafts[index].candidate.form != .demonym,
        let key = owner(of: words[0])
      {
        drafts[index].key = key
        drafts[index].candidate.type = .person
        drafts[index].candidate.form = .short
        drafts[index].candidate.source = "rule:document-surname"
      }
    }

    // Bare surnames the matchers left alone: "Putin had a fruitful visit".
    var covered = Set<Int>()
    for draft in drafts { covered.formUnion(draft.candidate.tokens) }
    for (index, token) in tokens.enumerated()
    where token.kind == .word && token.isCapitalized && !covered.contains(index) {
      guard
        let key = owner(of: token.text) ?? owner(of: strippedParticle(token.text))
          ?? firstNameOwner(of: token.text)
      else {
        continue
      }
      let candidate = Candidate(
        start: token.start, end: token.end, tokens: index..<(index + 1),
        sentence: sentenceOfToken[index], type: .person, entity: nil, form: .short,
        source: "rule:document-surname", priority: 0)
      drafts.append(Draft(candidate: candidate, key: key))
    }
    drafts.sort { $0.candidate.start < $1.candidate.start }

    // Ids and labels.
    var mentions: [Mention] = []
    var grouped: [String: (type: EntityType, label: String, count: Int, forms: Set<String>)] = [:]
    for draft in drafts {
      guard let key = draft.key else { continue }
      let candidate = draft.candidate
      let id: String
      let label: String
      if let full = fullNames[key] {
        id = Slug.id(.person, full)
        label = full
      } else if let index = gazetteer.index[key] {
        id = key
        label = gazetteer.entries.label(at: index)
      } else {
        id = key
        label = draft.ruleLabel ?? key
      }
      let surface = text.text(candidate.start..<candidate.end)
      mentions.append(
        Mention(
          text: surface, start: candidate.start, end: candidate.end, sentence: candidate.sentence,
          type: candidate.type, entity: id, form: candidate.form, source: candidate.source))
      var group = grouped[id] ?? (candidate.type, label, 0, [])
      group.count += 1
      group.forms.insert(surface)
      grouped[id] = group
    }
    let entities = grouped.map { id, group in
      Entity(
        id: id, type: group.type, label: group.label, mentions: group.count,
        aliases: group.forms.sorted())
    }.sorted { $0.id < $1.id }
    return (mentions, entities)
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

  /// Rules whose organizations are sports teams named after their place.
  static let teamRules: WordSet = [
    "rule:score-line-team", "rule:sports-club", "rule:team-nickname",
  ]

  static let placePrepositions: WordSet = [
    "in", "of", "from", "to", "at", "into", "near", "across", "throughout", "toward", "towards",
    "via", "outside", "inside", "around",
  ]

  private struct Draft {
    var candidate: Candidate
    var key: String?
    var ruleLabel: String?
  }

  /// The words of a candidate's span in folded text, without punctuation.
  private func nameWords(_ candidate: Candidate, _ tokens: [Token]) -> [String] {
    if candidate.tokens.count == 1 {
      let token = tokens[candidate.tokens.lowerBound]
      if candidate.start != token.start || candidate.end != token.end {
        // Part of a hyphenated token.
        let scalars = Array(token.text.unicodeScalars)
        let from = candidate.start - token.start
        let to = candidate.end - token.start
        return [String(String.UnicodeScalarView(scalars[from..<to]))]
      }
    }
    return candidate.tokens.map { tokens[$0].text }
  }

  /// The position of the dictionary entry of the candidate's type that lists its words.
  private func dictionaryEntry(
    for candidate: Candidate, _ tokens: [Token], _ gazetteer: Gazetteer
  ) -> Int? {
    var keys = candidate.tokens.map { tokens[$0].text }
    if keys.count > 1, keys[0] == "The", candidate.type == .organization { keys.removeFirst() }
    let found = gazetteer.exact.matches(startingAt: 0, count: keys.count) { keys[$0] }
    guard let whole = found.last, whole.length == keys.count else { return nil }
    return whole.payloads.lazy.map { Int($0.entry) }
      .first { gazetteer.entries.type(at: $0) == candidate.type }
  }

  /// "al-Sisi" gives "al-Sisi" and "Sisi"; "Vladimir Putin" gives "Putin".
  private func surnameKeys(_ words: [String]) -> [String] {
    guard let last = words.last else { return [] }
    let stripped = strippedParticle(last)
    return stripped == last ? [last] : [last, stripped]
  }

  private func strippedParticle(_ word: String) -> String {
    // Most words have no hyphen, and splitting by Characters costs thousands of instructions:
    // with no "-" byte there is no "-" Character either (none is canonically equivalent to it).
    guard word.utf8.contains(0x2D) else { return word }
    let parts = word.split(separator: "-", maxSplits: 1)
    if parts.count == 2, NameShape.particles.contains(parts[0].lowercased()) {
      return String(parts[1])
    }
    return word
  }
}
