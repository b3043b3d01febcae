extension Gazetteer.Entries {
  /// An entry's population, without building the whole entry.
  func population(at position: Int) -> Int { Int(populations[position]) }

  /// Whether an entry is a national capital, without building the whole entry.
  func isCapital(at position: Int) -> Bool { kind(at: position) & Flag.capital.rawValue != 0 }

  /// Whether an entry is a small town or one named like a person, which needs context.
  func isMinor(at position: Int) -> Bool { kind(at: position) & Flag.minor.rawValue != 0 }
}
