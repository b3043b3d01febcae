/// All dictionaries of a run compiled for matching: entities, titles and given names.
///
/// Build it once and share it between documents; it is immutable and `Sendable`. Its storage is
/// a few flat arrays (see `StringTable`, `TokenTrie`, `Gazetteer.Entries`), so `serialized()`
/// and `init(serialized:)` turn it into bytes and back with little more than a copy: that is the
/// compiled form `GazetteerCache` keeps between runs. A user's entries are added to a compiled
/// gazetteer with `init(base:userEntries:)`, which copies the arrays and compiles only the
/// user's names.
public struct Gazetteer: Sendable {
  /// One surface form of an entry.
  public struct Surface: Sendable, Hashable {
    public var entry: Int32
    public var form: MentionForm

    public init(entry: Int32, form: MentionForm) {
      self.entry = entry
      self.form = form
    }
  }

  public var entries: Entries { storage.entries }
  /// Case-sensitive phrases; a phrase's payloads come best first (see `init`).
  public var exact: TokenTrie<Surface> { storage.exact }
  /// The same phrases upper-cased, for text in capitals ("REUTERS", "CAIRO"); common words left out.
  public var upper: TokenTrie<Surface> { storage.upper }
  public var titles: TokenTrie<TitleKind> { storage.titles }
  public var upperTitles: TokenTrie<TitleKind> { storage.upperTitles }
  public var givenNames: NameList { storage.givenNames }
  /// Entry positions by entity id: `index["country/egypt"]`.
  public var index: EntryIndex { storage.index }
  /// The token texts of the tries and the rules' word lists, each found with one probe.
  var vocabulary: TokenVocabulary { storage.vocabulary }

  /// Whether `other` is this gazetteer, the same tables behind the same reference: a table
  /// worked out from one gazetteer and kept across documents (`EntryNames`) is asked this
  /// instead of comparing the tables.
  func isIdentical(to other: Gazetteer) -> Bool { storage === other.storage }

  /// The tables, behind one reference. A gazetteer goes into every sentence's context and is
  /// passed to every rule; copying the tables themselves took some fifty reference counts each
  /// time, copying this takes one.
  private let storage: Storage

  private final class Storage: Sendable {
    let entries: Entries
    let exact: TokenTrie<Surface>
    let upper: TokenTrie<Surface>
    let titles: TokenTrie<TitleKind>
    let upperTitles: TokenTrie<TitleKind>
    let givenNames: NameList
    let index: EntryIndex
    let vocabulary: TokenVocabulary

    init(
      entries: Entries, exact: TokenTrie<Surface>, upper: TokenTrie<Surface>,
      titles: TokenTrie<TitleKind>, upperTitles: TokenTrie<TitleKind>, givenNames: NameList
    ) {
      self.entries = entries
      self.index = EntryIndex(ids: entries.ids)
      self.exact = exact
      self.upper = upper
      self.titles = titles
      self.upperTitles = upperTitles
      self.givenNames = givenNames
      vocabulary = TokenVocabulary(
        exact: exact, titles: titles, upperTitles: upperTitles, lists: TokenFacts.table)
    }
  }

  /// The role of a title word before a name.
  public enum TitleKind: String, Sendable, Hashable {
    case role
    case honorific
  }

