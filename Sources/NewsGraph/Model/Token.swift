/// One token of a document: a word, a number or a punctuation mark.
///
/// Offsets are Unicode code points from the start of the input, end exclusive. `text` is the
/// folded form (curly quotes, dashes and no-break spaces replaced) that matching uses.
public struct Token: Sendable, Hashable {
  /// What a token is made of.
  public enum Kind: UInt8, Sendable, Hashable {
    case word
    case number
    case possessive
    case punctuation
    case symbol
    case url
  }

  public var text: String {
    didSet { traits = Traits(text: text, kind: kind, spaceBefore: spaceBefore) }
  }
  public var start: Int
  public var end: Int
  public var kind: Kind {
    get { traits.kind }
    set { traits = Traits(text: text, kind: newValue, spaceBefore: spaceBefore) }
  }
  /// Whether white space (or the start of the text) comes right before the token.
  public var spaceBefore: Bool {
    get { traits.spaceBefore }
    set { traits.spaceBefore = newValue }
  }
  /// The kind, the space before, the case tests, the one ASCII character and what the lookups
  /// ask of the text's bytes, worked out once and packed in one word: rules ask them of every
  /// token, often many times, and copy tokens often (a token of four stored fields is copied
  /// inline, one of more through a call).
  private var traits: Traits

  public init(text: String, start: Int, end: Int, kind: Kind, spaceBefore: Bool) {
    self.text = text
    self.start = start
    self.end = end
    traits = Traits(text: text, kind: kind, spaceBefore: spaceBefore)
  }

  /// A token whose text is `scalars`, as the tokenizer makes it: the case tests read the
  /// traits of the scalars, which the tokenizer joined as it read them (`traits`, and `first`
  /// those of the first scalar), rather than the new string. `hasHyphen` is whether the scalars
  /// hold a hyphen, which the tokenizer knows from joining the word, and `joined` what it found
  /// of an ASCII word's bytes as it joined them (nil: the scalars are read again for it).
  init(
    text: String, scalars: UnsafeBufferPointer<Unicode.Scalar>, first: ScalarTraits,
    traits: ScalarTraits, start: Int, end: Int, kind: Kind, spaceBefore: Bool, hasHyphen: Bool,
    joined: JoinedBytes? = nil
  ) {
    self.text = text
    self.start = start
    self.end = end
    self.traits = Traits(
      text: text, scalars: scalars, first: first, traits: traits, kind: kind,
      spaceBefore: spaceBefore, hasHyphen: hasHyphen, joined: joined)
  }

  /// A word or number of ASCII letters and digits alone, as the tokenizer makes nearly every
  /// token: `first` is the traits of its first byte, `firstByte`, and `rest` those of the
  /// others joined; `hash` is the `StringTable.hash(_:)` of its bytes.
  ///
  /// Such a text has no hyphen, no period and no byte beyond ASCII, so its traits are a few
  /// operations on those bits, without the tests of the scalars that a token of any text makes.
  /// In debug builds (the tests) each is checked against the token made from its text.
  init(
    asciiWord text: String, start: Int, end: Int, first: ScalarTraits, rest: ScalarTraits,
    hash: UInt32, firstByte: UInt8, spaceBefore: Bool
  ) {
    self.text = text
    self.start = start
    self.end = end
    traits = Traits(
      asciiWordOf: end - start, first: first, rest: rest, hash: hash, firstByte: firstByte,
      spaceBefore: spaceBefore)
    assert(
      self == Token(text: text, start: start, end: end, kind: kind, spaceBefore: spaceBefore),
      "the traits of the ASCII word \"\(text)\" are not its text's")
  }

  /// A mark of one ASCII scalar, `value`, at `start`, whose string is `text`, as the tokenizer
  /// makes nearly every punctuation or symbol token: its hash is one step of the tables' hash
  /// and its facts those of its one byte, without the tests of its scalars that a token of any
  /// text makes. In debug builds (the tests) each is checked against the token made from its
  /// text.
  init(asciiMark text: String, at start: Int, value: UInt8, kind: Kind, spaceBefore: Bool) {
    self.text = text
    self.start = start
    end = start + 1
    traits = Traits(asciiMark: value, kind: kind, spaceBefore: spaceBefore)
    assert(
      self == Token(text: text, start: start, end: end, kind: kind, spaceBefore: spaceBefore),
      "the traits of the ASCII mark \"\(text)\" are not its text's")
  }

