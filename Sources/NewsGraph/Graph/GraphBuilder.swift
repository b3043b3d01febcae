/// Builds the co-occurrence graph of one or more analyzed documents.
///
/// Each window (a sentence, a paragraph, the document, or N consecutive sentences sliding one
/// sentence at a time) adds one to the count of every pair of distinct entities in it, and one
/// to the window count of every entity in it. The result does not depend on the order in which
/// documents are added: counts add, aliases and dates are sets, the label and type kept are the
/// smallest seen (of equal strings, the one whose UTF-8 comes first) and the evidence kept is the first by (document, sentence, text). That is what makes
/// a graph built in parallel, or merged from shards, the same as one built in one pass.
///
/// A window that names more than `windowEntityLimit` entities (a list of 10,000 names in one
/// sentence, say) would add a link for every pair of them, which is quadratic in time and in
/// the graph's size. Such a window still counts for every entity in it, but links only the
/// `windowEntityLimit` it mentions most (ties by id), and the accumulator counts it in
/// `cappedWindows`, so that the command can warn. The choice depends on the window alone, so
/// the graph still does not depend on document order.
public struct GraphBuilder: Sendable {
  public var window: Window
  /// Sentences kept as evidence per edge.
  public var evidenceLimit: Int
  /// Characters of a sentence kept as evidence.
  public var evidenceLength: Int
  /// Entities of one window that are linked to each other at most.
  public var windowEntityLimit: Int

  /// The default `windowEntityLimit`: more than any sentence or paragraph of news names, and
  /// at most 19,900 links from one window.
  public static let defaultWindowEntityLimit = 200

  public init(
    window: Window = .sentence, evidenceLimit: Int = 3, evidenceLength: Int = 240,
    windowEntityLimit: Int = GraphBuilder.defaultWindowEntityLimit
  ) {
    self.window = window
    self.evidenceLimit = evidenceLimit
    self.evidenceLength = evidenceLength
    self.windowEntityLimit = windowEntityLimit
  }

  /// A window that named more entities than `windowEntityLimit`.
  public struct CappedWindow: Sendable, Equatable {
    public var document: String
    /// The window's sentences (indices in the document).
    public var sentences: Range<Int>
    /// Entities the window names; only `windowEntityLimit` of them were linked.
    public var entities: Int
  }

  public func graph(of documents: [(Document, SourceText)]) -> CooccurrenceGraph {
    var accumulator = Accumulator(builder: self)
    for (document, text) in documents { accumulator.add(document, text: text) }
    return accumulator.graph()
  }

  /// Adds documents one at a time, so a corpus never has to be held in memory whole.
  ///
  /// Entity ids are numbered as they are first seen, and links are kept under the numbers of
  /// their two ends: a string is hashed once per entity of a document (or of a graph added), not
  /// once per link and window, and sorting the links compares numbers. A link is kept under
  /// the smaller number of its ends first, whichever id is smaller: ids are put in order once,
  /// when the graph is made. A link's state is found by one lookup of its key, then changed in
  /// place in `edgeStates`.
  public struct Accumulator: Sendable {
    /// Only `merge(_:)` changes it, to put it back after trading places with the accumulator
    /// merged.
    private(set) var builder: GraphBuilder
    /// Every id seen, by number.
    private var numbering = StringNumbering()
    /// The entity of each number, changed in place (an optional state was copied out and back
    /// for every change).
    private var nodes: [NodeState] = []
    /// Whether `nodes[n]` is an entity; false for an id that only a link names (a graph whose
    /// links name ids it has no node for), whose state is a placeholder.
    private var hasNode: [Bool] = []
    /// The index in `edgeKeys` and `edgeStates` of each link, by the numbers of its ends
    /// (`key(_:_:)`).
    private var edgeIndex = LinkIndex()
    private var edgeKeys: [UInt64] = []
    private var edgeStates: [EdgeState] = []
    /// The evidence of every link.
    private var evidence = EvidencePool()
    /// The dates of every node and link.
    private var dates = DatePool()
    /// The arrays a document is worked on in, kept from one document to the next; nil while a
    /// document is added, which has taken them out.
    private var scratch: Scratch? = Scratch()
    private var documentCount = 0
    private var windowCount = 0
    private var evidenceLimit: Int
    private var pruned = false
    /// Windows of the documents added that named more entities than the builder links.
    public private(set) var cappedWindows = 0
    /// The first few of them, in the order added.
    public private(set) var cappedExamples: [CappedWindow] = []
    /// Examples kept in `cappedExamples`.
    public static let cappedExampleLimit = 5

    struct NodeState: Sendable {
      var label: String
      var type: EntityType
      var mentions = 0
      var documents = 0
      var windows = 0
      /// Sorted, each once (`unite(_:into:)`): a `Set` hashed every alias of every entity of
      /// every document with SipHash, and was sorted when the graph was made. Kept as an entity
      /// keeps them, without an array for the one alias most nodes have (`insert(_:into:)`).
      var aliases = Entity.Aliases.none
      /// In `dates`.
      var dates = DatePool.List()
      /// The `documentCount` of the last document added that lists the entity: tells an id
      /// listed twice in one document without hashing it again.
      var listedIn = 0
    }

    struct EdgeState: Sendable {
      var count = 0
      var documents = 0
      /// The `documentCount` of the last document added that links the two: a link counts a
      /// document once however many of its windows link them.
      var lastDocument = 0
      /// The link's items in `evidence`.
      var evidence = EvidencePool.List()
      /// In `dates`.
      var dates = DatePool.List()
    }

    public init(builder: GraphBuilder) {
      self.builder = builder
      self.evidenceLimit = max(0, builder.evidenceLimit)
    }

    /// Documents added so far.
    public var documents: Int { documentCount }

    /// The number of an id, given one when it is new.
    private mutating func number(_ id: String) -> Int32 {
      let (number, isNew) = numbering.insert(id)
      if isNew {
        nodes.append(NodeState(label: "", type: .person))
        hasNode.append(false)
      }
      return Int32(number)
    }

