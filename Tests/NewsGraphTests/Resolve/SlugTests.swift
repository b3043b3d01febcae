import Testing

@testable import NewsGraph

@Suite struct SlugTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var label: String
    var slug: String
    var explanation: String
    var testDescription: String { explanation }
  }

  @Test(arguments: [
    Case(
      label: "Abdel Fattah al-Sisi", slug: "abdel-fattah-al-sisi", explanation: "spaces and hyphens"
    ),
    Case(label: "São Paulo", slug: "sao-paulo", explanation: "a precomposed accent is folded"),
    Case(
      label: "Sa\u{0303}o Paulo", slug: "sao-paulo", explanation: "a combining accent is dropped"),
    Case(label: "U.S.", slug: "us", explanation: "periods of an acronym vanish"),
    Case(
      label: "Côte d'Ivoire", slug: "cote-divoire", explanation: "an apostrophe joins, not splits"),
    Case(label: "Straße & Œuvre", slug: "strasse-oeuvre", explanation: "ligatures and ß expand"),
    Case(
      label: "  AT&T -- Inc  ", slug: "at-t-inc",
      explanation: "runs of other characters are one dash, none at the ends"),
    Case(label: "Москва", slug: "москва", explanation: "non-Latin letters are kept, lower-cased"),
    Case(label: "G7 2024", slug: "g7-2024", explanation: "digits are kept"),
  ])
  func makesSlugs(_ example: Case) {
    #expect(Slug.make(example.label) == example.slug)
  }

  @Test func idIsTypeSlashSlug() {
    #expect(Slug.id(.person, "Abdel Fattah al-Sisi") == "person/abdel-fattah-al-sisi")
    #expect(Slug.id(.place, "São Paulo") == "place/sao-paulo")
    #expect(Slug.id(.country, "U.S.") == "country/us")
  }

  @Test(arguments: EntityType.allCases)
  func idStartsWithTheTypeName(_ type: EntityType) {
    #expect(Slug.id(type, "Cairo") == type.rawValue + "/cairo")
  }

  @Test func idHasNoDashAfterTheSlash() {
    // Separators before the first letter give no dash, whether the label is ASCII or not.
    #expect(Slug.id(.organization, "  -- AT&T") == "organization/at-t")
    #expect(Slug.id(.place, " (São) Paulo") == "place/sao-paulo")
    #expect(Slug.id(.place, "--") == "place/")
  }
}
