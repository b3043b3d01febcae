/// Input text as Unicode scalars, with a folded copy that matching uses.
///
/// Folding maps one scalar to one scalar (no-break spaces to spaces, curly quotes and
/// apostrophes to straight ones, dashes to "-"), so offsets in the folded text are offsets in
/// the input.
public struct SourceText: Sendable {
  public let original: [Unicode.Scalar]
  public let folded: [Unicode.Scalar]
  /// Each scalar of `original` as one byte: the scalar's value when the byte is below 0x80, and
  /// no scalar's (one beyond ASCII, or one changed after decoding) when it is 0x80 or above.
  ///
  /// Loops that read ASCII text eight scalars at a time (`printableASCII(_:at:)`) read eight of
  /// these bytes as one word, instead of gathering the low bytes of eight scalars. The decoder
  /// writes them with the scalars, sixteen ASCII bytes at a time.
  let ascii: [UInt8]

  public init(_ text: String) {
    var text = text
    // A string's UTF-8 is valid, so the decoder cannot fail (it stops only at a NUL, which a
    // string may hold): fall back to the scalars then.
    if let decoded = text.withUTF8({ SourceText.decode($0) }) {
      self.init(original: decoded.original, folded: decoded.folded, ascii: decoded.ascii)
      return
    }
    self.init(scalars: Array(text.unicodeScalars))
  }

  private init(original: [Unicode.Scalar], folded: [Unicode.Scalar], ascii: [UInt8]) {
    self.original = original
    self.folded = folded
    self.ascii = ascii
  }

  /// The text of `scalars`, folded and their bytes taken one by one.
  private init(scalars: [Unicode.Scalar]) {
    self.init(
      original: scalars, folded: scalars.map(SourceText.fold),
      ascii: scalars.map { $0.value < 0x80 ? UInt8($0.value) : 0x80 })
  }

  /// Decodes UTF-8 bytes, failing with the byte offset of the first invalid sequence.
  ///
  /// The same as the generic initializer, but without generic code in the way: called from
  /// another module, the generic one runs unspecialized at hundreds of instructions a byte.
  public init(utf8 bytes: [UInt8]) throws(TextError) {
    if var decoded = bytes.withUnsafeBufferPointer({ SourceText.decode($0) }) {
      // Its byte (0x80 or above) still says to read the scalar.
      if decoded.original.first == "\u{FEFF}" { decoded.original[0] = " " }
      self.init(original: decoded.original, folded: decoded.folded, ascii: decoded.ascii)
      return
    }
    // Invalid or binary: the general decoder finds and reports the first offending byte.
    try self.init(utf8: bytes[...])
  }

