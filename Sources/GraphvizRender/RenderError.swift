/// Why Graphviz could not turn DOT text into an image.
public enum RenderError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The DOT text did not parse; the message includes Graphviz's `syntax error in line N ...`.
  case syntax(String)
  /// The layout engine failed or is not available.
  case layout(String)
  /// Rendering a laid-out graph failed.
  case render(String)

  public var description: String {
    switch self {
    case .syntax(let message), .layout(let message), .render(let message):
      message
    }
  }
}
