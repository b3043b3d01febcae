/// The dates of every node and link of an accumulator, in one pool: each date is numbered once
/// per document, and the dates of a node or link are a list of numbers linked through the pool,
/// in the order first added.
///
/// A `Set<String>` for each node and link hashed the document's date with SipHash once per
/// node and link of every document, and was an allocation per node and link. Here a date is
/// hashed once per document, and whether a list has it already is an integer looked up in one
/// table (`KeySet`) of (list, date) pairs.
///
/// Dates are numbered byte for byte, not by canonical equivalence: a node's `Set<String>` kept
/// the first of equivalent strings (the Kelvin sign and "K") that came to that node, which may
/// not be the one that came first to another. When the graph is made, a list's dates become a
/// `Set<String>` in the order they came, so the first of equivalent ones is kept as before, and
/// are sorted as before.
struct DatePool: Sendable {
  /// The dates of one node or link.
  struct List: Sendable {
    /// The index in `items` of the first date; -1 when there is none. A list's first item is
    /// its own, so it names the list in `members`.
    fileprivate var first: Int32 = -1
    /// The index in `items` of the last date; -1 when there is none.
    fileprivate var last: Int32 = -1
    /// The number of the last date added: a list given the date it was given last, as every
    /// node and link of a corpus in date order nearly always is, is told without a look-up.
    fileprivate var lastDate: Int32 = -1

    var isEmpty: Bool { first < 0 }
  }

  /// A date of a list and the index in `items` of the next one (-1 after the last).
  private struct Item: Sendable {
    var date: Int32
    var next: Int32
  }

  /// A string hashed and compared by its UTF-8 bytes, not by canonical equivalence.
  private struct Bytes: Hashable, Sendable {
    var string: String

    static func == (one: Bytes, two: Bytes) -> Bool {
      GraphBuilder.Accumulator.utf8Equal(one.string, two.string)
    }

    func hash(into hasher: inout Hasher) {
      var string = string
      string.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
  }

  /// The dates, by number.
  private var strings: [String] = []
  /// The number of each date.
  private var numbers: [Bytes: Int32] = [:]
  /// Whether every date is ASCII: then strings are equal only when their bytes are, and `<`
  /// orders them by their bytes.
  private var allASCII = true
  private var items: [Item] = []
  /// Every (list, date) pair: the list's first item in the top half, the date in the bottom.
  private var members = KeySet()

  /// The number of the date numbered last: documents in date order give it again and again,
  /// and it is told by comparing bytes, without hashing.
  private var lastNumber: Int32 = -1

  /// The number of a date, given one when it is new.
  mutating func number(_ date: String) -> Int32 {
    if lastNumber >= 0 && GraphBuilder.Accumulator.utf8Equal(strings[Int(lastNumber)], date) {
      return lastNumber
    }
    let new = Int32(strings.count)
    let number = numbers[Bytes(string: date), default: new]
    if number == new {
      numbers[Bytes(string: date)] = new
      strings.append(date)
      allASCII = allASCII && date.utf8.allSatisfy { $0 < 0x80 }
    }
    lastNumber = number
    return number
  }

  /// Adds a date, by number, to a list, unless the list has it.
  mutating func insert(_ date: Int32, into list: inout List) {
    guard list.lastDate != date else { return }
    list.lastDate = date
    let new = Int32(items.count)
    if list.first >= 0 {
      guard members.insert(Self.pair(list.first, date)) else { return }
      items[Int(list.last)].next = new
    } else {
      list.first = new
      members.insert(Self.pair(new, date))
    }
    items.append(Item(date: date, next: -1))
    list.last = new
  }

  /// This pool's number of each date of `other`, by the other's number, each given one here
  /// when it is new: the dates of an accumulator merged into another are hashed once each, not
  /// once per node and link.
  mutating func numbers(of other: DatePool) -> [Int32] {
    other.strings.map { number($0) }
  }

  /// Adds the dates of a list of `other` to a list of this pool, in the order they came to it,
  /// as `insert(_:into:)` adds each: a list merged after its own dates has them in the order
  /// they came to both. `numbers` is what `numbers(of:)` gave.
  mutating func insert(
    _ list: List, of other: DatePool, numbers: [Int32], into mine: inout List
  ) {
    var at = list.first
    while at >= 0 {
      insert(numbers[Int(other.items[Int(at)].date)], into: &mine)
      at = other.items[Int(at)].next
    }
  }

  /// The key in `members` of a date of the list whose first item is `first`.
  private static func pair(_ first: Int32, _ date: Int32) -> UInt64 {
    UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: date))
  }

  /// The rank of each date in `<`'s order, by number, when every date is ASCII (no two are
  /// equal then); nil otherwise.
  func ranks() -> [Int32]? {
    guard allASCII else { return nil }
    var ranks = [Int32](repeating: 0, count: strings.count)
    for (rank, at) in strings.indices.sorted(by: { strings[$0] < strings[$1] }).enumerated() {
      ranks[at] = Int32(rank)
    }
    return ranks
  }

  /// A list's dates, distinct and sorted, as a `Set<String>` of them in the order they came
  /// would give them. `ranks` is what `ranks()` gave.
  func dates(of list: List, ranks: [Int32]?) -> [String] {
    // Most lists have no date or one, and need no array of numbers.
    if list.first == list.last { return list.isEmpty ? [] : [strings[Int(list.lastDate)]] }
    var numbers: [Int32] = []
    var at = list.first
    while at >= 0 {
      numbers.append(items[Int(at)].date)
      at = items[Int(at)].next
    }
    guard let ranks else {
      var set = Set<String>()
      for number in numbers { set.insert(strings[Int(number)]) }
      return set.sorted()
    }
    return numbers.sorted { ranks[Int($0)] < ranks[Int($1)] }.map { strings[Int($0)] }
  }
}

/// A set of integers below `UInt64.max`: an open-addressed table of the keys alone.
///
/// A `Set<UInt64>` hashes a key with SipHash, and `LinkIndex` keeps an index beside each key,
/// which doubled the slots: the (list, date) pairs of a dated corpus outgrow the caches, and a
/// look-up is a cache miss a slot. Here a key is mixed by one multiplication and found by
/// probing the slots that follow its own, eight bytes each.
struct KeySet: Sendable {
  /// The keys; `UInt64.max` in an empty slot.
  private var slots = [UInt64](repeating: .max, count: 16)
  /// 64 minus the base-2 logarithm of the number of slots.
  private var shift: UInt64 = 60
  /// Keys in the set; the slots are kept at most half full.
  private(set) var count = 0

  /// Adds a key below `UInt64.max`, and tells whether it was new.
  @discardableResult
  mutating func insert(_ key: UInt64) -> Bool {
    precondition(key != .max, "KeySet keeps keys below UInt64.max")
    let mask = slots.count - 1
    var at = slot(of: key)
    while slots[at] != .max {
      if slots[at] == key { return false }
      at = (at + 1) & mask
    }
    slots[at] = key
    count += 1
    if 2 * count > slots.count { grow() }
    return true
  }

  @inline(__always)
  private func slot(of key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// Doubles the slots, placing each key again.
  private mutating func grow() {
    let old = slots
    slots = [UInt64](repeating: .max, count: 2 * old.count)
    shift -= 1
    let mask = slots.count - 1
    for key in old where key != .max {
      var at = slot(of: key)
      while slots[at] != .max { at = (at + 1) & mask }
      slots[at] = key
    }
  }
}
