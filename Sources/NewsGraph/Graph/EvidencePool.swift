/// The evidence of every link of an accumulator, in one pool: each link's items are a list
/// linked through the pool, in order, and an item names its document by number.
///
/// A `[CooccurrenceGraph.Evidence]` for each link was an allocation per link, and each item a
/// copy of the document's id and its three optional strings of metadata, retained when the item
/// was made, compared, moved and released. Here a document and its metadata are kept once, an
/// item is its document's number, its sentence and its text, and an item that drops out of a
/// full list leaves its place for the next one. Items become `CooccurrenceGraph.Evidence` when
/// the graph is made, in the order `CooccurrenceGraph.Evidence`'s `<` gives them.
///
/// A document is kept while it is open or an item names it: once it is closed and its last
/// item has dropped out of its list, its place is freed for the next document, so that the pool
/// holds what the graph keeps and not every document of a long run.
struct EvidencePool: Sendable {
  /// A document quoted: its id and what the input said about it.
  struct Document: Sendable {
    var id: String
    var date: String?
    var source: String?
    var title: String?
    /// `StringOrder.prefix(_:)` of the id: ids whose prefixes differ are ordered by them,
    /// without comparing the strings (a link seen in many documents compares the id of each
    /// new one with that of its last item).
    var idPrefix: (UInt64, UInt64, UInt64)?
    /// How many items name the document.
    var items: Int32 = 0
    /// Whether items may still be added to it (see `close(_:)`).
    var isOpen = true
  }

  /// The items of one link, in order: at most a few, so they are found by walking the list.
  ///
  /// The last item, and its document, are kept in the list too: a full list is asked whether
  /// an item would enter it for every pair of every window that names the link, and walking it
  /// to its last item met a cache miss an item, in the items of a large graph.
  struct List: Sendable {
    /// The index in `items` of the first item; -1 when there is none.
    fileprivate var first: Int32 = -1
    /// The index in `items` of the last item; -1 when there is none.
    fileprivate var last: Int32 = -1
    /// The document of the last item; -1 when there is none.
    fileprivate var lastDocument: Int32 = -1
    /// How many items there are (an `Int32`, so that the list takes what it took before it
    /// kept its last item).
    private var storedCount: Int32 = 0

    /// How many items there are.
    fileprivate(set) var count: Int {
      get { Int(storedCount) }
      set { storedCount = Int32(newValue) }
    }
  }

  private struct Item: Sendable {
    /// The index in `documents`.
    var document: Int32
    var sentence: Int
    var text: String
    /// The index in `items` of the next item of the list (or of the next free place); -1 at
    /// the end.
    var next: Int32
  }

  private var documents: [Document] = []
  private var items: [Item] = []
  /// The first of the places that items dropped out of left, linked through `next`; -1 when
  /// there is none.
  private var free: Int32 = -1
  /// The places of documents that were closed and that no item names any more.
  private var freeDocuments: [Int32] = []

  /// How many documents are kept: open ones and those an item names.
  var documentCount: Int { documents.count - freeDocuments.count }

  /// Keeps a document, open, whose number is returned: items of one document name it by that
  /// number, so that comparing two of them compares neither its id nor its metadata.
  mutating func document(
    id: String, date: String? = nil, source: String? = nil, title: String? = nil
  ) -> Int32 {
    keep(
      Document(
        id: id, date: date, source: source, title: title, idPrefix: StringOrder.prefix(id)))
  }

  /// Keeps a document, in a place a closed one left if there is one, and returns its number.
  private mutating func keep(_ document: Document) -> Int32 {
    if let at = freeDocuments.popLast() {
      documents[Int(at)] = document
      return at
    }
    documents.append(document)
    return Int32(documents.count - 1)
  }

  /// Inserts the items of a list of `other` into a list of this pool, as `insert` inserts each,
  /// and keeps the first `limit`: how an accumulator merges another's evidence, with no
  /// `CooccurrenceGraph.Evidence` made of it.
  ///
  /// - Parameter documents: This pool's number of each document of `other`, -1 for one not kept
  ///   here yet: one is kept, open, when its first item comes, and the caller closes them all
  ///   when every list is merged (`close(_:)`).
  mutating func insert(
    _ list: List, of other: EvidencePool, documents: inout [Int32], into mine: inout List,
    limit: Int
  ) {
    guard limit > 0 else { return }
    var at = list.first
    while at >= 0 {
      let theirs = Int(other.items[Int(at)].document)
      if documents[theirs] < 0 {
        var document = other.documents[theirs]
        document.items = 0
        document.isOpen = true
        documents[theirs] = keep(document)
      }
      insert(
        document: documents[theirs], sentence: other.items[Int(at)].sentence,
        text: other.items[Int(at)].text, into: &mine, limit: limit)
      at = other.items[Int(at)].next
    }
  }

  /// How many places for documents there are: the other pool's `documents` map of
  /// `insert(_:of:documents:into:limit:)` has this many.
  var documentPlaces: Int { documents.count }

  /// Tells that no more items of the document will be inserted: it is dropped now if no item
  /// names it, or else when the last one that does drops out of its list.
  mutating func close(_ document: Int32) {
    documents[Int(document)].isOpen = false
    if documents[Int(document)].items == 0 { freeDocument(document) }
  }

  private mutating func freeDocument(_ document: Int32) {
    documents[Int(document)] = Document(id: "", isOpen: false)
    freeDocuments.append(document)
  }

  /// Whether an item of this document and sentence could enter the list when it holds at most
  /// `limit` items: cheap, so that a sentence's text is cut only when it may be kept.
  func wouldKeep(_ document: Int32, _ sentence: Int, in list: List, limit: Int) -> Bool {
    guard limit > 0 else { return false }
    guard list.count >= limit else { return true }
    let other = list.lastDocument
    if other == document { return sentence <= items[Int(list.last)].sentence }
    return idPrecedes(document, other) ?? (sentence <= items[Int(list.last)].sentence)
  }

