import ArgumentParser
import NewsGraph

/// How articles become a graph: the co-occurrence window and the evidence kept.
struct BuildOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Co-occurrence window: sentence (default), paragraph, document, or a number of sentences.",
      valueName: "window"))
  var window: String?

  @Option(
    help: ArgumentHelp(
      "Evidence sentences kept per edge (default 3; diff keeps 25 of articles).", valueName: "n"))
  var evidence: Int?

  func validate() throws {
    if let window, Window(window) == nil {
      throw ValidationError(
        "--window must be sentence, paragraph, document or a whole number >= 1, not '\(window)'")
    }
    if let evidence, evidence < 0 { throw ValidationError("--evidence must be 0 or more") }
  }

  /// The builder for articles; `defaultWindow` and `defaultEvidence` when the options are not
  /// given.
  func builder(defaultWindow: Window = .sentence, defaultEvidence: Int = 3) -> GraphBuilder {
    GraphBuilder(
      window: window.flatMap(Window.init) ?? defaultWindow,
      evidenceLimit: evidence ?? defaultEvidence)
  }
}
