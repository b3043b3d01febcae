import ArgumentParser

/// The articles to read.
struct InputOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp("Article text files (UTF-8); '-' reads standard input.", valueName: "file"))
  var files: [String] = []

  @OptionGroup var fileList: FileListOptions

  func validate() throws {
    if files.isEmpty && fileList.filesFrom == nil {
      throw ValidationError(
        "give at least one article file, '-' for standard input, or --files-from")
    }
  }

  /// The files given as arguments, then those of `--files-from`.
  func paths() throws(Failure) -> [String] { try fileList.paths(files) }
}
