import Foundation
import Testing

@testable import NewsGraph

@Suite struct JSONWriterTests {
  struct EscapeCase: Sendable, CustomTestStringConvertible {
    var input: String
    var output: String
    var explanation: String
    var testDescription: String { explanation }
  }

  @Test(arguments: [
    EscapeCase(input: "say \"hi\"", output: #""say \"hi\"""#, explanation: "double quotes"),
    EscapeCase(input: #"C:\dir"#, output: #""C:\\dir""#, explanation: "backslash"),
    EscapeCase(input: "a\nb\rc\td", output: #""a\nb\rc\td""#, explanation: "short escapes"),
    EscapeCase(
      input: "\u{1}\u{1F}\u{7F}", output: #""\u0001\u001f\u007f""#,
      explanation: "other control characters"),
    EscapeCase(
      input: "a\u{2028}b\u{2029}c", output: #""a\u2028b\u2029c""#,
      explanation: "line separators break JavaScript"),
    EscapeCase(input: "Zoë 😀 /", output: "\"Zoë 😀 /\"", explanation: "other text as it is"),
  ])
  func escapesStrings(_ example: EscapeCase) {
    #expect(JSONText.quoted(example.input) == example.output)
  }

  /// Strings are read eight bytes at a time, and the last few bytes in one look at the last
  /// eight: an escape is found in every place of every short length, tail or not.
  @Test func escapesAreFoundInEveryPlace() {
    for length in 1...17 {
      for at in 0..<length {
        for (raw, escaped) in [("\"", "\\\""), ("\n", "\\n"), ("\u{1}", "\\u0001")] {
          let plain = Array(repeating: "x", count: length)
          var text = plain
          text[at] = raw
          let expected =
            "\"" + plain[..<at].joined() + escaped + plain[(at + 1)...].joined() + "\""
          #expect(JSONText.quoted(text.joined()) == expected, "length \(length), at \(at)")
        }
      }
      let plain = String(repeating: "x", count: length)
      #expect(JSONText.quoted(plain) == "\"" + plain + "\"")
    }
  }

  @Test func numbersAreIntegersWhenWhole() {
    #expect(JSONText.number(3) == "3")
    #expect(JSONText.number(2.5) == "2.5")
    #expect(JSONText.number(.nan) == "null")
  }

  /// Whole numbers are written a digit at a time: every length, the largest and the negatives
  /// read as `String(_:)` writes them.
  @Test(arguments: [
    0, 7, 9, 10, 99, 100, 1_234_567_890, 10_000_000_000_000_000, Int.max, -1, Int.min,
  ])
  func integersAreWrittenInDecimal(_ value: Int) {
    var json = JSONText()
    json.appendInteger(value)
    let text = json.output
    #expect(text == String(value))
  }

  /// The writer's memory grows as the text does: a string longer than it, with escapes, and a
  /// thousand items after it come out whole.
  @Test func longTextsComeOutWhole() {
    let long = String(repeating: "a\"b\u{1}é", count: 2_000)
    var json = JSONText()
    json.appendQuoted(long)
    for item in 0..<1_000 { json.appendInteger(item) }
    let bytes = json.finishedLine()
    let expected =
      JSONText.quoted(long) + (0..<1_000).map { String($0) }.joined() + "\n"
    #expect(String(decoding: bytes, as: UTF8.self) == expected)
    #expect(bytes.count == expected.utf8.count)
    let empty = json.output
    #expect(empty.isEmpty, "taking the line leaves the writer empty")
  }

  static func parse(_ text: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any])
  }

  @Test func graphIsANodeLinkDocumentThatRoundTripsLabels() throws {
    let graph = EmitSamples.hostileGraph
    let json = try Self.parse(JSONWriter(version: "9.9").graph(graph))
    #expect(json["directed"] as? Bool == false)
    #expect(json["multigraph"] as? Bool == false)
    let meta = try #require(json["graph"] as? [String: Any])
    #expect(meta["generator"] as? String == "newsgraph 9.9")
    #expect(meta["window"] as? String == "sentence")
    #expect(meta["documents"] as? Int == 1)
    let nodes = try #require(json["nodes"] as? [[String: Any]])
    #expect(nodes.compactMap { $0["label"] as? String } == EmitSamples.hostileLabels)
    #expect(nodes.compactMap { $0["id"] as? String } == graph.nodes.map(\.id))
    #expect(nodes.compactMap { $0["type"] as? String } == graph.nodes.map(\.type.rawValue))
    let aliases = nodes.compactMap { $0["aliases"] as? [String] }
    #expect(aliases == EmitSamples.hostileLabels.map { [$0] })
    let links = try #require(json["links"] as? [[String: Any]])
    #expect(links.count == graph.edges.count)
    let first = try #require(links.first)
    #expect(first["source"] as? String == graph.edges[0].source)
    #expect(first["weight"] as? Int == 2)
    let evidence = try #require((first["evidence"] as? [[String: Any]])?.first)
    #expect(evidence["document"] as? String == "doc \"1\"")
    #expect(evidence["text"] as? String == graph.edges[0].evidence[0].text)
  }

  @Test func emptyGraphIsValidJSON() throws {
    let graph = CooccurrenceGraph(nodes: [], edges: [], window: .paragraph, documentCount: 0)
    let json = try Self.parse(JSONWriter().graph(graph))
    #expect((json["nodes"] as? [Any])?.isEmpty == true)
    #expect((json["links"] as? [Any])?.isEmpty == true)
  }

  @Test func entitiesListMentionsWithOffsets() throws {
    let input = "😀 Égypte? No: Egypt\u{2019}s ally Russia."
    let document = Pipeline.document(input, rules: [])
    let json = try Self.parse(JSONWriter().entities([document]))
    let documents = try #require(json["documents"] as? [[String: Any]])
    let mentions = try #require(documents.first?["mentions"] as? [[String: Any]])
    #expect(mentions.compactMap { $0["text"] as? String } == ["Egypt", "Russia"])
    for mention in mentions {
      let start = try #require(mention["start"] as? Int)
      let end = try #require(mention["end"] as? Int)
      #expect(input.scalars(start..<end) == mention["text"] as? String)
    }
    let entities = try #require(documents.first?["entities"] as? [[String: Any]])
    #expect(entities.compactMap { $0["id"] as? String } == ["country/egypt", "country/russia"])
  }

  /// Documents for the entities list: none, one with no mentions, and two with mentions,
  /// one with text that needs escapes.
  static func entityDocuments() -> [Document] {
    [
      Pipeline.document("Nothing here at all.", rules: []),
      Pipeline.document("Egypt and Russia met. Russia \"won\".", rules: []),
      Pipeline.document("😀 Égypte? No: Egypt\u{2019}s ally Russia.\tFrance\u{2028}.", rules: []),
    ].enumerated().map { index, document in
      var document = document
      document.id = "doc \"\(index)\""
      return document
    }
  }

  /// The header, each document, the separators and the footer are the bytes of the whole list,
  /// for none, one and several documents: what `entities` streams is what it wrote at once.
  @Test(arguments: 0...3)
  func streamedEntitiesAreTheWholeList(count: Int) throws {
    let writer = JSONWriter()
    let documents = Array(Self.entityDocuments().prefix(count))
    var streamed = writer.entitiesHeader()
    for (index, document) in documents.enumerated() {
      if index > 0 { streamed += JSONWriter.entitiesSeparator }
      streamed += writer.entitiesDocument(document)
    }
    streamed += writer.entitiesFooter(documents: documents.count)
    #expect(String(decoding: streamed, as: UTF8.self) == writer.entities(documents))
    _ = try Self.parse(String(decoding: streamed, as: UTF8.self))
  }

  /// A JSON Lines line holds what the whole list holds of its document, on one line.
  @Test func entitiesLineIsTheDocumentOnOneLine() throws {
    let writer = JSONWriter()
    for document in Self.entityDocuments() {
      let line = String(decoding: writer.entitiesLine(document), as: UTF8.self)
      #expect(line.hasSuffix("}\n"))
      #expect(line.dropLast().firstIndex(of: "\n") == nil, "one line: \(line)")
      let parsed = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? NSDictionary)
      let whole = try Self.parse(writer.entities([document]))
      let expected = try #require((whole["documents"] as? [Any])?.first as? NSDictionary)
      #expect(parsed == expected)
      #expect(parsed.allKeys.count == 4)
    }
  }

  @Test func sameInputGivesTheSameBytes() {
    let once = JSONWriter().graph(EmitSamples.articleGraph())
    let twice = JSONWriter().graph(EmitSamples.articleGraph())
    #expect(Array(once.utf8) == Array(twice.utf8))
    #expect(once.hasSuffix("}\n"))
  }
}
