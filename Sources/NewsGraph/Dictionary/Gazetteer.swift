/// All dictionaries of a run compiled for matching: entities, titles and given names.
///
/// Build it once and share it between documents; it is immutable and `Sendable`. Its storage is
/// a few flat arrays (see `StringTable`, `TokenTrie`), so `serialized()` and
/// `init(serialized:)` turn it into bytes and back with little more than a copy: that is the
/// compiled form `GazetteerCache` keeps between runs.
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

  public let entries: Entries
  /// Case-sensitive phrases; a phrase's payloads come best first (see `init`).
  public let exact: TokenTrie<Surface>
  /// The same phrases upper-cased, for text in capitals ("REUTERS", "CAIRO"); common words left out.
  public let upper: TokenTrie<Surface>
  public let titles: TokenTrie<TitleKind>
  public let upperTitles: TokenTrie<TitleKind>
  public let givenNames: Set<String>
  /// Entry positions by entity id: `index["country/egypt"]`.
  public let index: EntryIndex

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
  /// (a small town named like a word or a person, see `DictionaryEntry.isMinor`), then the larger
  /// population, then the entry's own name before an alias, then the id. So a town of 20,000
  /// people never beats a country, a person or a big city of the same name.
  public init(
    entries builtIn: [DictionaryEntry], userEntries: [DictionaryEntry] = [],
    titles: [(String, TitleKind)] = [], givenNames: [String] = []
  ) {
    var merged: [DictionaryEntry] = []
    var priority: [Int] = []
    var positions: [String: Int] = [:]
    for (entry, level) in builtIn.map({ ($0, 0) }) + userEntries.map({ ($0, 1) }) {
      if let existing = positions[entry.id] {
        merged[existing].aliases += [entry.label] + entry.aliases
        merged[existing].demonyms += entry.demonyms
        merged[existing].population = max(merged[existing].population, entry.population)
        priority[existing] = max(priority[existing], level)
      } else {
        positions[entry.id] = merged.count
        merged.append(entry)
        priority.append(level)
      }
    }
    let table = Entries(merged)
    self.entries = table
    self.index = EntryIndex(ids: table.ids)

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
    var exactPhrases: [(keys: [String], payload: Surface)] = []
    var upperPhrases: [(keys: [String], payload: Surface)] = []
    for (position, entry) in merged.enumerated() {
      var forms: [(String, MentionForm)] = [(entry.label, .name)]
      forms += entry.aliases.map { ($0, .alias) }
      forms += entry.demonyms.map { ($0, .demonym) }
      var seen = Set<String>()
      for (surface, form) in forms where seen.insert(surface).inserted {
        let tokens = keys(surface)
        guard !tokens.isEmpty else { continue }
        let item = Surface(entry: Int32(position), form: form)
        exactPhrases.append((tokens, item))
        if !entry.isCommonWord {
          let upperKeys = tokens.map { $0.uppercased() }
          if upperKeys != tokens { upperPhrases.append((upperKeys, item)) }
        }
      }
    }
    let typeRank: [EntityType: Int] = [.person: 0, .organization: 1, .country: 2, .place: 3]
    let order: (Surface, Surface) -> Bool = { a, b in
      let x = Int(a.entry)
      let y = Int(b.entry)
      if priority[x] != priority[y] { return priority[x] > priority[y] }
      let (ex, ey) = (merged[x], merged[y])
      if ex.type != ey.type { return typeRank[ex.type, default: 9] < typeRank[ey.type, default: 9] }
      if ex.isMinor != ey.isMinor { return !ex.isMinor }
      if ex.population != ey.population { return ex.population > ey.population }
      if a.form != b.form { return a.form == .name }
      return ex.id < ey.id
    }
    var exact = TokenTrie(phrases: exactPhrases)
    var upper = TokenTrie(phrases: upperPhrases)
    exact.sortPayloads(by: order)
    upper.sortPayloads(by: order)
    self.exact = exact
    self.upper = upper

    var titlePhrases: [(keys: [String], payload: TitleKind)] = []
    var upperTitlePhrases: [(keys: [String], payload: TitleKind)] = []
    for (title, kind) in titles {
      let tokens = keys(title)
      titlePhrases.append((tokens, kind))
      upperTitlePhrases.append((tokens.map { $0.uppercased() }, kind))
    }
    self.titles = TokenTrie(phrases: titlePhrases)
    self.upperTitles = TokenTrie(phrases: upperTitlePhrases)
    self.givenNames = Set(givenNames)
  }

  /// A gazetteer from its parts, as the binary form stores them.
  init(
    entries: Entries, exact: TokenTrie<Surface>, upper: TokenTrie<Surface>,
    titles: TokenTrie<TitleKind>, upperTitles: TokenTrie<TitleKind>, givenNames: Set<String>
  ) {
    self.entries = entries
    self.index = EntryIndex(ids: entries.ids)
    self.exact = exact
    self.upper = upper
    self.titles = titles
    self.upperTitles = upperTitles
    self.givenNames = givenNames
  }
}

extension Gazetteer {
  /// The entries of a gazetteer, stored flat; `entries[i]` builds the `DictionaryEntry`.
  public struct Entries: RandomAccessCollection, Sendable {
    /// Entity ids, indexed.
    var ids: StringTable
    /// Labels, aliases, demonyms and origin file names.
    var texts: StringTable
    /// `Self.stride` numbers per entry; see `Field`.
    var records: [Int32]
    /// Text numbers of aliases and demonyms.
    var lists: [Int32]
    var populations: [Int64]

    static let stride = 8

