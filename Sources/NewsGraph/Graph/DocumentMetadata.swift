/// What an input says about a document besides its text: JSON Lines `date`, `source`, `title`.
public struct DocumentMetadata: Sendable, Equatable {
  /// A calendar day, `YYYY-MM-DD`.
  public var date: String?
  /// The outlet or feed the article came from.
  public var source: String?
  public var title: String?

  public init(date: String? = nil, source: String? = nil, title: String? = nil) {
    self.date = date
    self.source = source
    self.title = title
  }
}
