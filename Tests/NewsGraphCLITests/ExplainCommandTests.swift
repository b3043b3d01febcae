import Foundation
import Testing

@Suite(.enabled(if: CommandRunner.hasDictionaries, "dictionaries/ has not been generated yet"))
struct ExplainCommandTests {
  @Test func explainNamesTheDictionaryLineAndTheRulesBeaten() throws {
    let text = "Russian President Vladimir Putin spoke.\n"
    let result = try CommandRunner.run(
      "entities", ["--explain", "-"], stdin: Data(text.utf8))
    #expect(result.status == 0, "\(result)")
    let putin = try #require(
      result.stderrLines.first { $0.contains("'Vladimir Putin'") }, "\(result.stderr)")
    #expect(putin.contains("dictionary entry person/vladimir-putin at "))
    #expect(putin.contains("people.tsv:"), "names the file and line of the entry")
    #expect(putin.contains("beat rule:titled-person"), "lists the rule it beat")
  }

  @Test func explainListsDroppedFurniture() throws {
    let text = "Advertisement\n\nEgypt and Russia signed a deal.\n"
    let result = try CommandRunner.run("entities", ["--explain", "-"], stdin: Data(text.utf8))
    #expect(result.status == 0, "\(result)")
    #expect(result.stderrLines.contains { $0.hasPrefix("dropped [0..<13] page interface text") })
    #expect(result.stderrLines.contains { $0.contains("'Egypt' country country/egypt") })
  }
}
