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
  /// Where to look for the next line break: `buffer[start..<scanned]` has none.
  private var scanned = 0
  private(set) var lineNumber = 0
  /// Reading failed: no more lines.
  private var failed = false
  /// A line too long was reported and the rest of it is being skipped.
  private var discarding = false
  /// Bytes of one line at most; a longer line is an error, so that a file without line breaks
  /// cannot make the reader hold it whole.
  let maximumLineLength: Int

  /// Opens `path` ("-" for standard input).
  init(path: String, maximumLineLength: Int = Limits.jsonLine) throws(Failure) {
    self.path = path
    self.maximumLineLength = maximumLineLength
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
  ///
  /// A line longer than `maximumLineLength` is an error; the next call goes on after it. A
  /// read error ends the lines.
  func next() throws(Failure) -> (line: Int, offset: Int, bytes: [UInt8])? {
    while !failed {
      if discarding {
        if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
          start = newline + 1
          scanned = start
          discarding = false
          continue
        }
        bufferOffset += buffer.count
        buffer.removeAll(keepingCapacity: true)
        start = 0
        scanned = 0
        if atEnd { return nil }
        try fill()
        continue
      }
      if let newline = buffer[max(start, scanned)...].firstIndex(of: UInt8(ascii: "\n")) {
        var end = newline
        if end > start && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = Array(buffer[start..<end])
        let offset = bufferOffset + start
        start = newline + 1
        scanned = start
        lineNumber += 1
        guard line.count <= maximumLineLength else { throw tooLong() }
        return (lineNumber, offset, line)
      }
      scanned = buffer.count
      if atEnd {
        guard start < buffer.count else { return nil }
        var end = buffer.count
        if buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = Array(buffer[start..<end])
        let offset = bufferOffset + start
        start = buffer.count
        lineNumber += 1
        guard line.count <= maximumLineLength else { throw tooLong() }
        return (lineNumber, offset, line)
      }
      if buffer.count - start > maximumLineLength + 1 {
        lineNumber += 1
        discarding = true
        throw tooLong()
      }
      try fill()
    }
    return nil
  }

  private func tooLong() -> Failure {
    Failure(
      "\(path == "-" ? "<stdin>" : path):\(lineNumber): error: line longer than \(Limits.size(maximumLineLength)); a JSON Lines record may be at most that long"
    )
  }

  private func fill() throws(Failure) {
    if start > 0 {
      bufferOffset += start
      buffer.removeFirst(start)
      scanned -= start
      start = 0
    }
    var block = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = block.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        failed = true
        throw Failure(
          path: path == "-" ? "<stdin>" : path,
          "cannot read: \(String(cString: strerror(errno)).lowercased())")
      }
      if count == 0 { atEnd = true } else { buffer.append(contentsOf: block[0..<count]) }
      return
    }
  }
}