    /// The key of a link: the numbers of its ends, the smaller first.
    private static func key(_ a: Int32, _ b: Int32) -> UInt64 {
      UInt64(UInt32(bitPattern: min(a, b))) << 32 | UInt64(UInt32(bitPattern: max(a, b)))
    }

    /// The index of a link's state, made empty when the link is new.
    private mutating func edge(_ key: UInt64) -> Int {
      let (index, isNew) = edgeIndex.index(of: key, new: Int32(edgeStates.count))
      if isNew {
        edgeKeys.append(key)
        edgeStates.append(EdgeState())
      }
      return Int(index)
    }

    /// The index of an id's node, made with this label and type when it has none, and whether
    /// it was made.
    private mutating func node(_ id: String, label: String, type: EntityType) -> (
      at: Int, isNew: Bool
    ) {
      let at = Int(number(id))
      guard !hasNode[at] else { return (at, false) }
      hasNode[at] = true
      // Set in the placeholder: replacing the whole state destroyed the placeholder's.
      nodes[at].label = label
      nodes[at].type = type
      return (at, true)
    }

    public mutating func add(
      _ document: Document, text: SourceText, metadata: DocumentMetadata = DocumentMetadata()
    ) {
      // Taken out while the document is added, so that changing the accumulator does not
      // copy them, and put back after. Nothing is left in their place: an empty `Scratch` left
      // there was made, and freed, for every document. Unwrapped, and put back, by moves: taken
      // with `??` and put back from a `defer`, the arrays were copied both ways, a retain and a
      // release of each of them a document.
      var scratch: Scratch
      if let taken = self.scratch.take() { scratch = taken } else { scratch = Scratch() }
      add(document, text: text, metadata: metadata, in: &scratch)
      self.scratch = consume scratch
    }

    /// Adds entity `i` of `listed`, the entities of document `document`, to its node; returns
    /// whether the document listed it before.
    ///
    /// The node is changed in place, through one access to it: each change of a field of
    /// `nodes[at]` checked again that the array's storage was not shared. The entity is read in
    /// place: passed, it was copied, its strings and aliases retained and released.
    private static func add(
      _ listed: UnsafeBufferPointer<Entity>, _ i: Int, isNew: Bool, of document: Int,
      to node: inout NodeState
    ) -> Bool {
      let listedBefore = node.listedIn == document
      node.listedIn = document
      // A new node has the entity's label and type: comparing its label with itself cost
      // two comparisons and a read of their UTF-8.
      if !isNew && isKept(listed[i].label, before: node.label) { node.label = listed[i].label }
      // Unequal first: `<` compares the types' names, as strings.
      if listed[i].type != node.type && listed[i].type < node.type { node.type = listed[i].type }
      node.mentions += listed[i].mentions
      node.documents += 1
      switch listed[i].storedAliases {
      case .none: break
      case .one(let alias): insert(alias, into: &node.aliases)
      case .many(let aliases): unite(aliases, into: &node.aliases)
      }
      return listedBefore
    }

    /// Counts a window of document `document` that links the two ends of a link; returns
    /// whether it is the first window of the document that does.
    private static func count(_ link: inout EdgeState, of document: Int) -> Bool {
      link.count += 1
      guard link.lastDocument != document else { return false }
      link.lastDocument = document
      link.documents += 1
      return true
    }

    /// `add(_:text:metadata:)` in the scratch arrays, taken out of the accumulator.
    private mutating func add(
      _ document: Document, text: SourceText, metadata: DocumentMetadata,
      in scratch: inout Scratch
    ) {
      documentCount += 1
      // The number of each entity listed, in order: the first ones of the windows' numbers.
      scratch.numbers.removeAll(keepingCapacity: true)
      // How many entities listed first have distinct ids: all, unless one is listed twice.
      var distinct = document.entities.count
      // Numbered once: each node and link then adds the number.
      let date = metadata.date.map { dates.number($0) }
      // Read in place: copying each entity out retained and released its strings and aliases.
      document.entities.withUnsafeBufferPointer { listed in
        for i in listed.indices {
          let (at, isNew) = node(listed[i].id, label: listed[i].label, type: listed[i].type)
          scratch.numbers.append(Int32(at))
          if Self.add(listed, i, isNew: isNew, of: documentCount, to: &nodes[at]) {
            distinct = min(distinct, i)
          }
          if let date { dates.insert(date, into: &nodes[at].dates) }
        }
      }
      windowCount += builder.windows(
        of: document, distinct: distinct, entities: &scratch.entities, into: &scratch.windows)
      // The document's entities are read in `scratch`, not copied out of it: a copy retained
      // and released each of their arrays.
      // The document's entities are numbered as listed, so only an id it does not list is
      // looked up again.
      scratch.numbers.removeLast(scratch.numbers.count - scratch.entities.listed)
      for id in scratch.entities.unlisted { scratch.numbers.append(number(id)) }
      let numbers = scratch.numbers
      var indexed = false
      var named: [[Int32]]?
      let limit = max(2, builder.windowEntityLimit)
      let evidenceLimit = self.evidenceLimit
      scratch.snippets.reset(sentences: document.sentences.count)
      // The document's number in `evidence`, kept when the first pair is linked, and closed
      // at the end (dropped then if no item quotes it).
      var quoted: Int32?
      // The index in `edgeStates` of the link of each pair of the document's windows, a window
      // after the other: emptied once a document, not once a window.
      scratch.links.removeAll(keepingCapacity: true)
      // Each entity's windows are counted first, in a loop of their own through buffers: in the
      // loop that links them, each count checked that the nodes' storage was not shared.
      let hasNode = self.hasNode
      let windowIDs = scratch.windows.ids
      nodes.withUnsafeMutableBufferPointer { nodes in
        windowIDs.withUnsafeBufferPointer { ids in
          for window in scratch.windows.spans {
            for local in ids[window.ids] where hasNode[Int(numbers[Int(local)])] {
              nodes[Int(numbers[Int(local)])].windows += 1
            }
          }
        }
      }
      for window in scratch.windows.spans {
        guard window.ids.count > 1 else { continue }
        var linked = windowIDs[window.ids]
        if linked.count > limit {
          if named == nil { named = scratch.entities.mentions(of: document) }
          let most = builder.mostMentioned(
            linked, inSentences: window.sentences, of: scratch.entities, in: document,
            named: named ?? [],
            limit: limit)
          linked = most[...]
          cappedWindows += 1
          if cappedExamples.count < Self.cappedExampleLimit {
            cappedExamples.append(
              CappedWindow(
                document: document.id, sentences: window.sentences, entities: window.ids.count))
          }
        }
        // The window's links are looked up first, then counted, each in a loop of its own: the
        // tables of a large graph outgrow the caches, and look-ups (or counts) that do not wait
        // on the work of the one before overlap their cache misses, where one pair's look-up,
        // count and evidence in turn met them one at a time.
        let first = scratch.links.count
        for i in linked.indices {
          let a = numbers[Int(linked[i])]
          for b in linked[(i + 1)...] {
            scratch.links.append(Int32(edge(Self.key(a, numbers[Int(b)]))))
          }
        }
        for at in scratch.links[first...] {
          let at = Int(at)
          if Self.count(&edgeStates[at], of: documentCount), let date {
            dates.insert(date, into: &edgeStates[at].dates)
          }
        }
        // The document's number in `evidence`, kept when its first window links a pair.
        let number: Int32
        if let quoted {
          number = quoted
        } else {
          number = evidence.document(
            id: document.id, date: metadata.date, source: metadata.source, title: metadata.title)
          quoted = number
        }
        // The pairs in the order their links were looked up.
        var link = first
        for i in linked.indices {
          let a = linked[i]
          for b in linked[(i + 1)...] {
            let at = Int(scratch.links[link])
            link += 1
            guard
              evidence.wouldKeep(
                number, window.sentences.lowerBound, in: edgeStates[at].evidence,
                limit: evidenceLimit)
            else { continue }
            let quoted: ClosedRange<Int>
            if window.sentences.count == 1 {
              // A window of one sentence names both there: the sentence index, which would
              // find that sentence, is not needed (nor made, in a document of such windows).
              quoted = window.sentences.lowerBound...window.sentences.lowerBound
            } else {
              if !indexed {
                scratch.index.load(scratch.entities)
                indexed = true
              }
              quoted = builder.quoted((a, b), in: window.sentences, index: scratch.index)
            }
            let snippet = builder.snippet(
              quoted, of: document, text: text, snippets: &scratch.snippets)
            evidence.insert(
              document: number, sentence: quoted.lowerBound, text: snippet,
              into: &edgeStates[at].evidence, limit: evidenceLimit)
          }
        }
      }
      if let quoted { evidence.close(quoted) }
    }

