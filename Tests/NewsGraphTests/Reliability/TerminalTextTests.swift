import Testing

@testable import NewsGraph

/// Text reports go to terminals, which obey escape sequences: names and sentences from web
/// pages reach them on one line each, without control characters.
@Suite struct TerminalTextTests {
  @Test(arguments: [
    ("plain Zoë 🇪🇬", "plain Zoë 🇪🇬"),
    ("title\u{1B}]0;pwned\u{7}", "title\u{FFFD}]0;pwned\u{FFFD}"),
    ("red\u{1B}[31m", "red\u{FFFD}[31m"),
    ("two\nlines\r\tand\u{2028}more\u{85}", "two lines  and more "),
    ("c1\u{9B}31m del\u{7F}", "c1\u{FFFD}31m del\u{FFFD}"),
  ])
  func controlCharactersAreNotPassedOn(input: String, output: String) {
    #expect(TerminalText.line(input) == output)
  }

  @Test func diffTextHasOneLinePerItemAndNoEscapes() {
    var old = EmitSamples.hostileGraph
    old.nodes[0].label = "Evil\u{1B}[2J\nName"
    old.edges[0].evidence[0].text = "cleared\u{1B}[2J\nscreen"
    var new = old
    new.edges[0].count = 1
    let text = DiffTextWriter(oldName: "a", newName: "b").text(GraphDiffer().diff(old, new))
    #expect(!text.unicodeScalars.contains("\u{1B}"))
    #expect(text.contains("Evil\u{FFFD}[2J Name"))
    #expect(text.contains("cleared\u{FFFD}[2J screen"))
    #expect(!text.contains("\nName") && !text.contains("\nscreen"))
  }
}
