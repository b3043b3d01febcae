/// A trie over token texts: finds every dictionary phrase that starts at a token in one walk.
public struct TokenTrie<Payload: Sendable>: Sendable {
  private var children: [[String: Int32]] = [[:]]
  private var payloads: [[Payload]] = [[]]

  public init() {}

  public var nodeCount: Int { children.count }

  /// Adds a phrase given as token texts.
  public mutating func insert(_ keys: [String], _ payload: Payload) {
    guard !keys.isEmpty else { return }
    var node = 0
    for key in keys {
      if let next = children[node][key] {
        node = Int(next)
      } else {
        children.append([:])
        payloads.append([])
        let next = children.count - 1
        children[node][key] = Int32(next)
        node = next
      }
    }
    payloads[node].append(payload)
  }

  /// Reorders the payloads of every phrase, best first.
  public mutating func sortPayloads(by areInIncreasingOrder: (Payload, Payload) -> Bool) {
    for index in payloads.indices where payloads[index].count > 1 {
      payloads[index].sort(by: areInIncreasingOrder)
    }
  }

  /// Every phrase that starts at `start`: its length in tokens and its payloads, shortest first.
  public func matches(
    startingAt start: Int, count: Int, key: (Int) -> String?
  ) -> [(length: Int, payloads: [Payload])] {
    var result: [(Int, [Payload])] = []
    var node = 0
    var index = start
    while index < count, let text = key(index), let next = children[node][text] {
      node = Int(next)
      index += 1
      if !payloads[node].isEmpty { result.append((index - start, payloads[node])) }
    }
    return result
  }
}