    /// Adds a whole graph of other documents: counts add, sets unite, and the evidence kept is
    /// the first of both by (document, sentence, text), at most the smaller of the two limits.
    ///
    /// - Throws: `GraphMergeError.windowMismatch` when the graph was built with another window.
    public mutating func add(_ graph: CooccurrenceGraph) throws(GraphMergeError) {
      guard graph.window == builder.window else {
        throw .windowMismatch(expected: builder.window.description, found: graph.window.description)
      }
      documentCount += graph.documentCount
      windowCount += graph.windowCount
      pruned = pruned || graph.pruned
      lowerEvidenceLimit(to: graph.evidenceLimit)
      for other in graph.nodes {
        let at = node(
          other.id, label: other.label, type: other.type,
          counts: (other.mentions, other.documents, other.windows))
        Self.unite(other.aliases, into: &nodes[at].aliases)
        for date in other.dates { dates.insert(dates.number(date), into: &nodes[at].dates) }
      }
      let limit = evidenceLimit
      for other in graph.edges {
        let at = edge(Self.key(number(other.source), number(other.target)))
        edgeStates[at].count += other.count
        edgeStates[at].documents += other.documents
        for date in other.dates {
          dates.insert(dates.number(date), into: &edgeStates[at].dates)
        }
        for item in other.evidence where limit > 0 {
          let number = evidence.document(
            id: item.document, date: item.date, source: item.source, title: item.title)
          evidence.insert(
            document: number, sentence: item.sentence, text: item.text,
            into: &edgeStates[at].evidence, limit: limit)
          evidence.close(number)
        }
      }
    }

    /// Adds the documents of another accumulator, as if each had been added here: counts add,
    /// sets unite, and the evidence kept is the first of both by (document, sentence, text), at
    /// most the smaller of the two limits. Both must have builders of the same window, as the
    /// workers of one run have: counts of different windows do not add up.
    ///
    /// The other's tables are read as they are, with no graph made of them: a graph sorted the
    /// ids, and made a string array of every node's aliases and dates and an evidence array of
    /// every link, only for them to be numbered and inserted here again. The smaller of the
    /// two is merged into the larger, since merging costs what the one merged holds. Which one
    /// that is changes no count or set, only which of canonically equivalent dates a node or
    /// link keeps (the larger's come to it first, as in a run of its documents first); this
    /// accumulator's builder and first examples of capped windows are kept.
    public mutating func merge(_ other: consuming Accumulator) {
      precondition(
        other.builder.window == builder.window,
        "accumulators of different windows do not merge: their counts do not add up")
      var other = other
      let examples = cappedExamples + other.cappedExamples
      if other.edgeStates.count > edgeStates.count {
        swap(&self, &other)
        swap(&builder, &other.builder)
      }
      cappedExamples = Array(examples.prefix(Self.cappedExampleLimit))
      cappedWindows += other.cappedWindows
      documentCount += other.documentCount
      windowCount += other.windowCount
      pruned = pruned || other.pruned
      lowerEvidenceLimit(to: other.evidenceLimit)
      let dateNumbers = dates.numbers(of: other.dates)
      // This accumulator's number of each of the other's ids.
      var numbers: [Int32] = []
      numbers.reserveCapacity(other.nodes.count)
      for theirs in other.nodes.indices {
        let id = other.numbering[theirs]
        guard other.hasNode[theirs] else {
          numbers.append(number(id))
          continue
        }
        let at = node(
          id, label: other.nodes[theirs].label, type: other.nodes[theirs].type,
          counts: (
            other.nodes[theirs].mentions, other.nodes[theirs].documents,
            other.nodes[theirs].windows
          ))
        numbers.append(Int32(at))
        switch other.nodes[theirs].aliases {
        case .none: break
        case .one(let alias): Self.insert(alias, into: &nodes[at].aliases)
        case .many(let aliases): Self.unite(aliases, into: &nodes[at].aliases)
        }
        dates.insert(
          other.nodes[theirs].dates, of: other.dates, numbers: dateNumbers,
          into: &nodes[at].dates)
      }
      // This pool's number of each document of the other's, once its first item is merged.
      var documents = [Int32](repeating: -1, count: other.evidence.documentPlaces)
      let limit = evidenceLimit
      // The other's links are looked up first, then merged, each in a loop of its own, as the
      // links of a document's window are: look-ups that do not wait on the work of the one before
      // overlap their cache misses.
      var links: [Int32] = []
      links.reserveCapacity(other.edgeKeys.count)
      for key in other.edgeKeys {
        links.append(
          Int32(edge(Self.key(numbers[Int(key >> 32)], numbers[Int(key & 0xFFFF_FFFF)]))))
      }
      for theirs in other.edgeKeys.indices {
        let at = Int(links[theirs])
        edgeStates[at].count += other.edgeStates[theirs].count
        edgeStates[at].documents += other.edgeStates[theirs].documents
        dates.insert(
          other.edgeStates[theirs].dates, of: other.dates, numbers: dateNumbers,
          into: &edgeStates[at].dates)
        evidence.insert(
          other.edgeStates[theirs].evidence, of: other.evidence, documents: &documents,
          into: &edgeStates[at].evidence, limit: limit)
      }
      for document in documents where document >= 0 { evidence.close(document) }
    }

