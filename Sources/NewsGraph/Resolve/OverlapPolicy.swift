/// Decides between candidates that overlap: the longest span wins, then the higher priority
/// (dictionary over rules), then the earlier start, then the type and id, so the choice never
/// depends on the order the matchers ran in.
public struct OverlapPolicy: Sendable {
  public init() {}

  /// The winners, sorted by position, and each loser with the candidate that beat it.
  ///
  /// Candidates never cross sentences, so each sentence is decided on its own, with an
  /// occupancy map of its code points: the work is linear in the candidates' lengths. The
  /// candidates are sorted and grouped by their positions in `candidates`, so that no candidate
  /// (several strings each) is copied until it is kept or beaten.
  public func resolve(_ candidates: [Candidate]) -> (
    kept: [Candidate], beaten: [(Candidate, by: Candidate)]
  ) {
    // By sentence, and in the order given within a sentence: the recognizer gives them so, and
    // only candidates given otherwise are sorted.
    var positions: [Int] = []
    positions.reserveCapacity(candidates.count)
    var bySentence = true
    for position in candidates.indices where candidates[position].end > candidates[position].start {
      if let last = positions.last, candidates[last].sentence > candidates[position].sentence {
        bySentence = false
      }
      positions.append(position)
    }
    if !bySentence {
      positions.sort { (candidates[$0].sentence, $0) < (candidates[$1].sentence, $1) }
    }
    var kept: [Candidate] = []
    kept.reserveCapacity(positions.count)
    var beaten: [(Candidate, by: Candidate)] = []
    var scratch = Scratch()
    var groupStart = 0
    while groupStart < positions.count {
      let sentence = candidates[positions[groupStart]].sentence
      var groupEnd = groupStart + 1
      while groupEnd < positions.count, candidates[positions[groupEnd]].sentence == sentence {
        groupEnd += 1
      }
      decide(
        positions[groupStart..<groupEnd], candidates, kept: &kept, beaten: &beaten,
        scratch: &scratch)
      groupStart = groupEnd
    }
    return (kept, beaten)
  }

  /// Arrays that `decide` fills anew for each sentence, kept from one to the next so that a
  /// sentence allocates nothing.
  private struct Scratch {
    /// The sentence's candidates by position, with their `rank`, in the order of precedence.
    var ordered: [(rank: UInt64, position: Int)] = []
    /// owner[i] is the index in `keptHere` of the candidate holding code point low + i.
    var owner: [Int32] = []
    var keptHere: [Int] = []
  }

  /// Decides one sentence's candidates, given by position in the order they came.
  private func decide(
    _ group: ArraySlice<Int>, _ candidates: [Candidate], kept: inout [Candidate],
    beaten: inout [(Candidate, by: Candidate)], scratch: inout Scratch
  ) {
    if group.count == 1, let only = group.first {  // nothing to decide
      kept.append(candidates[only])
      return
    }
    scratch.ordered.removeAll(keepingCapacity: true)
    var ranked = true
    for position in group {
      let rank = Self.rank(candidates[position])
      ranked = ranked && rank != nil
      scratch.ordered.append((rank ?? 0, position))
    }
    // Where a rank did not fit, all are 0 and every comparison reads the candidates.
    if !ranked {
      for index in scratch.ordered.indices { scratch.ordered[index].rank = 0 }
    }
    scratch.ordered.sort {
      $0.rank != $1.rank
        ? $0.rank < $1.rank
        : OverlapPolicy.wins(candidates[$0.position], over: candidates[$1.position])
    }
    var low = Int.max
    var high = Int.min
    for position in group {
      low = min(low, candidates[position].start)
      high = max(high, candidates[position].end)
    }
    scratch.owner.removeAll(keepingCapacity: true)
    scratch.owner.append(contentsOf: repeatElement(-1, count: high - low))
    scratch.keptHere.removeAll(keepingCapacity: true)
    for (_, position) in scratch.ordered {
      let span = candidates[position].start..<candidates[position].end
      if let taken = span.first(where: { scratch.owner[$0 - low] >= 0 }) {
        let winner = scratch.keptHere[Int(scratch.owner[taken - low])]
        beaten.append((candidates[position], by: candidates[winner]))
        continue
      }
      for point in span { scratch.owner[point - low] = Int32(scratch.keptHere.count) }
      scratch.keptHere.append(position)
    }
    scratch.keptHere.sort { candidates[$0].start < candidates[$1].start }
    for position in scratch.keptHere { kept.append(candidates[position]) }
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