  /// Compiles the built-in entries and a user's; a user's entry wins when a surface names both,
  /// and a user's entry with an existing id adds its names to that entity.
  ///
  /// When one surface names several entries, they are ordered best first: a user's entry, then
  /// by type (person, organization, country, place), then a place that is not flagged `minor`
  /// (a town named like a person, see `DictionaryEntry.isMinor`), then the larger population,
  /// then the entry's own name before an alias, then the id. So a town of 20,000 people never
  /// beats a country, a person or a bigger city of the same name.
  public init(
    entries builtIn: [DictionaryEntry], userEntries: [DictionaryEntry] = [],
    titles: [(String, TitleKind)] = [], givenNames: [String] = []
  ) {
    // An id listed twice among the built-in entries is one entity with both sets of names.
    var merged: [DictionaryEntry] = []
    var positions: [String: Int] = [:]
    for entry in builtIn {
      if let existing = positions[entry.id] {
        merged[existing].aliases += [entry.label] + entry.aliases
        merged[existing].demonyms += entry.demonyms
        merged[existing].population = max(merged[existing].population, entry.population)
      } else {
        positions[entry.id] = merged.count
        merged.append(entry)
      }
    }
    let table = Entries(merged)
    var exactPhrases: [(keys: [String], payload: Surface)] = []
    var upperPhrases: [(keys: [String], payload: Surface)] = []
    for (position, entry) in merged.enumerated() {
      var seen = Set<String>()
      for (surface, form) in Self.forms(of: entry) where seen.insert(surface).inserted {
        Self.addPhrases(
          surface, Surface(entry: Int32(position), form: form), isCommonWord: entry.isCommonWord,
          exact: &exactPhrases, upper: &upperPhrases)
      }
    }
    let order = Self.order(table)
    var exact = TokenTrie(phrases: exactPhrases)
    var upper = TokenTrie(phrases: upperPhrases)
    exact.sortPayloads(by: order)
    upper.sortPayloads(by: order)

    var titlePhrases: [(keys: [String], payload: TitleKind)] = []
    var upperTitlePhrases: [(keys: [String], payload: TitleKind)] = []
    for (title, kind) in titles {
      let tokens = Self.keys(title)
      titlePhrases.append((tokens, kind))
      upperTitlePhrases.append((tokens.map { $0.uppercased() }, kind))
    }
    let base = Gazetteer(
      entries: table, exact: exact, upper: upper, titles: TokenTrie(phrases: titlePhrases),
      upperTitles: TokenTrie(phrases: upperTitlePhrases), givenNames: NameList(givenNames))
    self = userEntries.isEmpty ? base : Gazetteer(base: base, userEntries: userEntries)
  }

  /// A compiled gazetteer with a user's entries added, as `init(entries:userEntries:...)` adds
  /// them: the base is not compiled again, only the user's names are.
  public init(base: Gazetteer, userEntries: [DictionaryEntry]) {
    var changed: [Int: DictionaryEntry] = [:]
    var added: [String: Int] = [:]
    var promoted = Set<Int>()  // base entries that now rank as a user's
    var exactPhrases: [(keys: [String], payload: Surface)] = []
    var upperPhrases: [(keys: [String], payload: Surface)] = []
    for entry in userEntries {
      let position: Int
      var forms: [(String, MentionForm)]
      var merged: DictionaryEntry
      if let existing = base.index[entry.id] ?? added[entry.id] {
        position = existing
        merged = changed[existing] ?? base.entries[existing]
        let known = Set(Self.forms(of: merged).map(\.0))
        forms = ([entry.label] + entry.aliases).map { ($0, .alias) }
        forms += entry.demonyms.map { ($0, .demonym) }
        forms = forms.filter { !known.contains($0.0) }
        merged.aliases += [entry.label] + entry.aliases
        merged.demonyms += entry.demonyms
        merged.population = max(merged.population, entry.population)
        if existing < base.entries.count { promoted.insert(existing) }
      } else {
        position = base.entries.count + added.count
        added[entry.id] = position
        merged = entry
        forms = Self.forms(of: entry)
      }
      changed[position] = merged
      var seen = Set<String>()
      for (surface, form) in forms where seen.insert(surface).inserted {
        Self.addPhrases(
          surface, Surface(entry: Int32(position), form: form), isCommonWord: merged.isCommonWord,
          exact: &exactPhrases, upper: &upperPhrases)
      }
    }
    let table = base.entries.updating(changed, user: true)
    let order = Self.order(table)
    let exactAdded = base.exact.adding(exactPhrases)
    let upperAdded = base.upper.adding(upperPhrases)
    var exact = exactAdded.trie
    var upper = upperAdded.trie
    // A promoted entry now ranks first wherever its built-in names already were.
    var exactNodes = Set(exactAdded.grown)
    var upperNodes = Set(upperAdded.grown)
    for position in promoted {
      let entry = base.entries[position]
      for (surface, _) in Self.forms(of: entry) {
        let tokens = Self.keys(surface)
        if let node = exact.node(of: tokens) { exactNodes.insert(node) }
        if let node = upper.node(of: tokens.map { $0.uppercased() }) { upperNodes.insert(node) }
      }
    }
    exact.sortPayloads(of: exactNodes.sorted(), by: order)
    upper.sortPayloads(of: upperNodes.sorted(), by: order)
    self.init(
      entries: table, exact: exact, upper: upper, titles: base.titles,
      upperTitles: base.upperTitles, givenNames: base.givenNames)
  }

