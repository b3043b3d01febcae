/// A value a `TokenTrie` keeps with a phrase, packed into 32 bits so the trie stays flat.
public protocol TriePayload: Sendable {
  init(packed: UInt32)
  var packed: UInt32 { get }
  /// Whether a stored number is a payload at all; checked after reading a cache file.
  static func isValid(packed: UInt32) -> Bool
}

extension TriePayload {
  public static func isValid(packed: UInt32) -> Bool { true }
}

/// A trie over token texts: finds every dictionary phrase that starts at a token in one walk.
///
/// It is stored flat: the token texts in one `StringTable` with a hash index, and each node's
/// edges and payloads as ranges of number arrays (`FlatArray`), so a cached trie is used where
/// its file is mapped and a lookup allocates nothing but its result. Build it in one go with
/// `init(phrases:)` or `adding(_:)`; `insert(_:_:)` copies the whole trie.
public struct TokenTrie<Payload: TriePayload>: Sendable {
  /// The token texts that label edges.
  var keys = StringTable([], indexed: true)
  /// Node `n`'s edges are `edgeStart[n]..<edgeStart[n + 1]`, sorted by key number. Node 0 is the
  /// root.
  var edgeStart = FlatArray<Int32>([0, 0])
  var edgeKey = FlatArray<Int32>()
  var edgeChild = FlatArray<Int32>()
  /// Node `n`'s payloads, packed, are `payloadList[payloadStart[n]..<payloadStart[n + 1]]`,
  /// best first.
  var payloadStart = FlatArray<Int32>([0, 0])
  var payloadList = FlatArray<UInt32>()

  /// The payloads of one phrase, best first.
  public struct Payloads: RandomAccessCollection, Sendable {
    let list: FlatArray<UInt32>
    public let startIndex: Int
    public let endIndex: Int

    public subscript(position: Int) -> Payload { Payload(packed: list[position]) }
  }

  /// A phrase a walk found: its length in tokens and the positions of its payloads, best first,
  /// read with `payload(at:)`.
  ///
  /// A plain value, where `Payloads` holds the trie's storage: an array of them, as the lookups
  /// gather for a whole document, appends and frees a phrase without retaining and releasing
  /// that storage (atomically) for each.
  struct Match: Sendable {
    var length: Int32
    var payloads: Range<Int32>
  }

  /// The payload at `position`, one of a `Match`'s.
  func payload(at position: Int32) -> Payload { Payload(packed: payloadList[Int(position)]) }

  public init() {}

  /// A trie of the phrases, each given as token texts; a phrase's payloads keep the order given.
  ///
  /// The texts that start phrases are numbered first, so the root's edges are keys `0..<n` in
  /// order and `child(of:key:)` finds a root edge at its key's own position: every walk starts
  /// at the root, whose thousands of edges a binary search took some fifteen steps over.
  public init(phrases: [(keys: [String], payload: Payload)]) {
    var numbers: [String: Int32] = [:]
    var texts: [String] = []
    for (phraseKeys, _) in phrases {
      if let text = phraseKeys.first, numbers[text] == nil {
        numbers[text] = Int32(texts.count)
        texts.append(text)
      }
    }
    // Child of (node, key) while building: one dictionary for the whole trie.
    var child: [Int64: Int32] = [:]
    child.reserveCapacity(phrases.count * 2)
    var nodeCount: Int32 = 1
    var ends: [(node: Int32, payload: Payload)] = []
    ends.reserveCapacity(phrases.count)
    for (phraseKeys, payload) in phrases where !phraseKeys.isEmpty {
      var node: Int32 = 0
      for text in phraseKeys {
        let key: Int32
        if let known = numbers[text] {
          key = known
        } else {
          key = Int32(texts.count)
          numbers[text] = key
          texts.append(text)
        }
        let edge = Int64(node) << 32 | Int64(key)
        if let next = child[edge] {
          node = next
        } else {
          child[edge] = nodeCount
          node = nodeCount
          nodeCount += 1
        }
      }
      ends.append((node, payload))
    }
    keys = StringTable(texts, indexed: true)
    let edges = child.map {
      (node: Int32($0.key >> 32), key: Int32($0.key & 0xFFFF_FFFF), $0.value)
    }
    .sorted { $0.node != $1.node ? $0.node < $1.node : $0.key < $1.key }
    edgeStart = FlatArray(Self.starts(of: edges.map(\.node), nodes: Int(nodeCount)))
    edgeKey = FlatArray(edges.map(\.key))
    edgeChild = FlatArray(edges.map(\.2))
    // A stable grouping by node keeps each phrase's payloads in the order given.
    var order = Array(ends.indices)
    order.sort { ends[$0].node != ends[$1].node ? ends[$0].node < ends[$1].node : $0 < $1 }
    payloadStart = FlatArray(Self.starts(of: order.map { ends[$0].node }, nodes: Int(nodeCount)))
    payloadList = FlatArray(order.map { ends[$0].payload.packed })
  }

