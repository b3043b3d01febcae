/// Splits text into word, number and punctuation tokens with code-point offsets.
///
/// Possessives split off ("Russia's" is "Russia" + "'s"); hyphenated names stay one token
/// ("al-Sisi", "US-led"); abbreviations and initials keep their period ("U.S.", "Gen.", "B.");
/// numbers keep their decimal point and thousands separators ("3.5", "1,000").
public struct Tokenizer: Sendable {
  public init() {}

  /// Words that keep a following period.
  public static let abbreviations: Set<String> = [
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl",
    "Adm", "Cmdr", "Gov", "Sen", "Rep", "Rev", "Fr", "St", "Sr", "Jr", "Hon", "Pres", "Supt",
    "Insp", "Det", "Brig", "Gens", "Reps", "Sens", "Messrs", "Mme", "Mlle", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed",
    "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Inc", "Corp", "Ltd", "Co", "Bros", "Plc", "Cos",
    "Dept", "Univ", "Assn", "Ave", "Blvd", "Rd", "Mt", "Ft", "No", "Nos", "vs", "etc", "approx",
    "est", "Vol", "Fig", "al", "Ph", "Esq", "Gov't", "Calif", "Mass", "Conn", "Penn", "Wash",
    "Fla", "Ill", "Mich", "Minn", "Ariz", "Colo", "Tenn", "Okla", "Ore", "Wis", "Ky", "Va",
  ]

  /// Abbreviations that are also words ("No", "Sun", "Mass"): their period is kept only when
  /// the text goes on after it with a digit, a lower-case word or a comma ("No. 1", "Mar. 5",
  /// "Boston, Mass., said"); otherwise it ends the sentence.
  public static let wordLikeAbbreviations: Set<String> = [
    "No", "Nos", "Mar", "Sat", "Sun", "Wed", "Mass", "Wash", "Ill", "Ore", "Fig", "Vol", "Est",
    "est", "Penn", "Conn", "Mon", "Fri", "Dec", "Jun", "Jul",
  ]

  /// `abbreviations` and `wordLikeAbbreviations` for the tokenizer's own look-ups: the same
  /// answers without hashing each word with SipHash.
  private static let abbreviationSet = WordSet(abbreviations)
  private static let wordLikeAbbreviationSet = WordSet(wordLikeAbbreviations)

  /// Tokens of `range` of the folded text.
  public func tokens(in text: SourceText, range: Range<Int>) -> [Token] {
    var tokens: [Token] = []
    tokens.reserveCapacity(Self.capacity(for: range.count))
    append(in: text, range: range, to: &tokens)
    return tokens
  }

  /// Appends the tokens of `range` of the folded text to `tokens`: a document's blocks go
  /// straight into its one array, instead of each into an array of its own copied after.
  public func append(in text: SourceText, range: Range<Int>, to tokens: inout [Token]) {
    text.folded.withUnsafeBufferPointer { scalars in
      text.ascii.withUnsafeBufferPointer { bytes in
        append(in: scalars, bytes: bytes, range: range, to: &tokens)
      }
    }
  }

  /// Appends the tokens of `scalars[range]`, folded scalars whose `SourceText.ascii` bytes are
  /// `bytes`, to `tokens`.
  ///
  /// The bytes only speed the tokens up: bytes of 0x80 for every scalar give the same tokens,
  /// read from the scalars alone, as the tests check.
  func append(
    in scalars: UnsafeBufferPointer<Unicode.Scalar>, bytes: UnsafeBufferPointer<UInt8>,
    range: Range<Int>, to tokens: inout [Token]
  ) {
    precondition(bytes.count == scalars.count, "a byte for each scalar")
    // Read through buffer pointers: the arrays' bounds checks and retains cost more than the
    // tests they guard; the tables are read once a block, since a static read at each scalar
    // checks that it was made.
    ScalarTraits.ascii.withUnsafeBufferPointer { table in
      ScalarTraits.bytes.withUnsafeBufferPointer { byteTable in
        SourceText.asciiStrings.withUnsafeBufferPointer { singles in
          append(
            in: scalars, bytes: bytes, range: range, traits: table, byteTraits: byteTable,
            singles: singles, to: &tokens)
        }
      }
    }
  }

