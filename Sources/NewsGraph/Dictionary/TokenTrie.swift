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

  /// Adds a phrase given as token texts, after the phrase's other payloads. It rebuilds the
  /// trie: build large tries with `init(phrases:)`.
  public mutating func insert(_ keys: [String], _ payload: Payload) {
    guard !keys.isEmpty else { return }
    self = TokenTrie(phrases: phrases + [(keys, payload)])
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
    let low = Int(edgeStart[node])
    let high = Int(edgeStart[node + 1])
    guard low < high, let key = keys.number(of: text) else { return nil }
    let wanted = Int32(key)
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
