/// What the matchers look up of each token, worked out once for the dictionary matcher and all
/// the rules: the dictionary's phrases that start at it, its key in the titles' trie, and its
/// `TokenFacts`.
///
/// The recognizer fills one for a whole document, sentence after sentence, so its arrays grow
/// once per document rather than being made and freed for every sentence; a `SentenceContext`
/// made on its own fills one for its sentence. Each token's text is hashed once for the tries
/// and the word lists, not again by every walk that passes it.
struct TokenLookups: Sendable {
  /// Finished lookups, shared by the contexts of a document's sentences: each context retains
  /// one reference rather than every array and trie of the lookups.
  ///
  /// A recognizer's scratch keeps the last document's, and the next document's lookups take
  /// their arrays back (`init(reclaiming:)`).
  final class Shared: Sendable {
    let lookups: TokenLookups

    init(_ lookups: consuming TokenLookups) {
      self.lookups = lookups
    }
  }

  /// What the lookups read of a gazetteer, behind one reference: lookups that held the tries
  /// themselves retained and released each of their arrays whenever they were made, copied or
  /// freed, once per document. The recognizer makes one for all its documents.
  final class Tables: Sendable {
    let gazetteer: Gazetteer
    let exact: TokenTrie<Gazetteer.Surface>
    let vocabulary: TokenVocabulary
    let titles: TokenTrie<Gazetteer.TitleKind>
    let upperTitles: TokenTrie<Gazetteer.TitleKind>

    init(_ gazetteer: Gazetteer) {
      self.gazetteer = gazetteer
      exact = gazetteer.exact
      vocabulary = gazetteer.vocabulary
      titles = gazetteer.titles
      upperTitles = gazetteer.upperTitles
    }
  }

  /// The first token looked up: token `i` is at `i - start` in the arrays.
  private(set) var start: Int
  private var tables: Tables
  /// What each token's text was found to be, in one array: a token costs one write, not one
  /// for each of its fields. Made at the size of the tokens the lookups are made for, so that a
  /// sentence only writes its entries; the first `end - start` are looked up, and the rest may
  /// hold an earlier document's (`reset(tables:)`).
  private var looked: [Looked]
  /// Every dictionary phrase at each token that ends in its sentence, shortest first: token
  /// `start + k` has `phrases[phraseStart[k]..<phraseStart[k + 1]]`.
  private var phrases: [TokenTrie<Gazetteer.Surface>.Match] = []
  /// Made at its size, as `looked`.
  private var phraseStart: [Int]
  /// The tokens looked up so far end here.
  private(set) var end: Int

  init(start: Int, gazetteer: Gazetteer, capacity: Int) {
    self.init(start: start, tables: Tables(gazetteer), capacity: capacity)
  }

  init(start: Int, tables: Tables, capacity: Int) {
    self.start = start
    self.tables = tables
    end = start
    looked = Array(repeating: Looked(), count: capacity)
    phraseStart = Array(repeating: 0, count: capacity + 1)
    // About one token in twenty starts a phrase: room for twice that, so the array seldom grows.
    phrases.reserveCapacity(capacity / 10)
  }

  /// The lookups that `shared` held, with their arrays, to be emptied for another document
  /// (`reset(tables:)`), or nil when it held none; `shared` is left empty.
  ///
  /// When nothing else held the `Shared`, it is freed here, before the arrays are written, and
  /// they are then this value's alone: the next document writes them in place, where lookups
  /// made for each document allocated their arrays, filled them whole and freed them. Otherwise
  /// the arrays are copied when they are first written, as any array is.
  init?(reclaiming shared: inout Shared?) {
    guard let kept = shared.take() else { return nil }
    self = kept.lookups
  }

  /// Empties the lookups for the tokens of another document, from token 0 on, read in
  /// `tables`, keeping the storage of their arrays.
  ///
  /// Only the entries of the tokens looked up are written, as they are looked up; the arrays
  /// grow when a document has more tokens than they have room for.
  mutating func reset(tables: Tables) {
    start = 0
    end = 0
    self.tables = tables
    phrases.removeAll(keepingCapacity: true)
  }

