/// All dictionaries of a run compiled for matching: entities, titles and given names.
///
/// Build it once and share it between documents; it is immutable and `Sendable`.
public struct Gazetteer: Sendable {
  /// One surface form of an entry.
  public struct Surface: Sendable, Hashable {
    public var entry: Int32
    public var form: MentionForm
  }

  public let entries: [DictionaryEntry]
  /// Case-sensitive phrases.
  public let exact: TokenTrie<Surface>
  /// The same phrases upper-cased, for text in capitals ("REUTERS", "CAIRO"); common words left out.
  public let upper: TokenTrie<Surface>
  public let titles: TokenTrie<TitleKind>
  public let upperTitles: TokenTrie<TitleKind>
  public let givenNames: Set<String>
  /// Entity ids by id.
  public let index: [String: Int]

  /// The role of a title word before a name.
  public enum TitleKind: String, Sendable, Hashable {
    case role
    case honorific
  }

  /// Compiles the built-in entries and a user's; a user's entry wins when a surface names both,
  /// and a user's entry with an existing id adds its names to that entity.
  public init(
    entries builtIn: [DictionaryEntry], userEntries: [DictionaryEntry] = [],
    titles: [(String, TitleKind)] = [], givenNames: [String] = []
  ) {
    var merged: [DictionaryEntry] = []
    var priority: [Int] = []
    var index: [String: Int] = [:]
    for (entry, level) in builtIn.map({ ($0, 0) }) + userEntries.map({ ($0, 1) }) {
      if let existing = index[entry.id] {
        merged[existing].aliases += [entry.label] + entry.aliases
        merged[existing].demonyms += entry.demonyms
        merged[existing].population = max(merged[existing].population, entry.population)
        priority[existing] = max(priority[existing], level)
      } else {
        index[entry.id] = merged.count
        merged.append(entry)
        priority.append(level)
      }
    }
    entries = merged
    self.index = index

    let tokenizer = Tokenizer()
    func keys(_ surface: String) -> [String] {
      // Letters, digits and single spaces tokenize to the space-separated words: skip the tokenizer.
      if surface.utf8.allSatisfy({
        ($0 >= 0x30 && $0 <= 0x39) || (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) || $0 == 0x20
      }) {
        return surface.split(separator: " ").map(String.init)
      }
      let text = SourceText(surface)
      return tokenizer.tokens(in: text, range: 0..<text.count).map(\.text)
    }
    var exact = TokenTrie<Surface>()
    var upper = TokenTrie<Surface>()
    for (position, entry) in merged.enumerated() {
      var forms: [(String, MentionForm)] = [(entry.label, .name)]
      forms += entry.aliases.map { ($0, .alias) }
      forms += entry.demonyms.map { ($0, .demonym) }
      var seen = Set<String>()
      for (surface, form) in forms where seen.insert(surface).inserted {
        let tokens = keys(surface)
        guard !tokens.isEmpty else { continue }
        let item = Surface(entry: Int32(position), form: form)
        exact.insert(tokens, item)
        if !entry.isCommonWord {
          let upperKeys = tokens.map { $0.uppercased() }
          if upperKeys != tokens { upper.insert(upperKeys, item) }
        }
      }
    }
    // A user's entry first, then by type, then the larger place: a city of 20,000 people does
    // not beat a country or a person of the same name; the id breaks the last ties.
    let typeRank: [EntityType: Int] = [.person: 0, .organization: 1, .country: 2, .place: 3]
    let order: (Surface, Surface) -> Bool = { a, b in
      let x = Int(a.entry)
      let y = Int(b.entry)
      if priority[x] != priority[y] { return priority[x] > priority[y] }
      let (ex, ey) = (merged[x], merged[y])
      if ex.type != ey.type { return typeRank[ex.type, default: 9] < typeRank[ey.type, default: 9] }
      if ex.population != ey.population { return ex.population > ey.population }
      if a.form != b.form { return a.form == .name }
      return ex.id < ey.id
    }
    exact.sortPayloads(by: order)
    upper.sortPayloads(by: order)
    self.exact = exact
    self.upper = upper

    var titleTrie = TokenTrie<TitleKind>()
    var upperTitleTrie = TokenTrie<TitleKind>()
    for (title, kind) in titles {
      let tokens = keys(title)
      titleTrie.insert(tokens, kind)
      upperTitleTrie.insert(tokens.map { $0.uppercased() }, kind)
    }
    self.titles = titleTrie
    self.upperTitles = upperTitleTrie
    self.givenNames = Set(givenNames)
  }
}