  /// Whether the id of document `one` comes before that of `other`; nil when they are equal.
  private func idPrecedes(_ one: Int32, _ other: Int32) -> Bool? {
    // Read in place: a copy of a document retained and released its four strings.
    if let prefix = documents[Int(one)].idPrefix,
      let otherPrefix = documents[Int(other)].idPrefix, prefix != otherPrefix
    {
      return prefix < otherPrefix
    }
    let (id, otherID) = (documents[Int(one)].id, documents[Int(other)].id)
    return id != otherID ? id < otherID : nil
  }

  /// Inserts an item in order, unless the list holds the same one, and keeps the first `limit`.
  mutating func insert(
    document: Int32, sentence: Int, text: String, into list: inout List, limit: Int
  ) {
    guard limit > 0 else { return }
    // The item's place: after every item it does not precede, which are the first ones. It is
    // not inserted when the last of those is the same item.
    var previous: Int32 = -1
    var previousIsSame = false
    var next = list.first
    var position = 0
    while next >= 0 {
      let order = order(document, sentence, text, next)
      if order == .precedes { break }
      previousIsSame = order == .same
      previous = next
      next = items[Int(next)].next
      position += 1
    }
    if previousIsSame { return }
    guard position < limit else { return }
    let item = Item(document: document, sentence: sentence, text: text, next: next)
    documents[Int(document)].items += 1
    let at: Int32
    if free >= 0 {
      at = free
      free = items[Int(at)].next
      items[Int(at)] = item
    } else {
      at = Int32(items.count)
      items.append(item)
    }
    if previous >= 0 { items[Int(previous)].next = at } else { list.first = at }
    if next < 0 {
      list.last = at
      list.lastDocument = document
    }
    list.count += 1
    if list.count > limit { truncate(&list, to: limit) }
  }

  /// Drops the items of a list after the first `limit`, leaving their places free.
  mutating func truncate(_ list: inout List, to limit: Int) {
    guard list.count > limit else { return }
    guard limit > 0 else {
      release(from: list.first)
      list = List()
      return
    }
    var last = Int(list.first)
    for _ in 1..<limit { last = Int(items[last].next) }
    release(from: items[last].next)
    items[last].next = -1
    list.last = Int32(last)
    list.lastDocument = items[last].document
    list.count = limit
  }

  /// Frees the items from `first` to the end of its list.
  private mutating func release(from first: Int32) {
    var at = first
    while at >= 0 {
      let next = items[Int(at)].next
      let document = Int(items[Int(at)].document)
      documents[document].items -= 1
      if documents[document].items == 0 && !documents[document].isOpen {
        freeDocument(Int32(document))
      }
      items[Int(at)].text = ""
      items[Int(at)].next = free
      free = at
      at = next
    }
  }

  /// The items of a list, in order.
  func evidence(of list: List) -> [CooccurrenceGraph.Evidence] {
    guard list.first >= 0 else { return [] }
    // Made with its first item, as most lists have one: growing an empty array cost more.
    var evidence = [item(list.first)]
    var at = items[Int(list.first)].next
    while at >= 0 {
      evidence.append(item(at))
      at = items[Int(at)].next
    }
    return evidence
  }

  /// The item at `at`, read in place.
  private func item(_ at: Int32) -> CooccurrenceGraph.Evidence {
    let document = Int(items[Int(at)].document)
    return CooccurrenceGraph.Evidence(
      document: documents[document].id, sentence: items[Int(at)].sentence,
      text: items[Int(at)].text, date: documents[document].date,
      source: documents[document].source, title: documents[document].title)
  }

  /// Where the item of `document`, `sentence` and `text` goes beside the item at `at`.
  private enum Order {
    /// Before it, as `CooccurrenceGraph.Evidence`'s `<` orders them.
    case precedes
    /// Not before it, and the same item, as `CooccurrenceGraph.Evidence`'s `==` tells.
    case same
    /// Neither.
    case follows
  }

  /// `Order` of the item of `document`, `sentence` and `text` and the item at `at`, told in one
  /// pass: whether it precedes, and if not, whether it is the same. (Asked one after the other,
  /// the two compared the ids and the texts of a document read twice, as a list of files that
  /// names one twice has it, twice each, the texts to their ends.)
  ///
  /// The documents' ids are told apart before the texts are compared: the same sentence of
  /// another document (a text the corpus holds twice) has the same text, which is compared to
  /// its end.
  private func order(_ document: Int32, _ sentence: Int, _ text: String, _ at: Int32) -> Order {
    let other = items[Int(at)].document
    // Items of one document number have one id and one metadata: only their sentences and
    // texts can differ.
    if document != other, let idPrecedes = idPrecedes(document, other) {
      return idPrecedes ? .precedes : .follows
    }
    let otherSentence = items[Int(at)].sentence
    if sentence != otherSentence { return sentence < otherSentence ? .precedes : .follows }
    if text != items[Int(at)].text { return text < items[Int(at)].text ? .precedes : .follows }
    if document == other { return .same }
    // Read in place: a copy of a document retained and released its four strings.
    let (one, two) = (Int(document), Int(other))
    if documents[one].date == documents[two].date && documents[one].source == documents[two].source
      && documents[one].title == documents[two].title
    {
      return .same
    }
    // Unequal, they may still tie in `<`'s order (no date and an empty one), and follow.
    let (first, second) = (documents[one], documents[two])
    return (first.date ?? "", first.source ?? "", first.title ?? "")
      < (second.date ?? "", second.source ?? "", second.title ?? "") ? .precedes : .follows
  }
}
