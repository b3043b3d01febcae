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
      usage error. 'diff' exits like diff(1): 0 same, 1 different, 2 trouble (usage errors \
      included).
      """,
    version: NewsGraphVersion.current,
    subcommands: [Graph.self, Entities.self, Merge.self, Diff.self, Explain.self]
  )

  /// Runs the command; a usage error of `diff` exits with 2, as diff(1) does, so that 1 always
  /// means "the graphs differ".
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    TemporaryFiles.installSignalHandlers()
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch {
      if arguments.first == "diff" {
        let code = exitCode(for: error)
        if code.rawValue != 0 && code.rawValue != 1 && code.rawValue != 2 {
          FileIO.printError(fullMessage(for: error))
          exit(withError: ExitCode(2))
        }
      }
      exit(withError: error)
    }
  }
}
