/// A trie over token texts: finds every dictionary phrase that starts at a token in one walk.
///
/// It is stored flat: the token texts in one `StringTable` with a hash index, and each node's
/// edges and payloads as ranges of integer arrays. A lookup allocates nothing but its result,
/// and the gazetteer cache writes and reads a trie with a copy per array. Build it in one go with
/// `init(phrases:)`; `insert(_:_:)` rebuilds the whole trie and is meant for small tries.
public struct TokenTrie<Payload: Sendable>: Sendable {
  /// The token texts that label edges.
  var keys = StringTable([], indexed: true)
  /// Node `n`'s edges are `edgeStart[n]..<edgeStart[n + 1]`, sorted by key number. Node 0 is the
  /// root.
  var edgeStart: [Int32] = [0, 0]
  var edgeKey: [Int32] = []
  var edgeChild: [Int32] = []
  /// Node `n`'s payloads are `payloadList[payloadStart[n]..<payloadStart[n + 1]]`, best first.
  var payloadStart: [Int32] = [0, 0]
  var payloadList: [Payload] = []

  public init() {}

  /// A trie of the phrases, each given as token texts; a phrase's payloads keep the order given.
  public init(phrases: [(keys: [String], payload: Payload)]) {
    var numbers: [String: Int32] = [:]
    var texts: [String] = []
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
    edgeStart = Self.starts(of: edges.map(\.node), nodes: Int(nodeCount))
    edgeKey = edges.map(\.key)
    edgeChild = edges.map(\.2)
    // A stable grouping by node keeps each phrase's payloads in the order given.
    var order = Array(ends.indices)
    order.sort { ends[$0].node != ends[$1].node ? ends[$0].node < ends[$1].node : $0 < $1 }
    payloadStart = Self.starts(of: order.map { ends[$0].node }, nodes: Int(nodeCount))
    payloadList = order.map { ends[$0].payload }
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
        result.append((path, payloadList[index]))
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

    var trie = TokenTrie()
    trie.keys = keys.appending(newTexts)
    let total = Int(nodes)
    trie.edgeStart = [0]
    trie.edgeStart.reserveCapacity(total + 1)
    trie.edgeKey.reserveCapacity(edgeKey.count + newEdges.count)
    trie.edgeChild.reserveCapacity(edgeKey.count + newEdges.count)
    trie.payloadStart = [0]
    trie.payloadStart.reserveCapacity(total + 1)
    trie.payloadList.reserveCapacity(payloadList.count + newPayloads.count)
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
        trie.edgeKey.append(edge.key)
        trie.edgeChild.append(edge.child)
      }
      trie.edgeStart.append(Int32(trie.edgeKey.count))
      if node < oldNodes {
        trie.payloadList += payloadList[Int(payloadStart[node])..<Int(payloadStart[node + 1])]
      }
      if let added = payloadsOf[Int32(node)] { trie.payloadList += added }
      trie.payloadStart.append(Int32(trie.payloadList.count))
    }
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
    for node in nodes {
      let range = Int(payloadStart[node])..<Int(payloadStart[node + 1])
      if range.count > 1 { payloadList[range].sort(by: areInIncreasingOrder) }
    }
  }

  /// Reorders the payloads of every phrase, best first.
  public mutating func sortPayloads(by areInIncreasingOrder: (Payload, Payload) -> Bool) {
    for node in 0..<nodeCount {
      let range = Int(payloadStart[node])..<Int(payloadStart[node + 1])
      if range.count > 1 { payloadList[range].sort(by: areInIncreasingOrder) }
    }
  }

  /// The child of `node` along the token text `text`, or nil.
  @inline(__always)
  private func child(of node: Int, _ text: String) -> Int? {
    guard edgeStart[node] < edgeStart[node + 1], let key = keys.number(of: text) else {
      return nil
    }
    return child(of: node, key: Int32(key))
  }

  /// The child of `node` along the key numbered `wanted`, or nil.
  @inline(__always)
  private func child(of node: Int, key wanted: Int32) -> Int? {
    let low = Int(edgeStart[node])
    let high = Int(edgeStart[node + 1])
    return edgeKey.withUnsafeBufferPointer { edgeKey in
      var low = low
      var high = high
      while low < high {
        let middle = (low + high) / 2
        if edgeKey[middle] < wanted { low = middle + 1 } else { high = middle }
      }
      return low < Int(edgeStart[node + 1]) && edgeKey[low] == wanted
        ? Int(edgeChild[low]) : nil
    }
  }

  /// Every phrase that starts at `start`: its length in tokens and its payloads, shortest first.
  public func matches(
    startingAt start: Int, count: Int, key: (Int) -> String?
  ) -> [(length: Int, payloads: ArraySlice<Payload>)] {
    var result: [(length: Int, payloads: ArraySlice<Payload>)] = []
    var node = 0
    var index = start
    while index < count, let text = key(index), let next = child(of: node, text) {
      node = next
      index += 1
      let range = Int(payloadStart[node])..<Int(payloadStart[node + 1])
      if !range.isEmpty { result.append((index - start, payloadList[range])) }
    }
    return result
  }

  /// Whether the arrays are consistent with each other, so no walk can go out of bounds; checked
  /// after reading a cache file. `isValid` checks each payload.
  func isWellFormed(payload isValid: (Payload) -> Bool) -> Bool {
    let nodes = nodeCount
    guard keys.isWellFormed, !keys.slots.isEmpty, nodes >= 1, payloadStart.count == nodes + 1,
      edgeKey.count == edgeChild.count, Self.isMonotone(edgeStart, last: edgeKey.count),
      Self.isMonotone(payloadStart, last: payloadList.count)
    else { return false }
    return Self.allBelow(edgeKey, UInt32(keys.count))
      && Self.allBelow(edgeChild, UInt32(nodes)) && !edgeChild.contains(0)
      && payloadList.allSatisfy(isValid)
  }

  private static func isMonotone(_ starts: [Int32], last: Int) -> Bool {
    starts.first == 0 && Int(starts[starts.count - 1]) == last && StringTable.isMonotone(starts)
  }

  /// Whether every number is in `0..<limit`.
  static func allBelow(_ numbers: [Int32], _ limit: UInt32) -> Bool {
    numbers.withUnsafeBufferPointer { numbers in
      var below = true
      for number in numbers { below = below && UInt32(bitPattern: number) < limit }
      return below
    }
  }
}