  /// What the tokenizer finds of an ASCII word's or number's bytes as it joins its scalars:
  /// their `StringTable.hash(_:)`, and the traits of the scalars after the first. With whether a
  /// hyphen joined it, they are all that `textHash` and the facts of the bytes need, without a
  /// pass of their own over the scalars.
  struct JoinedBytes {
    var hash: UInt32
    var rest: ScalarTraits
  }

  /// Whether the first letter is upper case ("Putin", "US", "al-Sisi" is not).
  public var isCapitalized: Bool { traits.shape.contains(.capitalized) }

  /// Whether the token has letters and none of them is lower case ("REUTERS", "U.S.").
  public var isAllCaps: Bool { traits.shape.contains(.allCaps) }

  /// Whether the first letter is lower case.
  public var isLowercase: Bool { traits.shape.contains(.lowercase) }

  /// "Boston-based", "US-led": a hyphen followed by a lower-case word.
  public var hasLowercaseSuffix: Bool { traits.shape.contains(.lowercaseSuffix) }

  /// Whether a word's last scalar is a period: true of every word whose text ends with a
  /// period and false of nearly every other word, so that a check of the text can follow it.
  var endsInPeriodScalar: Bool { traits.shape.contains(.endsInPeriod) }

  /// The text's one byte when it is one ASCII character, else 0.
  ///
  /// The sentence splitter asks every token whether it is a quote, a bracket or a period: a
  /// byte answers without the comparison of characters that `==` makes, and as exactly, since
  /// no other text is canonically equivalent to one ASCII character but ";", "`" and "K"
  /// (U+037E, U+1FEF and U+212A).
  var asciiCharacter: UInt8 { traits.asciiCharacter }

  /// Whether the sentence splitter has anything to ask of the token: whether it is a mark, a
  /// word whose last scalar is a period, or a quote. Nearly every token is none, and is passed
  /// over with this one test of its bits instead of the tests of its kind and character.
  var mayEndSentenceOrQuote: Bool { traits.mayEndSentenceOrQuote }

  /// `StringTable.hash(_:)` of the text's UTF-8 bytes: the lookups find the text with it in
  /// their tables, and the tokenizer works it out from the scalars it has at hand rather than
  /// the lookups from the text.
  var textHash: UInt32 { traits.textHash }

  /// Whether every byte of the text is ASCII.
  var isASCII: Bool { traits.isASCII }

  /// Whether the text has a hyphen.
  var containsHyphen: Bool { traits.containsHyphen }

  /// Whether the kind is `.number`: one test of the kind's bits, where `kind` makes a `Kind`
  /// of them first.
  var isNumber: Bool { traits.isNumber }

  /// Whether an ASCII capital follows the text's first byte ("REUTERS", "McCain").
  var hasCapitalAfterFirst: Bool { traits.hasCapitalAfterFirst }

  /// One word of bits: a struct of several small fields is copied field by field.
  private struct Traits: Sendable, Hashable {
    /// The kind in bits 0-7, the shape in 8-15, the ASCII character in 16-23, the space
    /// before in bit 24, the facts of the bytes in 25-27 and their hash in 32-63.
    private var bits: UInt64

    var kind: Kind { Kind(rawValue: UInt8(truncatingIfNeeded: bits)) ?? .word }
    var shape: Shape { Shape(rawValue: UInt8(truncatingIfNeeded: bits >> 8)) }
    var asciiCharacter: UInt8 { UInt8(truncatingIfNeeded: bits >> 16) }
    var spaceBefore: Bool {
      get { bits & 1 << 24 != 0 }
      set { bits = bits & ~(1 << 24) | (newValue ? 1 << 24 : 0) }
    }
    var isASCII: Bool { bits & 1 << 25 == 0 }
    var containsHyphen: Bool { bits & 1 << 26 != 0 }
    var isNumber: Bool { bits & 0xFF == UInt64(Kind.number.rawValue) }
    var hasCapitalAfterFirst: Bool { bits & 1 << 27 != 0 }
    var textHash: UInt32 { UInt32(truncatingIfNeeded: bits >> 32) }
    var mayEndSentenceOrQuote: Bool {
      let kind = bits & 0xFF
      return kind == UInt64(Kind.punctuation.rawValue)
        || kind == UInt64(Kind.word.rawValue)
          && bits & UInt64(Shape.endsInPeriod.rawValue) << 8 != 0
        || asciiCharacter == UInt8(ascii: "\"")
    }