  /// Room for the tokens of `scalars` scalars of text. News prose runs about five scalars a
  /// token, spaces included: room for a little more than that, so the array is seldom grown
  /// (each growth copies every token made so far).
  static func capacity(for scalars: Int) -> Int { scalars / 4 + 4 }

  /// The tokens of `s[range]`, whose `SourceText.ascii` bytes are `bytes`; `table` is
  /// `ScalarTraits.ascii`, `byteTraits` is `ScalarTraits.bytes` and `singles` is
  /// `SourceText.asciiStrings`.
  ///
  /// A word's scalars are classed by one look-up each, and their traits joined as the word is
  /// read: whether it is all digits, and its case, come from the joined traits. Its ASCII
  /// letters and digits, nearly all of its scalars, are read as their bytes.
  private func append(
    in s: UnsafeBufferPointer<Unicode.Scalar>, bytes: UnsafeBufferPointer<UInt8>,
    range: Range<Int>, traits table: UnsafeBufferPointer<ScalarTraits>,
    byteTraits: UnsafeBufferPointer<ScalarTraits>, singles: UnsafeBufferPointer<String>,
    to tokens: inout [Token]
  ) {
    // No bytes: no scalars, and no range of them to read.
    guard let byteBase = bytes.baseAddress else { return }
    @inline(__always) func traits(_ c: Unicode.Scalar) -> ScalarTraits {
      ScalarTraits.of(c, in: table)
    }
    @inline(__always) func isWord(_ c: Unicode.Scalar) -> Bool { traits(c).contains(.word) }
    var i = range.lowerBound
    let end = range.upperBound
    var spaceBefore = true
    while i < end {
      let c = s[i]
      // An ASCII scalar's own byte, nearly every scalar's, is classed by the table of bytes;
      // the byte then tells that the scalar is ASCII, and the word path below has it at hand.
      let byte = byteBase[i]
      let joined = byte < 0x80 ? byteTraits[Int(byte)] : traits(c)
      if joined.contains(.space) {
        spaceBefore = true
        i += 1
        continue
      }
      if joined.contains(.word) {
        var j = i + 1
        var hasHyphen = false
        // Whether a period joined the word (a decimal point, or the dots of an acronym), which
        // then keeps a period that follows it.
        var hasPeriod = false
        // The word's bytes as it is joined, for `Token.JoinedBytes`: the hash of the scalars'
        // low bytes (their bytes when all are ASCII, as `high` tells), and the traits of the
        // scalars after the first, joined with the first's (`joined`) once the word ends: one
        // set of traits less to carry through the loop, which ran out of registers.
        var hash = StringTable.hash(StringTable.hashSeed, UInt8(truncatingIfNeeded: c.value))
        var high = c.value
        var rest: ScalarTraits = []
        j = Tokenizer.asciiWordRun(
          bytes, from: j, to: end, traits: byteTraits, hash: &hash, rest: &rest)
        // The end of the word's ASCII letters and digits: a word that ends there, with its first
        // scalar its own byte, is made from its bytes.
        let plainEnd = byte < 0x80 ? j : -1
        // An ASCII word that a space or a plain mark ends, nearly every word, is whole: no
        // hyphen, apostrophe, number, acronym, URL, period or possessive to join or look for
        // after it. Made here, without those tests: a branch around them in the path below
        // cost a word more. A comma ends a word as plainly, unless it is a number ("1,000").
        // Its scalars are ASCII letters and digits, each its own byte (its first was classed
        // by its byte, the rest read as bytes), so its string is made from its bytes and its
        // traits from the joined ones.
        if byte < 0x80,
          j == end || byteTraits[Int(bytes[j])].contains(.wordEnd)
            || bytes[j] == UInt8(ascii: ",") && joined.union(rest).contains(.notDigit)
        {
          appendASCIIWord(
            byteBase, i, j, first: joined, rest: rest, hash: hash, spaceBefore: spaceBefore,
            singles: singles, to: &tokens)
          // Most words are followed by one space: stepped over by its byte here, rather than
          // classed as a scalar at the top of the loop.
          spaceBefore = j < end && bytes[j] == UInt8(ascii: " ")
          i = spaceBefore ? j + 1 : j
          continue
        }
        while j < end {
          j = Tokenizer.asciiWordRun(
            bytes, from: j, to: end, traits: byteTraits, hash: &hash, rest: &rest)
          guard j < end else { break }
          let d = s[j]
          let next = traits(d)
          // A word scalar beyond ASCII, or one whose byte is 0x80 all the same.
          if next.contains(.word) {
            rest.formUnion(next)
            hash = StringTable.hash(hash, UInt8(truncatingIfNeeded: d.value))
            high |= d.value
            j &+= 1
            continue
          }
          let hasNext = j + 1 < end
          if d == "-", hasNext, isWord(s[j + 1]) {
            hasHyphen = true
            hash = StringTable.hash(hash, UInt8(ascii: "-"))
            j += 1
            continue
          }
          if d == "'", hasNext, isWord(s[j + 1]) {
            // "'s" at the end of a word is a possessive; other apostrophes stay (O'Brien, don't).
            let isS = s[j + 1] == "s" || s[j + 1] == "S"
            if isS && (j + 2 >= end || !isWord(s[j + 2])) { break }
            hash = StringTable.hash(hash, UInt8(ascii: "'"))
            j += 1
            continue
          }
          if d == "." || d == ",", hasNext, isDigit(s[j - 1]), isDigit(s[j + 1]),
            !joined.union(rest).contains(.notDigit)
          {
            hasPeriod = hasPeriod || d == "."
            hash = StringTable.hash(hash, UInt8(truncatingIfNeeded: d.value))
            j += 1
            continue
          }
          // Dotted acronyms: "U.S", "U.S.A", "e.g".
          if d == ".", hasNext, isLetter(s[j + 1]), j - 1 >= i, isLetter(s[j - 1]),
            j - 2 < i || !isLetter(s[j - 2])
          {
            hasPeriod = true
            hash = StringTable.hash(hash, UInt8(ascii: "."))
            j += 1
            continue
          }
          if d == "&", isShortCapitals(s, i..<j), let after = shortCapitalsEnd(s, j + 1, end) {
            // "AT&T", "S&P", "M&S": capitals joined by "&"
            hash = StringTable.hash(hash, UInt8(ascii: "&"))
            for k in (j + 1)..<after {
              rest.formUnion(traits(s[k]))
              hash = StringTable.hash(hash, UInt8(truncatingIfNeeded: s[k].value))
              high |= s[k].value
            }
            j = after
            continue
          }
          break
        }
        // URL: scheme followed by "://"; runs to the next white space.
        if j + 2 < end, s[j] == ":", s[j + 1] == "/", s[j + 2] == "/" {
          var k = j
          while k < end, !ScalarClass.isSpace(s[k]) { k += 1 }
          // Punctuation after a URL ends the sentence, not the URL.
          while k > j + 3, isURLTrailer(s[k - 1]) { k -= 1 }
          tokens.append(make(s, bytes, i, k, .url, spaceBefore))
          spaceBefore = false
          i = k
          continue
        }
        // A period belongs to an abbreviation, an initial or a dotted acronym.
        if j < end, s[j] == "." {
          let isInitial = j - i == 1 && isUpper(s[i])
          if isInitial || hasPeriod
            || isAbbreviation(s, bytes, i, j, end, hash: high < 0x80 ? hash : nil)
          {
            hash = StringTable.hash(hash, UInt8(ascii: "."))
            j += 1
          }
        }
        // Nothing joined after its letters and digits, and no period kept: a word before a
        // period that ends a sentence, an apostrophe or a colon, made as the whole words above.
        if j == plainEnd {
          appendASCIIWord(
            byteBase, i, j, first: joined, rest: rest, hash: hash, spaceBefore: spaceBefore,
            singles: singles, to: &tokens)
        } else {
          appendWord(
            s, bytes, i, j, first: joined, rest: rest, hasHyphen: hasHyphen,
            joined: high < 0x80 ? Token.JoinedBytes(hash: hash, rest: rest) : nil,
            spaceBefore: spaceBefore, to: &tokens)
        }
        spaceBefore = false
        i = j
        if i + 1 < end, s[i] == "'", s[i + 1] == "s" || s[i + 1] == "S" {
          tokens.append(make(s, bytes, i, i + 2, .possessive, false))
          i += 2
        }
        continue
      }
      if c == ".", i + 2 < end, s[i + 1] == ".", s[i + 2] == "." {
        var k = i + 3
        while k < end, s[k] == "." { k += 1 }
        tokens.append(make(s, bytes, i, k, .punctuation, spaceBefore))
        spaceBefore = false
        i = k
        continue
      }
      // One ASCII scalar, nearly every mark, is its own string, hash and facts: no pass over
      // its bytes, and no tests of its scalars.
      if c.value < 0x80 {
        let value = UInt8(truncatingIfNeeded: c.value)
        tokens.append(
          Token(
            asciiMark: singles[Int(value)], at: i, value: value,
            kind: isASCIISymbol(c) ? .symbol : .punctuation, spaceBefore: spaceBefore))
      } else {
        tokens.append(
          make(s, bytes, i, i + 1, isSymbol(c) ? .symbol : .punctuation, spaceBefore))
      }
      spaceBefore = false
      i += 1
    }
  }

