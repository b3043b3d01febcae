/// The labels of a gazetteer's entries, each made a `String` once for all the documents that
/// one resolver reads.
///
/// `Gazetteer.Entries.label(at:)` makes a new string from the table's bytes each time, and the
/// resolver asks it for every dictionary entity of every document: most news names the same
/// countries, cities and people again, whose labels are now read from an array and retained.
/// The labels of one gazetteer only: given another one, the table forgets them.
struct EntryLabels: Sendable {
  /// The gazetteer whose labels are kept, held so that its tables outlive the table.
  private var gazetteer: Gazetteer?
  /// By entry: the index of its label in `labels` plus one, or 0 before it is asked.
  private var slots: [Int32] = []
  /// The labels made, in the order they were asked for.
  private var labels: [String] = []

  init() {}

  /// The label of the entry at `entry` of `gazetteer`.
  mutating func label(at entry: Int, in gazetteer: Gazetteer) -> String {
    if !(self.gazetteer?.isIdentical(to: gazetteer) ?? false) {
      self.gazetteer = gazetteer
      slots = [Int32](repeating: 0, count: gazetteer.entries.count)
      labels.removeAll()
    }
    let slot = Int(slots[entry])
    if slot > 0 { return labels[slot - 1] }
    let label = gazetteer.entries.label(at: entry)
    labels.append(label)
    slots[entry] = Int32(truncatingIfNeeded: labels.count)
    return label
  }
}
