#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Keeps compiled gazetteers between runs, so start-up reads one file instead of parsing the
/// dictionaries and building the tries again.
///
/// A cache file is named by a key made of the source files' paths, sizes and modification times
/// (and whatever else the caller adds, such as the program's own), so changing any dictionary
/// file, or installing a new program, makes a new key and the gazetteer is compiled again.
/// Everything here is best effort: a missing, unreadable, damaged or foreign file is ignored and
/// the gazetteer is compiled from text; a folder that cannot be written is not an error.
///
/// This is the one library type that touches files: it lives here so the tests can exercise it.
public struct GazetteerCache: Sendable {
  /// The folder holding the cache files.
  public var folder: String
  /// How many cache files to keep; older ones are removed when a new one is written.
  public var keep = 4

  public init(folder: String) {
    self.folder = folder
  }

  /// `$XDG_CACHE_HOME/newsgraph`, else `$HOME/.cache/newsgraph`; nil when neither is set.
  public static func defaultFolder(environment: (String) -> String?) -> String? {
    if let xdg = environment("XDG_CACHE_HOME"), xdg.hasPrefix("/") { return xdg + "/newsgraph" }
    if let home = environment("HOME"), !home.isEmpty { return home + "/.cache/newsgraph" }
    return nil
  }

  /// A key for the files' current state, or nil when one of them cannot be examined.
  public static func key(files: [String], salt: String = "") -> String? {
    var text = "newsgraph gazetteer \(Gazetteer.binaryVersion)\n\(salt)\n"
    for path in files {
      var info = stat()
      guard stat(path, &info) == 0 else { return nil }
      text += "\(path)\t\(info.st_size)\t\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\n"
    }
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// The path of the cache file for `key`.
  public func path(key: String) -> String { folder + "/gazetteer-" + key + ".bin" }

  /// The cached gazetteer for `key`, or nil when there is none or it cannot be used.
  public func load(key: String) -> Gazetteer? {
    let fd = open(path(key: key), O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0,
      info.st_size < 1 << 31
    else { return nil }
    // Mapped rather than read: the gazetteer uses its tables where they are in the mapping,
    // which it keeps until it is released (the file is replaced by rename, never rewritten).
    guard let memory = FlatMemory(mapping: fd, size: Int(info.st_size)) else { return nil }
    return Gazetteer(memory: memory, count: memory.size)
  }

  /// Writes the gazetteer for `key`, if the folder can be made and written; never fails.
  ///
  /// The file is written under a temporary name and renamed into place, so a reader never sees
  /// half a file, and two runs writing at once both leave a whole one.
  @discardableResult
  public func store(_ gazetteer: Gazetteer, key: String) -> Bool {
    guard Self.makeFolders(folder) else { return false }
    let target = path(key: key)
    let temporary = target + ".\(getpid()).tmp"
    let bytes = gazetteer.serialized()
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { return false }
    var written = 0
    let complete = bytes.withUnsafeBytes { raw -> Bool in
      while written < raw.count {
        let count = write(fd, raw.baseAddress?.advanced(by: written), raw.count - written)
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { return false }
        written += count
      }
      return true
    }
    guard close(fd) == 0, complete, rename(temporary, target) == 0 else {
      unlink(temporary)
      return false
    }
    removeOld(except: target)
    return true
  }

  /// The cached gazetteer for `key`, or the one `compile` makes, which is then stored.
  public func gazetteer<E: Error>(key: String, compile: () throws(E) -> Gazetteer) throws(E)
    -> Gazetteer
  {
    if let cached = load(key: key) { return cached }
    let gazetteer = try compile()
    store(gazetteer, key: key)
    return gazetteer
  }

  /// Removes all but the `keep` newest cache files.
  private func removeOld(except current: String) {
    guard let dir = opendir(folder) else { return }
    var files: [(path: String, time: Int)] = []
    while let item = readdir(dir) {
      let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name.hasPrefix("gazetteer-"), name.hasSuffix(".bin") else { continue }
      let path = folder + "/" + name
      var info = stat()
      guard path != current, stat(path, &info) == 0 else { continue }
      files.append((path, Int(info.st_mtim.tv_sec)))
    }
    closedir(dir)
    for file in files.sorted(by: { $0.time > $1.time }).dropFirst(max(keep - 1, 0)) {
      unlink(file.path)
    }
  }

  private static func makeFolders(_ path: String) -> Bool {
    var info = stat()
    if stat(path, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFDIR }
    if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
      guard makeFolders(String(path[..<slash])) else { return false }
    }
    return mkdir(path, 0o755) == 0 || errno == EEXIST
  }
}