  /// Appends the word or number of ASCII letters and digits `bytes[i..<j]`, each byte its
  /// scalar's: `first` is the traits of its first byte and `rest` those of the others joined,
  /// `hash` the hash of them all. Its string is made from its bytes and its traits from the
  /// joined ones, without the tests of its scalars that `make` makes.
  @inline(__always) private func appendASCIIWord(
    _ bytes: UnsafePointer<UInt8>, _ i: Int, _ j: Int, first: ScalarTraits, rest: ScalarTraits,
    hash: UInt32, spaceBefore: Bool, singles: UnsafeBufferPointer<String>,
    to tokens: inout [Token]
  ) {
    tokens.append(
      Token(
        asciiWord: SourceText.string(asciiBytes: bytes + i, count: j &- i, singles: singles),
        start: i, end: j, first: first, rest: rest, hash: hash, firstByte: bytes[i],
        spaceBefore: spaceBefore))
  }

  /// Appends the word or number `s[i..<j]`: `first` is the traits of its first scalar and
  /// `rest` those of the others joined, `joined` what `make` takes of an ASCII word.
  @inline(__always) private func appendWord(
    _ s: UnsafeBufferPointer<Unicode.Scalar>, _ bytes: UnsafeBufferPointer<UInt8>, _ i: Int,
    _ j: Int, first: ScalarTraits, rest: ScalarTraits, hasHyphen: Bool,
    joined: Token.JoinedBytes?, spaceBefore: Bool, to tokens: inout [Token]
  ) {
    let traits = first.union(rest)
    tokens.append(
      make(
        s, bytes, i, j, traits.contains(.notDigit) ? .word : .number, spaceBefore, first: first,
        traits: traits, hasHyphen: hasHyphen, joined: joined))
  }

