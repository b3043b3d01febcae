import ArgumentParser

/// How a corpus is read and analyzed: JSON Lines, parallel jobs, the progress bar.
struct CorpusOptions: ParsableArguments {
  @Flag(
    help: """
      Read files (and '-') as JSON Lines: one article a line, {"id": ..., "text": ...} with \
      optional "date" (YYYY-MM-DD or an ISO 8601 timestamp), "source" and "title". Files \
      named *.jsonl are read so without it; with it, folders give their *.jsonl files.
      """)
  var jsonl = false

  @Option(
    help: ArgumentHelp(
      "Documents analyzed at once (default: one per core). The output is the same for any number.",
      valueName: "n"))
  var jobs: Int?

  @Option(
    help:
      "Progress bar on standard error: auto (only when it is a terminal, after a second), always or never."
  )
  var progress: ProgressMode = .auto

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
  }

  var jobCount: Int { jobs ?? Processors.online() }
}

/// `--progress`.
enum ProgressMode: String, ExpressibleByArgument, CaseIterable {
  case auto, always, never
}
