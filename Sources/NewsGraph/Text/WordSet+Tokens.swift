extension WordSet {
  /// Whether the text of `token` is in the set, as `contains(_:)` answers: looked up by its
  /// bytes and the hash the tokenizer worked out (`Token.textHash`), where `contains(_:)`
  /// hashed the text again.
  func contains(textOf token: borrowing Token) -> Bool {
    let text = token.text
    return text.utf8.withContiguousStorageIfAvailable {
      number(of: text, utf8: $0, hash: token.textHash, isASCII: token.isASCII) != nil
    } ?? contains(text)
  }
}
