import Testing

@testable import NewsGraph

private let tsvHeader = "id\ttype\tlabel\taliases\tdemonyms\tpopulation\tflags"

@Suite struct DictionaryParserTests {
  static let header = tsvHeader

  static func parse(_ lines: [String], file: String = "test.tsv") throws(DictionaryError)
    -> [DictionaryEntry]
  {
    try DictionaryParser().entries(in: lines.joined(separator: "\n"), file: file)
  }

  @Test func readsAValidFile() throws {
    let entries = try Self.parse([
      Self.header,
      "country/egypt\tcountry\tEgypt\tArab Republic of Egypt | Misr\tEgyptian|Egyptians\t105000000\t",
      "place/nice\tplace\tNice\t\t\t340000\tcommon, capital",
      "place/austin\tplace\tAustin\t\t\t970000\tminor",
    ])
    #expect(entries.count == 3)
    #expect(entries[2].isMinor && !entries[2].isCapital && !entries[1].isMinor)
    let egypt = entries[0]
    #expect(egypt.id == "country/egypt")
    #expect(egypt.type == .country)
    #expect(egypt.label == "Egypt")
    #expect(egypt.aliases == ["Arab Republic of Egypt", "Misr"])
    #expect(egypt.demonyms == ["Egyptian", "Egyptians"])
    #expect(egypt.population == 105_000_000)
    #expect(!egypt.isCommonWord && !egypt.isCapital)
    #expect(egypt.origin == "test.tsv:2")
    let nice = entries[1]
    #expect(nice.isCommonWord && nice.isCapital)
    #expect(nice.aliases.isEmpty)
    #expect(nice.origin == "test.tsv:3")
  }

  @Test func skipsCommentsAndBlankLinesAndKeepsLineNumbers() throws {
    let entries = try Self.parse([
      "# countries, by hand",
      "",
      Self.header,
      "   ",
      "# Egypt next",
      "country/egypt\tcountry\tEgypt\t\t\t\t",
      "",
      "country/peru\tcountry\tPeru\t\t\t\t",
    ])
    #expect(entries.map(\.id) == ["country/egypt", "country/peru"])
    #expect(entries.map(\.origin) == ["test.tsv:6", "test.tsv:8"])
  }

