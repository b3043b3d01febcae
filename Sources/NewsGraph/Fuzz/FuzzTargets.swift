/// Entry points for fuzzing: each takes arbitrary bytes, runs one part of newsgraph on them and
/// checks what must hold for every input.
///
/// Bad input is never a trap (it is an error value, or a result); a broken invariant is, and
/// that is what a fuzzer reports. The libFuzzer targets in `fuzz/` call these functions, and a
/// test replays the inputs kept in `fuzz/corpus/` through them without the fuzzer.
public enum FuzzTargets {
  /// The text pipeline: UTF-8 decoding, the recognizer, the graph of a kind of window chosen
  /// by the input's last byte (some with small entity limits, so that capped windows are
  /// exercised too), every writer, and the graph JSON read back to the same graph.
  public static func text(_ bytes: [UInt8], recognizer: Recognizer) {
    guard let text = try? SourceText(utf8: bytes) else { return }
    let document = recognizer.analyze(id: "fuzz", text: text)
    check(document, length: text.count)
    let builders = [
      GraphBuilder(window: .sentence), GraphBuilder(window: .paragraph, windowEntityLimit: 3),
      GraphBuilder(window: .document, evidenceLimit: 1, evidenceLength: 20),
      GraphBuilder(window: .sentences(3), windowEntityLimit: 2),
    ]
    // One window an input: the writers cost far more than the analysis, and the fuzzer tries
    // every last byte anyway.
    let builder = builders[Int(bytes.last ?? 0) % builders.count]
    let graph = builder.graph(of: [(document, text)])
    check(graph)
    checkWriters(graph)
    checkRoundTrip(graph)
  }

  /// The dictionary loader: a dictionary file's text is parsed and, when it is one, added to a
  /// small built-in gazetteer as a user's dictionary and used on a text made of its own names.
  public static func dictionary(_ bytes: [UInt8]) {
    guard let text = String(validating: bytes, as: UTF8.self),
      let entries = try? DictionaryParser().entries(in: text, file: "fuzz.tsv")
    else { return }
    let gazetteer = Gazetteer(base: smallGazetteer, userEntries: entries)
    var article = ""
    for entry in entries.prefix(50) {
      article += ([entry.label] + entry.aliases + entry.demonyms).joined(separator: " and ")
      article += " met in Paris.\n\n"
    }
    let source = SourceText(article)
    let document = Recognizer(gazetteer: gazetteer).analyze(id: "fuzz", text: source)
    check(document, length: source.count)
    let graph = GraphBuilder(window: .paragraph).graph(of: [(document, source)])
    check(graph)
    checkRoundTrip(graph)
  }

  /// The graph JSON reader: whatever it accepts must be a consistent graph that writes back to
  /// itself, merges with itself into doubled counts, differs from itself in nothing, prunes
  /// and writes in every format.
  public static func graphJSON(_ bytes: [UInt8]) {
    guard let graph = try? GraphJSONReader().graph(bytes, file: "fuzz.json") else { return }
    check(graph)
    checkRoundTrip(graph)
    checkWriters(graph)
    guard let merged = try? GraphMerger().merge([graph, graph], weighting: graph.weighting) else {
      preconditionFailure("a graph does not merge with itself")
    }
    check(merged)
    precondition(merged.nodes.count == graph.nodes.count && merged.edges.count == graph.edges.count)
    precondition(merged.documentCount == 2 * graph.documentCount)
    precondition(GraphDiffer(weighting: graph.weighting).diff(graph, graph).isEmpty)
    let diff = GraphDiffer(weighting: .pmi).diff(graph, merged)
    _ = DiffTextWriter(oldName: "a", newName: "b").text(diff)
    checkJSON(DiffJSONWriter(oldName: "a", newName: "b").json(diff))
    checkDOT(DiffDOTWriter(oldName: "a", newName: "b").dot(diff), nodes: nil, edges: nil)
    for weighting in EdgeWeighting.allCases {
      var weighted = graph
      weighted.weighting = weighting
      for weight in weighted.weights() { precondition(!weight.isNaN, "a NaN \(weighting) weight") }
      let pruned = GraphPruner(
        focus: graph.nodes.first?.id, depth: 2, backbone: 0.5, minimumWeight: 0, topNodes: 5,
        topEdges: 7
      ).prune(weighted)
      check(pruned)
      checkWriters(pruned)
    }
  }

