/// An output format that Graphviz renders a laid-out graph into.
public enum GraphvizFormat: String, CaseIterable, Sendable {
  case svg
  case png
  case pdf

  /// The `format:renderer` string handed to Graphviz.
  ///
  /// PNG and PDF name the cairo renderer explicitly, so the output does not depend on which
  /// plugin a machine's configuration happens to rank first for the bare format name (the gd
  /// plugin also offers `png`). SVG uses Graphviz's built-in core renderer.
  var graphvizName: String {
    switch self {
    case .svg: "svg"
    case .png: "png:cairo"
    case .pdf: "pdf:cairo"
    }
  }
}