    enum Field: Int {
      case label = 0
      case aliasStart, aliasCount, demonymStart, demonymCount
      /// The text number of the origin's file part, or -1.
      case originFile
      /// The origin's line, or -1 when the origin is not `file:line` (then it is all in the file).
      case originLine
      /// Bits 0-1 the type, then one bit per flag (see `Flag`).
      case kind
    }

    enum Flag: Int32 {
      case common = 4
      case capital = 8
      case minor = 16
    }

    static let types: [EntityType] = [.person, .country, .organization, .place]

    init(
      ids: StringTable, texts: StringTable, records: [Int32], lists: [Int32], populations: [Int64]
    ) {
      self.ids = ids
      self.texts = texts
      self.records = records
      self.lists = lists
      self.populations = populations
    }

    init(_ entries: [DictionaryEntry]) {
      var texts: [String] = []
      var records: [Int32] = []
      var lists: [Int32] = []
      records.reserveCapacity(entries.count * Self.stride)
      func add(_ text: String) -> Int32 {
        texts.append(text)
        return Int32(texts.count - 1)
      }
      var files: [String: Int32] = [:]
      for entry in entries {
        let label = add(entry.label)
        let aliasStart = Int32(lists.count)
        for alias in entry.aliases { lists.append(add(alias)) }
        let demonymStart = Int32(lists.count)
        for demonym in entry.demonyms { lists.append(add(demonym)) }
        var file: Int32 = -1
        var line: Int32 = -1
        if !entry.origin.isEmpty {
          var name = entry.origin
          if let colon = entry.origin.lastIndex(of: ":"),
            let number = Int32(entry.origin[entry.origin.index(after: colon)...]), number >= 0
          {
            name = String(entry.origin[..<colon])
            line = number
          }
          if let known = files[name] {
            file = known
          } else {
            file = add(name)
            files[name] = file
          }
        }
        var kind = Int32(Self.types.firstIndex(of: entry.type) ?? 0)
        if entry.isCommonWord { kind |= Flag.common.rawValue }
        if entry.isCapital { kind |= Flag.capital.rawValue }
        if entry.isMinor { kind |= Flag.minor.rawValue }
        records += [
          label, aliasStart, Int32(entry.aliases.count), demonymStart,
          Int32(entry.demonyms.count), file, line, kind,
        ]
      }
      self.ids = StringTable(entries.map(\.id), indexed: true)
      self.texts = StringTable(texts, indexed: false)
      self.records = records
      self.lists = lists
      self.populations = entries.map { Int64($0.population) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { populations.count }

    public subscript(position: Int) -> DictionaryEntry {
      let base = position * Self.stride
      func field(_ field: Field) -> Int { Int(records[base + field.rawValue]) }
      func list(_ start: Field, _ count: Field) -> [String] {
        let from = field(start)
        return (from..<(from + field(count))).map { texts[Int(lists[$0])] }
      }
      let kind = Int32(field(.kind))
      var origin = ""
      if field(.originFile) >= 0 {
        origin = texts[field(.originFile)]
        if field(.originLine) >= 0 { origin += ":\(field(.originLine))" }
      }
      return DictionaryEntry(
        id: ids[position], type: Self.types[Int(kind & 3)], label: texts[field(.label)],
        aliases: list(.aliasStart, .aliasCount), demonyms: list(.demonymStart, .demonymCount),
        population: Int(populations[position]), isCommonWord: kind & Flag.common.rawValue != 0,
        isCapital: kind & Flag.capital.rawValue != 0, isMinor: kind & Flag.minor.rawValue != 0,
        origin: origin)
    }

    /// The type of entry `position`, without building the whole entry.
    public func type(at position: Int) -> EntityType {
      Self.types[Int(records[position * Self.stride + Field.kind.rawValue] & 3)]
    }

    /// The id of entry `position`, without building the whole entry.
    public func id(at position: Int) -> String { ids[position] }

    /// Whether entry `position` is flagged `common`, without building the whole entry.
    public func isCommonWord(at position: Int) -> Bool {
      records[position * Self.stride + Field.kind.rawValue] & Flag.common.rawValue != 0
    }

    /// Whether every number points inside the tables; checked after reading a cache file.
    var isWellFormed: Bool {
      let count = populations.count
      guard ids.isWellFormed, texts.isWellFormed, ids.count == count, !ids.slots.isEmpty,
        records.count == count * Self.stride, TokenTrie<Int>.allBelow(lists, UInt32(texts.count))
      else { return false }
      let textCount = Int64(texts.count)
      let listCount = Int64(lists.count)
      return records.withUnsafeBufferPointer { records in
        var valid = true
        var base = 0
        while base < records.count {
          let label = Int64(records[base + Field.label.rawValue])
          let aliasStart = Int64(records[base + Field.aliasStart.rawValue])
          let aliasCount = Int64(records[base + Field.aliasCount.rawValue])
          let demonymStart = Int64(records[base + Field.demonymStart.rawValue])
          let demonymCount = Int64(records[base + Field.demonymCount.rawValue])
          let file = Int64(records[base + Field.originFile.rawValue])
          valid =
            valid && label >= 0 && label < textCount && file >= -1 && file < textCount
            && records[base + Field.kind.rawValue] >= 0 && aliasStart >= 0 && aliasCount >= 0
            && aliasStart + aliasCount <= listCount && demonymStart >= 0 && demonymCount >= 0
            && demonymStart + demonymCount <= listCount
          base += Self.stride
        }
        return valid
      }
    }
  }

  /// Entry positions by entity id.
  public struct EntryIndex: Sendable {
    let ids: StringTable

    public subscript(id: String) -> Int? { ids.number(of: id) }

    public var count: Int { ids.count }
  }
}
