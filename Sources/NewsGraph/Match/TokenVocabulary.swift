/// Every token text that `TokenLookups` asks about, found with one probe: its key number in the
/// dictionary's trie, its key numbers in the titles' tries, and the word lists it is in.
///
/// Each token was hashed once but probed in three tables: the dictionary trie's keys, the titles'
/// keys and the union of the rules' word lists (`TokenFacts.Table`). The dictionary's keys, by far
/// the most texts, stay where they are, and each that is also a title or list word points to what
/// those tables say of it; the few title and list words the dictionary lacks go in a small table
/// of their own, probed only for a text the dictionary lacks. Texts are matched by their bytes,
/// as each of the three tables matched them.
struct TokenVocabulary: Sendable {
  /// What the titles' tries and the word lists say of a text.
  struct Entry: Sendable, Equatable {
    /// Its key number in the titles' trie, or -1.
    var title: Int32 = -1
    /// Its key number in the upper-cased titles' trie, or -1.
    var upperTitle: Int32 = -1
    /// The facts of the word lists it is in, when it is ASCII (see
    /// `TokenFacts.Table.listsAreASCII`).
    var facts: TokenFacts = []
    /// Whether a title starts with it (`TokenTrie.startsPhrase(key:)` of `title`), and an
    /// upper-cased title (of `upperTitle`): worked out once here, not at each token.
    var startsTitle = false
    var startsUpperTitle = false
  }

  /// The dictionary trie's keys.
  private let keys: StringTable
  /// The position in `entries` of the entry of each key of the dictionary's trie, or -1.
  private let entryOfKey: [Int32]
  /// The title and list words that are no key of the dictionary's trie: word `n` has the entry
  /// `entries[extraStart + n]`.
  private let extras: StringTable
  /// One bit for each value of the low sixteen bits of a hash, set for the hash of each of
  /// `extras`: nearly every text the dictionary lacks (half of all tokens) has a clear bit, and
  /// is no extra either, without a probe of `extras`.
  private let extraHashes: [UInt64]
  private let extraStart: Int
  private let entries: [Entry]
  /// What `lookUp(utf8:hash:first:)` finds of the text of each ASCII character, by its value:
  /// about one token in five is a mark or a letter alone, answered by one read of this small
  /// table, with no probe of the index (`lookUp(asciiCharacter:)`).
  private var asciiCharacters: [(key: Int32, entry: Entry)] = []

  init(
    exact: TokenTrie<Gazetteer.Surface>, titles: TokenTrie<Gazetteer.TitleKind>,
    upperTitles: TokenTrie<Gazetteer.TitleKind>, lists: TokenFacts.Table
  ) {
    // What each title and list word says of its text; the first of equal keys wins, as in a
    // lookup of the tries' own keys.
    var said: [(text: String, title: Int32, upperTitle: Int32, facts: TokenFacts)] = []
    for number in 0..<titles.keys.count {
      said.append((titles.keys[number], Int32(number), -1, []))
    }
    for number in 0..<upperTitles.keys.count {
      said.append((upperTitles.keys[number], -1, Int32(number), []))
    }
    for (word, facts) in lists.asciiWords { said.append((word, -1, -1, facts)) }
    keys = exact.keys
    let keyOfSaid = said.map { exact.keys.number(of: $0.text) }
    // Equal texts are stored twice but found as the first, whose entry gathers what both say.
    extras = StringTable(
      zip(said, keyOfSaid).compactMap { $1 == nil ? $0.text : nil }, indexed: true)
    var extraHashes = [UInt64](repeating: 0, count: Self.extraHashWords)
    for number in 0..<extras.count {
      let bit = Self.extraHashBit(extras.hash(of: number))
      extraHashes[bit >> 6] |= 1 << (bit & 63)
    }
    self.extraHashes = extraHashes
    var entryOfKey = [Int32](repeating: -1, count: exact.keys.count)
    var keyed: [Entry] = []
    var extra = [Entry](repeating: Entry(), count: extras.count)
    for (word, key) in zip(said, keyOfSaid) {
      let change = { (entry: inout Entry) in
        if entry.title < 0 { entry.title = word.title }
        if entry.upperTitle < 0 { entry.upperTitle = word.upperTitle }
        entry.facts.formUnion(word.facts)
      }
      if let key {
        if entryOfKey[key] < 0 {
          entryOfKey[key] = Int32(keyed.count)
          keyed.append(Entry())
        }
        change(&keyed[Int(entryOfKey[key])])
      } else if let number = extras.number(of: word.text) {
        change(&extra[number])
      }
    }
    self.entryOfKey = entryOfKey
    extraStart = keyed.count
    var entries = keyed + extra
    for index in entries.indices {
      let (title, upperTitle) = (entries[index].title, entries[index].upperTitle)
      entries[index].startsTitle = title >= 0 && titles.startsPhrase(key: title)
      entries[index].startsUpperTitle = upperTitle >= 0 && upperTitles.startsPhrase(key: upperTitle)
    }
    self.entries = entries
    asciiCharacters = (0..<128).map { (value: UInt8) in
      withUnsafeBytes(of: value) { bytes in
        let utf8 = bytes.assumingMemoryBound(to: UInt8.self)
        let hash = StringTable.hash(utf8)
        return lookUp(utf8: utf8, hash: hash, first: firstSlot(ofHash: hash))
      }
    }
  }

  /// The slot of the dictionary's index that `lookUp(utf8:hash:first:)` of a text of hash
  /// `hash` reads first: read ahead for a sentence's tokens (`StringTable.firstSlot(ofHash:)`).
  @inline(__always)
  func firstSlot(ofHash hash: UInt32) -> StringTable.FirstSlot { keys.firstSlot(ofHash: hash) }

  /// The key number in the dictionary's trie of the text of UTF-8 `bytes`, whose
  /// `StringTable.hash(_:)` is `hash`, or -1, and what the titles and the word lists say of it;
  /// `first` is `firstSlot(ofHash: hash)`.
  ///
  /// Inlined into the lookups' loop, as it was before it had a second caller there.
  @inline(__always)
  func lookUp(
    utf8 bytes: UnsafeBufferPointer<UInt8>, hash: UInt32, first: StringTable.FirstSlot
  ) -> (key: Int32, entry: Entry) {
    if let key = keys.number(ofUTF8: bytes, hash: hash, first: first) {
      let position = Int(entryOfKey[key])
      return (Int32(key), position >= 0 ? entries[position] : Entry())
    }
    let bit = Self.extraHashBit(hash)
    if extraHashes[bit >> 6] & 1 << (bit & 63) != 0,
      let extra = extras.number(ofUTF8: bytes, hash: hash)
    {
      return (-1, entries[extraStart + extra])
    }
    return (-1, Entry())
  }

  /// `lookUp(utf8:hash:first:)` of the text of one ASCII character, `character` (below 128):
  /// read from a table made once, without the text's bytes or a probe.
  @inline(__always)
  func lookUp(asciiCharacter character: UInt8) -> (key: Int32, entry: Entry) {
    asciiCharacters[Int(character & 0x7F)]
  }

  /// The words of `extraHashes`: 65,536 bits (8 KB), for about a thousand extras.
  private static var extraHashWords: Int { 1024 }

  /// The bit of `extraHashes` for a text of hash `hash`.
  private static func extraHashBit(_ hash: UInt32) -> Int { Int(hash) & (extraHashWords * 64 - 1) }
}
