import NewsGraph

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading inputs and writing outputs, with errors that name the file.
enum FileIO {
  /// The bytes of a file, or of standard input for "-"; at most `limit` bytes, so that no
  /// input can make the program allocate without bound (`what` names the kind in the message).
  static func read(_ path: String, limit: Int = Int.max, what: String = "a file") throws(Failure)
    -> [UInt8]
  {
    let shown = path == "-" ? "<stdin>" : path
    if path == "-" {
      guard let bytes = readAll(fd: 0, limit: limit) else {
        throw Failure(path: shown, "cannot read: \(errorText())")
      }
      guard bytes.count <= limit else {
        throw Failure(path: shown, Limits.tooBig(nil, limit: limit, what: what))
      }
      return bytes
    }
    // Opened first, then read before it is asked what it is: a file shorter than `firstRead`
    // bytes (nearly every article) takes this read and the one that finds its end, and no
    // `fstat`, which was one of five system calls an article cost. (A `stat` of the path before
    // the `open` walked the path twice.) A folder opens for reading too, and fails the read.
    let fd = path.withCString { open($0, O_RDONLY) }
    guard fd >= 0 else {
      throw Failure(path: path, errno == ENOENT ? "no such file" : "cannot read: \(errorText())")
    }
    defer { close(fd) }
    guard let (start, atEnd) = fill(fd: fd, capacity: min(firstRead, limit) + 1) else {
      if errno == EISDIR { throw Failure(path: path, "is a directory, not a file") }
      throw Failure(path: path, "cannot read: \(errorText())")
    }
    // The end before the buffer was full: at most `limit` bytes.
    if atEnd { return start }
    // Longer: its size says whether it may be read, and how much room the rest takes.
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw Failure(path: path, "cannot read: \(errorText())") }
    let isRegular = (info.st_mode & S_IFMT) == S_IFREG
    if isRegular && Int(info.st_size) > limit {
      throw Failure(path: path, Limits.tooBig(Int(info.st_size), limit: limit, what: what))
    }
    var bytes = start
    var restAtEnd = false
    if isRegular {
      // The rest read at its size, and one byte more to find the end.
      guard let rest = fill(fd: fd, capacity: max(Int(info.st_size) - bytes.count, 0) + 1)
      else { throw Failure(path: path, "cannot read: \(errorText())") }
      bytes += rest.bytes
      restAtEnd = rest.atEnd
    }
    // A pipe, a device or a file that grew: the rest in chunks.
    guard restAtEnd || readRest(fd: fd, into: &bytes, limit: limit) else {
      throw Failure(path: path, "cannot read: \(errorText())")
    }
    guard bytes.count <= limit else {
      // A pipe, a device, or a file that grew while it was read.
      throw Failure(path: path, Limits.tooBig(nil, limit: limit, what: what))
    }
    return bytes
  }

  /// The bytes a file is first read into: more than nearly every news article, and not so many
  /// that the buffer each takes while it is analyzed matters (`read(_:limit:what:)`).
  static let firstRead = 32 << 10

  /// A document's text as UTF-8, with the byte offset of any invalid sequence; at most
  /// `Limits.document` bytes.
  static func readText(_ path: String) throws(Failure) -> SourceText {
    try text(try read(path, limit: Limits.document, what: "a document"), path: path)
  }

  /// Decodes a document's bytes; UTF-16 and UTF-32 (told by their byte order mark) are named,
  /// since they would otherwise be reported as invalid UTF-8 at byte 0.
  static func text(_ bytes: [UInt8], path: String) throws(Failure) -> SourceText {
    let shown = path == "-" ? "<stdin>" : path
    if let encoding = unicodeEncoding(bytes) {
      throw Failure(
        path: shown,
        "\(encoding) text (it starts with a byte order mark); newsgraph reads UTF-8: convert it with 'iconv -f \(encoding) -t UTF-8'"
      )
    }
    do {
      return try SourceText(utf8: bytes)
    } catch {
      throw Failure(path: shown, error.description)
    }
  }

  /// "UTF-16" or "UTF-32" when the bytes start with that encoding's byte order mark.
  static func unicodeEncoding(_ bytes: [UInt8]) -> String? {
    if bytes.starts(with: [0xFF, 0xFE, 0, 0]) || bytes.starts(with: [0, 0, 0xFE, 0xFF]) {
      return "UTF-32"
    }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16" }
    return nil
  }

  /// Reads to the end, or until more than `limit` bytes are read (then it returns `limit + 1`
  /// bytes or a little more, which the caller reports as too big); nil on a read error.
  private static func readAll(fd: Int32, limit: Int) -> [UInt8]? {
    guard let first = fill(fd: fd, capacity: min(firstRead, limit) + 1) else { return nil }
    if first.atEnd { return first.bytes }
    var bytes = first.bytes
    return readRest(fd: fd, into: &bytes, limit: limit) ? bytes : nil
  }

  /// Reads into a new array of `capacity` bytes until it is full or the file ends, and says
  /// which; nil on a read error. The bytes are read straight into the array: a zeroed buffer
  /// for every article cost more than reading it.
  private static func fill(fd: Int32, capacity: Int) -> (bytes: [UInt8], atEnd: Bool)? {
    var failed = false
    var atEnd = false
    let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
      count = 0
      while count < buffer.count, let base = buffer.baseAddress {
        let read = Glibc.read(fd, base + count, buffer.count - count)
        if read < 0 {
          if errno == EINTR { continue }
          failed = true
          return
        }
        if read == 0 {
          atEnd = true
          return
        }
        count += read
      }
    }
    return failed ? nil : (bytes, atEnd)
  }

  /// Reads the rest of a file onto `bytes`, to its end or until they are more than `limit`;
  /// false on a read error.
  private static func readRest(fd: Int32, into bytes: inout [UInt8], limit: Int) -> Bool {
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while bytes.count <= limit {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return false
      }
      if count == 0 { return true }
      bytes.append(contentsOf: chunk[0..<count])
    }
    return true
  }

  /// Writes to a temporary file beside `path`, then renames it into place, so a failure never
  /// leaves a half-written file; "-" writes to standard output.
  static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
    try write([(bytes, path)])
  }

  static func write(_ text: String, to path: String) throws(Failure) {
    try write(Array(text.utf8), to: path)
  }

  /// Writes several files as one: each to a temporary file beside it, and only when all are
  /// written are they renamed into place (CSV's nodes and edges), so a failure leaves every
  /// previous file as it was. A temporary file is removed if the program is stopped by a
  /// signal meanwhile (`TemporaryFiles`), and one that a killed run left behind is removed by
  /// the next write to the same file.
  static func write(_ files: [(bytes: [UInt8], path: String)]) throws(Failure) {
    var pending: [(temporary: String, path: String, slot: Int)] = []
    func abandon() {
      for item in pending {
        unlink(item.temporary)
        TemporaryFiles.release(item.slot)
      }
    }
    for (bytes, path) in files {
      do {
        if let temporary = try writeTemporary(bytes, for: path) { pending.append(temporary) }
      } catch {
        abandon()
        throw error
      }
    }
    for (index, item) in pending.enumerated() {
      guard rename(item.temporary, item.path) == 0 else {
        let message = errorText()
        abandon()
        throw Failure(path: item.path, "cannot write: \(message)")
      }
      TemporaryFiles.release(item.slot)
      pending[index].slot = -1
    }
  }

  /// Writes `bytes` to a new temporary file beside `path` and returns it, or writes a device,
  /// a pipe or standard output in place and returns nil.
  private static func writeTemporary(_ bytes: [UInt8], for path: String) throws(Failure)
    -> (temporary: String, path: String, slot: Int)?
  {
    let target = try openOutput(path)
    let written = writeAll(fd: target.fd, bytes)
    let failure = errorText()
    let closed = target.fd == 1 || close(target.fd) == 0
    guard written, closed else {
      let message = written ? errorText() : failure
      target.abandon()
      throw Failure(
        path == "-" ? "<stdout>: error: \(message)" : "\(path): error: cannot write: \(message)")
    }
    guard let temporary = target.temporary else { return nil }
    return (temporary, path, target.slot)
  }

  /// Where an output is written: an open descriptor on a new temporary file beside the output
  /// (`temporary`, registered in `slot` of `TemporaryFiles`), or on standard output, a device
  /// or a pipe, written in place (`temporary` nil).
  struct OutputTarget {
    var fd: Int32
    var temporary: String?
    var slot = -1

    /// Removes the temporary file and forgets it; the descriptor is the caller's to close.
    func abandon() {
      guard let temporary else { return }
      unlink(temporary)
      TemporaryFiles.release(slot)
    }
  }

  /// Opens the output `path` ("-": standard output): a regular file (or one that does not exist
  /// yet) through a new temporary file beside it, to be renamed into place once written;
  /// anything else in place.
  static func openOutput(_ path: String) throws(Failure) -> OutputTarget {
    if path == "-" { return OutputTarget(fd: 1, temporary: nil) }
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    guard !name.isEmpty else { throw Failure(path: path, "is a folder, not a file name") }
    var info = stat()
    if stat(path, &info) == 0 {
      if (info.st_mode & S_IFMT) == S_IFDIR {
        throw Failure(path: path, "is a directory, not a file")
      }
      if (info.st_mode & S_IFMT) != S_IFREG {
        // A device or a pipe (/dev/null, /dev/stdout): nothing to replace, write in place.
        let fd = open(path, O_WRONLY)
        guard fd >= 0 else { throw Failure(path: path, "cannot write: \(errorText())") }
        return OutputTarget(fd: fd, temporary: nil)
      }
    }
    let folderPath = folder.isEmpty ? "/" : folder
    if stat(folderPath, &info) != 0 {
      throw Failure(path: path, "cannot write: folder '\(folder)' does not exist")
    }
    removeStaleTemporaries(of: name, in: folderPath)
    let temporary = "\(folder.isEmpty ? "" : folder)/\(temporaryPrefix(name))\(getpid()).tmp"
    // Registered before it exists, so that a signal from now on removes it.
    let slot = TemporaryFiles.claim(temporary)
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else {
      let message = errorText()
      TemporaryFiles.release(slot)
      throw Failure(path: path, "cannot write: \(message)")
    }
    return OutputTarget(fd: fd, temporary: temporary, slot: slot)
  }

  /// An output written a piece at a time, as a run produces it: to a temporary file beside
  /// the output, renamed into place by `commit()` once all is written, so that a run that fails
  /// or is stopped by a signal leaves no half-written file (nor any change to one that was
  /// there); standard output, a device or a pipe is written in place, piece by piece.
  ///
  /// Not safe to use from several threads at once: its user writes from one at a time.
  final class StreamingOutput {
    let path: String
    private var target: OutputTarget?

    init(_ path: String) throws(Failure) {
      self.path = path
      target = try FileIO.openOutput(path)
    }

    /// Appends `bytes` to the output.
    func write(_ bytes: [UInt8]) throws(Failure) {
      guard let target else { return }
      guard FileIO.writeAll(fd: target.fd, bytes) else { throw failure(FileIO.errorText()) }
    }

    /// Closes the output and renames the temporary file into place.
    func commit() throws(Failure) {
      guard let target else { return }
      self.target = nil
      if target.fd != 1 && close(target.fd) != 0 {
        let message = FileIO.errorText()
        target.abandon()
        throw failure(message)
      }
      guard let temporary = target.temporary else { return }
      guard rename(temporary, path) == 0 else {
        let message = FileIO.errorText()
        target.abandon()
        throw failure(message)
      }
      TemporaryFiles.release(target.slot)
    }

    /// Closes the output and removes the temporary file: the output is left as it was.
    func discard() {
      guard let target else { return }
      self.target = nil
      if target.fd != 1 { close(target.fd) }
      target.abandon()
    }

    deinit { discard() }

    private func failure(_ message: String) -> Failure {
      path == "-"
        ? Failure("<stdout>: error: \(message)") : Failure(path: path, "cannot write: \(message)")
    }
  }

  /// Temporary files of `name` are `.NAME.PID.tmp`.
  static func temporaryPrefix(_ name: String) -> String { ".\(name)." }

  /// Removes `.NAME.PID.tmp` files of processes that no longer run: what a run killed by
  /// SIGKILL (or a power cut) left behind.
  static func removeStaleTemporaries(of name: String, in folder: String) {
    let prefix = temporaryPrefix(name)
    for entry in list(folder) where entry.hasPrefix(prefix) && entry.hasSuffix(".tmp") {
      let digits = entry.dropFirst(prefix.count).dropLast(4)
      guard let pid = Int32(digits), pid > 0, pid != getpid() else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + "/" + entry) }
    }
  }

  fileprivate static func writeAll(fd: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let count = bytes.withUnsafeBytes { raw -> Int in
        guard let base = raw.baseAddress else { return 0 }
        return Glibc.write(fd, base + offset, raw.count - offset)
      }
      if count < 0 {
        if errno == EINTR { continue }
        return false
      }
      if count == 0 {
        errno = EIO
        return false
      }
      offset += count
    }
    return true
  }

  static func isDirectory(_ path: String) -> Bool {
    guard let info = status(path) else { return false }
    return (info.st_mode & S_IFMT) == S_IFDIR
  }

  static func exists(_ path: String) -> Bool {
    status(path) != nil
  }

  /// The `stat` of a path, or nil (and `errno` says why).
  ///
  /// The path is handed to C in place (`withCString`): passed as a `String`, it was copied
  /// into a new array of C characters for every call, several times a document.
  private static func status(_ path: String) -> stat? {
    var info = stat()
    return path.withCString { stat($0, &info) } == 0 ? info : nil
  }

  /// File names in a folder, sorted.
  static func list(_ folder: String) -> [String] {
    entries(folder).map(\.name)
  }

  /// What a folder's entry is, as the folder itself says (`d_type`): a walk that trusts it asks
  /// no `stat` of a file or folder, only of a link or of an entry whose file system does not say.
  enum EntryType: Equatable {
    case folder
    case file
    /// A symbolic link, or a type the folder does not give: `kind(_:)` tells.
    case other
  }

  /// The names in a folder (without "." and ".."), sorted, each with its type; none when it
  /// cannot be read.
  static func entries(_ folder: String) -> [(name: String, type: EntryType)] {
    guard let dir = opendir(folder) else { return [] }
    defer { closedir(dir) }
    var entries: [(name: String, type: EntryType)] = []
    while let entry = readdir(dir) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      guard name != "." && name != ".." else { continue }
      let type: EntryType =
        switch Int32(entry.pointee.d_type) {
        case Int32(DT_DIR): .folder
        case Int32(DT_REG): .file
        default: .other
        }
      entries.append((name, type))
    }
    return entries.sorted { $0.name < $1.name }
  }

  /// The running program's path.
  static func executablePath() -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard count > 0 else { return nil }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  fileprivate static func errorText() -> String {
    String(cString: strerror(errno)).lowercased()
  }

  /// Writes a line to standard error.
  static func printError(_ text: String) {
    _ = writeAll(fd: 2, Array((text + "\n").utf8))
  }
}