    private init(
      kind: Kind, shape: Shape, asciiCharacter: UInt8, spaceBefore: Bool, bytes: Bytes
    ) {
      bits =
        UInt64(kind.rawValue) | UInt64(shape.rawValue) << 8 | UInt64(asciiCharacter) << 16
        | (spaceBefore ? 1 << 24 : 0) | (bytes.isASCII ? 0 : 1 << 25)
        | (bytes.containsHyphen ? 1 << 26 : 0) | (bytes.hasCapitalAfterFirst ? 1 << 27 : 0)
        | UInt64(bytes.hash) << 32
    }

    /// The traits of a word or number of `count` ASCII letters and digits, as
    /// `Token.init(asciiWord:start:end:first:rest:hash:firstByte:spaceBefore:)` gives them.
    ///
    /// A number's digits are no letters and have no case, so the word's shape is the empty
    /// shape of a number as well.
    @inline(__always) init(
      asciiWordOf count: Int, first: ScalarTraits, rest: ScalarTraits, hash: UInt32,
      firstByte: UInt8, spaceBefore: Bool
    ) {
      let joined = first.union(rest)
      var shape: Shape = []
      if first.contains(.upper) { shape.insert(.capitalized) }
      if first.contains(.lower) { shape.insert(.lowercase) }
      if joined.contains(.letter) && !joined.contains(.lower) { shape.insert(.allCaps) }
      self.init(
        kind: joined.contains(.notDigit) ? .word : .number, shape: shape,
        asciiCharacter: count == 1 ? firstByte : 0, spaceBefore: spaceBefore,
        bytes: Bytes(
          hash: hash, isASCII: true, containsHyphen: false,
          hasCapitalAfterFirst: rest.contains(.upper)))
    }

    /// The traits of a mark of one ASCII scalar, `value`, of a kind with no shape.
    @inline(__always) init(asciiMark value: UInt8, kind: Kind, spaceBefore: Bool) {
      self.init(
        kind: kind, shape: [], asciiCharacter: value, spaceBefore: spaceBefore,
        bytes: Bytes(
          hash: StringTable.hash(StringTable.hashSeed, value), isASCII: true,
          containsHyphen: value == UInt8(ascii: "-"), hasCapitalAfterFirst: false))
    }

    init(text: String, kind: Kind, spaceBefore: Bool) {
      let utf8 = text.utf8
      let first = utf8.first ?? 0x80
      self.init(
        kind: kind,
        shape: kind == .word
          ? Array(text.unicodeScalars).withUnsafeBufferPointer { Shape(word: $0) } : [],
        asciiCharacter: utf8.count == 1 && first < 0x80 ? first : 0, spaceBefore: spaceBefore,
        bytes: Bytes(utf8: utf8))
    }

    init(
      text: String, scalars: UnsafeBufferPointer<Unicode.Scalar>, first: ScalarTraits,
      traits: ScalarTraits, kind: Kind, spaceBefore: Bool, hasHyphen: Bool, joined: JoinedBytes?
    ) {
      // An ASCII capital is `ScalarTraits.upper`, and a word has a hyphen only where one joined it.
      let bytes =
        joined.map {
          Bytes(
            hash: $0.hash, isASCII: true, containsHyphen: hasHyphen,
            hasCapitalAfterFirst: $0.rest.contains(.upper))
        } ?? Bytes(text: text, scalars: scalars)
      // The tokenizer works the hash out at each place it joins a scalar to a word: in debug
      // builds (the tests) every word it makes is checked against its text, so a joining path
      // that forgot to hash fails there instead of silently missing dictionary entries.
      assert(
        joined == nil || bytes == Bytes(text: text, scalars: scalars),
        "the joined bytes' facts of \"\(text)\" are not its text's")
      self.init(
        kind: kind,
        shape: kind == .word
          ? Shape(word: scalars, first: first, traits: traits, hasHyphen: hasHyphen) : [],
        asciiCharacter: scalars.count == 1 && scalars[0].isASCII ? UInt8(scalars[0].value) : 0,
        spaceBefore: spaceBefore, bytes: bytes)
    }
  }

  /// What the lookups ask of a text's UTF-8 bytes: their hash and a few facts, found in one
  /// pass over them.
  private struct Bytes: Equatable {
    var hash: UInt32
    var isASCII: Bool
    var containsHyphen: Bool
    var hasCapitalAfterFirst: Bool

    init(hash: UInt32, isASCII: Bool, containsHyphen: Bool, hasCapitalAfterFirst: Bool) {
      self.hash = hash
      self.isASCII = isASCII
      self.containsHyphen = containsHyphen
      self.hasCapitalAfterFirst = hasCapitalAfterFirst
    }

