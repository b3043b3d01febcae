import Testing

@testable import NewsGraph

/// An entity keeps one alias without an array, and reads and compares as the list it was given.
@Suite struct EntityTests {
  static func entity(_ aliases: [String]) -> Entity {
    Entity(id: "place/a", type: .place, label: "A", mentions: 1, aliases: aliases)
  }

  @Test(arguments: [[], ["A"], ["A", "Aa"], ["A", "Aa", "Ab"]] as [[String]])
  func aliasesReadAsGiven(aliases: [String]) {
    #expect(Self.entity(aliases).aliases == aliases)
    var changed = Self.entity(["X", "Y"])
    changed.aliases = aliases
    #expect(changed.aliases == aliases)
    #expect(changed == Self.entity(aliases), "the same list is stored the same way")
    #expect(Set([changed, Self.entity(aliases)]).count == 1)
  }

  @Test func aliasesAreStoredWithoutAnArrayForOne() {
    #expect(Self.entity([]).storedAliases == .none)
    #expect(Self.entity(["A"]).storedAliases == .one("A"))
    #expect(Self.entity(["A", "B"]).storedAliases == .many(["A", "B"]))
    #expect(Self.entity(["A"]) != Self.entity(["B"]))
    #expect(Self.entity(["A"]) != Self.entity(["A", "B"]))
  }
}