  /// Looks up the tokens of the sentence `range`, which starts at `end`, and returns the union
  /// of their facts (`SentenceContext.sentenceFacts`); in a block in capitals the titles are
  /// looked up upper-cased.
  @discardableResult
  mutating func append(
    sentence range: Range<Int>, of tokens: [Token], allCaps: Bool
  ) -> TokenFacts {
    precondition(range.lowerBound == end, "sentences are looked up in order")
    precondition(range.upperBound <= tokens.count, "the sentence is in the tokens")
    let table = TokenFacts.table
    let tables = tables
    let first = start
    // Each token's entries are written in place: an append for each token checked the array's
    // room and uniqueness each time. The arrays are moved out of `self` while they are written:
    // a closure that reads `self` while `self` changes would copy them.
    var looked: [Looked] = []
    var phrases: [TokenTrie<Gazetteer.Surface>.Match] = []
    var phraseStart: [Int] = []
    swap(&looked, &self.looked)
    swap(&phrases, &self.phrases)
    swap(&phraseStart, &self.phraseStart)
    // More tokens than the lookups were made for: room for them, made once.
    if range.upperBound - first > looked.count {
      looked.append(
        contentsOf: repeatElement(Looked(), count: range.upperBound - first - looked.count))
      phraseStart.append(
        contentsOf: repeatElement(0, count: range.upperBound - first + 1 - phraseStart.count))
    }
    var sentenceFacts: TokenFacts = []
    looked.withUnsafeMutableBufferPointer { looked in
      // Through a pointer, each token is read where it is: the array's subscript copied it, and
      // so did a closure that captured it.
      tokens.withUnsafeBufferPointer { tokens in
        // No tokens, no address: and no sentence of them to look up.
        guard let token = tokens.baseAddress else { return }
        // The first slot of each text in the vocabulary's index, read for the whole sentence
        // before any lookup: these reads, cache misses in a large table, wait on nothing and
        // are made at once, where each lookup's first read waited for the lookup before.
        for i in range {
          looked[i - first].firstSlot = tables.vocabulary.firstSlot(
            ofHash: token[i].textHash)
        }
        for i in range {
          let found = Self.lookUp(
            token + i, first: looked[i - first].firstSlot, vocabulary: tables.vocabulary,
            allCaps: allCaps, table: table)
          looked[i - first].key = found.key
          looked[i - first].titleKey = found.titleKey
          looked[i - first].facts = found.facts.union(TokenFacts.kind(of: token + i))
          looked[i - first].upperCased = allCaps
        }
      }
      phraseStart.withUnsafeMutableBufferPointer { phraseStart in
        for i in range {
          // A token no phrase has starts no walk (most punctuation, many words).
          if looked[i - first].key >= 0 {
            let found = phrases.count
            tables.exact.appendMatches(
              startingAt: i, count: range.upperBound, keyNumber: { looked[$0 - first].key },
              to: &phrases)
            if phrases.count > found { looked[i - first].facts.insert(.phrase) }
          }
          phraseStart[i - first + 1] = phrases.count
          sentenceFacts.formUnion(looked[i - first].facts)
        }
      }
    }
    swap(&looked, &self.looked)
    swap(&phrases, &self.phrases)
    swap(&phraseStart, &self.phraseStart)
    end = range.upperBound
    return sentenceFacts
  }

  /// A token's key numbers in the dictionary's trie and in the titles' (upper-cased in a block
  /// in capitals), and its facts: its text is found by the hash the tokenizer worked out
  /// (`Token.textHash`), with one probe of the vocabulary (two when the dictionary lacks it), or
  /// by its character alone when it is one ASCII character (`Token.asciiCharacter`).
  ///
  /// Inlined into `append(sentence:of:allCaps:)`, its only caller, with the function it reads
  /// the bytes with: called, they took the vocabulary and returned the result through memory at
  /// every token.
  ///
  /// The facts of the token's shape are found after its bytes are read, from their count: a
  /// call while the bytes were lent (`TokenFacts.shape(of:byteCount:)`, which may copy the
  /// token) made the compiler retain the text and release it again around it, at every token.
  @inline(__always)
  private static func lookUp(
    _ token: UnsafePointer<Token>, first: StringTable.FirstSlot, vocabulary: TokenVocabulary,
    allCaps: Bool, table: TokenFacts.Table
  ) -> (key: Int32, titleKey: Int32, facts: TokenFacts) {
    @inline(__always)
    func lookUp(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int32, Int32, TokenFacts, Int) {
      let hash = token.pointee.textHash
      let isASCII = token.pointee.isASCII
      let (key, entry) = vocabulary.lookUp(utf8: bytes, hash: hash, first: first)
      // The vocabulary knows the lists of an ASCII text only; any other asks the lists.
      let lists =
        isASCII && table.listsAreASCII
        ? entry.facts
        : table.listFacts(of: token, utf8: bytes, hash: hash, isASCII: isASCII)
      let (titleKey, facts) = found(entry, lists: lists, allCaps: allCaps)
      return (key, titleKey, facts, bytes.count)
    }
    // A mark or a letter alone, about one token in five, is answered by its character: its
    // text is neither read nor probed for.
    let character = token.pointee.asciiCharacter
    let (key, titleKey, facts, count): (Int32, Int32, TokenFacts, Int)
    if character != 0 && table.listsAreASCII {
      let (characterKey, entry) = vocabulary.lookUp(asciiCharacter: character)
      let (characterTitleKey, characterFacts) = found(entry, lists: entry.facts, allCaps: allCaps)
      (key, titleKey, facts, count) = (characterKey, characterTitleKey, characterFacts, 1)
    } else {
      // The text is read where it is in each branch: a view of it kept for the fallback was
      // live through the whole lookup, and the loop kept more of its state in memory around it.
      (key, titleKey, facts, count) =
        token.pointee.text.utf8.withContiguousStorageIfAvailable(lookUp)
        ?? Array(token.pointee.text.utf8).withUnsafeBufferPointer(lookUp)
    }
    return (key, titleKey, facts.union(TokenFacts.shape(of: token, byteCount: count)))
  }

