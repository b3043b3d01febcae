import ArgumentParser

/// The articles to read.
struct InputOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp("Article text files (UTF-8); '-' reads standard input.", valueName: "file"))
  var files: [String] = []

  func validate() throws {
    if files.isEmpty {
      throw ValidationError("give at least one article file, or '-' for standard input")
    }
  }
}
