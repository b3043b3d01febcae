import NewsGraph

/// The articles named on the command line, expanded: files, folders walked for their `*.txt`
/// (or, with `--jsonl`, `*.jsonl`) files in path order, JSON Lines files, standard input.
struct Corpus {
  enum Input {
    /// A text file and its document id.
    case text(path: String, id: String)
    /// Standard input as one article.
    case standardInput
    /// A JSON Lines file (or "-"), one article a line.
    case jsonLines(path: String)
  }

  var inputs: [Input]
  /// Bytes of all inputs, when known (not for standard input).
  var totalBytes: Int?
  /// Text files among the inputs (JSON Lines files hold an unknown number of articles).
  var knownDocuments: Int?

  /// Expands paths. A folder gives the files below it (hidden ones and symbolic links to
  /// folders skipped), each with its path below the folder, without extension, as its id.
  ///
  /// - Parameter sizes: Whether the sizes of the files found in folders are wanted (for the
  ///   progress bar, `totalBytes`); without them the walk asks no `stat` of a file its folder
  ///   says is one, and `totalBytes` is nil when a folder is given.
  static func expand(_ paths: [String], jsonl: Bool, sizes: Bool = true) throws(Failure)
    -> Corpus
  {
    var inputs: [Input] = []
    var bytes = 0
    var sizesKnown = true
    var jsonLines = false
    for path in paths {
      if path == "-" {
        inputs.append(jsonl ? .jsonLines(path: "-") : .standardInput)
        sizesKnown = false
        jsonLines = jsonLines || jsonl
        continue
      }
      let kind = FileIO.kind(path)
      if kind == .folder {
        let suffix = jsonl ? ".jsonl" : ".txt"
        let found = walk(path, suffix: suffix, sizes: sizes)
        sizesKnown = sizesKnown && sizes
        guard !found.isEmpty else {
          throw Failure(path: path, "no \(suffix) files in this folder")
        }
        for (relative, size) in found {
          let file = (path.hasSuffix("/") ? path : path + "/") + relative
          bytes += size
          if jsonl {
            inputs.append(.jsonLines(path: file))
            jsonLines = true
          } else {
            inputs.append(.text(path: file, id: String(relative.dropLast(suffix.count))))
          }
        }
        continue
      }
      if case .file(let size) = kind { bytes += size }
      if jsonl || path.lowercased().hasSuffix(".jsonl") {
        inputs.append(.jsonLines(path: path))
        jsonLines = true
      } else {
        inputs.append(.text(path: path, id: Articles.documentID(path)))
      }
    }
    return Corpus(
      inputs: inputs, totalBytes: sizesKnown ? bytes : nil,
      knownDocuments: jsonLines ? nil : inputs.count)
  }

  /// Relative paths of the regular files ending in `suffix` below `folder`, with their sizes
  /// (0 unless `sizes`), sorted by path (byte order).
  static func walk(_ folder: String, suffix: String, sizes: Bool = true) -> [(
    path: String, size: Int
  )] {
    var result: [(path: String, size: Int)] = []
    func visit(_ relative: String) {
      let base = folder.hasSuffix("/") ? folder : folder + "/"
      for (name, type) in FileIO.entries(base + relative) where !name.hasPrefix(".") {
        let child = relative.isEmpty ? name : relative + "/" + name
        // The folder's own word for a folder, or for a file whose size is not wanted; a link,
        // or an entry it gives no type, is asked (`stat` follows a link to what it names).
        switch type {
        case .folder:
          visit(child)
          continue
        case .file where !sizes:
          if name.hasSuffix(suffix) { result.append((child, 0)) }
          continue
        default:
          break
        }
        let full = base + child
        switch FileIO.kind(full) {
        case .folder:
          if !FileIO.isSymbolicLink(full) { visit(child) }
        case .file(let size) where name.hasSuffix(suffix):
          result.append((child, size))
        default:
          break
        }
      }
    }
    visit("")
    // The views are compared in place: an array of each path's bytes made at every comparison
    // cost more than the walk itself in a folder of tens of thousands of files.
    return result.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
  }
}

/// One article to analyze, as the corpus reader hands it to a worker.
enum CorpusItem: Sendable {
  case text(path: String, id: String)
  case standardInput(bytes: [UInt8])
  case jsonLine(path: String, line: Int, bytes: [UInt8])
  /// A failure found while reading the corpus, reported in input order like any other.
  case failure(Failure)

