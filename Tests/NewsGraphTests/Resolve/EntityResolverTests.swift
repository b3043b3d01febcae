import Testing

@testable import NewsGraph

@Suite struct EntityResolverTests {
  static func people(_ document: Document) -> [Mention] {
    document.mentions.filter { $0.type == .person }
  }

  @Test func surnameAloneLinksToTheFullName() throws {
    let marked = try MarkedText("«Vladimir Putin» arrived in Moscow. Later «Putin» spoke.")
    let document = Pipeline.document(marked.text)
    let people = Self.people(document)
    #expect(
      people.map { FoundSpan(start: $0.start, end: $0.end, text: $0.text) } == marked.expected)
    #expect(people.map(\.entity) == ["person/vladimir-putin", "person/vladimir-putin"])
    #expect(people.map(\.form) == [.name, .short])
    let entity = try #require(document.entities.first { $0.id == "person/vladimir-putin" })
    #expect(entity.label == "Vladimir Putin")
    #expect(entity.mentions == 2)
    #expect(entity.aliases == ["Putin", "Vladimir Putin"])
    #expect(document.entities.filter { $0.type == .person }.count == 1)
  }

  /// Each mention gives the index of its entity, in the order the entities are sorted (not
  /// that of their first mentions).
  @Test func mentionsGiveTheIndexOfTheirEntity() throws {
    let document = Pipeline.document(
      "In Cairo Vladimir Putin met Emmanuel Macron. Putin and Macron spoke of China.")
    #expect(document.mentions.first?.entityIndex != 0, "Cairo is named first, listed last")
    #expect(document.mentions.count > 3)
    for mention in document.mentions {
      let index = try #require(mention.entityIndex)
      try #require(document.entities.indices.contains(index))
      #expect(document.entities[index].id == mention.entity)
    }
  }

  @Test func surnameAloneLinksToADictionaryPerson() {
    let putin = DictionaryEntry(id: "person/vladimir-putin", type: .person, label: "Vladimir Putin")
    let document = Pipeline.document(
      "Vladimir Putin arrived. Putin spoke.", gazetteer: TestDictionary.with([putin]))
    let people = Self.people(document)
    #expect(people.map(\.text) == ["Vladimir Putin", "Putin"])
    #expect(people.map(\.entity) == ["person/vladimir-putin", "person/vladimir-putin"])
    #expect(people.map(\.form) == [.name, .short])
  }

  @Test(arguments: [
    ("Jan Kowalski", [], "Jan Kowalski", "an ASCII label: its last word"),
    ("Jan", ["Jan  Kowalski "], "Jan Kowalski", "an alias with spaces doubled and one after it"),
    ("\u{141}ukasz Kowalski", [], "\u{141}ukasz Kowalski", "a label beyond ASCII"),
  ])
  func surnameOfADictionaryPersonIsTheLastWordOfAForm(
    label: String, aliases: [String], written: String, explanation: String
  ) {
    let person = DictionaryEntry(
      id: "person/kowalski", type: .person, label: label, aliases: aliases)
    let document = Pipeline.document(
      "\(written) arrived. Kowalski spoke.", gazetteer: TestDictionary.with([person]))
    let people = Self.people(document)
    #expect(
      people.map(\.entity) == ["person/kowalski", "person/kowalski"],
      "\(explanation): \(people.map(\.text))")
  }

  @Test func surnameWithParticleAndPossessiveLinks() throws {
    let marked = try MarkedText(
      "President «Abdel Fattah al-Sisi» met the envoy. «Sisi»'s ouster of his rival followed.")
    let document = Pipeline.document(marked.text)
    let people = Self.people(document)
    #expect(
      people.map { FoundSpan(start: $0.start, end: $0.end, text: $0.text) } == marked.expected)
    #expect(Set(people.map(\.entity)) == ["person/abdel-fattah-al-sisi"])
    #expect(people.last?.form == .short)
    #expect(
      document.entities.filter { $0.type == .person }.map(\.label) == ["Abdel Fattah al-Sisi"])
  }

  @Test(arguments: [
    ("President Abdel Fattah Al-Sisi met the envoy. Sisi spoke.", "Sisi", "a particle in capitals"),
    (
      "President Abdel Fattah al-Sisi met the envoy. Sisi spoke.", "Sisi",
      "the surname after its particle"
    ),
    (
      "President Abdel Fattah al-Sisi met the envoy. Later Al-Sisi spoke.", "Al-Sisi",
      "a bare name with its particle in capitals"
    ),
  ])
  func surnameAfterAParticleLinks(text: String, bare: String, explanation: String) {
    let people = Self.people(Pipeline.document(text)).filter { $0.text == bare }
    #expect(
      people.map(\.entity) == ["person/abdel-fattah-al-sisi"],
      "\(explanation): \(people.map(\.entity))")
  }

  @Test func sharedSurnameGoesToThePersonNamedFirst() {
    let document = Pipeline.document(
      "David Bobick won. His brother Michael Bobick lost. Later Bobick retired.")
    let people = Self.people(document)
    let full = Set(people.filter { $0.text.contains(" ") }.map(\.entity))
    #expect(full == ["person/david-bobick", "person/michael-bobick"])
    let bare = people.filter { $0.text == "Bobick" }
    #expect(bare.map(\.entity) == ["person/david-bobick"], "\(people.map(\.entity))")
  }

  /// Runs a fresh resolver on `candidates` of a one-sentence text, given in order and reversed:
  /// what it finds must not depend on the order they come in.
  static func resolveInBothOrders(
    _ candidates: [Candidate], tokens: [Token], text: SourceText
  ) -> [(mentions: [Mention], entities: [Entity])] {
    [candidates, candidates.reversed()].map { kept in
      var resolver = EntityResolver()
      return resolver.resolve(
        kept, tokens: tokens, sentenceOfToken: Array(repeating: 0, count: tokens.count),
        text: text, gazetteer: TestDictionary.with())
    }
  }

  /// Runs the resolver on one hand-made rule candidate covering `name` in `sentence`, with and
  /// without the tokens' lookups: the keys they found name the same entry that a lookup of each
  /// word in the dictionary finds.
  static func resolveRuleName(
    _ name: String, in sentence: String, type: EntityType = .person, gazetteer: Gazetteer
  ) throws -> (mentions: [Mention], entities: [Entity]) {
    let text = SourceText(sentence)
    let tokens = Tokenizer().tokens(in: text, range: 0..<text.count)
    let start = try #require(sentence.unicodeScalars.firstRange(of: name.unicodeScalars))
    let from = sentence.unicodeScalars.distance(
      from: sentence.unicodeScalars.startIndex, to: start.lowerBound)
    let to = from + name.unicodeScalars.count
    let first = try #require(tokens.firstIndex { $0.start == from })
    let last = try #require(tokens.firstIndex { $0.end == to })
    let candidate = Candidate(
      start: from, end: to, tokens: first..<(last + 1), sentence: 0, type: type, entity: nil,
      form: .name, source: "rule:titled-person", priority: 8)
    let sentenceOfToken = Array(repeating: 0, count: tokens.count)
    var resolver = EntityResolver()
    let result = resolver.resolve(
      [candidate], tokens: tokens, sentenceOfToken: sentenceOfToken, text: text,
      gazetteer: gazetteer)
    var lookups = TokenLookups(start: 0, gazetteer: gazetteer, capacity: tokens.count)
    lookups.append(sentence: tokens.indices, of: tokens, allCaps: false)
    // Arrays of an earlier document, which the resolver empties before it writes into them.
    var (mentions, entities) = (result.mentions + result.mentions, result.entities)
    resolver.resolve(
      [candidate], tokens: tokens, sentenceOfToken: sentenceOfToken, text: text,
      gazetteer: gazetteer, lookups: TokenLookups.Shared(lookups), into: &mentions, &entities)
    #expect(mentions == result.mentions)
    #expect(entities == result.entities)
    return result
  }

  @Test func ruleNameThatIsADictionaryAliasTakesTheDictionaryId() throws {
    let result = try Self.resolveRuleName(
      "Sergey Shoygu", in: "Defense Minister Sergey Shoygu said.",
      gazetteer: TestDictionary.gazetteer)
    #expect(result.mentions.map(\.entity) == ["person/sergei-shoigu"])
    #expect(result.mentions.map(\.form) == [.alias])
    #expect(result.mentions.map(\.text) == ["Sergey Shoygu"])
    #expect(result.entities.map(\.label) == ["Sergei Shoigu"])
  }

  @Test func ruleNameThatIsADictionaryLabelIsAName() throws {
    let result = try Self.resolveRuleName(
      "Sergei Shoigu", in: "Defense Minister Sergei Shoigu said.",
      gazetteer: TestDictionary.gazetteer)
    #expect(result.mentions.map(\.entity) == ["person/sergei-shoigu"])
    #expect(result.mentions.map(\.form) == [.name])
  }

  @Test func ruleNameOfAnotherTypeDoesNotTakeTheDictionaryId() throws {
    // "Sergei Shoigu" is a person in the dictionary; an organization of that name is not him.
    let result = try Self.resolveRuleName(
      "Sergei Shoigu", in: "The Sergei Shoigu said.", type: .organization,
      gazetteer: TestDictionary.gazetteer)
    #expect(result.mentions.map(\.entity) == ["organization/sergei-shoigu"])
  }

  @Test func ruleNamesGetTypeSlashSlugIds() throws {
    let organization = try Self.resolveRuleName(
      "Acme Holdings", in: "Shares of Acme Holdings fell.", type: .organization,
      gazetteer: TestDictionary.gazetteer)
    #expect(organization.mentions.map(\.entity) == ["organization/acme-holdings"])
    #expect(organization.entities.map(\.label) == ["Acme Holdings"])
    let person = try Self.resolveRuleName(
      "José Núñez", in: "Mr. José Núñez said.", gazetteer: TestDictionary.gazetteer)
    #expect(person.mentions.map(\.entity) == ["person/jose-nunez"])
    #expect(person.entities.map(\.label) == ["José Núñez"])
  }

  @Test func ruleNameDropsALeadingThe() throws {
    let result = try Self.resolveRuleName(
      "The Scout Association", in: "He joined The Scout Association in 1950.",
      type: .organization, gazetteer: TestDictionary.with())
    #expect(result.mentions.map(\.text) == ["The Scout Association"])
    #expect(result.mentions.map(\.entity) == ["organization/scout-association"])
    #expect(result.entities.map(\.label) == ["Scout Association"])
    // A name that is only "The" keeps it: nothing would be left.
    let the = try Self.resolveRuleName(
      "The", in: "The end.", type: .organization, gazetteer: TestDictionary.with())
    #expect(the.entities.map(\.id) == ["organization/the"])
  }

  @Test(arguments: [
    ("Acme-backed rebels", 0..<4, "Acme", "organization/acme", "the first part"),
    ("Pro-\u{17B}abka rebels", 4..<9, "\u{17B}abka", "organization/zabka", "a part beyond ASCII"),
    ("Pro-Z\u{307}abka rebels", 4..<10, "Z\u{307}abka", "organization/zabka", "a part with a mark"),
  ])
  func ruleNameThatIsPartOfAHyphenatedTokenIsThatPart(
    written: String, span: Range<Int>, part: String, id: String, explanation: String
  ) throws {
    let text = SourceText(written + " advanced.")
    let tokens = Tokenizer().tokens(in: text, range: 0..<text.count)
    try #require(tokens.first?.text == written.split(separator: " ").first.map(String.init))
    let candidate = Candidate(
      start: span.lowerBound, end: span.upperBound, tokens: 0..<1, sentence: 0,
      type: .organization, entity: nil, form: .name, source: "rule:test", priority: 8)
    var resolver = EntityResolver()
    let result = resolver.resolve(
      [candidate], tokens: tokens, sentenceOfToken: Array(repeating: 0, count: tokens.count),
      text: text, gazetteer: TestDictionary.with())
    #expect(result.mentions.map(\.text) == [part], "\(explanation)")
    #expect(result.entities.map(\.id) == [id], "\(explanation)")
    #expect(result.entities.map(\.label) == [part], "\(explanation)")
  }

  @Test func countryNamedLikeASurnameOfTheDocumentIsThatPerson() throws {
    // "Zembla" after "Anna Zembla" is her, "in Zembla" is the country, and "Borduria", named
    // like no one, stays a country.
    let text = SourceText("Anna Zembla spoke . Zembla left Borduria for a home in Zembla .")
    let tokens = Tokenizer().tokens(in: text, range: 0..<text.count)
    let zemblas = tokens.indices.filter { tokens[$0].text == "Zembla" }
    let borduria = try #require(tokens.firstIndex { $0.text == "Borduria" })
    try #require(zemblas.count == 3)
    func country(_ index: Int, _ id: String) -> Candidate {
      Candidate(
        start: tokens[index].start, end: tokens[index].end, tokens: index..<(index + 1),
        sentence: 1, type: .country, entity: id, form: .name, source: "dictionary:countries",
        priority: 5)
    }
    let candidates = [
      Candidate(
        start: tokens[0].start, end: tokens[1].end, tokens: 0..<2, sentence: 0, type: .person,
        entity: nil, form: .name, source: "rule:test", priority: 8),
      country(zemblas[1], "country/zembla"), country(borduria, "country/borduria"),
      country(zemblas[2], "country/zembla"),
    ]
    var resolver = EntityResolver()
    let result = resolver.resolve(
      candidates, tokens: tokens, sentenceOfToken: Array(repeating: 0, count: tokens.count),
      text: text, gazetteer: TestDictionary.with())
    #expect(
      result.mentions.map(\.entity) == [
        "person/anna-zembla", "person/anna-zembla", "country/borduria", "country/zembla",
      ])
    #expect(result.mentions.map(\.form) == [.name, .short, .name, .name])
    #expect(result.mentions[1].source == "rule:document-surname")
  }

  @Test func placeNamedLikeATeamOfTheDocumentIsThatTeam() throws {
    // "Surrey 429-7" is a team; "Surrey" the place in the prose and a bare "Surrey" are it too.
    let text = SourceText("Surrey 429-7 . Surrey captain Chris Lewis said Surrey won.")
    let tokens = Tokenizer().tokens(in: text, range: 0..<text.count)
    let surreys = tokens.indices.filter { tokens[$0].text == "Surrey" }
    try #require(surreys.count == 3)
    let candidates = [
      Candidate(
        start: tokens[surreys[0]].start, end: tokens[surreys[0]].end,
        tokens: surreys[0]..<(surreys[0] + 1), sentence: 0, type: .organization, entity: nil,
        form: .name, source: "rule:score-line-team", priority: 8),
      Candidate(
        start: tokens[surreys[1]].start, end: tokens[surreys[1]].end,
        tokens: surreys[1]..<(surreys[1] + 1), sentence: 0, type: .place, entity: "place/surrey",
        form: .name, source: "dictionary:places", priority: 5),
    ]
    var resolver = EntityResolver()
    let result = resolver.resolve(
      candidates, tokens: tokens, sentenceOfToken: Array(repeating: 0, count: tokens.count),
      text: text, gazetteer: TestDictionary.with())
    #expect(result.mentions.map(\.entity) == Array(repeating: "organization/surrey", count: 3))
    #expect(result.mentions.map(\.type) == [.organization, .organization, .organization])
    #expect(
      result.mentions.map(\.source) == [
        "rule:score-line-team", "rule:document-team", "rule:document-team",
      ])
    #expect(result.entities.map(\.label) == ["Surrey"])
  }

  @Test func mentionTextIsTheInputAsWritten() {
    let document = Pipeline.document("U.S.\u{00A0}troops left Egypt\u{2019}s border.", rules: [])
    #expect(document.mentions.map(\.text) == ["U.S.", "Egypt"])
    let curly = Pipeline.document("President Abdel Fattah al\u{2011}Sisi spoke.")
    // A non-breaking hyphen is folded for matching but kept in the mention.
    #expect(curly.mentions.map(\.text) == ["Abdel Fattah al\u{2011}Sisi"])
    // A mention of one whole token is written as the input has it, not as the token's folded
    // text, and one that folding left alone as the token's.
    let whole = Pipeline.document(
      "President Conan O\u{2019}Brien spoke. O\u{2019}Brien and O'Brien left.")
    #expect(whole.mentions.map(\.text) == ["Conan O\u{2019}Brien", "O\u{2019}Brien", "O'Brien"])
  }

  @Test func entitiesAreSortedByIdAndCountMentions() {
    let document = Pipeline.document(
      "Russia and Egypt met. Egypt agreed. Russia, Russia.", rules: [])
    #expect(document.entities.map(\.id) == ["country/egypt", "country/russia"])
    #expect(document.entities.map(\.mentions) == [2, 3])
  }

  @Test func entitiesAreSortedAsTheirIdsAreAsStrings() {
    // The resolver orders two ASCII ids by their first sixteen bytes when those differ: ids
    // that share them, shorter ones and ones beyond ASCII must still come in `String` order.
    let ids = [
      "person/zz", "person/abcdefghij-x", "person/ab", "person/abcdefghij-a", "person/\u{E9}",
      "person/e", "country/x", "person/abcdefghi", "person/e\u{301}z", "person/abcdefghi-",
    ]
    let text = SourceText(ids.indices.map { "w\($0)" }.joined(separator: " "))
    let tokens = Tokenizer().tokens(in: text, range: 0..<text.count)
    let kept = ids.indices.map { index in
      Candidate(
        start: tokens[index].start, end: tokens[index].end, tokens: index..<(index + 1),
        sentence: 0, type: .organization, entity: ids[index], form: .name, source: "rule:test",
        priority: 8)
    }
    var resolver = EntityResolver()
    let result = resolver.resolve(
      kept, tokens: tokens, sentenceOfToken: Array(repeating: 0, count: tokens.count),
      text: text, gazetteer: TestDictionary.with())
    #expect(result.entities.map(\.id) == ids.sorted())
  }

  @Test func aScratchKeptForManyDocumentsGivesEachTheResultOfANewOne() {
    // A document with more than 64 keys and person words, whose tables are made anew for the
    // next one, and short ones, whose tables are emptied: nothing of one document is left in
    // the next ("Putin" after a document about Vladimir Putin is no one), in the resolver, in
    // the recognizer's arrays (the candidates, the sentences of the tokens) or in the arrays of
    // the documents given back.
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    let many = (0..<70).map { number in
      let name = "\(letters[number / 26])\(letters[number % 26])"
      return "President Tol\(name) Vorn met Dr. Kir\(name) Belle. Vorn and Kir\(name) spoke."
    }.joined(separator: " ")
    let texts = [
      "Vladimir Putin arrived in Moscow. Later Putin spoke with Abdel Fattah al-Sisi.",
      "Putin left. Sisi stayed in Egypt.", many, "Kirad Belle met Putin in Russia.",
      "Surrey 429-7 . Surrey captain Chris Lewis said Surrey won.", "Egypt and Russia met.",
    ]
    let recognizer = Recognizer(gazetteer: TestDictionary.gazetteer)
    #expect(recognizer.analyze(id: "test", text: SourceText(many)).entities.count > 64)
    var scratch = Recognizer.Scratch()
    // The first document is kept while its arrays are given back: it stays as it was, and the
    // scratch fills arrays of its own.
    let first = recognizer.analyze(id: "test", text: SourceText(texts[0]), scratch: &scratch)
    scratch.recycle(first)
    for text in texts + texts.reversed() {
      let reused = recognizer.analyze(id: "test", text: SourceText(text), scratch: &scratch)
      let new = recognizer.analyze(id: "test", text: SourceText(text))
      #expect(reused.mentions == new.mentions, "\(text)")
      #expect(reused.entities == new.entities, "\(text)")
      #expect(reused.sentences == new.sentences, "\(text)")
      #expect(reused.tokens == new.tokens, "\(text)")
      scratch.recycle(reused)
    }
    let again = recognizer.analyze(id: "test", text: SourceText(texts[0]))
    #expect(first.tokens == again.tokens && first.mentions == again.mentions)
    #expect(first.entities == again.entities && first.sentences == again.sentences)
  }

  @Test func entriesThatShareAnIdAreOneEntity() throws {
    // Mentions of an entry after its first find their key by the entry's position: the names of
    // two entries with one id still make one entity, labelled as the first entry.
    let gazetteer = TestDictionary.with([
      DictionaryEntry(id: "organization/zorvex", type: .organization, label: "Zorvex"),
      DictionaryEntry(id: "organization/zorvex", type: .organization, label: "Quillon"),
    ])
    let document = Pipeline.document(
      "Zorvex met Quillon. Zorvex and Quillon agreed.", gazetteer: gazetteer, rules: [])
    #expect(document.mentions.map(\.entity) == Array(repeating: "organization/zorvex", count: 4))
    let entity = try #require(document.entities.first)
    #expect(document.entities.count == 1)
    #expect(entity.label == "Zorvex")
    #expect(entity.mentions == 4)
  }

  @Test func surnameAfterATitleNamesItsBareUsesToo() {
    let document = Pipeline.document(
      "Tolsk said on Tuesday he would stay. Later President Tolsk left Cairo. Tolsk smiled.")
    let people = document.mentions.filter { $0.type == .person }
    #expect(people.map(\.text) == ["Tolsk", "Tolsk", "Tolsk"], "\(people.map(\.text))")
    #expect(Set(people.map(\.entity)).count == 1)
  }

  @Test func firstNameAloneLinksToTheFullName() {
    let document = Pipeline.document("Vladimir Putin arrived. Later Vladimir waved.")
    let people = Self.people(document)
    #expect(people.map(\.text) == ["Vladimir Putin", "Vladimir"], "\(people.map(\.text))")
    #expect(Set(people.map(\.entity)) == ["person/vladimir-putin"])
  }

  @Test(arguments: [
    (
      "Vladimir Putin arrived. Vladimir Putin spoke. Later Vladimir waved.", true,
      "one person named twice is the first name's one owner"
    ),
    (
      "Vladimir Putin arrived. Vladimir Lukin spoke. Later Vladimir waved.", false,
      "two people share the first name: alone, it names neither"
    ),
  ])
  func firstNameAloneLinksOnlyToItsOneOwner(text: String, links: Bool, explanation: String) {
    let bare = Self.people(Pipeline.document(text)).filter { $0.text == "Vladimir" }
    if links {
      #expect(bare.map(\.entity) == ["person/vladimir-putin"], "\(explanation)")
    } else {
      #expect(
        bare.allSatisfy {
          !["person/vladimir-putin", "person/vladimir-lukin"].contains($0.entity)
        },
        "\(explanation): \(bare.map(\.entity))")
    }
  }

  @Test func surnameOfThreePeopleGoesToTheOneNamedFirst() {
    let document = Pipeline.document(
      "David Bobick won. Michael Bobick lost. Anna Bobick drew. David Bobick left. Bobick won.")
    let bare = Self.people(document).filter { $0.text == "Bobick" }
    #expect(bare.map(\.entity) == ["person/david-bobick"], "\(bare.map(\.entity))")
  }

  @Test func surnameWithALetterBeyondASCIILinks() {
    let document = Pipeline.document("Vladimir Łukin arrived. Later Łukin spoke.")
    let people = Self.people(document)
    #expect(people.map(\.text) == ["Vladimir Łukin", "Łukin"], "\(people.map(\.text))")
    #expect(Set(people.map(\.entity)) == ["person/vladimir-lukin"])
  }

  @Test(arguments: [
    ("Vladimir \u{C1}lvarez arrived. Later A\u{301}lvarez spoke.", "composed, then decomposed"),
    ("Vladimir A\u{301}lvarez arrived. Later \u{C1}lvarez spoke.", "decomposed, then composed"),
    // A word beyond ASCII has no hash, and the sketch of the words it may equal lets it by.
    ("Vladimir Kelvin arrived. Later \u{212A}elvin spoke.", "ASCII, then the Kelvin sign"),
    ("Vladimir \u{212A}elvin arrived. Later Kelvin spoke.", "the Kelvin sign, then ASCII"),
  ])
  func surnameLinksAcrossCanonicallyEquivalentSpellings(text: String, explanation: String) {
    let people = Self.people(Pipeline.document(text))
    #expect(people.count == 2, "\(explanation): \(people.map(\.text))")
    #expect(Set(people.map(\.entity)).count == 1, "\(explanation)")
  }

  @Test func repeatedSurfaceIsOneAlias() throws {
    let document = Pipeline.document("Vladimir Putin arrived. Putin spoke. Putin left.")
    let entity = try #require(document.entities.first { $0.id == "person/vladimir-putin" })
    #expect(entity.mentions == 3)
    #expect(entity.aliases == ["Putin", "Vladimir Putin"])
  }

  /// A mention that carries the key of a full name as its id ("rule:" and the name) is that
  /// full name's entity, whichever comes first; a key that only starts like one is not.
  @Test func mentionCarryingAFullNamesKeyJoinsItsEntity() throws {
    let text = SourceText("Vladimir Putin spoke. VP said so. PV too.")
    let tokens = Tokenizer().tokens(in: text, range: 0..<text.count)
    let vp = try #require(tokens.firstIndex { $0.text == "VP" })
    let pv = try #require(tokens.firstIndex { $0.text == "PV" })
    func carrying(_ index: Int, _ id: String) -> Candidate {
      Candidate(
        start: tokens[index].start, end: tokens[index].end, tokens: index..<(index + 1),
        sentence: 1, type: .person, entity: id, form: .alias, source: "rule:test", priority: 8)
    }
    let candidates = [
      Candidate(
        start: tokens[0].start, end: tokens[1].end, tokens: 0..<2, sentence: 0, type: .person,
        entity: nil, form: .name, source: "rule:test", priority: 8),
      carrying(vp, "rule:Vladimir Putin"), carrying(pv, "rule Vladimir Putin"),
    ]
    for result in Self.resolveInBothOrders(candidates, tokens: tokens, text: text) {
      #expect(
        result.mentions.map(\.entity) == [
          "person/vladimir-putin", "person/vladimir-putin", "rule Vladimir Putin",
        ])
      #expect(result.entities.map(\.id) == ["person/vladimir-putin", "rule Vladimir Putin"])
      #expect(result.entities.first?.label == "Vladimir Putin")
    }
  }

  /// A bare team and a bare surname found in one document come in the order of the text among
  /// the candidates' mentions, whether the candidates were given in order or not.
  @Test func teamsAndSurnamesAddedAtWordsComeInTextOrder() throws {
    let text = SourceText("Surrey 429-7 . Chris Lewis said Surrey won . Lewis smiled .")
    let tokens = Tokenizer().tokens(in: text, range: 0..<text.count)
    let surrey = try #require(tokens.firstIndex { $0.text == "Surrey" })
    let chris = try #require(tokens.firstIndex { $0.text == "Chris" })
    let candidates = [
      Candidate(
        start: tokens[surrey].start, end: tokens[surrey].end, tokens: surrey..<(surrey + 1),
        sentence: 0, type: .organization, entity: nil, form: .name,
        source: "rule:score-line-team", priority: 8),
      Candidate(
        start: tokens[chris].start, end: tokens[chris + 1].end, tokens: chris..<(chris + 2),
        sentence: 1, type: .person, entity: nil, form: .name, source: "rule:test", priority: 8),
    ]
    for result in Self.resolveInBothOrders(candidates, tokens: tokens, text: text) {
      #expect(
        result.mentions.map(\.text) == ["Surrey", "Chris Lewis", "Surrey", "Lewis"])
      #expect(
        result.mentions.map(\.entity) == [
          "organization/surrey", "person/chris-lewis", "organization/surrey",
          "person/chris-lewis",
        ])
      #expect(
        result.mentions.map(\.source) == [
          "rule:score-line-team", "rule:test", "rule:document-team", "rule:document-surname",
        ])
    }
  }

  @Test func fullNameAndAMentionOfItsIdAreOneEntity() throws {
    // The full name's key is "rule:Vladimir Putin", its id "person/vladimir-putin": a mention
    // that carries that id joins the same entity, whichever comes first.
    let text = SourceText("Vladimir Putin spoke. VP said so.")
    let tokens = Tokenizer().tokens(in: text, range: 0..<text.count)
    let vp = try #require(tokens.firstIndex { $0.text == "VP" })
    let candidates = [
      Candidate(
        start: tokens[0].start, end: tokens[1].end, tokens: 0..<2, sentence: 0, type: .person,
        entity: nil, form: .name, source: "rule:test", priority: 8),
      Candidate(
        start: tokens[vp].start, end: tokens[vp].end, tokens: vp..<(vp + 1), sentence: 1,
        type: .person, entity: "person/vladimir-putin", form: .alias, source: "rule:test",
        priority: 8),
    ]
    for result in Self.resolveInBothOrders(candidates, tokens: tokens, text: text) {
      #expect(result.mentions.map(\.entity) == ["person/vladimir-putin", "person/vladimir-putin"])
      let entity = try #require(result.entities.first)
      #expect(result.entities.count == 1)
      #expect(entity.mentions == 2)
      #expect(entity.aliases == ["VP", "Vladimir Putin"])
    }
  }
}