  /// The end of the run of ASCII letters and digits in `bytes[from..<end]`, whose bytes are
  /// joined to a word's `hash` and their traits to its `rest` as `append` joins its scalars.
  ///
  /// Read as bytes rather than scalars, with a table of all 256 (`ScalarTraits.bytes`) that no
  /// byte needs tested before, and few enough values live that none is kept in memory: half
  /// the work of a scalar in the general loop. A letter or a digit is its own folded form, and
  /// its byte below 0x80 (a scalar beyond ASCII, or one folded to ASCII, has 0x80), so the run
  /// is what the general loop would have joined, with the same hash and traits.
  @inline(__always) private static func asciiWordRun(
    _ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int,
    traits: UnsafeBufferPointer<ScalarTraits>, hash: inout UInt32, rest: inout ScalarTraits
  ) -> Int {
    var j = from
    var joinedHash = hash
    var joinedRest = rest
    while j < end {
      let byte = bytes[j]
      let next = traits[Int(byte)]
      guard next.contains(.word) else { break }
      joinedRest.formUnion(next)
      joinedHash = StringTable.hash(joinedHash, byte)
      j &+= 1
    }
    hash = joinedHash
    rest = joinedRest
    return j
  }

  /// The most scalars of an abbreviation ("Messrs", "approx"), as a test checks. No word of
  /// more equals one: the abbreviations are ASCII, and a text canonically equivalent to ASCII
  /// has no more scalars than it (each of its scalars decomposes to one or more).
  ///
  /// A literal, which the compiler makes a constant: worked out from `abbreviations`, it was
  /// made on first use, and each read of it called the runtime to check that it was made, about
  /// fifty instructions for each word before a period.
  static let longestAbbreviation = 6