  /// `starts[n]..<starts[n + 1]` are the positions of node `n` in `sortedNodes`.
  private static func starts(of sortedNodes: [Int32], nodes: Int) -> [Int32] {
    var starts = [Int32](repeating: 0, count: nodes + 1)
    for node in sortedNodes { starts[Int(node) + 1] += 1 }
    for index in 1..<starts.count { starts[index] += starts[index - 1] }
    return starts
  }

  public var nodeCount: Int { edgeStart.count - 1 }

  /// Every phrase with its payload, in trie order.
  var phrases: [(keys: [String], payload: Payload)] {
    var result: [(keys: [String], payload: Payload)] = []
    var stack: [(node: Int, path: [String])] = [(0, [])]
    while let (node, path) = stack.popLast() {
      for index in Int(payloadStart[node])..<Int(payloadStart[node + 1]) {
        result.append((path, Payload(packed: payloadList[index])))
      }
      for edge in (Int(edgeStart[node])..<Int(edgeStart[node + 1])).reversed() {
        stack.append((Int(edgeChild[edge]), path + [keys[Int(edgeKey[edge])]]))
      }
    }
    return result
  }

  /// Adds a phrase given as token texts, after the phrase's other payloads. It copies the
  /// trie: build large tries with `init(phrases:)` or `adding(_:)`.
  public mutating func insert(_ keys: [String], _ payload: Payload) {
    guard !keys.isEmpty else { return }
    self = adding([(keys, payload)]).trie
  }

  /// The trie with more phrases, and the nodes whose payloads grew (to be sorted again). Nodes
  /// keep their numbers and each phrase's payloads stay in order, the new ones last. It copies
  /// the arrays once and makes no `String` of the phrases already in the trie, so adding a user's
  /// dictionary to a cached gazetteer costs little more than the copy.
  func adding(_ phrases: [(keys: [String], payload: Payload)]) -> (
    trie: TokenTrie, grown: [Int]
  ) {
    let oldNodes = nodeCount
    var newTexts: [String] = []
    var newNumbers: [String: Int32] = [:]
    var newEdges: [Int64: Int32] = [:]  // (parent << 32 | key) -> child, for edges not in self
    var newPayloads: [(node: Int32, payload: Payload)] = []
    var nodes = Int32(oldNodes)
    for (phraseKeys, payload) in phrases where !phraseKeys.isEmpty {
      var node = 0
      for text in phraseKeys {
        let key: Int32
        if let known = keys.number(of: text) {
          key = Int32(known)
        } else if let added = newNumbers[text] {
          key = added
        } else {
          key = Int32(keys.count + newTexts.count)
          newNumbers[text] = key
          newTexts.append(text)
        }
        let edge = Int64(node) << 32 | Int64(key)
        if node < oldNodes, Int(key) < keys.count, let next = child(of: node, key: key) {
          node = next
        } else if let next = newEdges[edge] {
          node = Int(next)
        } else {
          newEdges[edge] = nodes
          node = Int(nodes)
          nodes += 1
        }
      }
      newPayloads.append((Int32(node), payload))
    }
    var edgesOf: [Int32: [(key: Int32, child: Int32)]] = [:]
    for (edge, child) in newEdges {
      edgesOf[Int32(edge >> 32), default: []].append((Int32(edge & 0xFFFF_FFFF), child))
    }
    var payloadsOf: [Int32: [Payload]] = [:]
    for (node, payload) in newPayloads { payloadsOf[node, default: []].append(payload) }

    let total = Int(nodes)
    var starts: [Int32] = [0]
    var keyNumbers: [Int32] = []
    var children: [Int32] = []
    var payloadStarts: [Int32] = [0]
    var packed: [UInt32] = []
    starts.reserveCapacity(total + 1)
    keyNumbers.reserveCapacity(edgeKey.count + newEdges.count)
    children.reserveCapacity(edgeKey.count + newEdges.count)
    payloadStarts.reserveCapacity(total + 1)
    packed.reserveCapacity(payloadList.count + newPayloads.count)
    for node in 0..<total {
      var edges: [(key: Int32, child: Int32)] = []
      if node < oldNodes {
        for edge in Int(edgeStart[node])..<Int(edgeStart[node + 1]) {
          edges.append((edgeKey[edge], edgeChild[edge]))
        }
      }
      if let added = edgesOf[Int32(node)] {
        edges = (edges + added).sorted { $0.key < $1.key }
      }
      for edge in edges {
        keyNumbers.append(edge.key)
        children.append(edge.child)
      }
      starts.append(Int32(keyNumbers.count))
      if node < oldNodes {
        packed += payloadList[Int(payloadStart[node])..<Int(payloadStart[node + 1])]
      }
      if let added = payloadsOf[Int32(node)] { packed += added.map(\.packed) }
      payloadStarts.append(Int32(packed.count))
    }
    var trie = TokenTrie()
    trie.keys = keys.appending(newTexts)
    trie.edgeStart = FlatArray(starts)
    trie.edgeKey = FlatArray(keyNumbers)
    trie.edgeChild = FlatArray(children)
    trie.payloadStart = FlatArray(payloadStarts)
    trie.payloadList = FlatArray(packed)
    return (trie, payloadsOf.keys.map(Int.init).sorted())
  }