  /// The title key number and the facts of a token whose text the vocabulary found `entry` of,
  /// and which is in the lists of `lists`; in a block in capitals, of the upper-cased titles.
  @inline(__always)
  private static func found(
    _ entry: TokenVocabulary.Entry, lists: TokenFacts, allCaps: Bool
  ) -> (titleKey: Int32, facts: TokenFacts) {
    // A word of some title is not enough to start one: "of" and "the" are in titles.
    let startsTitle = allCaps ? entry.startsUpperTitle : entry.startsTitle
    return (
      allCaps ? entry.upperTitle : entry.title, lists.union(startsTitle ? .titleStart : [])
    )
  }

  /// The dictionary phrases that start at token `i`, shortest first; their payloads are read
  /// with `payload(at:)`.
  func phrases(at i: Int) -> ArraySlice<TokenTrie<Gazetteer.Surface>.Match> {
    let k = i - start
    return phrases[phraseStart[k]..<phraseStart[k + 1]]
  }

  /// The payload at `position` in the dictionary's trie, one of a phrase's (`phrases(at:)`).
  func payload(at position: Int32) -> Gazetteer.Surface { tables.exact.payload(at: position) }

  /// The best dictionary phrase at token `i`: the first payload of its longest phrase.
  ///
  /// Made when a rule asks rather than kept for every token: most tokens start no phrase, and
  /// an entry for each was a large append.
  func match(at i: Int) -> SentenceContext.MatchedEntry? {
    let k = i - start
    // Most tokens start no phrase, and their facts say so.
    guard looked[k].facts.contains(.phrase) else { return nil }
    let end = phraseStart[k + 1]
    guard end > phraseStart[k], let first = phrases[end - 1].payloads.first else { return nil }
    let best = payload(at: first)
    return SentenceContext.MatchedEntry(
      gazetteer: tables.gazetteer, position: Int(best.entry),
      length: Int(phrases[end - 1].length), form: best.form)
  }

  /// The length in tokens of the longest title that starts at token `i` and ends before `end`,
  /// or nil.
  func longestTitle(at i: Int, end: Int) -> Int? {
    // Most tokens are in no title at all.
    guard looked[i - start].titleKey >= 0 else { return nil }
    let longest =
      looked[i - start].upperCased
      ? tables.upperTitles.longestMatch(startingAt: i, count: end) { looked[$0 - start].titleKey }
      : tables.titles.longestMatch(startingAt: i, count: end) { looked[$0 - start].titleKey }
    return longest.map { Int($0.length) }
  }

  /// The facts of token `i`.
  func facts(at i: Int) -> TokenFacts { looked[i - start].facts }

  /// The first token from `i` on, before `end`, whose facts have any of `wanted`, or `end`
  /// (`i` itself when it is past `end`).
  ///
  /// A scan of the facts alone, through a pointer: a matcher that asked each token's facts in
  /// turn (`SentenceContext.facts(at:)`) checked the range and went through the lookups'
  /// reference and array at every token, most of which have none of the facts it looks for.
  func firstToken(from i: Int, end: Int, withAnyOf wanted: TokenFacts) -> Int {
    // The scan reads through a pointer, unchecked: the tokens it may read are looked up.
    precondition(i >= start && end <= self.end, "the tokens scanned are looked up")
    return looked.withUnsafeBufferPointer { looked in
      var k = i - start
      let last = end - start
      while k < last, looked[k].facts.isDisjoint(with: wanted) { k += 1 }
      return k + start
    }
  }

  /// The key number of token `i`'s text in the dictionary's trie, or -1
  /// (`TokenTrie.keyNumber(of:)`).
  func key(at i: Int) -> Int32 { looked[i - start].key }

  /// What a token's text was found to be.
  private struct Looked {
    /// Its key number in the dictionary's trie.
    var key: Int32 = -1
    /// Its key number in the trie of titles its sentence uses (`longestTitle(at:end:)`).
    var titleKey: Int32 = -1
    var facts: TokenFacts = []
    /// Whether `titleKey` is in `upperTitles`: its block is in capitals.
    var upperCased = false
    /// The first slot of its text in the vocabulary's index, read ahead of its lookup; in the
    /// room the other fields leave, so a token's lookups take no more memory.
    var firstSlot = StringTable.FirstSlot()
  }
}
