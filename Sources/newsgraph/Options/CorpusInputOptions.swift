import ArgumentParser

/// The articles of a corpus command (`graph`, `entities`): inputs on the command line and in
/// `--files-from`, and how they are read and analyzed.
struct CorpusInputOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "Articles: text files, folders, JSON Lines files; '-' reads standard input.",
      valueName: "input"))
  var inputs: [String] = []

  @OptionGroup var fileList: FileListOptions
  @OptionGroup var corpus: CorpusOptions

  func validate() throws {
    if inputs.isEmpty && fileList.filesFrom == nil {
      throw ValidationError(
        "give at least one article file or folder, '-' for standard input, or --files-from")
    }
  }

  /// The inputs given as arguments, then those of `--files-from`.
  func paths() throws(Failure) -> [String] { try fileList.paths(inputs) }

  /// The corpus of `paths`, with the files' sizes when a progress bar in `progress` mode may
  /// want them.
  func expand(_ paths: [String], progress: ProgressMode) throws(Failure) -> Corpus {
    try Corpus.expand(paths, jsonl: corpus.jsonl, sizes: ProgressBar.mayShow(progress))
  }
}