  @Test func optionalColumnsMayBeMissing() throws {
    let entries = try Self.parse(["label\tid\ttype", "Peru\tcountry/peru\tcountry"])
    #expect(
      entries == [
        DictionaryEntry(id: "country/peru", type: .country, label: "Peru", origin: "test.tsv:2")
      ])
  }

  @Test func shortRowsLeaveOptionalFieldsEmpty() throws {
    let entries = try Self.parse([Self.header, "country/peru\tcountry\tPeru"])
    #expect(entries.first?.aliases == [])
    #expect(entries.first?.population == 0)
  }

  @Test
  func crlfLineEndingsAreRead() throws {
    let text = [
      Self.header, "country/peru\tcountry\tPeru\tRepublic of Peru\tPeruvian\t34000000\tcapital", "",
    ]
    .joined(separator: "\r\n")
    let entries = try DictionaryParser().entries(in: text, file: "dos.tsv")
    #expect(entries.count == 1)
    #expect(entries.first?.label == "Peru")
    #expect(entries.first?.aliases == ["Republic of Peru"])
    #expect(entries.first?.isCapital == true, "the flag must not keep the carriage return")
    #expect(entries.first?.origin == "dos.tsv:2")
  }

  @Test func emptyAndCommentOnlyFilesAreEmptyDictionaries() throws {
    #expect(try DictionaryParser().entries(in: "", file: "empty.tsv").isEmpty)
    #expect(try DictionaryParser().entries(in: "# nothing yet\n", file: "c.tsv").isEmpty)
    #expect(try Self.parse([Self.header]).isEmpty)
  }

  struct BadCase: Sendable, CustomTestStringConvertible {
    var lines: [String]
    var line: Int
    var column: Int
    /// Words the message must contain.
    var message: [String]
    var explanation: String
    var testDescription: String { explanation }
  }

  @Test(arguments: [
    BadCase(
      lines: ["id\tlabel\taliases", "country/peru\tPeru\t"], line: 1, column: 1,
      message: ["header", "'type'"], explanation: "the header lacks a required column"),
    BadCase(
      lines: ["id\ttype\tlabel\tlabel"], line: 1, column: 1, message: ["'label'", "twice"],
      explanation: "the header names a column twice"),
    BadCase(
      lines: [tsvHeader, "country/peru\tcountry\tPeru\t\t\t\t", "animal/cat\tanimal\tCat\t\t\t\t"],
      line: 3, column: 12, message: ["unknown type 'animal'"],
      explanation: "an unknown type; the column is where the type field starts"),
    BadCase(
      lines: [tsvHeader, "Country/Peru\tcountry\tPeru\t\t\t\t"], line: 2, column: 1,
      message: ["invalid id 'Country/Peru'"], explanation: "an id in capitals"),
    BadCase(
      lines: [tsvHeader, "place/peru\tcountry\tPeru\t\t\t\t"], line: 2, column: 1,
      message: ["invalid id 'place/peru'"], explanation: "an id whose prefix is another type"),
    BadCase(
      lines: [tsvHeader, "country/\tcountry\tPeru\t\t\t\t"], line: 2, column: 1,
      message: ["invalid id"], explanation: "an id with a type and no name"),
    BadCase(
      lines: [
        tsvHeader, "country/peru\tcountry\tPeru\t\t\t\t", "country/peru\tcountry\tPerú\t\t\t\t",
      ],
      line: 3, column: 1, message: ["duplicate id 'country/peru'"],
      explanation: "the same id twice in one file"),
    BadCase(
      lines: [tsvHeader, "country/peru\tcountry\tPeru\t\t\t34M\t"], line: 2, column: 29,
      message: ["population '34M'"], explanation: "a population that is not a whole number"),
    BadCase(
      lines: [tsvHeader, "country/peru\tcountry\tPeru\t\t\t-5\t"], line: 2, column: 29,
      message: ["population '-5'"], explanation: "a negative population"),
    BadCase(
      lines: [tsvHeader, "country/peru\tcountry\tPeru\t\t\t\tcapitol"], line: 2, column: 30,
      message: ["unknown flag 'capitol'"], explanation: "a misspelt flag"),
    BadCase(
      lines: [tsvHeader, "country/peru\tcountry\tPeru\t\t\t\tcapital,shiny,rusty,odd"], line: 2,
      column: 30, message: ["unknown flag 'shiny'"],
      explanation: "of several unknown flags, the first written (not the first of a set's order)"),
    BadCase(
      lines: [tsvHeader, "country/peru\tcountry\tPeru\t\t\t\t\textra"], line: 2, column: 1,
      message: ["8 fields", "7"], explanation: "more fields than the header names"),
    BadCase(
      lines: [tsvHeader, "country/peru\tcountry\t \t\t\t\t"], line: 2, column: 22,
      message: ["empty label"], explanation: "a label of spaces only"),
  ])
  func badLinesThrowWithPosition(_ example: BadCase) {
    do {
      let entries = try Self.parse(example.lines, file: "dictionaries/bad.tsv")
      Issue.record("expected an error, got \(entries.count) entries")
    } catch {
      #expect(error.file == "dictionaries/bad.tsv")
      #expect(error.line == example.line)
      #expect(error.column == example.column)
      for word in example.message {
        #expect(error.message.contains(word), "message: \(error.message)")
      }
      #expect(
        error.description
          == "dictionaries/bad.tsv:\(example.line):\(example.column): error: \(error.message)")
    }
  }

  @Test func errorDescriptionIsCompilerStyle() {
    let error = DictionaryError(file: "d/x.tsv", line: 12, column: 3, message: "duplicate id 'a'")
    #expect(error.description == "d/x.tsv:12:3: error: duplicate id 'a'")
  }

  @Test func unknownTypeErrorMatchesExactly() {
    #expect(
      throws: DictionaryError(
        file: "f.tsv", line: 2, column: 12,
        message: "unknown type 'animal' (expected person, country, organization or place)")
    ) {
      try Self.parse([Self.header, "animal/cat\tanimal\tCat"], file: "f.tsv")
    }
  }
}
