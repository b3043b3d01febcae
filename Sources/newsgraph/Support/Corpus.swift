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

  /// Keys a record read by `flatArticle` may have at most: its five fields and a few others.
  static let keyLimit = 16

  /// The article of a record that is one flat object of strings and nulls, with an id, a text
  /// and a date that are all right, read straight from its bytes; nil for any other record,
  /// which the general reader then reads and reports on.
  ///
  /// The general reader builds a tree of values to look the fields up in, and makes the text a
  /// `String`, which checks its UTF-8 before `SourceText` decodes it again: half the cost of
  /// reading a record went to those. Here the text's bytes go to `SourceText` as they are
  /// decoded. Whatever the general reader would reject or read otherwise is left to it: a byte
  /// order mark, a value that is not a string or null, a duplicate key, more than `keyLimit`
  /// keys, a missing or empty id, a missing or oversized text, a bad date, and a text that
  /// `SourceText(utf8:)` reads otherwise than a `String` (a NUL, or a leading U+FEFF, which
  /// it makes a space).
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
    guard skip(to: UInt8(ascii: "{")) else { return nil }
    var keys: [String] = []
    keys.reserveCapacity(8)
    var id: String?
    var text: [UInt8]?
    var date: String?
    var source: String?
    var title: String?
    repeat {
      skipSpace()
      guard index < bytes.count, bytes[index] == quote,
        let (key, afterKey) = JSONReader.string(in: bytes, at: index),
        !keys.contains(key), keys.count < keyLimit
      else { return nil }
      keys.append(key)
      index = afterKey
      guard skip(to: UInt8(ascii: ":")) else { return nil }
      skipSpace()
      guard index < bytes.count else { return nil }
      if bytes[index...].starts(with: "null".utf8) {
        index += 4
      } else if bytes[index] != quote {
        return nil
      } else if key == "text" {
        guard let (utf8, end) = JSONReader.utf8(ofStringIn: bytes, at: index) else { return nil }
        text = utf8
        index = end
      } else {
        guard let (value, end) = JSONReader.string(in: bytes, at: index) else { return nil }
        switch key {
        case "id": id = value
        case "date": date = value
        case "source": source = value
        case "title": title = value
        default: break
        }
        index = end
      }
    } while skip(to: UInt8(ascii: ","))
    guard skip(to: UInt8(ascii: "}")) else { return nil }
    skipSpace()
    guard index == bytes.count, let id, !id.isEmpty, let text, text.count <= Limits.document,
      !text.starts(with: [0xEF, 0xBB, 0xBF])
    else { return nil }
    var metadata = DocumentMetadata(source: source, title: title)
    if let date {
      guard let day = CalendarDay(leadingDayOf: date) else { return nil }
      metadata.date = day.description
    }
    guard let decoded = try? SourceText(utf8: text) else { return nil }
    return (id, decoded, metadata)
  }
}
