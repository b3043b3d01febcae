#if canImport(Glibc)
  import Glibc
#endif

/// What the fuzz targets share: reading the dictionaries once, from `NEWSGRAPH_DICTIONARIES`
/// or `dictionaries/` in the working folder (`make fuzz` runs at the package root).
///
/// These files are compiled together with the library's sources into one module per target
/// (`scripts/fuzz.sh`), so they use the library's internal names without importing it.
enum FuzzSupport {
  static let recognizer: Recognizer = {
    let folder = getenv("NEWSGRAPH_DICTIONARIES").map { String(cString: $0) } ?? "dictionaries"
    var files: [(name: String, text: String)] = []
    for name in [
      "countries.tsv", "given-names.tsv", "organizations.tsv", "people.tsv",
      "places.tsv", "titles.tsv",
    ] {
      guard let bytes = read(folder + "/" + name),
        let text = String(validating: bytes, as: UTF8.self)
      else { continue }
      files.append((name, text))
    }
    guard let gazetteer = FuzzTargets.gazetteer(files: files) else {
      fatalError("the dictionaries in '\(folder)' do not load")
    }
    return Recognizer(gazetteer: gazetteer)
  }()

  static func read(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = fread(&buffer, 1, buffer.count, file)
      if count == 0 { return bytes }
      bytes += buffer[0..<count]
    }
  }

  static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
  }
}
