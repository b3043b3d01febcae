/// Decides between candidates that overlap: the longest span wins, then the higher priority
/// (dictionary over rules), then the earlier start, then the type and id, so the choice never
/// depends on the order the matchers ran in.
public struct OverlapPolicy: Sendable {
  public init() {}

  /// The winners, sorted by position, and each loser with the candidate that beat it.
  ///
  /// Candidates never cross sentences, so each sentence is decided on its own, with an
  /// occupancy map of its code points: the work is linear in the candidates' lengths.
  public func resolve(_ candidates: [Candidate]) -> (
    kept: [Candidate], beaten: [(Candidate, by: Candidate)]
  ) {
    var bySentence: [Int: [Candidate]] = [:]
    for candidate in candidates where candidate.end > candidate.start {
      bySentence[candidate.sentence, default: []].append(candidate)
    }
    var kept: [Candidate] = []
    var beaten: [(Candidate, by: Candidate)] = []
    for sentence in bySentence.keys.sorted() {
      guard let group = bySentence[sentence] else { continue }
      let ordered = group.sorted { a, b in
        let la = a.end - a.start
        let lb = b.end - b.start
        if la != lb { return la > lb }
        if a.priority != b.priority { return a.priority > b.priority }
        if a.start != b.start { return a.start < b.start }
        if a.type != b.type { return a.type < b.type }
        if a.source != b.source { return a.source < b.source }
        return (a.entity ?? "") < (b.entity ?? "")
      }
      let low = group.map(\.start).min() ?? 0
      let high = group.map(\.end).max() ?? 0
      // owner[i] is the index in `keptHere` of the candidate holding code point low + i.
      var owner = [Int32](repeating: -1, count: high - low)
      var keptHere: [Candidate] = []
      for candidate in ordered {
        if let taken = (candidate.start..<candidate.end).first(where: { owner[$0 - low] >= 0 }) {
          beaten.append((candidate, by: keptHere[Int(owner[taken - low])]))
          continue
        }
        for point in candidate.start..<candidate.end { owner[point - low] = Int32(keptHere.count) }
        keptHere.append(candidate)
      }
      kept += keptHere.sorted { $0.start < $1.start }
    }
    return (kept, beaten)
  }
}