    /// Lowers the evidence kept per link to `limit` when that is lower, dropping the items
    /// past it.
    private mutating func lowerEvidenceLimit(to limit: Int) {
      guard limit < evidenceLimit else { return }
      evidenceLimit = max(0, limit)
      for at in edgeStates.indices where edgeStates[at].evidence.count > evidenceLimit {
        evidence.truncate(&edgeStates[at].evidence, to: evidenceLimit)
      }
    }

    /// The index of an id's node, given the counts of other documents that name it, with their
    /// label and type: the smaller of those and the node's are kept, as `isKept(_:before:)`
    /// tells for the labels.
    private mutating func node(
      _ id: String, label: String, type: EntityType,
      counts: (mentions: Int, documents: Int, windows: Int)
    ) -> Int {
      let (at, isNew) = node(id, label: label, type: type)
      if !isNew && Self.isKept(label, before: nodes[at].label) { nodes[at].label = label }
      if type != nodes[at].type && type < nodes[at].type { nodes[at].type = type }
      nodes[at].mentions += counts.mentions
      nodes[at].documents += counts.documents
      nodes[at].windows += counts.windows
      return at
    }

    /// Whether `string` is kept rather than `other`: it comes first in `<`'s order, or the two
    /// are equal (canonically equivalent, as "café" with an accented letter and with a
    /// combining mark) and its UTF-8 comes first. Of equal strings the first seen was kept, and
    /// workers take documents in no fixed order: the label or alias written then changed from
    /// run to run.
    ///
    /// A node seen again nearly always has the label it is given again, byte for byte: that is
    /// told first, and no such string is kept (two comparisons as strings and the UTF-8 of
    /// both cost some seven hundred instructions).
    static func isKept(_ string: String, before other: String) -> Bool {
      if utf8Equal(string, other) { return false }
      if string < other { return true }
      return !(other < string) && utf8Precedes(string, other)
    }

    /// Whether two strings have the same UTF-8: told by their lengths when those differ, as
    /// they mostly do, and otherwise read in place eight bytes at a time.
    static func utf8Equal(_ string: String, _ other: String) -> Bool {
      guard string.utf8.count == other.utf8.count else { return false }
      let equal = string.utf8.withContiguousStorageIfAvailable { one in
        other.utf8.withContiguousStorageIfAvailable { two in bytesEqual(one, two) }
      }
      return (equal ?? nil) ?? string.utf8.elementsEqual(other.utf8)
    }

    /// Whether two buffers of the same length hold the same bytes.
    private static func bytesEqual(
      _ one: UnsafeBufferPointer<UInt8>, _ two: UnsafeBufferPointer<UInt8>
    ) -> Bool {
      guard let first = one.baseAddress, let second = two.baseAddress else { return true }
      let (one, two, count) = (UnsafeRawPointer(first), UnsafeRawPointer(second), one.count)
      var at = 0
      while at &+ 8 <= count {
        guard
          one.loadUnaligned(fromByteOffset: at, as: UInt64.self)
            == two.loadUnaligned(fromByteOffset: at, as: UInt64.self)
        else { return false }
        at &+= 8
      }
      while at < count {
        guard
          one.load(fromByteOffset: at, as: UInt8.self)
            == two.load(fromByteOffset: at, as: UInt8.self)
        else { return false }
        at &+= 1
      }
      return true
    }

    /// Whether the UTF-8 of `string` comes before that of `other`, byte by byte: read in place,
    /// as `utf8.lexicographicallyPrecedes` cost several hundred instructions a call.
    private static func utf8Precedes(_ string: String, _ other: String) -> Bool {
      var (string, other) = (string, other)
      return string.withUTF8 { one in
        other.withUTF8 { two in
          for index in 0..<min(one.count, two.count) where one[index] != two[index] {
            return one[index] < two[index]
          }
          return one.count < two.count
        }
      }
    }

    /// Adds strings to a sorted list of distinct ones, where they belong: an entity has a few
    /// aliases, so finding each one's place costs a few comparisons. Of equal strings, the one
    /// `isKept(_:before:)` tells is kept, whatever their order.
    ///
    /// Strings that are already sorted and distinct become the whole of an empty list, sharing
    /// their storage: the entity of a new node lists its aliases so, and appending them one by
    /// one grew a new array. A string the list has byte for byte, as nearly every alias of a
    /// node seen again is, leaves it as it is: a short list is looked through for one first,
    /// which costs a fraction of the comparisons as strings that find its place.
    static func unite(_ strings: [String], into sorted: inout [String]) {
      if sorted.isEmpty && zip(strings, strings.dropFirst()).allSatisfy({ $0 < $1 }) {
        sorted = strings
        return
      }
      for string in strings { insert(string, into: &sorted) }
    }