  /// A gazetteer from its parts, as the binary form stores them.
  init(
    entries: Entries, exact: TokenTrie<Surface>, upper: TokenTrie<Surface>,
    titles: TokenTrie<TitleKind>, upperTitles: TokenTrie<TitleKind>, givenNames: NameList
  ) {
    storage = Storage(
      entries: entries, exact: exact, upper: upper, titles: titles, upperTitles: upperTitles,
      givenNames: givenNames)
  }

  /// An entry's surfaces with their forms: the label, the aliases, the demonyms.
  private static func forms(of entry: DictionaryEntry) -> [(String, MentionForm)] {
    [(entry.label, .name)] + entry.aliases.map { ($0, .alias) }
      + entry.demonyms.map { ($0, .demonym) }
  }

  private static func addPhrases(
    _ surface: String, _ item: Surface, isCommonWord: Bool,
    exact: inout [(keys: [String], payload: Surface)],
    upper: inout [(keys: [String], payload: Surface)]
  ) {
    let tokens = keys(surface)
    guard !tokens.isEmpty else { return }
    exact.append((tokens, item))
    guard !isCommonWord else { return }
    let upperKeys = tokens.map { $0.uppercased() }
    if upperKeys != tokens { upper.append((upperKeys, item)) }
  }

  /// The token texts of a surface, as the tokenizer splits text.
  static func keys(_ surface: String) -> [String] {
    // Letters (any script; not modifier letters, which SourceText folds to an apostrophe),
    // digits and spaces tokenize to the space-separated words: skip the tokenizer, which would
    // find the same words at a far higher cost.
    if surface.unicodeScalars.allSatisfy({
      $0.value < 0x80
        ? ($0.value >= 0x30 && $0.value <= 0x39)
          || (($0.value | 0x20) >= 0x61 && ($0.value | 0x20) <= 0x7A) || $0 == " "
        : $0.properties.isAlphabetic && $0.properties.generalCategory != .modifierLetter
    }) {
      return surface.split(separator: " ").map(String.init)
    }
    let text = SourceText(surface)
    return Tokenizer().tokens(in: text, range: 0..<text.count).map(\.text)
  }

  /// The order of the payloads of one phrase, best first (see `init`).
  static func order(_ entries: Entries) -> (Surface, Surface) -> Bool {
    // Ranks by the type's position in `Entries.types` (person, country, organization, place).
    let typeRank: [Int32] = [0, 2, 1, 3]
    return { a, b in
      let x = Int(a.entry)
      let y = Int(b.entry)
      let (kx, ky) = (entries.kind(at: x), entries.kind(at: y))
      let user = Entries.Flag.user.rawValue
      if kx & user != ky & user { return kx & user != 0 }
      if kx & 3 != ky & 3 { return typeRank[Int(kx & 3)] < typeRank[Int(ky & 3)] }
      let minor = Entries.Flag.minor.rawValue
      if kx & minor != ky & minor { return kx & minor == 0 }
      let (px, py) = (entries.populations[x], entries.populations[y])
      if px != py { return px > py }
      if a.form != b.form { return a.form == .name }
      return entries.ids.precedes(x, y)
    }
  }
}

extension Gazetteer {
  /// Entry positions by entity id.
  public struct EntryIndex: Sendable {
    let ids: StringTable

    public subscript(id: String) -> Int? { ids.number(of: id) }

    public var count: Int { ids.count }
  }
}
