/// Decides between candidates that overlap: the longest span wins, then the higher priority
/// (dictionary over rules), then the earlier start, then the type and id, so the choice never
/// depends on the order the matchers ran in.
public struct OverlapPolicy: Sendable {
  public init() {}

  /// The winners, sorted by position.
  public func resolve(_ candidates: [Candidate]) -> (kept: [Candidate], beaten: [(Candidate, by: Candidate)]) {
    let ordered = candidates.sorted { a, b in
      let la = a.end - a.start
      let lb = b.end - b.start
      if la != lb { return la > lb }
      if a.priority != b.priority { return a.priority > b.priority }
      if a.start != b.start { return a.start < b.start }
      if a.type != b.type { return a.type < b.type }
      return (a.entity ?? "") < (b.entity ?? "")
    }
    var kept: [Candidate] = []
    var beaten: [(Candidate, by: Candidate)] = []
    for candidate in ordered {
      if let winner = kept.first(where: { $0.start < candidate.end && candidate.start < $0.end }) {
        beaten.append((candidate, by: winner))
      } else {
        kept.append(candidate)
      }
    }
    kept.sort { $0.start < $1.start }
    return (kept, beaten)
  }
}
