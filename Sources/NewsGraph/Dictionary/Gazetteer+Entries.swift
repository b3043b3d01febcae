extension Gazetteer {
  /// The entries of a gazetteer, stored flat; `entries[i]` builds the `DictionaryEntry`.
  ///
  /// Matching needs only a few fields of the entries it finds (`type(at:)`, `isCommonWord(at:)`),
  /// so the table keeps the names as numbers into string tables and builds whole entries on
  /// demand: loading a cached gazetteer makes no `String` per entry.
  public struct Entries: RandomAccessCollection, Sendable {
    /// Entity ids, indexed.
    var ids: StringTable
    /// Labels, aliases, demonyms and origin file names.
    var texts: StringTable
    /// `Self.stride` numbers per entry; see `Field`.
    var records: FlatArray<Int32>
    /// Text numbers of aliases and demonyms.
    var lists: FlatArray<Int32>
    var populations: FlatArray<Int64>

    static let stride = 8

    enum Field: Int {
      case label = 0
      case aliasStart, aliasCount, demonymStart, demonymCount
      /// The text number of the origin's file part, or -1.
      case originFile
      /// The origin's line, or -1 when the origin is not `file:line` (then it is all in the file).
      case originLine
      /// Bits 0-1 the type (see `types`), then one bit per flag (see `Flag`).
      case kind
    }

    enum Flag: Int32 {
      case common = 4
      case capital = 8
      case minor = 16
      /// From a user's dictionary: ranks before every built-in entry.
      case user = 32
    }

    static let types: [EntityType] = [.person, .country, .organization, .place]

    init(
      ids: StringTable, texts: StringTable, records: FlatArray<Int32>, lists: FlatArray<Int32>,
      populations: FlatArray<Int64>
    ) {
      self.ids = ids
      self.texts = texts
      self.records = records
      self.lists = lists
      self.populations = populations
    }

    init(_ entries: [DictionaryEntry]) {
      var encoder = Encoder(textBase: 0)
      let records = entries.flatMap { encoder.record($0, user: false, listBase: 0) }
      self.init(
        ids: StringTable(entries.map(\.id), indexed: true),
        texts: StringTable(encoder.texts, indexed: false), records: FlatArray(records),
        lists: FlatArray(encoder.lists),
        populations: FlatArray(entries.map { Int64($0.population) }))
    }

    /// The table with some entries replaced and new ones added at the end (the positions
    /// `count`, `count + 1` ... must all be there), flagged as a user's when `user` is set.
    func updating(_ changes: [Int: DictionaryEntry], user: Bool) -> Entries {
      var records = self.records.array
      var populations = self.populations.array
      var encoder = Encoder(textBase: texts.count)
      var newIDs: [String] = []
      for (position, entry) in changes.sorted(by: { $0.key < $1.key }) {
        let record = encoder.record(entry, user: user, listBase: lists.count)
        if position < count {
          let base = position * Self.stride
          records.replaceSubrange(base..<(base + Self.stride), with: record)
          populations[position] = Int64(entry.population)
        } else {
          precondition(position == count + newIDs.count, "new entries must follow the table")
          records += record
          populations.append(Int64(entry.population))
          newIDs.append(entry.id)
        }
      }
      return Entries(
        ids: ids.appending(newIDs), texts: texts.appending(encoder.texts),
        records: FlatArray(records), lists: FlatArray(lists.array + encoder.lists),
        populations: FlatArray(populations))
    }

    /// Turns entries into records, collecting their texts and alias lists.
    private struct Encoder {
      let textBase: Int
      var texts: [String] = []
      var lists: [Int32] = []
      var files: [String: Int32] = [:]

      init(textBase: Int) {
        self.textBase = textBase
      }

      mutating func add(_ text: String) -> Int32 {
        texts.append(text)
        return Int32(textBase + texts.count - 1)
      }

      mutating func record(_ entry: DictionaryEntry, user: Bool, listBase: Int) -> [Int32] {
        let label = add(entry.label)
        let aliasStart = Int32(listBase + lists.count)
        for alias in entry.aliases { lists.append(add(alias)) }
        let demonymStart = Int32(listBase + lists.count)
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
        var kind = Int32(Entries.types.firstIndex(of: entry.type) ?? 0)
        if entry.isCommonWord { kind |= Flag.common.rawValue }
        if entry.isCapital { kind |= Flag.capital.rawValue }
        if entry.isMinor { kind |= Flag.minor.rawValue }
        if user { kind |= Flag.user.rawValue }
        return [
          label, aliasStart, Int32(entry.aliases.count), demonymStart,
          Int32(entry.demonyms.count), file, line, kind,
        ]
      }
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

    /// The type and flag bits of entry `position`.
    func kind(at position: Int) -> Int32 {
      records[position * Self.stride + Field.kind.rawValue]
    }

    /// The type of entry `position`, without building the whole entry.
    public func type(at position: Int) -> EntityType { Self.types[Int(kind(at: position) & 3)] }

    /// The id of entry `position`, without building the whole entry.
    public func id(at position: Int) -> String { ids[position] }

    /// The label of entry `position`, without building the whole entry.
    public func label(at position: Int) -> String {
      texts[Int(records[position * Self.stride + Field.label.rawValue])]
    }

    /// Whether entry `position` is flagged `common`, without building the whole entry.
    public func isCommonWord(at position: Int) -> Bool {
      kind(at: position) & Flag.common.rawValue != 0
    }

    /// Whether entry `position` comes from a user's dictionary.
    public func isUserEntry(at position: Int) -> Bool {
      kind(at: position) & Flag.user.rawValue != 0
    }

    /// Whether every number points inside the tables; checked after reading a cache file.
    var isWellFormed: Bool {
      let count = populations.count
      guard ids.isWellFormed, texts.isWellFormed, ids.count == count, !ids.slots.isEmpty,
        records.count == count * Self.stride, lists.allBelow(UInt32(texts.count))
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
}
