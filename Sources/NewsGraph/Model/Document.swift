/// A document after analysis: its sentences, mentions and entities.
public struct Document: Sendable {
  /// A sentence: a range of tokens with its paragraph.
  public struct Sentence: Sendable, Hashable {
    public var tokens: Range<Int>
    public var paragraph: Int
    public var start: Int
    public var end: Int
  }

  public var id: String
  public var tokens: [Token]
  public var sentences: [Sentence]
  public var mentions: [Mention]
  public var entities: [Entity]
  /// Number of scalars in the input.
  public var length: Int

  public init(
    id: String, tokens: [Token], sentences: [Sentence], mentions: [Mention], entities: [Entity],
    length: Int
  ) {
    self.id = id
    self.tokens = tokens
    self.sentences = sentences
    self.mentions = mentions
    self.entities = entities
    self.length = length
  }
}
