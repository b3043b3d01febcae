/// The index of each link by its key (the numbers of its two ends): an open-addressed table of
/// integers.
///
/// A `[UInt64: Int32]` hashes a key with SipHash, and the accumulator looks up a link for every
/// pair of every window. Here a key is mixed by one multiplication (Fibonacci hashing) and found
/// by probing the slots that follow its own.
struct LinkIndex: Sendable {
  /// The key in each slot.
  private var keys: [UInt64]
  /// The index plus one of the link in each slot; 0 for an empty slot.
  private var values: [Int32]
  /// 64 minus the base-2 logarithm of the number of slots: a key's slot is the top bits of its
  /// mixed value.
  private var shift: UInt64
  /// Links indexed; the slots are kept at most half full.
  private(set) var count = 0

  init() {
    keys = Array(repeating: 0, count: 16)
    values = Array(repeating: 0, count: 16)
    shift = 60
  }

  /// The index of the link with `key`, or `new` when it has none (which is then its index).
  mutating func index(of key: UInt64, new: Int32) -> (index: Int32, isNew: Bool) {
    var at = slot(of: key)
    while values[at] != 0 {
      if keys[at] == key { return (values[at] - 1, false) }
      at = (at + 1) & (values.count - 1)
    }
    keys[at] = key
    values[at] = new + 1
    count += 1
    if 2 * count > values.count { grow() }
    return (new, true)
  }

  @inline(__always)
  private func slot(of key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// Doubles the slots, placing each key again.
  private mutating func grow() {
    let (oldKeys, oldValues) = (keys, values)
    keys = Array(repeating: 0, count: 2 * oldKeys.count)
    values = Array(repeating: 0, count: 2 * oldValues.count)
    shift -= 1
    for from in oldValues.indices where oldValues[from] != 0 {
      var at = slot(of: oldKeys[from])
      while values[at] != 0 { at = (at + 1) & (values.count - 1) }
      keys[at] = oldKeys[from]
      values[at] = oldValues[from]
    }
  }
}