    /// Adds one string to a sorted list of distinct ones, as `unite(_:into:)` does.
    static func insert(_ string: String, into sorted: inout [String]) {
      if sorted.count <= 16 && sorted.contains(where: { utf8Equal($0, string) }) { return }
      var (low, high) = (0, sorted.count)
      while low < high {
        let middle = (low + high) / 2
        if sorted[middle] < string { low = middle + 1 } else { high = middle }
      }
      // `sorted[low]` is not less than the string: it is the same unless the string is less.
      if low < sorted.count && !(string < sorted[low]) {
        if utf8Precedes(string, sorted[low]) { sorted[low] = string }
        return
      }
      // Appending costs a fraction of a general insert, which replaced a range.
      if low == sorted.count {
        sorted.append(string)
      } else {
        sorted.insert(string, at: low)
      }
    }

    /// Adds one string to a node's aliases, as `insert(_:into:)` adds it to a list.
    ///
    /// A node whose only alias is the string, byte for byte, as nearly every node seen again
    /// is, is left as it is having read nothing but itself: the array of its one alias was a
    /// place in memory more (a cache miss in the nodes of a large graph) and an allocation.
    static func insert(_ string: String, into aliases: inout Entity.Aliases) {
      switch aliases {
      case .none: aliases = .one(string)
      case .one(let kept) where utf8Equal(kept, string): break
      default: change(&aliases) { insert(string, into: &$0) }
      }
    }

    /// Adds strings to a node's aliases, as `unite(_:into:)` adds them to a list.
    static func unite(_ strings: [String], into aliases: inout Entity.Aliases) {
      change(&aliases) { unite(strings, into: &$0) }
    }

    /// Changes a node's aliases as a list, moved out of them, so that changing it does not copy
    /// its storage.
    private static func change(
      _ aliases: inout Entity.Aliases, by body: (inout [String]) -> Void
    ) {
      var list = Self.list(aliases)
      aliases = .none
      body(&list)
      aliases = Entity.Aliases(list)
    }

    /// A node's aliases as a list.
    static func list(_ aliases: Entity.Aliases) -> [String] {
      switch aliases {
      case .none: []
      case .one(let alias): [alias]
      case .many(let list): list
      }
    }

    public func graph() -> CooccurrenceGraph {
      // Ids in order, once: then nodes and links sort by numbers. Ids are distinct as
      // dictionary keys, so no two rank the same.
      let ids = numbering.strings
      let order = StringOrder.indices(sorting: ids)
      var rank = [Int32](repeating: 0, count: ids.count)
      for (position, at) in order.enumerated() { rank[at] = Int32(position) }
      // Nodes and links are appended to lists made at their size, reading each state in place:
      // `compactMap` and `map` over copies of the states cost more.
      let dateRanks = dates.ranks()
      var nodeList: [CooccurrenceGraph.Node] = []
      nodeList.reserveCapacity(nodes.count)
      for at in order where hasNode[at] {
        nodeList.append(
          CooccurrenceGraph.Node(
            id: ids[at], label: nodes[at].label, type: nodes[at].type,
            mentions: nodes[at].mentions, documents: nodes[at].documents,
            aliases: Self.list(nodes[at].aliases), windows: nodes[at].windows,
            dates: dates.dates(of: nodes[at].dates, ranks: dateRanks)))
      }
      // The links' ranks are sorted, then each link is made once, in order: sorting the links
      // themselves moved every one (strings, evidence and all) many times. No two links rank
      // the same, so the order is the one sorting the links gave. The end that ranks first is
      // the source.
      let ranks = edgeKeys.map { key in
        Self.key(rank[Int(key >> 32)], rank[Int(key & 0xFFFF_FFFF)])
      }
      var edgeList: [CooccurrenceGraph.Edge] = []
      edgeList.reserveCapacity(edgeStates.count)
      for at in ranks.indices.sorted(by: { ranks[$0] < ranks[$1] }) {
        edgeList.append(
          CooccurrenceGraph.Edge(
            source: ids[Int(order[Int(ranks[at] >> 32)])],
            target: ids[Int(order[Int(ranks[at] & 0xFFFF_FFFF)])], count: edgeStates[at].count,
            documents: edgeStates[at].documents,
            evidence: evidence.evidence(of: edgeStates[at].evidence),
            dates: dates.dates(of: edgeStates[at].dates, ranks: dateRanks)))
      }
      return CooccurrenceGraph(
        nodes: nodeList, edges: edgeList, window: builder.window, documentCount: documentCount,
        windowCount: windowCount, evidenceLimit: evidenceLimit, pruned: pruned)
    }
  }

  /// One window: its sentences and where the entities named in them are in `Windows.ids`.
  struct WindowSpan {
    var sentences: Range<Int>
    var ids: Range<Int>
  }

  /// The windows of a document that name an entity, in order, and the entities each names, by
  /// their numbers in the document's `SentenceEntities`, in order of number.
  ///
  /// The entities of all the windows are in one array, each window's a range of it: a window
  /// that held a slice of an array retained and released its storage as it was made, copied
  /// and read, and the windows were released one by one when the next document's were made.
  struct Windows {
    var spans: [WindowSpan] = []
    var ids: [Int32] = []

    /// No windows, keeping the storage: the accumulator makes every document's windows in the
    /// same arrays.
    mutating func removeAll() {
      spans.removeAll(keepingCapacity: true)
      ids.removeAll(keepingCapacity: true)
    }

    /// Adds a window of `sentences` that names `ids`.
    mutating func append(sentences: Range<Int>, ids: [Int32]) {
      spans.append(
        WindowSpan(sentences: sentences, ids: self.ids.count..<(self.ids.count + ids.count)))
      self.ids.append(contentsOf: ids)
    }
  }

  /// The arrays the accumulator works on a document in, kept from one document to the next so
  /// that their storage serves them all: made anew, they were a dozen allocations and releases
  /// a document.
  struct Scratch {
    var entities = SentenceEntities()
    var windows = Windows()
    /// The accumulator's number of each of the document's entities.
    var numbers: [Int32] = []
    var index = SentenceIndex()
    var snippets = Snippets()
    /// The index in `edgeStates` of the link of each pair of the windows, in order.
    var links: [Int32] = []
  }

