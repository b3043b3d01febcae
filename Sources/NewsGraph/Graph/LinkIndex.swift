/// The index of each link by its key (the numbers of its two ends): an open-addressed table of
/// integers.
///
/// A `[UInt64: Int32]` hashes a key with SipHash, and the accumulator looks up a link for every
/// pair of every window. Here a key is mixed by one multiplication (Fibonacci hashing) and found
/// by probing the slots that follow its own.
struct LinkIndex: Sendable {
  /// A key and the index plus one of its link; 0 for an empty slot.
  ///
  /// Side by side, so that a probe reads one place in memory: keys and indices in two arrays
  /// were two cache misses a look-up once the table outgrew the caches, as the table of a large
  /// corpus does.
  private struct Slot: Sendable {
    var key: UInt64 = 0
    var value: Int32 = 0
  }

  private var slots: [Slot]
  /// 64 minus the base-2 logarithm of the number of slots: a key's slot is the top bits of its
  /// mixed value.
  private var shift: UInt64
  /// Links indexed; the slots are kept at most half full.
  private(set) var count = 0

  init() {
    slots = Array(repeating: Slot(), count: 16)
    shift = 60
  }

  /// The index of the link with `key`, or `new` when it has none (which is then its index).
  mutating func index(of key: UInt64, new: Int32) -> (index: Int32, isNew: Bool) {
    let mask = slots.count - 1
    var at = slot(of: key)
    while slots[at].value != 0 {
      if slots[at].key == key { return (slots[at].value - 1, false) }
      at = (at + 1) & mask
    }
    slots[at] = Slot(key: key, value: new + 1)
    count += 1
    if 2 * count > slots.count { grow() }
    return (new, true)
  }

  @inline(__always)
  private func slot(of key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// Doubles the slots, placing each key again.
  private mutating func grow() {
    let old = slots
    slots = Array(repeating: Slot(), count: 2 * old.count)
    shift -= 1
    let mask = slots.count - 1
    for slot in old where slot.value != 0 {
      var at = self.slot(of: slot.key)
      while slots[at].value != 0 { at = (at + 1) & mask }
      slots[at] = slot
    }
  }
}
