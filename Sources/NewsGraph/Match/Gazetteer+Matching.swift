extension Gazetteer.Entries {
  /// An entry's population, without building the whole entry.
  func population(at position: Int) -> Int { Int(populations[position]) }

  /// Whether an entry is a national capital, without building the whole entry.
  func isCapital(at position: Int) -> Bool { kind(at: position) & Flag.capital.rawValue != 0 }
}
