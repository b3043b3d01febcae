/// A Graphviz layout engine.
///
/// `dot` draws hierarchies and becomes very slow above a few hundred nodes; `sfdp` is the
/// force-directed engine meant for large graphs.
public enum GraphvizLayout: String, CaseIterable, Sendable {
  case dot
  case neato
  case fdp
  case sfdp
  case circo
  case twopi
}
