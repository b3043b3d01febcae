/// A run of text that the pipeline reads: a paragraph line, a heading, a credit or a byline.
public struct TextBlock: Sendable, Hashable {
  /// What the line is, decided by its shape.
  public enum Kind: String, Sendable, Hashable {
    /// Running text: sentences.
    case prose
    /// A short line without end punctuation: a title or heading.
    case heading
    /// A photo or image credit ("REUTERS/Alexei Druzhinin"): names split by "/".
    case credit
  }

  /// Code-point range in the input.
  public var range: Range<Int>
  public var paragraph: Int
  public var kind: Kind
  /// Whether nearly every letter is upper case (a headline or dateline in capitals).
  public var isAllCaps: Bool
  /// Whether nearly every word is capitalized (a title-case headline).
  public var isTitleCase: Bool
}

/// A line the furniture filter dropped, and why.
public struct DroppedLine: Sendable, Hashable {
  public var range: Range<Int>
  public var reason: String
}
