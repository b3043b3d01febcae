import ArgumentParser
import NewsGraph

extension NewsGraphCommand {
  struct Entities: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "entities",
      abstract:
        "List the mentions of people, countries, organizations and places in articles, with offsets.",
      discussion: """
        Offsets are Unicode code points from the start of the input, end exclusive. With \
        --explain, each mention also shows the dictionary entry or rule that produced it and \
        the candidates it beat, and the lines dropped as page furniture are listed.
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var dictionaries: DictionaryOptions

    @Option(help: "Output format: table, tsv or json.")
    var format: EntitiesFormat = .table

    @Option(
      name: .shortAndLong,
      help: ArgumentHelp("Output file; '-' for standard output.", valueName: "path"))
    var output: String = "-"

    @Flag(help: "Say which dictionary entry or rule produced each mention and what it beat.")
    var explain = false

    func run() throws {
      try reportingFailures {
        let recognizer = Recognizer(gazetteer: try DictionaryLoader.gazetteer(dictionaries))
        var documents: [Document] = []
        var traces: [Recognizer.Trace] = []
        for path in try input.paths() {
          let text = try FileIO.readText(path)
          let (document, trace) = recognizer.analyzeWithTrace(
            id: Articles.documentID(path), text: text)
          documents.append(document)
          traces.append(trace)
        }
        let text: String
        switch format {
        case .json: text = JSONWriter().entities(documents)
        case .tsv: text = EntityTable.tsv(documents)
        case .table: text = EntityTable.table(documents)
        }
        try FileIO.write(text, to: output)
        if explain {
          FileIO.printError(
            EntityTable.explanation(documents, traces, gazetteer: recognizer.gazetteer))
        }
      }
    }
  }
}

enum EntitiesFormat: String, ExpressibleByArgument, CaseIterable {
  case table, tsv, json
}

/// Plain-text forms of the entities list.
enum EntityTable {
  static func tsv(_ documents: [Document]) -> String {
    var lines = ["document\tstart\tend\tsentence\ttype\tentity\tform\tsource\ttext"]
    for document in documents {
      for m in document.mentions {
        lines.append(
          "\(clean(document.id))\t\(m.start)\t\(m.end)\t\(m.sentence)\t\(m.type.rawValue)\t\(m.entity)\t\(m.form.rawValue)\t\(m.source)\t\(clean(m.text))"
        )
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func table(_ documents: [Document]) -> String {
    var out = ""
    for document in documents {
      out +=
        "\(clean(document.id)): \(document.entities.count) entities, \(document.mentions.count) mentions, \(document.sentences.count) sentences\n"
      let rows = document.entities.sorted { ($1.mentions, $0.id) < ($0.mentions, $1.id) }.map {
        [
          $0.type.rawValue, clean($0.label), String($0.mentions),
          $0.aliases.map(clean).joined(separator: " | "),
        ]
      }
      out += format(rows: [["type", "entity", "mentions", "forms seen"]] + rows)
    }
    return out
  }

  /// Each mention with the dictionary entry (file and line) or rule behind it, and what it
  /// beat; the dropped lines first.
  static func explanation(
    _ documents: [Document], _ traces: [Recognizer.Trace], gazetteer: Gazetteer
  ) -> String {
    func origin(_ source: String, _ entity: String?) -> String {
      guard source == "dictionary", let entity, let position = gazetteer.index[entity] else {
        return source
      }
      let where_ = gazetteer.entries[position].origin
      return where_.isEmpty
        ? "dictionary entry \(entity)" : "dictionary entry \(entity) at \(where_)"
    }
    var out: [String] = []
    for (document, trace) in zip(documents, traces) {
      out.append("== \(clean(document.id))")
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
