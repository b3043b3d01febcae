import ArgumentParser
import NewsGraph

extension NewsGraphCommand {
  struct Entities: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "entities",
      abstract:
        "List the mentions of people, countries, organizations and places in articles, with offsets.",
      discussion: """
        Inputs are text files, folders (every *.txt below them, in path order; the document id \
        is the path below the folder without .txt) and JSON Lines files (*.jsonl, or any file \
        with --jsonl), as for graph. Documents are analyzed on all cores and written in input \
        order as soon as each is done, so a corpus of any size runs in the same memory; the \
        output is the same for any --jobs. Offsets are Unicode code points from the start of \
        the text, end exclusive. With --explain, each mention also shows the dictionary entry \
        or rule that produced it and the candidates it beat, and the lines dropped as page \
        furniture are listed.
        """)

    @OptionGroup var input: CorpusInputOptions
    @OptionGroup var dictionaries: DictionaryOptions

    @Option(
      help:
        "Output format: table, tsv, json (one document) or jsonl (a document a line).")
    var format: EntitiesFormat = .table

    @Option(
      name: .shortAndLong,
      help: ArgumentHelp(
        "Output file, written to a temporary file and renamed into place when all is written; '-' for standard output.",
        valueName: "path"))
    var output: String = "-"

    @Flag(help: "Say which dictionary entry or rule produced each mention and what it beat.")
    var explain = false

    func run() throws {
      try reportingFailures {
        // The explanation goes to standard error a document at a time: no bar is drawn there.
        let progress = explain ? .never : input.corpus.progress
        let corpus = try input.expand(try input.paths(), progress: progress)
        let recognizer = Recognizer(gazetteer: try DictionaryLoader.gazetteer(dictionaries))
        let stream = DocumentStream(
          recognizer: recognizer, jobs: input.corpus.jobCount, progress: progress,
          keepGoing: input.corpus.keepGoing, tracing: explain)
        let destination = try FileIO.StreamingOutput(output)
        let writer = EntitiesWriter(
          format: format, gazetteer: recognizer.gazetteer, output: destination)
        let outcome: DocumentStream.Outcome
        do {
          try writer.start()
          outcome = try stream.run(corpus, render: writer.render, write: writer.write)
          try writer.finish(documents: outcome.written)
          try destination.commit()
        } catch {
          destination.discard()
          throw error
        }
        if outcome.failed > 0 {
          throw Failure(KeepGoing.summary(failed: outcome.failed, read: outcome.written))
        }
      }
    }
  }
}

/// Writes the entities list in one format, a document at a time, as `DocumentStream` hands
/// the documents over: each is rendered on its worker's thread (`render`), then written in
/// input order (`write`), between the format's header and footer.
///
/// Unchecked: `output` is written only through `start`, `write` and `finish`, which
/// `DocumentStream` and the command call one at a time.
final class EntitiesWriter: @unchecked Sendable {
  /// A document's output, and its explanation for standard error with `--explain`.
  struct Rendered: Sendable {
    var bytes: [UInt8]
    var explanation: String?
  }

  let format: EntitiesFormat
  let gazetteer: Gazetteer
  let output: FileIO.StreamingOutput
  private let json = JSONWriter()

  init(format: EntitiesFormat, gazetteer: Gazetteer, output: FileIO.StreamingOutput) {
    self.format = format
    self.gazetteer = gazetteer
    self.output = output
  }

  /// Writes what comes before the first document.
  func start() throws(Failure) {
    switch format {
    case .json: try output.write(json.entitiesHeader())
    case .tsv: try output.write(Array(EntityTable.tsvHeader.utf8))
    case .table, .jsonl: break
    }
  }

  /// A document's output, and with its trace (`--explain`) its explanation.
  @Sendable func render(_ document: Document, _ trace: Recognizer.Trace?) -> Rendered {
    let bytes: [UInt8]
    switch format {
    case .json: bytes = json.entitiesDocument(document)
    case .jsonl: bytes = json.entitiesLine(document)
    case .tsv: bytes = Array(EntityTable.tsv(document).utf8)
    case .table: bytes = Array(EntityTable.table(document).utf8)
    }
    let explanation = trace.map {
      EntityTable.explanation(document, $0, gazetteer: gazetteer)
    }
    return Rendered(bytes: bytes, explanation: explanation)
  }