  /// Bytes the item stands for, for the progress bar.
  var size: Int {
    switch self {
    case .text(let path, _): FileIO.fileSize(path) ?? 0
    case .standardInput(let bytes): bytes.count
    case .jsonLine(_, _, let bytes): bytes.count + 1
    case .failure: 0
    }
  }

  /// The article's id, text and metadata.
  func article() throws(Failure) -> (id: String, text: SourceText, metadata: DocumentMetadata) {
    switch self {
    case .text(let path, let id):
      return (id, try FileIO.readText(path), DocumentMetadata())
    case .standardInput(let bytes):
      return ("stdin", try FileIO.text(bytes, path: "-"), DocumentMetadata())
    case .jsonLine(let path, let line, let bytes):
      return try JSONLinesRecord.article(bytes, file: path == "-" ? "<stdin>" : path, line: line)
    case .failure(let failure):
      throw failure
    }
  }
}

/// One line of a JSON Lines corpus: `{"id": ..., "text": ..., "date"?, "source"?, "title"?}`.
enum JSONLinesRecord {
  typealias Article = (id: String, text: SourceText, metadata: DocumentMetadata)

  static func article(_ bytes: [UInt8], file: String, line: Int) throws(Failure) -> Article {
    if let article = bytes.withUnsafeBufferPointer({ flatArticle($0) }) { return article }
    let reader = JSONReader(file: file, firstLine: line)
    let value: JSONValue
    do {
      value = try reader.value(bytes)
    } catch {
      throw Failure(error.description)
    }
    func fail(_ at: JSONValue, _ message: String) -> Failure {
      Failure("\(reader.position(at.offset, in: bytes)): error: \(message)")
    }
    guard value.members != nil else {
      throw fail(
        value, "expected an article object {\"id\": ..., \"text\": ...}, found \(value.typeName)")
    }
    func string(_ key: String, required: Bool) throws(Failure) -> String? {
      guard let field = value[key], field.kind != .null else {
        if required { throw fail(value, "the article has no '\(key)' field") }
        return nil
      }
      guard let text = field.string else {
        throw fail(field, "'\(key)' must be a string, not \(field.typeName)")
      }
      return text
    }
    guard let id = try string("id", required: true), !id.isEmpty else {
      throw fail(value["id"] ?? value, "'id' is empty")
    }
    let text = try string("text", required: true) ?? ""
    if text.utf8.count > Limits.document {
      throw fail(
        value["text"] ?? value,
        "'text' is \(Limits.tooBig(text.utf8.count, limit: Limits.document, what: "a document"))")
    }
    var metadata = DocumentMetadata(
      source: try string("source", required: false), title: try string("title", required: false))
    if let date = try string("date", required: false) {
      guard let day = CalendarDay(leadingDayOf: date) else {
        throw fail(
          value["date"] ?? value,
          "'date' must be a day (YYYY-MM-DD) or an ISO 8601 timestamp, not '\(date)'")
      }
      metadata.date = day.description
    }
    return (id, SourceText(text), metadata)
  }

  /// Keys other than its fields a record read by `flatArticle` may have at most.
  static let otherKeyLimit = 16

  /// The fields of an article, in the order of their bits in `flatArticle`.
  static let fields = ["id", "text", "date", "source", "title"]
  /// The bytes of each field's name as one word, as `word(_:)` makes it.
  static let fieldWords = fields.map { word($0.utf8) }

  /// The bytes of a key of at most eight bytes as one word, the first the lowest, or nil.
  ///
  /// A key of the record is told from the others by one compare a field: comparing its bytes
  /// as collections cost 140 instructions a key.
  static func word(_ key: some Collection<UInt8>) -> UInt64? {
    guard key.count <= 8 else { return nil }
    var word: UInt64 = 0
    for (offset, byte) in key.enumerated() { word |= UInt64(byte) << (8 * offset) }
    return word
  }

