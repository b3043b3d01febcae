/// Decides between candidates that overlap: the longest span wins, then the higher priority
/// (dictionary over rules), then the earlier start, then the type and id, so the choice never
/// depends on the order the matchers ran in.
public struct OverlapPolicy: Sendable {
  public init() {}

  /// The winners, sorted by position, and each loser with the candidate that beat it.
  ///
  /// Candidates never cross sentences, so each sentence is decided on its own. The candidates
  /// are sorted and grouped by their positions in `candidates`, so that no candidate (several
  /// strings each) is copied until it is kept or beaten.
  public func resolve(_ candidates: [Candidate]) -> (
    kept: [Candidate], beaten: [(Candidate, by: Candidate)]
  ) {
    var beaten: [(Candidate, by: Candidate)] = []
    let kept = withUnsafeTemporaryAllocation(of: Int.self, capacity: candidates.count) { kept in
      let count = decide(candidates, into: kept, beaten: &beaten, tracing: true)
      return kept[0..<count].map { candidates[$0] }
    }
    return (kept, beaten)
  }

  /// The winners of `resolve(_:)` alone.
  public func kept(_ candidates: [Candidate]) -> [Candidate] {
    var kept = candidates
    keep(&kept)
    return kept
  }

  /// Leaves in `candidates` the winners of `resolve(_:)` alone, in their order: a caller that
  /// shows no losers (the recognizer outside `--explain`) neither copies them with their winners
  /// nor copies the winners out.
  ///
  /// The winners are moved to the front by swapping, which moves a candidate without retaining
  /// its strings; a copy into a new array retained three, and the old array released them again.
  public func keep(_ candidates: inout [Candidate]) {
    var beaten: [(Candidate, by: Candidate)] = []
    // The winners' positions, then where each candidate given is now, and which one is at each
    // place: a swap moves the one at the winner's new place to the winner's old place, where a
    // later winner may be. (All in one temporary allocation, on the stack for a document's few
    // candidates: three arrays cost three allocations and their freeing a document.)
    let count = candidates.count
    let keptCount = withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * count) { all in
      let kept = UnsafeMutableBufferPointer(rebasing: all[0..<count])
      let keptCount = decide(candidates, into: kept, beaten: &beaten, tracing: false)
      let place = UnsafeMutableBufferPointer(rebasing: all[count..<(2 * count)])
      let given = UnsafeMutableBufferPointer(rebasing: all[(2 * count)...])
      for index in 0..<count {
        place[index] = index
        given[index] = index
      }
      candidates.withUnsafeMutableBufferPointer { candidates in
        for (index, position) in kept[0..<keptCount].enumerated() {
          let from = place[position]
          guard from != index else { continue }
          candidates.swapAt(index, from)
          let moved = given[index]
          given[from] = moved
          place[moved] = from
          given[index] = position
          place[position] = index
        }
      }
      return keptCount
    }
    candidates.removeLast(candidates.count - keptCount)
  }

  /// Writes into `kept` the positions of the winners in `candidates`, by sentence and by start
  /// within one, and gives how many; the losers go to `beaten` when `tracing`.
  ///
  /// The positions to decide and the sentences' working room are temporary allocations, on the
  /// stack for a document's few dozen candidates: as arrays they cost an allocation each and
  /// their freeing a document.
  private func decide(
    _ candidates: [Candidate], into kept: UnsafeMutableBufferPointer<Int>,
    beaten: inout [(Candidate, by: Candidate)], tracing: Bool
  ) -> Int {
    let total = candidates.count
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: total) { buffer in
      // By sentence, and in the order given within a sentence: the recognizer gives them so,
      // and only candidates given otherwise are sorted.
      var count = 0
      var bySentence = true
      for position in candidates.indices
      where candidates[position].end > candidates[position].start {
        if count > 0, candidates[buffer[count - 1]].sentence > candidates[position].sentence {
          bySentence = false
        }
        buffer[count] = position
        count += 1
      }
      var positions = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
      if !bySentence {
        positions.sort { (candidates[$0].sentence, $0) < (candidates[$1].sentence, $1) }
      }
      return withUnsafeTemporaryAllocation(
        of: (rank: UInt64, position: Int).self, capacity: count
      ) { ordered in
        withUnsafeTemporaryAllocation(
          of: (start: Int, end: Int, position: Int).self, capacity: count
        ) { keptHere in
          let scratch = Scratch(ordered: ordered, keptHere: keptHere)
          var keptCount = 0
          var groupStart = 0
          while groupStart < positions.count {
            let sentence = candidates[positions[groupStart]].sentence
            var groupEnd = groupStart + 1
            while groupEnd < positions.count, candidates[positions[groupEnd]].sentence == sentence {
              groupEnd += 1
            }
            decide(
              UnsafeBufferPointer(rebasing: positions[groupStart..<groupEnd]), candidates,
              kept: kept, keptCount: &keptCount, beaten: &beaten, tracing: tracing,
              scratch: scratch)
            groupStart = groupEnd
          }
          return keptCount
        }
      }
    }
  }

  /// Room that `decide` fills anew for each sentence, as large as the document's candidates, so
  /// that a sentence allocates nothing.
  private struct Scratch {
    /// The sentence's candidates by position, with their `rank`, in the order of precedence.
    let ordered: UnsafeMutableBufferPointer<(rank: UInt64, position: Int)>
    /// The spans kept so far, by start: they never overlap, so their ends are in the same order.
    let keptHere: UnsafeMutableBufferPointer<(start: Int, end: Int, position: Int)>
  }

  /// Decides one sentence's candidates, given by position in the order they came, and writes
  /// the positions of its winners to `kept` from `keptCount` on, counting them.
  private func decide(
    _ group: UnsafeBufferPointer<Int>, _ candidates: [Candidate],
    kept: UnsafeMutableBufferPointer<Int>, keptCount: inout Int,
    beaten: inout [(Candidate, by: Candidate)], tracing: Bool, scratch: Scratch
  ) {
    if group.count == 1, let only = group.first {  // nothing to decide
      kept[keptCount] = only
      keptCount += 1
      return
    }
    var ordered = UnsafeMutableBufferPointer(rebasing: scratch.ordered[0..<group.count])
    var ranked = true
    for (at, position) in group.enumerated() {
      let rank = Self.rank(candidates[position])
      ranked = ranked && rank != nil
      ordered[at] = (rank ?? 0, position)
    }
    // Where a rank did not fit, all are 0 and every comparison reads the candidates.
    if !ranked {
      for index in ordered.indices { ordered[index].rank = 0 }
    }
    Self.sortStably(&ordered) {
      $0.rank != $1.rank
        ? $0.rank < $1.rank
        : OverlapPolicy.wins(candidates[$0.position], over: candidates[$1.position])
    }
    // Each candidate in turn is beaten by the kept span that holds its first code point taken,
    // or is kept: the first kept span that ends after its start, if that one starts before its
    // end.
    let keptHere = scratch.keptHere
    var keptHereCount = 0
    for (_, position) in ordered {
      let start = candidates[position].start
      let end = candidates[position].end
      var low = 0
      var high = keptHereCount
      while low < high {
        let middle = (low + high) >> 1
        if keptHere[middle].end <= start { low = middle + 1 } else { high = middle }
      }
      if low < keptHereCount, keptHere[low].start < end {
        if tracing {
          beaten.append((candidates[position], by: candidates[keptHere[low].position]))
        }
        continue
      }
      var index = keptHereCount
      while index > low {
        keptHere[index] = keptHere[index - 1]
        index -= 1
      }
      keptHere[low] = (start, end, position)
      keptHereCount += 1
    }
    for span in keptHere[0..<keptHereCount] {
      kept[keptCount] = span.position
      keptCount += 1
    }
  }

  /// Sorts `items` by `precedes`, keeping the order of items neither precedes, as the standard
  /// library's sort does: by insertion when they are few, as a sentence's candidates nearly
  /// always are, without the set-up of a merge sort.
  private static func sortStably<Item>(
    _ items: inout UnsafeMutableBufferPointer<Item>, by precedes: (Item, Item) -> Bool
  ) {
    guard items.count <= 16 else {
      items.sort(by: precedes)
      return
    }
    for sorted in items.indices.dropFirst() {
      let item = items[sorted]
      var index = sorted
      while index > 0, precedes(item, items[index - 1]) {
        items[index] = items[index - 1]
        index -= 1
      }
      items[index] = item
    }
  }

  /// The span's length, the priority and the start packed in one number that sorts as `wins`
  /// orders them (lower first), or nil when one does not fit: most comparisons of a sort then
  /// read one number, not two candidates.
  private static func rank(_ candidate: Candidate) -> UInt64? {
    let length = candidate.end - candidate.start
    guard length > 0, length < 1 << 20, candidate.priority >= 0, candidate.priority < 1 << 12,
      candidate.start >= 0, candidate.start < 1 << 32
    else { return nil }
    return UInt64((1 << 20) - length) << 44 | UInt64((1 << 12) - 1 - candidate.priority) << 32
      | UInt64(candidate.start)
  }

  /// Whether `a` comes before `b` in the order of precedence.
  private static func wins(_ a: Candidate, over b: Candidate) -> Bool {
    let la = a.end - a.start
    let lb = b.end - b.start
    if la != lb { return la > lb }
    if a.priority != b.priority { return a.priority > b.priority }
    if a.start != b.start { return a.start < b.start }
    if a.type != b.type { return a.type < b.type }
    if a.source != b.source { return a.source < b.source }
    return (a.entity ?? "") < (b.entity ?? "")
  }
}