  /// Whether the word `s[i..<j]`, whose `SourceText.ascii` bytes are in `bytes` and which a
  /// period follows, keeps it as an abbreviation.
  ///
  /// `hash` is the `StringTable.hash(_:)` of the word's bytes when it is ASCII, as the tokenizer
  /// joined it: the word is then looked up by its bytes and no string of it is made (the
  /// abbreviations are ASCII, so a set never asks for one). They are read in place when all are
  /// below 0x80, as nearly always, and else copied from its scalars (one folded to ASCII from
  /// beyond it has the byte 0x80).
  private func isAbbreviation(
    _ s: UnsafeBufferPointer<Unicode.Scalar>, _ bytes: UnsafeBufferPointer<UInt8>, _ i: Int,
    _ j: Int, _ end: Int, hash: UInt32?
  ) -> Bool {
    // Most words before a period end a sentence, and are longer than any abbreviation.
    guard j - i <= Tokenizer.longestAbbreviation else { return false }
    let scalars = UnsafeBufferPointer(rebasing: s[i..<j])
    guard let hash else {
      let word = SourceText.string(scalars)
      return Tokenizer.abbreviationSet.contains(word)
        && (!Tokenizer.wordLikeAbbreviationSet.contains(word) || continuesAfter(s, j + 1, end))
    }
    func isAbbreviation(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
      func isIn(_ set: WordSet) -> Bool {
        set.number(
          of: SourceText.asciiString(scalars), utf8: utf8, hash: hash, isASCII: true) != nil
      }
      return isIn(Tokenizer.abbreviationSet)
        && (!isIn(Tokenizer.wordLikeAbbreviationSet) || continuesAfter(s, j + 1, end))
    }
    let inPlace = UnsafeBufferPointer(rebasing: bytes[i..<j])
    if inPlace.allSatisfy({ $0 < 0x80 }) { return isAbbreviation(utf8: inPlace) }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: scalars.count) { copy in
      for index in scalars.indices {
        copy[index] = UInt8(truncatingIfNeeded: scalars[index].value)
      }
      return isAbbreviation(utf8: UnsafeBufferPointer(copy))
    }
  }

  /// A token of `s[start..<end]`, whose `SourceText.ascii` bytes are in `bytes`; `traits` are
  /// its scalars' traits joined and `first` its first scalar's (only a word's case tests read
  /// them), `hasHyphen` whether it holds a hyphen, and `joined` what the tokenizer found of an
  /// ASCII word's bytes as it joined it.
  private func make(
    _ s: UnsafeBufferPointer<Unicode.Scalar>, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int,
    _ end: Int, _ kind: Token.Kind, _ space: Bool, first: ScalarTraits = [],
    traits: ScalarTraits = [], hasHyphen: Bool = false, joined: Token.JoinedBytes? = nil
  ) -> Token {
    let scalars = UnsafeBufferPointer(rebasing: s[start..<end])
    // A word `joined` tells ASCII is a string of its scalars' bytes.
    let text =
      joined == nil
      ? SourceText.string(scalars)
      : SourceText.asciiString(scalars, bytes: UnsafeBufferPointer(rebasing: bytes[start..<end]))
    return Token(
      text: text, scalars: scalars, first: first, traits: traits, start: start, end: end,
      kind: kind, spaceBefore: space, hasHyphen: hasHyphen, joined: joined)
  }
}