  /// The article of a record that is one flat object of strings and nulls, with an id, a text
  /// and a date that are all right, read straight from its bytes; nil for any other record,
  /// which the general reader then reads and reports on.
  ///
  /// The general reader builds a tree of values to look the fields up in, and makes the text a
  /// `String`, which checks its UTF-8 before `SourceText` decodes it again: half the cost of
  /// reading a record went to those. Here the text's bytes go to `SourceText` as they are
  /// decoded, a key of plain ASCII is told by its bytes, and a value of plain ASCII is made a
  /// string of its bytes. Whatever the general reader would reject or read otherwise is left
  /// to it: a byte order mark, a value that is not a string or null, a duplicate key, more
  /// than `otherKeyLimit` other keys, a missing or empty id, a missing or oversized text, a
  /// bad date, and a text that `SourceText(utf8:)` reads otherwise than a `String` (a NUL, or
  /// a leading U+FEFF, which it makes a space).
  static func flatArticle(_ bytes: UnsafeBufferPointer<UInt8>) -> Article? {
    let quote = UInt8(ascii: "\"")
    var index = 0
    func skipSpace() {
      while index < bytes.count {
        switch bytes[index] {
        case 0x20, 0x09, 0x0A, 0x0D: index += 1
        default: return
        }
      }
    }
    /// Skips white space and reads `byte`; false when something else is there.
    func skip(to byte: UInt8) -> Bool {
      skipSpace()
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
      return true
    }
    /// The offset of the closing quote of the string at `index` when it is plain ASCII (no
    /// escape, control character or multibyte sequence), its bytes its text; else nil.
    func plainClose() -> Int? {
      var at = index + 1
      while at < bytes.count {
        let byte = bytes[at]
        if byte == quote { return at }
        guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
        at += 1
      }
      return nil
    }
    /// The string at `index`, which it moves past; nil when it is not a valid string.
    func string() -> String? {
      if let close = plainClose() {
        defer { index = close + 1 }
        return String(
          decoding: UnsafeBufferPointer(rebasing: bytes[index + 1..<close]), as: UTF8.self)
      }
      guard let (string, end) = JSONReader.string(in: bytes, at: index) else { return nil }
      index = end
      return string
    }
    guard skip(to: UInt8(ascii: "{")) else { return nil }
    var values: (id: String?, date: String?, source: String?, title: String?) = (nil, nil, nil, nil)
    var text: [UInt8]?
    /// The bits of the fields read, in the order of `fields`.
    var read = 0
    var others: [String] = []
    repeat {
      skipSpace()
      guard index < bytes.count, bytes[index] == quote else { return nil }
      let field: Int?
      if let close = plainClose() {
        let key = bytes[index + 1..<close]
        let word = word(key)
        field = word.flatMap { word in fieldWords.firstIndex(of: word) }
        if field == nil {
          others.append(String(decoding: UnsafeBufferPointer(rebasing: key), as: UTF8.self))
        }
        index = close + 1
      } else {
        guard let key = string() else { return nil }
        field = fields.firstIndex(of: key)
        if field == nil { others.append(key) }
      }
      if let field {
        guard read & 1 << field == 0 else { return nil }
        read |= 1 << field
      } else if others.count > otherKeyLimit || others.dropLast().contains(others[others.count - 1])
      {
        return nil
      }
      guard skip(to: UInt8(ascii: ":")) else { return nil }
      skipSpace()
      guard index < bytes.count else { return nil }
      if bytes[index] == UInt8(ascii: "n") {
        guard bytes[index...].starts(with: "null".utf8) else { return nil }
        index += 4
        continue
      }
      guard bytes[index] == quote else { return nil }
      if field == 1 {
        guard let (utf8, end) = JSONReader.utf8(ofStringIn: bytes, at: index) else { return nil }
        text = utf8
        index = end
        continue
      }
      guard let value = string() else { return nil }
      switch field {
      case 0: values.id = value
      case 2: values.date = value
      case 3: values.source = value
      case 4: values.title = value
      default: break
      }
    } while skip(to: UInt8(ascii: ","))
    guard skip(to: UInt8(ascii: "}")) else { return nil }
    skipSpace()
    guard index == bytes.count, let id = values.id, !id.isEmpty, let text,
      text.count <= Limits.document, !text.starts(with: [0xEF, 0xBB, 0xBF])
    else { return nil }
    var metadata = DocumentMetadata(source: values.source, title: values.title)
    if let date = values.date {
      guard let day = CalendarDay(leadingDayOf: date) else { return nil }
      metadata.date = day.description
    }
    guard let decoded = try? SourceText(utf8: text) else { return nil }
    return (id, decoded, metadata)
  }
}
