import NewsGraph

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading inputs and writing outputs, with errors that name the file.
enum FileIO {
  /// The bytes of a file, or of standard input for "-".
  static func read(_ path: String) throws(Failure) -> [UInt8] {
    if path == "-" { return readAll(fd: 0) ?? [] }
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw Failure(path: path, errno == ENOENT ? "no such file" : "cannot read: \(errorText())")
    }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      throw Failure(path: path, "is a directory, not a file")
    }
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw Failure(path: path, "cannot read: \(errorText())") }
    defer { close(fd) }
    guard let bytes = readAll(fd: fd, sizeHint: Int(info.st_size)) else {
      throw Failure(path: path, "cannot read: \(errorText())")
    }
    return bytes
  }

  /// A file's text as UTF-8, with the byte offset of any invalid sequence.
  static func readText(_ path: String) throws(Failure) -> SourceText {
    let bytes = try read(path)
    do {
      return try SourceText(utf8: bytes)
    } catch {
      throw Failure(path: path == "-" ? "<stdin>" : path, error.description)
    }
  }

  private static func readAll(fd: Int32, sizeHint: Int = 0) -> [UInt8]? {
    var result: [UInt8] = []
    result.reserveCapacity(max(sizeHint, 0) + 1)
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if count == 0 { return result }
      result.append(contentsOf: buffer[0..<count])
    }
  }

  /// Writes to a temporary file beside `path`, then renames it into place, so a failure never
  /// leaves a half-written file; "-" writes to standard output.
  static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
    if path == "-" {
      guard writeAll(fd: 1, bytes) else { throw Failure("<stdout>: error: \(errorText())") }
      return
    }
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
        defer { close(fd) }
        guard writeAll(fd: fd, bytes) else {
          throw Failure(path: path, "cannot write: \(errorText())")
        }
        return
      }
    }
    if stat(folder.isEmpty ? "/" : folder, &info) != 0 {
      throw Failure(path: path, "cannot write: folder '\(folder)' does not exist")
    }
    let temporary = "\(folder.isEmpty ? "" : folder)/.\(name).\(getpid()).tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw Failure(path: path, "cannot write: \(errorText())") }
    let written = writeAll(fd: fd, bytes)
    let failure = errorText()
    let closed = close(fd) == 0
    guard written, closed else {
      unlink(temporary)
      throw Failure(path: path, "cannot write: \(written ? errorText() : failure)")
    }
    guard rename(temporary, path) == 0 else {
      let message = errorText()
      unlink(temporary)
      throw Failure(path: path, "cannot write: \(message)")
    }
  }

  static func write(_ text: String, to path: String) throws(Failure) {
    try write(Array(text.utf8), to: path)
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
      offset += count
    }
    return true
  }

  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
  }

  /// File names in a folder, sorted.
  static func list(_ folder: String) -> [String] {
    guard let dir = opendir(folder) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  /// The running program's path.
  static func executablePath() -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard count > 0 else { return nil }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  private static func errorText() -> String {
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
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Int(info.st_size)
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
