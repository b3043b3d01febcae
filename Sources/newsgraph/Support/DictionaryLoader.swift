import NewsGraph

/// Finds and reads the dictionaries and compiles them into one gazetteer.
enum DictionaryLoader {
  /// The folder of built-in dictionaries: `--dictionaries`, `$NEWSGRAPH_DICTIONARIES`, the
  /// install's `share/newsgraph/dictionaries`, a `dictionaries/` folder above the program (a
  /// build in the source tree), or `./dictionaries`.
  static func folder(_ options: DictionaryOptions) throws(Failure) -> String {
    if let folder = options.dictionaryFolder {
      guard FileIO.isDirectory(folder) else {
        throw Failure(path: folder, "no such dictionary folder")
      }
      return folder
    }
    if let folder = getenvString("NEWSGRAPH_DICTIONARIES") {
      guard FileIO.isDirectory(folder) else {
        throw Failure(path: folder, "no such dictionary folder (from NEWSGRAPH_DICTIONARIES)")
      }
      return folder
    }
    var candidates: [String] = []
    if let exe = FileIO.executablePath() {
      var parts = exe.split(separator: "/").map(String.init)
      parts.removeLast()
      candidates.append(
        "/" + (parts.dropLast() + ["share", "newsgraph", "dictionaries"]).joined(separator: "/"))
      while !parts.isEmpty {
        candidates.append("/" + (parts + ["dictionaries"]).joined(separator: "/"))
        parts.removeLast()
      }
    }
    candidates.append("dictionaries")
    for candidate in candidates where FileIO.exists(candidate + "/titles.tsv") {
      return candidate
    }
    throw Failure(
      "newsgraph: error: cannot find the dictionaries folder; pass --dictionaries DIR or set NEWSGRAPH_DICTIONARIES"
    )
  }

  /// The gazetteer of the run. The built-in dictionaries come compiled from the cache (see
  /// `GazetteerCache`) when their files and the program are unchanged, and are compiled and
  /// cached otherwise; `NEWSGRAPH_CACHE=0` turns the cache off. A user's dictionaries are read
  /// from text every time and added to the compiled built-in ones.
  static func gazetteer(_ options: DictionaryOptions) throws(Failure) -> Gazetteer {
    var files: [String] = []
    if !options.noBuiltIn {
      let folder = try folder(options)
      files = FileIO.list(folder).filter { $0.hasSuffix(".tsv") }.sorted().map { folder + "/" + $0 }
    }
    let builtIn: Gazetteer
    if !files.isEmpty, getenvString("NEWSGRAPH_CACHE") != "0",
      let cacheFolder = GazetteerCache.defaultFolder(environment: getenvString),
      let key = GazetteerCache.key(
        files: files + [FileIO.executablePath() ?? ""].filter { !$0.isEmpty })
    {
      builtIn = try GazetteerCache(folder: cacheFolder).gazetteer(key: key) {
        () throws(Failure) in try compile(files: files)
      }
    } else {
      builtIn = try compile(files: files)
    }
    guard !options.userDictionaries.isEmpty else { return builtIn }
    let parser = DictionaryParser()
    var user: [DictionaryEntry] = []
    for path in options.userDictionaries {
      let text = try readUTF8(path)
      do { user += try parser.entries(in: text, file: path) } catch {
        throw Failure(error.description)
      }
    }
    return Gazetteer(base: builtIn, userEntries: user)
  }

  /// Reads the built-in files (`titles.tsv` and `given-names.tsv` are word lists, every other
  /// file an entity dictionary) and compiles them.
  private static func compile(files: [String]) throws(Failure) -> Gazetteer {
    let parser = DictionaryParser()
    var builtIn: [DictionaryEntry] = []
    var titles: [(String, Gazetteer.TitleKind)] = []
    var givenNames: [String] = []
    for path in files {
      let text = try readUTF8(path)
      switch path.split(separator: "/").last.map(String.init) ?? path {
      case "titles.tsv":
        titles = try wordList(text, path: path, columns: ["title", "kind"]).map {
          row throws(Failure) in
          guard let kind = Gazetteer.TitleKind(rawValue: row.fields[1]) else {
            throw Failure(
              "\(path):\(row.line):1: error: unknown title kind '\(row.fields[1])' (expected role or honorific)"
            )
          }
          return (row.fields[0], kind)
        }
      case "given-names.tsv":
        givenNames = try wordList(text, path: path, columns: ["name"]).map { $0.fields[0] }
      default:
        do { builtIn += try parser.entries(in: text, file: path) } catch {
          throw Failure(error.description)
        }
      }
    }
    return Gazetteer(entries: builtIn, titles: titles, givenNames: givenNames)
  }

  /// A dictionary file's text, of at most `Limits.dictionary` bytes.
  private static func readUTF8(_ path: String) throws(Failure) -> String {
    var bytes = try FileIO.read(path, limit: Limits.dictionary, what: "a dictionary")
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    if let encoding = FileIO.unicodeEncoding(bytes) {
      throw Failure(
        path: path,
        "\(encoding) text (it starts with a byte order mark); dictionaries are UTF-8: convert it with 'iconv -f \(encoding) -t UTF-8'"
      )
    }
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    do {
      _ = try SourceText(utf8: bytes)
    } catch {
      throw Failure(path: path, error.description)
    }
    throw Failure(path: path, "invalid UTF-8")
  }

  /// Rows of a headed TSV word list with the named columns first.
  private static func wordList(_ text: String, path: String, columns: [String]) throws(Failure)
    -> [(line: Int, fields: [String])]
  {
    var rows: [(Int, [String])] = []
    var header: [String]?
    let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    for (index, rawLine) in lines.enumerated() {
      let line = rawLine.last == UInt8(ascii: "\r") ? rawLine.dropLast() : rawLine
      if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
      let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
      if header == nil {
        header = fields
        guard Array(fields.prefix(columns.count)) == columns else {
          throw Failure(
            "\(path):\(index + 1):1: error: header must start with \(columns.joined(separator: ", "))"
          )
        }
        continue
      }
      guard fields.count >= columns.count, !fields[0].isEmpty else {
        throw Failure(
          "\(path):\(index + 1):1: error: expected \(columns.count) tab-separated fields")
      }
      rows.append((index + 1, fields))
    }
    return rows
  }
}

#if canImport(Glibc)
  import Glibc
#endif

func getenvString(_ name: String) -> String? {
  guard let value = getenv(name) else { return nil }
  let text = String(cString: value)
  return text.isEmpty ? nil : text
}