  /// Writes a document's output, `before` documents having been written.
  @Sendable func write(_ rendered: Rendered, before: Int) throws(Failure) {
    if format == .json && before > 0 { try output.write(JSONWriter.entitiesSeparator) }
    try output.write(rendered.bytes)
    if let explanation = rendered.explanation { FileIO.printError(explanation) }
  }

  /// Writes what comes after the last document, `documents` having been written.
  func finish(documents: Int) throws(Failure) {
    if format == .json { try output.write(json.entitiesFooter(documents: documents)) }
  }
}

enum EntitiesFormat: String, ExpressibleByArgument, CaseIterable {
  case table, tsv, json, jsonl
}

/// Plain-text forms of the entities list.
enum EntityTable {
  /// The first line of the TSV list.
  static let tsvHeader = "document\tstart\tend\tsentence\ttype\tentity\tform\tsource\ttext\n"

  /// A document's lines of the TSV list, a mention a line.
  static func tsv(_ document: Document) -> String {
    var out = ""
    let id = clean(document.id)
    for m in document.mentions {
      out +=
        "\(id)\t\(m.start)\t\(m.end)\t\(m.sentence)\t\(m.type.rawValue)\t\(m.entity)\t\(m.form.rawValue)\t\(m.source)\t\(clean(m.text))\n"
    }
    return out
  }

  /// A document's table: a line on the document, then its entities, most mentioned first.
  static func table(_ document: Document) -> String {
    var out =
      "\(clean(document.id)): \(document.entities.count) entities, \(document.mentions.count) mentions, \(document.sentences.count) sentences\n"
    let rows = document.entities.sorted { ($1.mentions, $0.id) < ($0.mentions, $1.id) }.map {
      [
        $0.type.rawValue, clean($0.label), String($0.mentions),
        $0.aliases.map(clean).joined(separator: " | "),
      ]
    }
    out += format(rows: [["type", "entity", "mentions", "forms seen"]] + rows)
    return out
  }

  /// A document's mentions, each with the dictionary entry (file and line) or rule behind it,
  /// and what it beat; the dropped lines first.
  static func explanation(
    _ document: Document, _ trace: Recognizer.Trace, gazetteer: Gazetteer
  ) -> String {
    func origin(_ source: String, _ entity: String?) -> String {
      guard source == "dictionary", let entity, let position = gazetteer.index[entity] else {
        return source
      }
      let where_ = gazetteer.entries[position].origin
      return where_.isEmpty
        ? "dictionary entry \(entity)" : "dictionary entry \(entity) at \(where_)"
    }
    var out = ["== \(clean(document.id))"]
    for line in trace.dropped {
      out.append("dropped [\(line.range.lowerBound)..<\(line.range.upperBound)] \(line.reason)")
    }
    for m in document.mentions {
      var line =
        "\(m.start)..<\(m.end) '\(clean(m.text))' \(m.type.rawValue) \(m.entity) (\(m.form.rawValue), \(origin(m.source, m.entity)))"
      let beaten = trace.beaten.filter { $0.by.start == m.start && $0.by.end == m.end }
      if !beaten.isEmpty {
        line +=
          " beat "
          + beaten.map {
            "\(origin($0.0.source, $0.0.entity)) \($0.0.type.rawValue) [\($0.0.start)..<\($0.0.end)]"
          }
          .joined(separator: ", ")
      }
      out.append(line)
    }
    return out.joined(separator: "\n")
  }

  /// A field on one line, without the control characters a terminal would obey.
  private static func clean(_ text: String) -> String {
    TerminalText.line(text)
  }

  private static func format(rows: [[String]]) -> String {
    guard let columns = rows.first?.count else { return "" }
    var widths = Array(repeating: 0, count: columns)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
    return rows.map { row in
      row.enumerated().map { i, cell in
        i == columns - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
      }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
  }
}
