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

  @Flag(
    name: .customLong("keep-going"),
    help: """
      When a document cannot be read (a missing or unreadable file, bad UTF-8, a bad JSON \
      Lines record, one too big), report it on standard error and go on with the others; \
      the output is written from the rest, and the exit status says that some failed.
      """)
  var keepGoing = false

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
  }

  var jobCount: Int { jobs ?? Processors.online() }
}

/// `--progress`.
enum ProgressMode: String, ExpressibleByArgument, CaseIterable {
  case auto, always, never
}

/// The last word of a run with `--keep-going` in which documents failed.
enum KeepGoing {
  static func summary(failed: Int, read: Int) -> String {
    "newsgraph: error: \(failed) document\(failed == 1 ? "" : "s") failed (reported above); the output holds the \(read) read"
  }
}