  /// The scalars of valid UTF-8, their folded forms and their bytes (`ascii`), or nil at the
  /// first invalid sequence or NUL byte. Checks what `String(validating:)` checks: no overlong
  /// forms, surrogates or values above U+10FFFF.
  ///
  /// Nearly every text folds to itself (no tab, carriage return, curly quote or the like): its
  /// folded scalars are then its scalars, the same storage, and no second array is made,
  /// written or freed. Only a text that folding changes is folded, in a pass of its own.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (
    original: [Unicode.Scalar], folded: [Unicode.Scalar], ascii: [UInt8]
  )? {
    var decoded: (count: Int, folds: Bool)? = (0, false)
    var ascii: [UInt8] = []
    let original = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { scalars, written in
      ascii = [UInt8](unsafeUninitializedCapacity: bytes.count) { asciiBytes, asciiCount in
        decoded = decode(bytes, into: scalars, ascii: asciiBytes)
        asciiCount = decoded?.count ?? 0
      }
      written = decoded?.count ?? 0
    }
    guard let decoded else { return nil }
    return (original, decoded.folds ? folded(original, ascii: ascii) : original, ascii)
  }

  /// Writes the scalars of `bytes` into `scalars` and their bytes into `ascii`, each with room
  /// for one a byte; returns how many, and whether folding changes any of them, or nil at the
  /// first invalid sequence or NUL byte.
  ///
  /// A function of its own, with its state in local variables: as captures of the closure that
  /// fills the array, they were loaded and stored at every byte.
  private static func decode(
    _ bytes: UnsafeBufferPointer<UInt8>, into scalars: UnsafeMutableBufferPointer<Unicode.Scalar>,
    ascii: UnsafeMutableBufferPointer<UInt8>
  ) -> (count: Int, folds: Bool)? {
    guard let base = UnsafeRawPointer(bytes.baseAddress),
      let scalarBase = UnsafeMutableRawPointer(scalars.baseAddress),
      let asciiBase = UnsafeMutableRawPointer(ascii.baseAddress)
    else { return (0, false) }
    let count = bytes.count
    let stride = MemoryLayout<Unicode.Scalar>.stride
    var written = 0
    var index = 0
    var folds = false
    /// Writes the scalars and bytes of the eight ASCII bytes at `index`, the scalars widened as
    /// a vector, at `written`.
    @inline(__always) func store(from index: Int, at written: Int) {
      let lanes = base.loadUnaligned(fromByteOffset: index, as: SIMD8<UInt8>.self)
      scalarBase.storeBytes(
        of: SIMD8<UInt32>(truncatingIfNeeded: lanes), toByteOffset: written &* stride,
        as: SIMD8<UInt32>.self)
      asciiBase.storeBytes(of: lanes, toByteOffset: written, as: SIMD8<UInt8>.self)
    }
    while index < count {
      // Sixteen bytes at a time while they are ASCII that the decoder takes and folding keeps,
      // then eight: no tests of each byte, and the loop's own test and count shared by sixteen
      // bytes, nearly a third of the work of eight.
      while index &+ 16 <= count,
        isKeptASCII(base.loadUnaligned(fromByteOffset: index, as: UInt64.self)),
        isKeptASCII(base.loadUnaligned(fromByteOffset: index &+ 8, as: UInt64.self))
      {
        store(from: index, at: written)
        store(from: index &+ 8, at: written &+ 8)
        index &+= 16
        written &+= 16
      }
      while index &+ 8 <= count,
        isKeptASCII(base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
      {
        store(from: index, at: written)
        index &+= 8
        written &+= 8
      }
      guard index < count else { break }
      let byte = bytes[index]
      if byte < 0x80 {
        if byte == 0 { return nil }
        scalars[written] = Unicode.Scalar(byte)
        ascii[written] = byte
        if byte == 0x09 || byte == 0x0D { folds = true }
        written &+= 1
        index &+= 1
        continue
      }
      let remaining = count - index
      let c1 = remaining > 1 ? bytes[index + 1] : 0
      var value: UInt32
      switch byte {
      case 0xC2...0xDF:
        guard c1 & 0xC0 == 0x80 else { return nil }
        value = UInt32(byte & 0x1F) << 6 | UInt32(c1 & 0x3F)
        index += 2
      case 0xE0...0xEF:
        let c2 = remaining > 2 ? bytes[index + 2] : 0
        let low: UInt8 = byte == 0xE0 ? 0xA0 : 0x80
        let high: UInt8 = byte == 0xED ? 0x9F : 0xBF
        guard c1 >= low, c1 <= high, c2 & 0xC0 == 0x80 else { return nil }
        value = UInt32(byte & 0x0F) << 12 | UInt32(c1 & 0x3F) << 6 | UInt32(c2 & 0x3F)
        index += 3
      case 0xF0...0xF4:
        let c2 = remaining > 2 ? bytes[index + 2] : 0
        let c3 = remaining > 3 ? bytes[index + 3] : 0
        let low: UInt8 = byte == 0xF0 ? 0x90 : 0x80
        let high: UInt8 = byte == 0xF4 ? 0x8F : 0xBF
        guard c1 >= low, c1 <= high, c2 & 0xC0 == 0x80, c3 & 0xC0 == 0x80 else { return nil }
        value =
          UInt32(byte & 0x07) << 18 | UInt32(c1 & 0x3F) << 12 | UInt32(c2 & 0x3F) << 6
          | UInt32(c3 & 0x3F)
        index += 4
      default:
        return nil
      }
      // Surrogates and values above U+10FFFF were rejected with their lead bytes already.
      guard let scalar = Unicode.Scalar(value) else { return nil }
      scalars[written] = scalar
      ascii[written] = 0x80
      if fold(scalar) != scalar { folds = true }
      written &+= 1
    }
    return (written, folds)
  }

  /// Whether the eight bytes of `word` are ASCII that the decoder takes and folding keeps: none
  /// is NUL, a tab, a carriage return, or 0x80 or above.
  @inline(__always) private static func isKeptASCII(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    // A tab (0x09) or a carriage return (0x0D), and no other byte below 0x80, is 0x0D with bit
    // 2 set: a zero byte once that is taken off by an exclusive or.
    let tabOrReturn = (word | 0x0404_0404_0404_0404) ^ 0x0D0D_0D0D_0D0D_0D0D
    // `(x - ones) & ~x` has a high bit set in some byte when, and only when, x has a zero byte.
    let zeros = (word &- ones) & ~word | (tabOrReturn &- ones) & ~tabOrReturn
    return (word | zeros) & 0x8080_8080_8080_8080 == 0
  }

  /// The folded forms of `scalars`, whose bytes (`ascii`) are `ascii`: a copy, each scalar
  /// folded but those of eight bytes that folding keeps, passed over together.
  private static func folded(_ scalars: [Unicode.Scalar], ascii: [UInt8]) -> [Unicode.Scalar] {
    var folded = scalars
    folded.withUnsafeMutableBufferPointer { folded in
      ascii.withUnsafeBufferPointer { ascii in
        guard let base = UnsafeRawPointer(ascii.baseAddress) else { return }
        var index = 0
        while index < ascii.count {
          if index &+ 8 <= ascii.count,
            isKeptASCII(base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
          {
            index &+= 8
            continue
          }
          folded[index] = fold(folded[index])
          index &+= 1
        }
      }
    }
    return folded
  }

  /// Decodes UTF-8 bytes, failing with the byte offset of the first invalid sequence.
  public init(utf8 bytes: some Collection<UInt8>) throws(TextError) {
    // Fast path: the standard library validates whole buffers far faster than scalar by scalar.
    if let string = String(validating: bytes, as: UTF8.self) {
      if let nul = bytes.firstIndex(of: 0) {
        throw .binary(byteOffset: bytes.distance(from: bytes.startIndex, to: nul))
      }
      var scalars = Array(string.unicodeScalars)
      if scalars.first == "\u{FEFF}" { scalars[0] = " " }
      self.init(scalars: scalars)
      return
    }
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(bytes.count)
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var offset = 0
    var pendingStart = 0
    // The decoder consumes whole sequences; count bytes by re-encoding each scalar.
    loop: while true {
      pendingStart = offset
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        if scalar.value == 0 { throw .binary(byteOffset: pendingStart) }
        scalars.append(scalar)
        offset += UTF8.width(scalar)
      case .emptyInput:
        break loop
      case .error:
        throw .invalidUTF8(byteOffset: pendingStart)
      }
    }
    if scalars.first == "\u{FEFF}" { scalars[0] = " " }
    self.init(scalars: scalars)
  }

  public var count: Int { original.count }

  /// The input text of a range, as it was written.
  public func text(_ range: Range<Int>) -> String {
    SourceText.string(original[range])
  }

  /// The folded text of a range.
  public func foldedText(_ range: Range<Int>) -> String {
    SourceText.string(folded[range])
  }

  /// A string of scalars, encoded as UTF-8 straight into the string's storage.
  ///
  /// Appending to a `String.UnicodeScalarView` goes through generic code one scalar at a time;
  /// token texts made that way cost nine times the tokenizer's own work.
  static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    scalars.withUnsafeBufferPointer { string($0) }
  }

  /// A string of scalars; one ASCII scalar (a punctuation token) is a string made in advance.
  static func string(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> String {
    if scalars.count == 1, scalars[0].value < 0x80 { return asciiStrings[Int(scalars[0].value)] }
    // Nearly every token is ASCII, a byte a scalar: told by the bits of all its scalars at once,
    // and copied without a pass for the length or a test of each scalar's width.
    var bits: UInt32 = 0
    for scalar in scalars { bits |= scalar.value }
    if bits < 0x80 { return asciiString(scalars) }
    var length = 0
    for scalar in scalars { length += UTF8.width(scalar) }
    return String(unsafeUninitializedCapacity: length) { buffer in
      var at = 0
      for scalar in scalars { at = encode(scalar, into: buffer, at: at) }
      return at
    }
  }

  /// A string of ASCII scalars, a byte each: the tokenizer, which tells a word ASCII as it
  /// joins it, makes its text without the test of every scalar that `string(_:)` makes.
  static func asciiString(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> String {
    asciiString(scalars, bytes: UnsafeBufferPointer(start: nil, count: 0))
  }

  /// `asciiString(_:)` of scalars whose `ascii` bytes are `bytes`, or no bytes.
  ///
  /// A word of two to sixteen scalars whose bytes are all below 0x80 (none folded to ASCII
  /// from beyond it), nearly every word, is its bytes: read as two words that overlap, tested
  /// at once and stored as they are, where taking a byte from each scalar in turn cost nearly
  /// half of what making the string costs. Inlined into the tokenizer, whose words of more than
  /// letters and digits come here: a call of its own cost a third of what it saves.
  @inline(__always) static func asciiString(
    _ scalars: UnsafeBufferPointer<Unicode.Scalar>, bytes: UnsafeBufferPointer<UInt8>
  ) -> String {
    let count = scalars.count
    if count == 1 { return asciiStrings[Int(scalars[0].value)] }
    if bytes.count == count, count <= 16, let source = bytes.baseAddress,
      let (head, tail) = overlappingWords(UnsafeRawPointer(source), count: count),
      (head | tail) & 0x8080_8080_8080_8080 == 0
    {
      return string(head, tail, count: count)
    }
    return String(unsafeUninitializedCapacity: count) { buffer in
      for index in scalars.indices {
        buffer[index] = UInt8(truncatingIfNeeded: scalars[index].value)
      }
      return count
    }
  }

  /// A string of the `count` (one or more) bytes at `source`, every one below 0x80: the
  /// tokenizer's word of ASCII letters and digits, nearly every token, which it read from
  /// `ascii` and so knows ASCII. Made as `asciiString(_:bytes:)` makes it, without its tests of
  /// the scalars' count and of the bytes' high bits; a string of one byte is taken from
  /// `singles`, the storage of `asciiStrings`, which the tokenizer reads once a block, since a
  /// static read at each token checks that it was made.
  @inline(__always) static func string(
    asciiBytes source: UnsafePointer<UInt8>, count: Int, singles: UnsafeBufferPointer<String>
  ) -> String {
    if count <= 16, let (head, tail) = overlappingWords(UnsafeRawPointer(source), count: count) {
      return string(head, tail, count: count)
    }
    if count == 1 { return singles[Int(source[0])] }
    return String(decoding: UnsafeBufferPointer(start: source, count: count), as: UTF8.self)
  }

  /// The string of the `count` bytes that `overlappingWords(_:count:)` read as `head` and
  /// `tail`, all below 0x80.
  ///
  /// The closure that stores them captures only the two words and the count, which the call
  /// passes on for less than the scalars and the bytes.
  @inline(__always) private static func string(_ head: UInt64, _ tail: UInt64, count: Int)
    -> String
  {
    String(unsafeUninitializedCapacity: count) { buffer in
      if let target = buffer.baseAddress {
        storeOverlappingWords(head, tail, to: UnsafeMutableRawPointer(target), count: count)
      }
      return count
    }
  }

  /// The first and the last eight, four or two of `count` (two to sixteen) bytes at `source`,
  /// the most that `count` has twice over, so that the two cover them all; nil for fewer.
  @inline(__always) private static func overlappingWords(
    _ source: UnsafeRawPointer, count: Int
  ) -> (UInt64, UInt64)? {
    if count >= 8 {
      return (
        source.loadUnaligned(as: UInt64.self),
        source.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
      )
    }
    if count >= 4 {
      return (
        UInt64(source.loadUnaligned(as: UInt32.self)),
        UInt64(source.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self))
      )
    }
    if count >= 2 {
      return (
        UInt64(source.loadUnaligned(as: UInt16.self)),
        UInt64(source.loadUnaligned(fromByteOffset: count &- 2, as: UInt16.self))
      )
    }
    return nil
  }

  /// Stores what `overlappingWords(_:count:)` read, the same `count` bytes.
  @inline(__always) private static func storeOverlappingWords(
    _ head: UInt64, _ tail: UInt64, to target: UnsafeMutableRawPointer, count: Int
  ) {
    if count >= 8 {
      target.storeBytes(of: head, as: UInt64.self)
      target.storeBytes(of: tail, toByteOffset: count &- 8, as: UInt64.self)
    } else if count >= 4 {
      target.storeBytes(of: UInt32(truncatingIfNeeded: head), as: UInt32.self)
      target.storeBytes(
        of: UInt32(truncatingIfNeeded: tail), toByteOffset: count &- 4, as: UInt32.self)
    } else {
      target.storeBytes(of: UInt16(truncatingIfNeeded: head), as: UInt16.self)
      target.storeBytes(
        of: UInt16(truncatingIfNeeded: tail), toByteOffset: count &- 2, as: UInt16.self)
    }
  }

  /// The string of each ASCII scalar, by value.
  static let asciiStrings = (0..<0x80).map { String(Unicode.Scalar(UInt8($0))) }

  /// Writes the UTF-8 bytes of a scalar at `at`; returns the position after them.
  @inline(__always)
  static func encode(
    _ scalar: Unicode.Scalar, into buffer: UnsafeMutableBufferPointer<UInt8>, at: Int
  )
    -> Int
  {
    let value = scalar.value
    if value < 0x80 {
      buffer[at] = UInt8(value)
      return at + 1
    }
    if value < 0x800 {
      buffer[at] = UInt8(0xC0 | value >> 6)
      buffer[at + 1] = UInt8(0x80 | value & 0x3F)
      return at + 2
    }
    if value < 0x1_0000 {
      buffer[at] = UInt8(0xE0 | value >> 12)
      buffer[at + 1] = UInt8(0x80 | value >> 6 & 0x3F)
      buffer[at + 2] = UInt8(0x80 | value & 0x3F)
      return at + 3
    }
    buffer[at] = UInt8(0xF0 | value >> 18)
    buffer[at + 1] = UInt8(0x80 | value >> 12 & 0x3F)
    buffer[at + 2] = UInt8(0x80 | value >> 6 & 0x3F)
    buffer[at + 3] = UInt8(0x80 | value & 0x3F)
    return at + 4
  }

  /// The input text of a range on one line: each line break (CR LF, LF, CR, VT, FF, NEL, LS,
  /// PS) becomes one space, as `Character.isNewline` sees them (line breaks are grapheme
  /// clusters of their own, CR LF being one), then `suffix`.
  func singleLineText(_ range: Range<Int>, suffix: String = "") -> String {
    // Encoded straight into the string, as `string(_:)` does: collecting the scalars in an array
    // first cost more than the rest of cutting an evidence sentence.
    var suffix = suffix
    return original.withUnsafeBufferPointer { original in
      ascii.withUnsafeBytes { ascii in
        suffix.withUTF8 { suffixBytes in
          // A line break becomes one byte, no more than it took: the scalars' width is enough.
          // Eight printable ASCII scalars, most of a sentence, are told by their bytes at once.
          // A range of nothing else, nearly every sentence, is its bytes: copied as one block.
          var capacity = suffixBytes.count + range.count
          var isPrintable = true
          var index = range.lowerBound
          while index < range.upperBound {
            if index &+ 8 <= range.upperBound, let ascii = ascii.baseAddress,
              SourceText.printableASCII(ascii, at: index) != nil
            {
              index &+= 8
              continue
            }
            // A byte from 0x80 (a scalar beyond ASCII, or one changed after decoding) or below
            // 0x20 is no scalar's own printable byte.
            if ascii[index] &- 0x20 >= 0x60 { isPrintable = false }
            capacity &+= UTF8.width(original[index]) &- 1
            index &+= 1
          }
          return String(unsafeUninitializedCapacity: capacity) { buffer in
            var at = 0
            var index = range.lowerBound
            if isPrintable, let base = buffer.baseAddress, let ascii = ascii.baseAddress {
              UnsafeMutableRawPointer(base).copyMemory(
                from: ascii + range.lowerBound, byteCount: range.count)
              at = range.count
              index = range.upperBound
            }
            while index < range.upperBound {
              // Eight printable ASCII scalars, most of a sentence, are their own eight bytes.
              if index &+ 8 <= range.upperBound, let base = buffer.baseAddress,
                let ascii = ascii.baseAddress,
                let bytes = SourceText.printableASCII(ascii, at: index)
              {
                UnsafeMutableRawPointer(base + at).storeBytes(
                  of: bytes.littleEndian, as: UInt64.self)
                at &+= 8
                index &+= 8
                continue
              }
              let scalar = original[index]
              // Printable ASCII, nearly every scalar, is its own byte.
              if scalar.value &- 0x20 < 0x60 {
                buffer[at] = UInt8(truncatingIfNeeded: scalar.value)
                at &+= 1
                index &+= 1
                continue
              }
              switch scalar.value {
              case 0x0D:
                at = SourceText.encode(" ", into: buffer, at: at)
                if index + 1 < range.upperBound, original[index + 1] == "\n" { index += 1 }
              case 0x0A, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                at = SourceText.encode(" ", into: buffer, at: at)
              default:
                at = SourceText.encode(scalar, into: buffer, at: at)
              }
              index += 1
            }
            for byte in suffixBytes {
              buffer[at] = byte
              at += 1
            }
            return at
          }
        }
      }
    }
  }

  /// The eight scalars of the original text from `index` as the bytes of one word, scalar `k`
  /// in byte `k`, when all are printable ASCII (U+0020 to U+007F); nil otherwise. `ascii` is the
  /// storage of `ascii`.
  ///
  /// Read and tested as one word: loops that copy or class text a scalar at a time take this
  /// first. Printable ASCII scalars are their own folded forms too (folding changes only tabs,
  /// carriage returns and scalars beyond ASCII).
  @inline(__always) static func printableASCII(_ ascii: UnsafeRawPointer, at index: Int)
    -> UInt64?
  {
    let bytes = UInt64(
      littleEndian: ascii.loadUnaligned(fromByteOffset: index, as: UInt64.self))
    // Every byte below 0x80, and at least 0x20: its sum with 0x60 reaches the high bit (a
    // byte below 0x80 plus one below 0x80 never carries out of its byte).
    let high: UInt64 = 0x8080_8080_8080_8080
    guard bytes & high == 0, (bytes &+ 0x6060_6060_6060_6060) & high == high else { return nil }
    return bytes
  }

  static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    if scalar.value < 0x80 { return scalar == "\t" || scalar == "\r" ? " " : scalar }
    switch scalar.value {
    case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0xFEFF: return " "
    case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC, 0x02BB, 0x00B4, 0x0060: return "'"
    case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return "\""
    case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return "-"
    case 0x2028, 0x2029, 0x0085: return "\n"
    default: return scalar
    }
  }
}

/// Why input text could not be read.
public enum TextError: Error, Equatable, CustomStringConvertible, Sendable {
  case invalidUTF8(byteOffset: Int)
  case binary(byteOffset: Int)

  public var description: String {
    switch self {
    case .invalidUTF8(let offset): "invalid UTF-8 at byte offset \(offset)"
    case .binary(let offset): "binary data (NUL byte) at byte offset \(offset)"
    }
  }
}