    /// The facts of a text's UTF-8 bytes.
    init(utf8: String.UTF8View) {
      self =
        utf8.withContiguousStorageIfAvailable { Bytes(units: $0) { UInt32($0) } }
        ?? Array(utf8).withUnsafeBufferPointer { Bytes(units: $0) { UInt32($0) } }
    }

    /// The facts of a text whose scalars are `scalars`: an ASCII text's scalars are its bytes,
    /// and any other's bytes are made from them, read as the text's.
    init(text: String, scalars: UnsafeBufferPointer<Unicode.Scalar>) {
      let bytes = Bytes(units: scalars) { $0.value }
      self = bytes.isASCII ? bytes : Bytes(utf8: text.utf8)
    }

    /// The facts of `units`, UTF-8 bytes or scalars, which `value` reads: read as bytes when
    /// they are all ASCII, whatever they are.
    @inline(__always) private init<Unit>(
      units: UnsafeBufferPointer<Unit>, value: (Unit) -> UInt32
    ) {
      var hash = StringTable.hashSeed
      var high: UInt32 = 0
      // Counted and or-ed rather than tested with `||`, so the loop has no branch but its own.
      var hyphen: UInt32 = 0
      var capitals = 0
      for unit in units {
        let v = value(unit)
        hash = StringTable.hash(hash, UInt8(truncatingIfNeeded: v))
        high |= v
        hyphen |= v == UInt32(UInt8(ascii: "-")) ? 1 : 0
        capitals &+= v &- UInt32(UInt8(ascii: "A")) < 26 ? 1 : 0
      }
      let capitalFirst = units.first.map { value($0) &- UInt32(UInt8(ascii: "A")) < 26 } ?? false
      self.hash = hash
      isASCII = high < 0x80
      containsHyphen = hyphen != 0
      hasCapitalAfterFirst = capitals > (capitalFirst ? 1 : 0)
    }
  }

  /// The case of a word token.
  private struct Shape: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let capitalized = Shape(rawValue: 1)
    static let allCaps = Shape(rawValue: 2)
    static let lowercase = Shape(rawValue: 4)
    static let lowercaseSuffix = Shape(rawValue: 8)
    static let endsInPeriod = Shape(rawValue: 16)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The shape of a word, from its scalars alone.
    init(word scalars: UnsafeBufferPointer<Unicode.Scalar>) {
      var first: ScalarTraits = []
      var traits: ScalarTraits = []
      ScalarTraits.ascii.withUnsafeBufferPointer { table in
        first = scalars.first.map { ScalarTraits.of($0, in: table) } ?? []
        for scalar in scalars { traits.formUnion(ScalarTraits.of(scalar, in: table)) }
      }
      self.init(word: scalars, first: first, traits: traits, hasHyphen: true)
    }

    /// The shape of a word whose first scalar's traits are `first` and whose scalars' traits,
    /// joined, are `traits`; `hasHyphen` false skips the search for a hyphen, which costs a word
    /// of no hyphen (nearly every word) as much as its case tests.
    ///
    /// Inlined into the tokenizer, whose every word comes here: the tests are a few operations
    /// on bits, fewer than a call and its return took, and the first scalar's case is read
    /// from the traits the tokenizer looked up for it rather than tested again.
    @inline(__always) init(
      word scalars: UnsafeBufferPointer<Unicode.Scalar>, first: ScalarTraits, traits: ScalarTraits,
      hasHyphen: Bool
    ) {
      guard !scalars.isEmpty else {
        self = []
        return
      }
      var shape: Shape = []
      if first.contains(.upper) { shape.insert(.capitalized) }
      if first.contains(.lower) { shape.insert(.lowercase) }
      if traits.contains(.letter) && !traits.contains(.lower) { shape.insert(.allCaps) }
      if scalars[scalars.count - 1] == "." { shape.insert(.endsInPeriod) }
      if hasHyphen && Shape.hasLowercaseSuffix(scalars) { shape.insert(.lowercaseSuffix) }
      self = shape
    }

    /// Whether a lower-case letter follows the last hyphen of `scalars`, found from the end.
    @inline(never) private static func hasLowercaseSuffix(
      _ scalars: UnsafeBufferPointer<Unicode.Scalar>
    ) -> Bool {
      var lastHyphen = scalars.count - 1
      while lastHyphen >= 0, scalars[lastHyphen] != "-" { lastHyphen -= 1 }
      return lastHyphen >= 0 && lastHyphen + 1 < scalars.count
        && ScalarClass.isLower(scalars[lastHyphen + 1])
    }
  }
}
