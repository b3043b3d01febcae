@testable import NewsGraph

/// A small deterministic random number generator, so property tests replay exactly.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Random analyzed documents for property tests: sentences in paragraphs naming entities
/// from a small pool, with repeated document ids, labels that differ between documents, and
/// dates on some documents.
enum RandomCorpus {
  struct Article {
    var document: Document
    var text: SourceText
    var metadata: DocumentMetadata
  }

  static let pool = [
    "country/egypt", "country/russia", "country/france", "person/ann-lee", "person/bo-ek",
    "organization/un", "organization/nato", "place/cairo", "place/paris", "place/oslo",
    "person/cy-do", "country/chad",
  ]

  static func type(of id: String) -> EntityType {
    EntityType(rawValue: String(id.prefix { $0 != "/" })) ?? .place
  }

  static func articles(count: Int, using rng: inout SplitMix64) -> [Article] {
    (0..<count).map { _ in article(using: &rng) }
  }

  static func article(using rng: inout SplitMix64) -> Article {
    let id = "doc\(Int.random(in: 0..<6, using: &rng))"
    let sentenceCount = Int.random(in: 0...7, using: &rng)
    var text = ""
    var sentences: [Document.Sentence] = []
    var mentions: [Mention] = []
    var paragraph = 0
    for index in 0..<sentenceCount {
      if Int.random(in: 0..<3, using: &rng) == 0 { paragraph += 1 }
      let named = (0..<Int.random(in: 0...4, using: &rng)).map { _ in
        pool[Int.random(in: 0..<pool.count, using: &rng)]
      }
      if !text.isEmpty { text += " " }
      let start = text.unicodeScalars.count
      text += "S\(index) of \(id) names \(named.joined(separator: " and "))."
      let end = text.unicodeScalars.count
      sentences.append(
        Document.Sentence(tokens: 0..<0, paragraph: paragraph, start: start, end: end))
      for entity in named {
        mentions.append(
          Mention(
            text: entity, start: start, end: start + 1, sentence: index, type: type(of: entity),
            entity: entity, form: .name, source: "dictionary"))
      }
    }
    var counts: [String: Int] = [:]
    for mention in mentions { counts[mention.entity, default: 0] += 1 }
    let entities = counts.keys.sorted().map { entity in
      // Labels vary between documents, as rule-found names do; the graph keeps the smallest.
      let label = entity.uppercased() + (Bool.random(using: &rng) ? "" : " (alt)")
      return Entity(
        id: entity, type: type(of: entity), label: label, mentions: counts[entity] ?? 0,
        aliases: [entity, "alias-\(Int.random(in: 0..<3, using: &rng))"].sorted())
    }
    let document = Document(
      id: id, tokens: [], sentences: sentences, mentions: mentions, entities: entities,
      length: text.unicodeScalars.count)
    let day = Int.random(in: 0..<40, using: &rng)
    let date: String? =
      day < 30 ? "2024-0\(day < 10 ? 4 : 5)-\(day % 10 < 9 ? "0\(day % 10 + 1)" : "10")" : nil
    return Article(
      document: document, text: SourceText(text),
      metadata: DocumentMetadata(date: date, source: day % 2 == 0 ? "wire" : nil))
  }

  static func graph(
    _ articles: [Article], window: Window = .sentence, evidenceLimit: Int = 2
  ) -> CooccurrenceGraph {
    var accumulator = GraphBuilder.Accumulator(
      builder: GraphBuilder(window: window, evidenceLimit: evidenceLimit))
    for article in articles {
      accumulator.add(article.document, text: article.text, metadata: article.metadata)
    }
    return accumulator.graph()
  }

  static let windows: [Window] = [.sentence, .paragraph, .document, .sentences(2)]
}
