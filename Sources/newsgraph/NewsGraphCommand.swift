import ArgumentParser
import NewsGraph

@main
struct NewsGraphCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "newsgraph",
    abstract:
      "Turn news articles into diagrams of the people, countries, organizations and places they name.",
    discussion: """
      Exit status: 0 on success, 1 when an input, a dictionary or an output fails, 64 for a \
      usage error.
      """,
    version: NewsGraphVersion.current,
    subcommands: [Graph.self, Entities.self]
  )
}