extension FileIO {
  static func makeFolder(_ path: String) throws(Failure) {
    guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
      throw Failure(
        path: path, "cannot create folder: \(String(cString: strerror(errno)).lowercased())")
    }
  }
}

extension FileIO {
  /// The size of a regular file, or nil.
  static func fileSize(_ path: String) -> Int? {
    guard case .file(let size) = kind(path) else { return nil }
    return size
  }

  /// What a path is (symbolic links followed), from one `stat`.
  enum Kind: Equatable {
    case folder
    /// A regular file of `size` bytes.
    case file(size: Int)
    /// A device, a pipe, a socket.
    case other
  }

  /// What `path` is, or nil when it cannot be told (it does not exist, or a folder on its way
  /// cannot be searched): a folder walk asks this once of each name, where it asked whether it
  /// was a folder and then its size, a `stat` each.
  static func kind(_ path: String) -> Kind? {
    guard let info = status(path) else { return nil }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: return .folder
    case S_IFREG: return .file(size: Int(info.st_size))
    default: return .other
    }
  }

  /// Whether the path itself is a symbolic link (not followed).
  static func isSymbolicLink(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
  }

  /// Whether a file descriptor is a terminal (the progress bar shows only there).
  static func isTerminal(_ fd: Int32) -> Bool {
    isatty(fd) == 1
  }

  /// Writes text to standard error without a line break (the progress bar redraws a line).
  static func printErrorRaw(_ text: String) {
    _ = writeAll(fd: 2, Array(text.utf8))
  }

  /// Seconds on a monotonic clock.
  static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