  /// The entities of a document, numbered as the document lists them (then an entity that only a
  /// mention names, as first named), and those each sentence names: windows, links and the
  /// sentence index work on these numbers, not on strings.
  ///
  /// A mention that gives the index of its entity (`Mention.entityIndex`) is numbered by it; ids
  /// are numbered, and hashed, only when a mention does not, or when the caller does not say
  /// how many of the entities listed have distinct ids.
  struct SentenceEntities {
    /// The number of each id, kept with the other arrays so that its storage too serves the
    /// next document: empty, or the first `listed` ids and then those of entities not listed.
    private var numbering = StringNumbering()
    /// Entities `0..<listed` are the document's first `listed` entities, in order: all of them,
    /// unless an id is listed twice (then those before it).
    var listed = 0
    /// The entities each sentence names, sorted, each once, one sentence after the other: those
    /// of sentence `s` are `numbers[starts[s]..<starts[s + 1]]` (`self[s]`). One array for all
    /// sentences: an array each was an allocation and a release a sentence. Mentions whose
    /// sentence is not one of the document's are left out.
    var starts: [Int] = [0]
    var numbers: [Int32] = []
    /// The entity of each mention (-1 for a mention left out), kept with the others so that its
    /// storage too serves the next document.
    private var named: [Int32] = []

    /// The entities of no document: no sentences.
    init() {}

    init(_ document: Document) {
      load(document)
    }

    /// Makes these the entities of `document`, in the storage of the arrays they had: the
    /// accumulator loads every document into the same one.
    ///
    /// - Parameter distinct: How many of the entities listed first have distinct ids, when the
    ///   caller knows (the accumulator numbers them all anyway); nil to find out here.
    mutating func load(_ document: Document, distinct: Int? = nil) {
      let count = document.sentences.count
      numbering.removeAll()
      if let distinct {
        listed = distinct
      } else {
        // By index, so that only the id is copied out of each entity.
        for at in document.entities.indices {
          // An id listed twice ends the numbering as listed.
          guard numbering.insert(document.entities[at].id).isNew else { break }
        }
        listed = numbering.count
      }
      // Each mention's entity, and how many each sentence has; then the mentions are placed
      // sentence by sentence. The arrays are worked on in buffers, taken out of `self` while
      // they are (numbering an id changes `self`): a write to an element of an array of `self`
      // checked each time that its storage was not shared.
      var named: [Int32] = []
      var starts: [Int] = []
      var numbers: [Int32] = []
      swap(&named, &self.named)
      swap(&starts, &self.starts)
      swap(&numbers, &self.numbers)
      defer {
        swap(&named, &self.named)
        swap(&starts, &self.starts)
        swap(&numbers, &self.numbers)
      }
      named.removeAll(keepingCapacity: true)
      named.append(contentsOf: repeatElement(-1, count: document.mentions.count))
      starts.removeAll(keepingCapacity: true)
      starts.append(contentsOf: repeatElement(0, count: count + 1))
      // Through a buffer, so that only the fields read are copied out of each mention.
      document.mentions.withUnsafeBufferPointer { mentions in
        named.withUnsafeMutableBufferPointer { named in
          starts.withUnsafeMutableBufferPointer { starts in
            for at in mentions.indices {
              let sentence = mentions[at].sentence
              guard (0..<count).contains(sentence) else { continue }
              named[at] = number(ofMention: at, in: document)
              starts[sentence + 1] += 1
            }
            for sentence in 0..<count { starts[sentence + 1] += starts[sentence] }
          }
        }
      }
      numbers.removeAll(keepingCapacity: true)
      numbers.append(contentsOf: repeatElement(0, count: starts[count]))
      let kept = document.mentions.withUnsafeBufferPointer { mentions in
        named.withUnsafeBufferPointer { named in
          starts.withUnsafeMutableBufferPointer { starts in
            numbers.withUnsafeMutableBufferPointer { numbers in
              // Each sentence's start moves on as its mentions are placed, to where it ends:
              // where the next one starts.
              for at in named.indices where named[at] >= 0 {
                let sentence = mentions[at].sentence
                numbers[starts[sentence]] = named[at]
                starts[sentence] += 1
              }
              // Each sentence's numbers sorted and each once, moved down to follow the sentence
              // before.
              var kept = 0
              var first = 0
              for sentence in 0..<count {
                let range = first..<starts[sentence]
                first = starts[sentence]
                starts[sentence] = kept
                if range.count > 1 {
                  kept = Self.formDistinct(numbers, in: range, to: kept)
                } else if range.count == 1 {
                  numbers[kept] = numbers[range.lowerBound]
                  kept += 1
                }
              }
              starts[count] = kept
              return kept
            }
          }
        }
      }
      numbers.removeLast(numbers.count - kept)
    }

    /// The number of the entity of mention `at` of `document`: the entity its index gives, of
    /// the first `listed` numbered as listed; one it does not give is found by its id.
    ///
    /// (Given the mention's index: a mention passed copied its strings, retaining and releasing
    /// them.)
    private mutating func number(ofMention at: Int, in document: Document) -> Int32 {
      if let entity = document.mentions[at].entityIndex, entity >= 0, entity < listed,
        document.entities[entity].id == document.mentions[at].entity
      {
        return Int32(entity)
      }
      // Numbered after the entities listed, which are numbered first if they are not yet.
      for entity in numbering.count..<max(numbering.count, listed) {
        _ = numbering.insert(document.entities[entity].id)
      }
      return Int32(numbering.insert(document.mentions[at].entity).number)
    }

    /// The number of sentences.
    var sentenceCount: Int { starts.count - 1 }

    /// The number of entities: they are numbered `0..<count`.
    var count: Int { max(listed, numbering.count) }

    /// The ids of the entities a mention names that are not listed, numbered from `listed` on.
    var unlisted: ArraySlice<String> { numbering.strings.dropFirst(listed) }

