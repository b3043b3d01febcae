#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file or standard input line by line in large blocks, so a JSON Lines corpus of any
/// size streams through in constant memory.
final class LineReader {
  let path: String
  private let fd: Int32
  private let owned: Bool
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false
  /// Byte offset of `buffer[0]` in the file, for messages.
  private var bufferOffset = 0
  private(set) var lineNumber = 0

  /// Opens `path` ("-" for standard input).
  init(path: String) throws(Failure) {
    self.path = path
    if path == "-" {
      fd = 0
      owned = false
      return
    }
    if FileIO.isDirectory(path) { throw Failure(path: path, "is a directory, not a file") }
    let opened = open(path, O_RDONLY)
    guard opened >= 0 else {
      throw Failure(
        path: path,
        errno == ENOENT
          ? "no such file" : "cannot read: \(String(cString: strerror(errno)).lowercased())")
    }
    fd = opened
    owned = true
  }

  deinit {
    if owned { close(fd) }
  }

  /// The next line without its line break (a final `\r` dropped too), its 1-based number and
  /// the byte offset where it starts; nil at the end.
  func next() throws(Failure) -> (line: Int, offset: Int, bytes: [UInt8])? {
    while true {
      if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
        var end = newline
        if end > start && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = Array(buffer[start..<end])
        let offset = bufferOffset + start
        start = newline + 1
        lineNumber += 1
        return (lineNumber, offset, line)
      }
      if atEnd {
        guard start < buffer.count else { return nil }
        var end = buffer.count
        if buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = Array(buffer[start..<end])
        let offset = bufferOffset + start
        start = buffer.count
        lineNumber += 1
        return (lineNumber, offset, line)
      }
      try fill()
    }
  }

  private func fill() throws(Failure) {
    if start > 0 {
      bufferOffset += start
      buffer.removeFirst(start)
      start = 0
    }
    var block = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = block.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw Failure(
          path: path == "-" ? "<stdin>" : path,
          "cannot read: \(String(cString: strerror(errno)).lowercased())")
      }
      if count == 0 { atEnd = true } else { buffer.append(contentsOf: block[0..<count]) }
      return
    }
  }
}