  /// The compiled-dictionary cache (`Gazetteer(serialized:)`): bytes with a valid magic and
  /// checksum, so that everything behind the checksum is exercised. A gazetteer it accepts must
  /// serve the recognizer on any text without trapping.
  public static func gazetteerCache(_ bytes: [UInt8]) {
    var body = cacheMagic + bytes
    while body.count % 8 != 0 { body.append(0) }
    let checksum = body.withUnsafeBytes { BinaryWriter.checksum($0) }
    withUnsafeBytes(of: checksum.littleEndian) { body += $0 }
    guard let gazetteer = Gazetteer(serialized: body) else { return }
    let text = SourceText(
      "President Vladimir Putin met Acme Corp in New York. US officials said Egypt's army ...")
    let document = Recognizer(gazetteer: gazetteer).analyze(id: "fuzz", text: text)
    check(document, length: text.count)
  }

  /// The gazetteer of the text target: dictionary files by name (`titles.tsv` and
  /// `given-names.tsv` are word lists, every other file an entity dictionary), read as the
  /// command reads them; nil when one is broken.
  public static func gazetteer(files: [(name: String, text: String)]) -> Gazetteer? {
    var entries: [DictionaryEntry] = []
    var titles: [(String, Gazetteer.TitleKind)] = []
    var givenNames: [String] = []
    for (name, text) in files {
      switch name {
      case "titles.tsv":
        for fields in wordList(text).dropFirst() where fields.count >= 2 {
          guard let kind = Gazetteer.TitleKind(rawValue: fields[1]) else { return nil }
          titles.append((fields[0], kind))
        }
      case "given-names.tsv":
        givenNames += wordList(text).dropFirst().compactMap(\.first)
      default:
        guard let more = try? DictionaryParser().entries(in: text, file: name) else { return nil }
        entries += more
      }
    }
    return Gazetteer(entries: entries, titles: titles, givenNames: givenNames)
  }

  /// Tab-separated rows of a word list, the header first, without comments and blank lines.
  private static func wordList(_ text: String) -> [[String]] {
    text.split(separator: "\n").map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
      .filter { !$0.isEmpty && !$0.hasPrefix("#") }
      .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
      .filter { !($0.first ?? "").isEmpty }
  }

  /// The built-in gazetteer of the dictionary target: small, so that adding a user's
  /// dictionary to it is cheap.
  static let smallGazetteer = Gazetteer(
    entries: [
      DictionaryEntry(
        id: "country/egypt", type: .country, label: "Egypt", demonyms: ["Egyptian"],
        population: 105_000_000),
      DictionaryEntry(
        id: "country/united-states", type: .country, label: "United States",
        aliases: ["US", "U.S."], demonyms: ["American"]),
      DictionaryEntry(id: "place/paris", type: .place, label: "Paris", population: 2_000_000),
      DictionaryEntry(
        id: "place/nice", type: .place, label: "Nice", population: 340_000, isCommonWord: true),
      DictionaryEntry(id: "organization/acme", type: .organization, label: "Acme Corp"),
      DictionaryEntry(id: "person/jane-doe", type: .person, label: "Jane Doe", aliases: ["Doe"]),
    ],
    titles: [("President", .role), ("Mr.", .honorific)], givenNames: ["Jane", "Vladimir"])

  /// The first 8 bytes of every serialized gazetteer.
  private static let cacheMagic = Array(
    Gazetteer(entries: [], titles: [], givenNames: []).serialized().prefix(8))