  /// The node a phrase of token texts ends at, or nil.
  func node(of phrase: [String]) -> Int? {
    var node = 0
    for text in phrase {
      guard let next = child(of: node, text) else { return nil }
      node = next
    }
    return phrase.isEmpty ? nil : node
  }

  /// Reorders the payloads of the given nodes, best first.
  mutating func sortPayloads(
    of nodes: [Int], by areInIncreasingOrder: (Payload, Payload) -> Bool
  ) {
    var packed = payloadList.array
    for node in nodes {
      let range = Int(payloadStart[node])..<Int(payloadStart[node + 1])
      guard range.count > 1 else { continue }
      let sorted = packed[range].map(Payload.init(packed:)).sorted(by: areInIncreasingOrder)
      packed.replaceSubrange(range, with: sorted.map(\.packed))
    }
    payloadList = FlatArray(packed)
  }

  /// Reorders the payloads of every phrase, best first.
  public mutating func sortPayloads(by areInIncreasingOrder: (Payload, Payload) -> Bool) {
    sortPayloads(of: Array(0..<nodeCount), by: areInIncreasingOrder)
  }

  /// The child of `node` along the token text `text`, or nil.
  @inline(__always)
  private func child(of node: Int, _ text: String) -> Int? {
    guard edgeStart[node] < edgeStart[node + 1], let key = keys.number(of: text) else {
      return nil
    }
    return child(of: node, key: Int32(key))
  }

  /// Whether a phrase starts with the key numbered `key`: a key may be in phrases only after
  /// their first word ("of" in "Secretary of State").
  func startsPhrase(key: Int32) -> Bool { child(of: 0, key: key) != nil }

  /// The child of `node` along the key numbered `wanted`, which is not negative, or nil.
  @inline(__always)
  private func child(of node: Int, key wanted: Int32) -> Int? {
    if node == 0 {
      // The root's edges start at 0 and their keys are sorted and distinct, so key `k` is at
      // edge `k` when it is there at all, and no key past the last edge's is, when that is its
      // own position: as `init(phrases:)` numbers keys. Keys added later fall to the search.
      let rootEdges = Int(edgeStart[1])
      if Int(wanted) < rootEdges {
        if edgeKey[Int(wanted)] == wanted { return Int(edgeChild[Int(wanted)]) }
      } else if rootEdges > 0, edgeKey[rootEdges - 1] == rootEdges - 1 {
        return nil
      }
    }
    let low = Int(edgeStart[node])
    let high = Int(edgeStart[node + 1])
    return edgeKey.withUnsafeBufferPointer { edgeKey in
      var low = low
      var high = high
      while low < high {
        let middle = (low + high) >> 1
        if edgeKey[middle] < wanted { low = middle + 1 } else { high = middle }
      }
      return low < Int(edgeStart[node + 1]) && edgeKey[low] == wanted
        ? Int(edgeChild[low]) : nil
    }
  }

