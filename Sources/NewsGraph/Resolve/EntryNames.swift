/// What the resolver reads of a gazetteer's entries, each worked out once for all the documents
/// that one resolver reads: their labels, and the surnames of the people.
///
/// `Gazetteer.Entries.label(at:)` makes a new string from the table's bytes each time, and the
/// resolver asks it for every dictionary entity of every document; the surnames of a person
/// were split from a whole `DictionaryEntry` made for each document that named them. Most news
/// names the same countries, cities and people again, whose names are now read from an array
/// and retained. The names of one gazetteer only: given another one, the table forgets them.
struct EntryNames: Sendable {
  /// What is known of one entry, each part worked out the first time it is asked.
  private struct Names {
    var label: String?
    var surnames: [String]?
  }

  /// The gazetteer whose names are kept, held so that its tables outlive the table.
  private var gazetteer: Gazetteer?
  /// By entry: the index of its names in `known` plus one, or 0 before it is asked.
  private var slots: [Int32] = []
  /// The names of the entries asked for, in the order they were first asked.
  private var known: [Names] = []

  init() {}

  /// The label of the entry at `entry` of `gazetteer`.
  mutating func label(at entry: Int, in gazetteer: Gazetteer) -> String {
    let at = index(of: entry, in: gazetteer)
    if let label = known[at].label { return label }
    let label = gazetteer.entries.label(at: entry)
    known[at].label = label
    return label
  }

  /// The last words of the label and the aliases of the entry at `entry` of `gazetteer` that
  /// have several words, in that order: the surnames of a person.
  mutating func surnames(at entry: Int, in gazetteer: Gazetteer) -> [String] {
    let at = index(of: entry, in: gazetteer)
    if let surnames = known[at].surnames { return surnames }
    let names = gazetteer.entries[entry]
    var surnames: [String] = []
    for form in [names.label] + names.aliases {
      if let last = Self.lastWord(ofSeveral: form) { surnames.append(last) }
    }
    known[at].surnames = surnames
    return surnames
  }

  /// The index in `known` of the names of the entry at `entry` of `gazetteer`, which gets one
  /// if it had none.
  private mutating func index(of entry: Int, in gazetteer: Gazetteer) -> Int {
    if !(self.gazetteer?.isIdentical(to: gazetteer) ?? false) {
      self.gazetteer = gazetteer
      slots = [Int32](repeating: 0, count: gazetteer.entries.count)
      known.removeAll()
    }
    let slot = Int(slots[entry])
    if slot > 0 { return slot - 1 }
    known.append(Names())
    slots[entry] = Int32(truncatingIfNeeded: known.count)
    return known.count - 1
  }

  /// The last of the words of `name` split at spaces, or nil for a name of one word.
  ///
  /// An ASCII name is split by its bytes: splitting by Characters cost a walk through the
  /// grapheme rules for every character, and in ASCII a space is a character of its own. Any
  /// other name is split by Characters (a space and a mark after it are one).
  private static func lastWord(ofSeveral name: String) -> String? {
    let utf8 = name.utf8
    guard utf8.allSatisfy({ $0 < 0x80 }) else {
      let parts = name.split(separator: " ")
      return parts.count >= 2 ? String(parts[parts.count - 1]) : nil
    }
    guard let end = utf8.lastIndex(where: { $0 != 0x20 }) else { return nil }
    let start = utf8[..<end].lastIndex(of: 0x20).map { utf8.index(after: $0) } ?? utf8.startIndex
    guard utf8[..<start].contains(where: { $0 != 0x20 }) else { return nil }
    return String(name[start...end])
  }
}