  /// Offsets, sentences and entities of an analyzed document agree.
  static func check(_ document: Document, length: Int) {
    precondition(document.length == length)
    var previousEnd = 0
    for sentence in document.sentences {
      precondition(sentence.start >= previousEnd && sentence.start <= sentence.end)
      precondition(sentence.end <= length)
      precondition(sentence.tokens.upperBound <= document.tokens.count)
      previousEnd = sentence.end
    }
    let ids = Set(document.entities.map(\.id))
    precondition(ids.count == document.entities.count, "an entity is listed twice")
    var counts: [String: Int] = [:]
    for mention in document.mentions {
      precondition(0 <= mention.start && mention.start < mention.end && mention.end <= length)
      precondition(document.sentences.indices.contains(mention.sentence))
      precondition(ids.contains(mention.entity), "a mention of an entity not listed")
      counts[mention.entity, default: 0] += 1
    }
    for entity in document.entities {
      precondition(counts[entity.id] == entity.mentions, "mentions of '\(entity.id)' miscounted")
    }
  }

  /// Every count of a graph is one that documents can give.
  static func check(_ graph: CooccurrenceGraph) {
    var windows: [String: Int] = [:]
    for (index, node) in graph.nodes.enumerated() {
      precondition(index == 0 || graph.nodes[index - 1].id < node.id, "nodes out of order")
      precondition(node.documents <= graph.documentCount && node.windows <= graph.windowCount)
      windows[node.id] = node.windows
    }
    for (index, edge) in graph.edges.enumerated() {
      if index > 0 {
        let previous = graph.edges[index - 1]
        precondition((previous.source, previous.target) < (edge.source, edge.target))
      }
      precondition(edge.source < edge.target, "a link's ends out of order")
      guard let a = windows[edge.source], let b = windows[edge.target] else {
        preconditionFailure("a link to a node the graph does not have")
      }
      precondition(1 <= edge.documents && edge.documents <= edge.count)
      precondition(edge.count <= a && edge.count <= b, "a link in more windows than its ends")
      precondition(edge.evidence.count <= graph.evidenceLimit)
      precondition(edge.evidence == edge.evidence.sorted(), "evidence out of order")
    }
  }

  /// The graph JSON is JSON and reads back to the same graph. (`GraphJSONReader` checks the
  /// whole text with the strict reader before it reads the graph, so a separate `checkJSON`
  /// would only read it twice.)
  static func checkRoundTrip(_ graph: CooccurrenceGraph) {
    let json = JSONWriter().graph(graph)
    do {
      let back = try GraphJSONReader().graph(Array(json.utf8), file: "round-trip.json")
      precondition(back == graph, "the graph JSON does not read back to the same graph")
    } catch {
      preconditionFailure("the graph JSON written cannot be read: \(error)")
    }
  }

  /// Every writer runs, and the text each writes keeps its structure whatever the labels.
  static func checkWriters(_ graph: CooccurrenceGraph) {
    checkDOT(DOTWriter(title: "t\"i]t<le>\\").dot(graph), nodes: graph.nodes.count, edges: nil)
    for xml in [GraphMLWriter().graphML(graph), GEXFWriter().gexf(graph)] { checkXML(xml) }
    for table in [CSVWriter().nodes(graph), CSVWriter().edges(graph)] {
      precondition(table.hasSuffix("\r\n"))
    }
  }

  /// DOT has one statement a line, and every quoted string is closed on its line.
  ///
  /// Read as UTF-8 bytes: every character that matters is ASCII, and no byte of a multi-byte
  /// character is one, so this is the same as reading characters, at a fraction of the cost.
  static func checkDOT(_ dot: String, nodes: Int?, edges: Int?) {
    var dot = dot
    dot.withUTF8 { bytes in
      let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
      precondition(lines.first?.last == UInt8(ascii: "{"), "DOT does not open with '{'")
      precondition(
        lines.count >= 2 && lines[lines.count - 2].elementsEqual([UInt8(ascii: "}")]),
        "DOT does not close with '}'")
      var nodeLines = 0
      var edgeLines = 0
      for line in lines.dropFirst().dropLast(2) {
        var inside = false
        var escaped = false
        for byte in line {
          if escaped {
            escaped = false
          } else if byte == UInt8(ascii: "\\") && inside {
            escaped = true
          } else if byte == UInt8(ascii: "\"") {
            inside.toggle()
          }
          precondition(byte >= 0x20 || byte == 0x09, "a control character in DOT")
        }
        precondition(!inside, "a DOT string runs past its line")
        switch statement(line) {
        case "node": nodeLines += 1
        case "edge": edgeLines += 1
        default: break
        }
      }
      if let nodes {
        precondition(nodeLines == nodes, "DOT has \(nodeLines) node lines for \(nodes)")
      }
      if let edges {
        precondition(edgeLines == edges, "DOT has \(edgeLines) edge lines for \(edges)")
      }
    }
  }