  /// Every phrase that starts at `start`: its length in tokens and its payloads, shortest first.
  public func matches(
    startingAt start: Int, count: Int, key: (Int) -> String?
  ) -> [(length: Int, payloads: Payloads)] {
    matches(startingAt: start, count: count) { index in
      key(index).flatMap { keys.number(of: $0) }.map(Int32.init) ?? -1
    }
  }

  /// The number of a token text among the trie's keys, or -1 when no phrase has it.
  ///
  /// Worked out once per token, it spares the walks that start at the tokens before it from
  /// hashing the text again.
  public func keyNumber(of text: String) -> Int32 {
    keys.number(of: text).map(Int32.init) ?? -1
  }

  /// `keyNumber(of:)` for a text given by its UTF-8 bytes and their `StringTable.hash(_:)`.
  func keyNumber(ofUTF8 bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int32 {
    keys.number(ofUTF8: bytes, hash: hash).map(Int32.init) ?? -1
  }

  /// Every phrase that starts at `start`, as `matches(startingAt:count:key:)`, with each token
  /// given by its `keyNumber(of:)`; the key is asked only while the walk can go on.
  public func matches(
    startingAt start: Int, count: Int, keyNumber: (Int) -> Int32
  ) -> [(length: Int, payloads: Payloads)] {
    var result: [(length: Int, payloads: Payloads)] = []
    walk(startingAt: start, count: count, keyNumber: keyNumber) { length, from, to in
      result.append((length, Payloads(list: payloadList, startIndex: from, endIndex: to)))
    }
    return result
  }

  /// `matches(startingAt:count:keyNumber:)` appended to `result`, as plain `Match`es: a caller
  /// that gathers the phrases of many tokens in one array makes no array for each token.
  func appendMatches(
    startingAt start: Int, count: Int, keyNumber: (Int) -> Int32, to result: inout [Match]
  ) {
    walk(startingAt: start, count: count, keyNumber: keyNumber) { length, from, to in
      result.append(Match(length: Int32(length), payloads: Int32(from)..<Int32(to)))
    }
  }

  /// The longest phrase that starts at `start`, as a plain `Match`: the last of
  /// `matches(startingAt:count:keyNumber:)`, or nil, found without making their array.
  ///
  /// A caller that wants the longest phrase alone made an array of them, and freed it with a
  /// release of the trie's storage for each, at every look.
  func longestMatch(startingAt start: Int, count: Int, keyNumber: (Int) -> Int32) -> Match? {
    var longest: Match?
    walk(startingAt: start, count: count, keyNumber: keyNumber) { length, from, to in
      longest = Match(length: Int32(length), payloads: Int32(from)..<Int32(to))
    }
    return longest
  }

  /// Walks the phrases that start at `start` and calls `found` with the length of each and the
  /// range of its payloads in `payloadList`, shortest first.
  @inline(__always)
  private func walk(
    startingAt start: Int, count: Int, keyNumber: (Int) -> Int32,
    found: (_ length: Int, _ from: Int, _ to: Int) -> Void
  ) {
    var node = 0
    var index = start
    while index < count, edgeStart[node] < edgeStart[node + 1] {
      let key = keyNumber(index)
      guard key >= 0, let next = child(of: node, key: key) else { break }
      node = next
      index += 1
      let from = Int(payloadStart[node])
      let to = Int(payloadStart[node + 1])
      if from < to { found(index - start, from, to) }
    }
  }

  /// Whether the arrays are consistent with each other, so no walk can go out of bounds; checked
  /// after reading a cache file. `isValid` checks each payload.
  func isWellFormed(payload isValid: (UInt32) -> Bool) -> Bool {
    let nodes = nodeCount
    guard keys.isWellFormed, !keys.slots.isEmpty, nodes >= 1, payloadStart.count == nodes + 1,
      edgeKey.count == edgeChild.count, Self.isMonotone(edgeStart, last: edgeKey.count),
      Self.isMonotone(payloadStart, last: payloadList.count)
    else { return false }
    return edgeKey.allBelow(UInt32(keys.count)) && edgeChild.allBelow(UInt32(nodes))
      && !edgeChild.contains(0)
      && payloadList.allSatisfy { Payload.isValid(packed: $0) && isValid($0) }
  }

  private static func isMonotone(_ starts: FlatArray<Int32>, last: Int) -> Bool {
    starts.first == 0 && Int(starts[starts.count - 1]) == last && StringTable.isMonotone(starts)
  }
}