@inline(__always) func isWordScalar(_ c: Unicode.Scalar) -> Bool {
  if c.value < 0x80 {
    // One bit a scalar, digits in the lower half, letters in the upper: a shift and a test
    // instead of three range comparisons.
    let v = c.value
    let mask: UInt64 = v < 0x40 ? 0x03FF_0000_0000_0000 : 0x07FF_FFFE_07FF_FFFE
    return mask >> UInt64(v & 0x3F) & 1 != 0
  }
  if c.value == 0x200D || c.value == 0x200C { return true }
  return isWordScalarBeyondASCII(c)
}

/// The Unicode properties of `isWordScalar`, out of line as `ScalarClass` explains.
@inline(never) private func isWordScalarBeyondASCII(_ c: Unicode.Scalar) -> Bool {
  let props = c.properties
  if props.isAlphabetic { return true }
  switch props.generalCategory {
  case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark, .letterNumber: return true
  default: return false
  }
}

/// Whether a scalar beyond ASCII is a symbol, out of line as `ScalarClass` explains.
@inline(never) private func isSymbol(_ c: Unicode.Scalar) -> Bool {
  c.properties.generalCategory.isSymbol
}

@inline(__always) func isDigit(_ c: Unicode.Scalar) -> Bool {
  c.value >= 0x30 && c.value <= 0x39
}

@inline(__always) func isLetter(_ c: Unicode.Scalar) -> Bool {
  ScalarClass.isLetter(c)
}

@inline(__always) func isUpper(_ c: Unicode.Scalar) -> Bool {
  ScalarClass.isUpper(c)
}

extension Unicode.GeneralCategory {
  var isSymbol: Bool {
    switch self {
    case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: true
    default: false
    }
  }
}

/// "$+<=>^`|~": the ASCII scalars that are symbols rather than punctuation.
@inline(__always) private func isASCIISymbol(_ c: Unicode.Scalar) -> Bool {
  switch c {
  case "$", "+", "<", "=", ">", "^", "`", "|", "~": true
  default: false
  }
}

/// Punctuation that ends a sentence after a URL rather than the URL.
private func isURLTrailer(_ c: Unicode.Scalar) -> Bool {
  switch c {
  case ".", ",", ";", ":", "!", "?", ")", "]", "\"", "'": true
  default: false
  }
}

/// Whether the text after a period goes on with a digit, a lower-case letter or a comma.
private func continuesAfter(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ from: Int, _ end: Int)
  -> Bool
{
  var k = from
  while k < end, s[k] == " " { k += 1 }
  guard k < end else { return false }
  return isDigit(s[k]) || ScalarClass.isLower(s[k]) || s[k] == "," || s[k] == ";"
}

/// One to three capital letters.
private func isShortCapitals(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>)
  -> Bool
{
  (1...3).contains(range.count) && range.allSatisfy { isUpper(s[$0]) }
}

/// The end of one to three capital letters starting at `from`, not followed by more word.
private func shortCapitalsEnd(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ from: Int, _ end: Int)
  -> Int?
{
  var k = from
  while k < end, k - from < 4, isUpper(s[k]) { k += 1 }
  guard k > from, k - from <= 3, k >= end || !isWordScalar(s[k]) else { return nil }
  return k
}
