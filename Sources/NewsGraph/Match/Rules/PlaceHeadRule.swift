/// Capitalized words ending in a geographic or administrative head are a place: "Lincoln
/// Park", "Miami Beach", "Ford County", "Hay Street", "Deccan Plateau", "Atlantic City".
public struct PlaceHeadRule: Rule {
  public init() { source = "rule:\(id)" }

  public let id = "place-head"
  public let source: String
  public let summary = "capitalized words with a place head word (Street, River, County ...)"
  public let examples: [RuleExample] = [
    RuleExample(
      "They met in «Lincoln Park» on Sunday.", .place, "a given name is not a person here"),
    RuleExample("A house on «Hay Street» burned.", .place, "a street"),
    RuleExample("Flooding hit «Ford County» and «Miami Beach».", .place, "county and beach"),
    RuleExample("The park was closed.", .place, "a head in lower case is no name"),
  ]

  static let heads: WordSet = [
    "Street", "St.", "Avenue", "Ave.", "Road", "Rd.", "Boulevard", "Lane", "Square", "Bridge",
    "River", "Creek", "Lake", "Reservoir", "Island", "Islands", "Beach", "Hills", "Hill",
    "Mountain", "Mountains", "Mount", "Valley", "County", "Province", "District", "Region",
    "Prefecture", "Governorate", "Oblast", "Municipality", "Township", "Parish", "Bay",
    "Harbour", "Harbor", "Port", "Airport", "Station", "Stadium", "Arena", "Dock", "Docks",
    "Canal", "Peninsula", "Desert", "Forest", "Falls", "Heights", "Springs", "Plateau", "Pass",
    "Gorge", "Glacier", "Cape", "Coast", "Plain", "Plains", "Strait", "Sound", "Gulf", "Ocean",
    "Sea", "Estate", "Field", "Fields", "Park", "Gardens", "City", "Town", "Village", "Pond",
    "Brook", "Canyon", "Highway", "Expressway", "Motorway", "Border", "Crossing", "Camp",
  ]

  /// The facts a sentence needs one of for the rule to find anything in it: `RuleCalls` passes
  /// over a sentence without any, and does not call the rule.
  static var sentenceCue: TokenFacts { .placeHead }

  public func appendCandidates(in context: SentenceContext, to result: inout [Candidate]) {
    let tokens = context.tokens
    let range = context.range
    guard !context.block.isAllCaps, !context.sentenceFacts.isDisjoint(with: Self.sentenceCue) else {
      return
    }
    for i in context.tokens(withAnyOf: .placeHead) {
      var start = i
      while start > range.lowerBound, i - start < 4 {
        let previous = tokens[start - 1]
        guard previous.kind == .word, previous.isCapitalized,
          !context.facts(at: start - 1).contains(.functionWord),
          !context.caseIsWeak || context.dictionaryMatch(at: start - 1) != nil
        else { break }
        start -= 1
      }
      // A sentence's first word may be an ordinary capitalized word: keep it only when the
      // dictionary knows it or a name follows.
      if start == range.lowerBound, i - start >= 2, context.dictionaryMatch(at: start) == nil {
        start += 1
      }
      guard start < i else { continue }
      result.append(makeCandidate(start..<(i + 1), .place, context, priority: 7))
    }
  }
}