    /// The id of entity `number` of `document`, the document loaded.
    func id(_ number: Int, of document: Document) -> String {
      number < listed ? document.entities[number].id : numbering[number]
    }

    /// The entities sentence `sentence` names, sorted, each once.
    subscript(sentence: Int) -> ArraySlice<Int32> {
      numbers[starts[sentence]..<starts[sentence + 1]]
    }

    /// The numbers sorted, each once.
    static func distinct(_ numbers: [Int32]) -> [Int32] {
      var numbers = numbers
      let kept = numbers.withUnsafeMutableBufferPointer {
        formDistinct($0, in: $0.indices, to: 0)
      }
      numbers.removeLast(numbers.count - kept)
      return numbers
    }

    /// Sorts `numbers[range]` in place and writes them, each once, from `start` on (at most
    /// `range.lowerBound`); returns where they end. A sentence's part of the array the sentences
    /// share is closed up this way, each sentence right after the one before.
    static func formDistinct(
      _ numbers: UnsafeMutableBufferPointer<Int32>, in range: Range<Int>, to start: Int
    ) -> Int {
      if range.count > 16 {
        var part = UnsafeMutableBufferPointer(rebasing: numbers[range])
        part.sort()
      } else {
        // A sentence names a few entities: sorting them by insertion costs far less than
        // `sort()` does on a few.
        for at in range.dropFirst() {
          let number = numbers[at]
          var to = at
          while to > range.lowerBound && numbers[to - 1] > number {
            numbers[to] = numbers[to - 1]
            to -= 1
          }
          numbers[to] = number
        }
      }
      var kept = start
      for at in range where kept == start || numbers[kept - 1] != numbers[at] {
        numbers[kept] = numbers[at]
        kept += 1
      }
      return kept
    }

    /// The entity of every mention of each sentence of `document`, the document loaded, repeats
    /// kept, for `mostMentioned`.
    func mentions(of document: Document) -> [[Int32]] {
      var bySentence = Array(repeating: [Int32](), count: sentenceCount)
      for at in document.mentions.indices where named[at] >= 0 {
        bySentence[document.mentions[at].sentence].append(named[at])
      }
      return bySentence
    }
  }

  /// Loads the entities of each sentence of a document into `entities` and the windows that
  /// name at least one entity into `windows`, each in the storage it had; returns the number of
  /// all its windows (the N of PMI-type weights).
  ///
  /// - Parameter distinct: How many of the entities listed first have distinct ids, if known
  ///   (`SentenceEntities.load(_:distinct:)`).
  func windows(
    of document: Document, distinct: Int? = nil, entities: inout SentenceEntities,
    into windows: inout Windows
  ) -> Int {
    windows.removeAll()
    entities.load(document, distinct: distinct)
    let entities = entities
    let count = entities.sentenceCount
    switch window {
    case .sentence:
      // Each sentence's entities, where they are in the entities of all sentences.
      windows.ids.append(contentsOf: entities.numbers)
      for sentence in 0..<count where entities.starts[sentence] < entities.starts[sentence + 1] {
        windows.spans.append(
          WindowSpan(
            sentences: sentence..<(sentence + 1),
            ids: entities.starts[sentence]..<entities.starts[sentence + 1]))
      }
      return count
    case .document:
      let all = SentenceEntities.distinct(entities.numbers)
      if !all.isEmpty { windows.append(sentences: 0..<count, ids: all) }
      return 1
    case .paragraph:
      var total = 0
      var current: [Int32] = []
      var first = 0
      var paragraph: Int?
      for (index, sentence) in document.sentences.enumerated() {
        if sentence.paragraph != paragraph {
          if !current.isEmpty {
            windows.append(sentences: first..<index, ids: SentenceEntities.distinct(current))
          }
          current = []
          first = index
          paragraph = sentence.paragraph
          total += 1
        }
        current += entities[index]
      }
      if !current.isEmpty {
        windows.append(sentences: first..<count, ids: SentenceEntities.distinct(current))
      }
      return total
    case .sentences(let requested):
      let size = max(1, requested)
      guard count > 0 else { return 0 }
      let last = max(0, count - size)
      // Slide a multiset of entities instead of uniting `size` sentences per window: linear in
      // mentions whatever the size of the window. `present` lists the entities in the window
      // (and some that just left it, dropped before each window is taken).
      var inWindow = [Int32](repeating: 0, count: entities.count)
      var listed = [Bool](repeating: false, count: entities.count)
      var present: [Int32] = []
      func enter(_ sentence: Int) {
        for id in entities[sentence] {
          inWindow[Int(id)] += 1
          if !listed[Int(id)] {
            listed[Int(id)] = true
            present.append(id)
          }
        }
      }
      for sentence in 0..<min(count, size) { enter(sentence) }
      for start in 0...last {
        if start > 0 {
          for id in entities[start - 1] { inWindow[Int(id)] -= 1 }
          enter(start + size - 1)
        }
        present.removeAll { id in
          guard inWindow[Int(id)] == 0 else { return false }
          listed[Int(id)] = false
          return true
        }
        if !present.isEmpty {
          windows.append(sentences: start..<min(count, start + size), ids: present.sorted())
        }
      }
      return last + 1
    }
  }

  /// The `limit` entities of a window, `ids` of the sentences `sentences`, with the most
  /// mentions in it, ties broken by id, in order of number.
  func mostMentioned(
    _ ids: ArraySlice<Int32>, inSentences sentences: Range<Int>, of entities: SentenceEntities,
    in document: Document, named: [[Int32]], limit: Int
  ) -> [Int32] {
    var total: [Int32: Int] = [:]
    for sentence in sentences where named.indices.contains(sentence) {
      for entity in named[sentence] { total[entity, default: 0] += 1 }
    }
    let ranked = ids.sorted {
      let (a, b) = (total[$0] ?? 0, total[$1] ?? 0)
      return a != b
        ? a > b : entities.id(Int($0), of: document) < entities.id(Int($1), of: document)
    }
    return ranked.prefix(limit).sorted()
  }