  /// "node" for `  n12 [...`, "edge" for `  n1 -- n2 [...`, else "": a line of DOT as UTF-8.
  static func statement(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> String {
    var rest = line
    func skip(_ text: StaticString) -> Bool {
      let prefix = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
      guard rest.starts(with: prefix) else { return false }
      rest = rest.dropFirst(prefix.count)
      return true
    }
    func name() -> Bool {
      guard skip("n") else { return false }
      let digits = rest.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
      rest = rest.dropFirst(digits.count)
      return !digits.isEmpty
    }
    guard skip("  "), name() else { return "" }
    if rest.first == UInt8(ascii: " ") && rest.dropFirst().first == UInt8(ascii: "[") {
      return "node"
    }
    guard skip(" -- "), name() else { return "" }
    return rest.first == UInt8(ascii: " ") && rest.dropFirst().first == UInt8(ascii: "[")
      ? "edge" : ""
  }

  /// XML text with every markup character where markup belongs: outside tags no `<` but
  /// the tags' own, inside them quotes paired, every `&` a reference, no character XML 1.0
  /// forbids.
  ///
  /// Read as UTF-8 bytes, like `checkDOT`: markup is ASCII, and the characters XML forbids are
  /// the control bytes and the encodings of U+FFFE and U+FFFF (a String holds no surrogates).
  static func checkXML(_ xml: String) {
    var xml = xml
    xml.withUTF8 { bytes in
      let count = bytes.count
      var index = 0
      var inTag = false
      var quote: UInt8?
      while index < count {
        let byte = bytes[index]
        precondition(
          byte >= 0x20 || byte == 0x9 || byte == 0xA || byte == 0xD,
          "a character XML 1.0 forbids")
        precondition(
          !(byte == 0xEF && index + 2 < count && bytes[index + 1] == 0xBF
            && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF)),
          "a character XML 1.0 forbids")
        if byte == UInt8(ascii: "&") {
          var end = index + 1
          while end < count, end - index < 12, bytes[end] != UInt8(ascii: ";") { end += 1 }
          let name = bytes[(index + 1)..<min(end, count)]
          precondition(
            name.first == UInt8(ascii: "#")
              || ["amp", "lt", "gt", "quot", "apos"].contains { name.elementsEqual($0.utf8) },
            "a bare '&' in XML")
        }
        if let open = quote {
          precondition(byte != UInt8(ascii: "<"), "'<' in an attribute value")
          if byte == open { quote = nil }
        } else if inTag {
          if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { quote = byte }
          if byte == UInt8(ascii: ">") { inTag = false }
          precondition(byte != UInt8(ascii: "<"), "'<' inside a tag")
        } else if byte == UInt8(ascii: "<") {
          inTag = true
        } else {
          precondition(
            byte != UInt8(ascii: ">") || index == 0 || bytes[index - 1] != UInt8(ascii: "]"),
            "']>' in text")
        }
        index += 1
      }
      precondition(!inTag && quote == nil, "XML ends inside a tag")
    }
  }

  /// JSON text that the strict reader reads.
  static func checkJSON(_ json: String) {
    do {
      _ = try JSONReader(file: "fuzz.json").value(Array(json.utf8))
    } catch {
      preconditionFailure("written JSON is not JSON: \(error)")
    }
  }
}
