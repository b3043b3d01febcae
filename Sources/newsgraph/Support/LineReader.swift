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
        if let newline = lineBreak(from: start) {
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
      if let newline = lineBreak(from: max(start, scanned)) {
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

  /// The offset of the first line break in `buffer` from `offset` on.
  ///
  /// `memchr` looks at many bytes an instruction; `firstIndex(of:)` took some ten
  /// instructions a byte.
  private func lineBreak(from offset: Int) -> Int? {
    buffer.withUnsafeBufferPointer { bytes in
      guard let base = bytes.baseAddress, offset < bytes.count,
        let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), bytes.count - offset)
      else { return nil }
      return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }
  }

  private func tooLong() -> Failure {
    Failure(
      "\(path == "-" ? "<stdin>" : path):\(lineNumber): error: line longer than \(Limits.size(maximumLineLength)); a JSON Lines record may be at most that long"
    )
  }

  /// Reads the next block after the unfinished line.
  ///
  /// The block is read into memory that is not zeroed first, and becomes the buffer when no
  /// line is unfinished: zeroing a block to read into and appending it cost two instructions
  /// a byte.
  private func fill() throws(Failure) {
    if start > 0 {
      bufferOffset += start
      buffer.removeFirst(start)
      scanned -= start
      start = 0
    }
    var readError: Int32 = 0
    let block = [UInt8](unsafeUninitializedCapacity: 1 << 20) { block, count in
      count = 0
      while let base = block.baseAddress {
        let got = read(fd, base, block.count)
        if got < 0 && errno == EINTR { continue }
        if got < 0 { readError = errno } else { count = got }
        return
      }
    }
    if readError != 0 {
      failed = true
      throw Failure(
        path: path == "-" ? "<stdin>" : path,
        "cannot read: \(String(cString: strerror(readError)).lowercased())")
    }
    if block.isEmpty {
      atEnd = true
    } else if buffer.isEmpty {
      buffer = block
    } else {
      buffer.append(contentsOf: block)
    }
  }
}