  /// The sentences that name each entity of a document, in order, so that finding where two
  /// entities meet costs their mentions, not the length of the window.
  ///
  /// The lists of all entities share one array (an array for each entity was an allocation
  /// and a release each, per document).
  struct SentenceIndex {
    /// The sentences of entity `n` are `sentences[starts[n]..<starts[n + 1]]`.
    var starts: [Int] = [0]
    var sentences: [Int] = []

    /// The index of no entities.
    init() {}

    init(_ entities: SentenceEntities) {
      load(entities)
    }

    /// Makes this the index of `entities`, in the storage of the arrays it had: the accumulator
    /// loads every document's into the same one.
    mutating func load(_ entities: SentenceEntities) {
      let count = entities.count
      starts.removeAll(keepingCapacity: true)
      starts.append(contentsOf: repeatElement(0, count: count + 1))
      for id in entities.numbers { starts[Int(id) + 1] += 1 }
      for at in 0..<count { starts[at + 1] += starts[at] }
      sentences.removeAll(keepingCapacity: true)
      sentences.append(contentsOf: repeatElement(0, count: starts[count]))
      // Each entity's start moves on as its sentences are placed, to where the next one
      // starts; then every start moves back one entity.
      for sentence in 0..<entities.sentenceCount {
        for id in entities[sentence] {
          sentences[starts[Int(id)]] = sentence
          starts[Int(id)] += 1
        }
      }
      for at in stride(from: count, to: 0, by: -1) { starts[at] = starts[at - 1] }
      starts[0] = 0
    }

    /// The sentences that name `id`, in order.
    func list(_ id: Int32) -> ArraySlice<Int> {
      sentences[starts[Int(id)]..<starts[Int(id) + 1]]
    }

    /// The first sentence in `range` that names `id`.
    func first(_ id: Int32, in range: Range<Int>) -> Int? {
      let list = list(id)
      let at = Self.lowerBound(list, range.lowerBound)
      return at < list.endIndex && list[at] < range.upperBound ? list[at] : nil
    }

    /// The first sentence in `range` that names both.
    func firstShared(_ a: Int32, _ b: Int32, in range: Range<Int>) -> Int? {
      var (short, long) = (list(a), list(b))
      if short.count > long.count { swap(&short, &long) }
      var at = Self.lowerBound(short, range.lowerBound)
      while at < short.endIndex, short[at] < range.upperBound {
        let found = Self.lowerBound(long, short[at])
        if found < long.endIndex && long[found] == short[at] { return short[at] }
        at += 1
      }
      return nil
    }

    /// The index in `list` of its first element not less than `value` (`list.endIndex` when
    /// there is none).
    static func lowerBound(_ list: ArraySlice<Int>, _ value: Int) -> Int {
      var low = list.startIndex
      var high = list.endIndex
      while low < high {
        let middle = (low + high) / 2
        if list[middle] < value { low = middle + 1 } else { high = middle }
      }
      return low
    }
  }

  /// The texts of a document's evidence, by their sentences: every pair of a window usually
  /// quotes the same sentences, so each text is cut once.
  ///
  /// A text is found from its first sentence through an array (a dictionary hashed the range
  /// of sentences for every pair), then among the texts that start there, nearly always one.
  struct Snippets {
    /// For each first sentence, the index plus one in `cut` of the last text that starts there;
    /// 0 when none does.
    private var latest: [Int32] = []
    /// Each text cut, its last sentence and the index plus one of the text cut before it from
    /// the same first sentence (0 when none was): the first `count` are the document's.
    ///
    /// The places of the texts of documents before are written over, not removed: removing
    /// them went through a general loop that released them one by one, some hundred
    /// instructions a text.
    private var cut: [(last: Int, text: String, previous: Int32)] = []
    /// How many texts of the document are cut.
    private var count = 0

    /// No texts, for a document of no sentences.
    init() {}

    init(sentences: Int) {
      reset(sentences: sentences)
    }

    /// Forgets every text, for a document of `sentences` sentences, keeping the storage: the
    /// accumulator cuts every document's texts into the same one.
    mutating func reset(sentences: Int) {
      latest.removeAll(keepingCapacity: true)
      latest.append(contentsOf: repeatElement(0, count: sentences))
      count = 0
    }

    /// The text cut for the sentences `first...last`, if any.
    func text(_ first: Int, _ last: Int) -> String? {
      var at = Int(latest[first])
      while at > 0 {
        if cut[at - 1].last == last { return cut[at - 1].text }
        at = Int(cut[at - 1].previous)
      }
      return nil
    }

    mutating func insert(_ text: String, _ first: Int, _ last: Int) {
      if count < cut.count {
        cut[count] = (last, text, latest[first])
      } else {
        cut.append((last, text, latest[first]))
      }
      count += 1
      latest[first] = Int32(count)
    }
  }

  /// The sentences a window's evidence for two of its entities quotes: the first sentence that
  /// names both; when none does, the sentences from the first that names one of them to the
  /// first that names the other.
  func quoted(
    _ pair: (a: Int32, b: Int32), in window: Range<Int>, index: SentenceIndex
  ) -> ClosedRange<Int> {
    if let both = index.firstShared(pair.a, pair.b, in: window) { return both...both }
    // No sentence names both, so each end's first sentence is the other's "first after".
    let ends = [index.first(pair.a, in: window), index.first(pair.b, in: window)]
      .compactMap { $0 }
    guard let low = ends.min(), let high = ends.max() else {
      return window.lowerBound...window.lowerBound
    }
    return low...high
  }

  /// The text of the sentences quoted, on one line, cut at `evidenceLength` characters: once per
  /// range of sentences of a document.
  func snippet(
    _ quoted: ClosedRange<Int>, of document: Document, text: SourceText,
    snippets: inout Snippets
  ) -> String {
    if let known = snippets.text(quoted.lowerBound, quoted.upperBound) { return known }
    let start = document.sentences[quoted.lowerBound].start
    let upper = document.sentences[quoted.upperBound].end
    let snippet =
      upper - start > evidenceLength
      ? text.singleLineText(start..<(start + evidenceLength), suffix: "…")
      : text.singleLineText(start..<upper)
    snippets.insert(snippet, quoted.lowerBound, quoted.upperBound)
    return snippet
  }

  struct Pair: Hashable, Sendable {
    var a: String
    var b: String
  }
}
