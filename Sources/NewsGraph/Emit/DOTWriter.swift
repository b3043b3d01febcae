/// Writes a graph as Graphviz DOT, styled to read at a glance.
///
/// Each type has its own shape and colour, node text grows with mentions, edge width with
/// weight, and a legend names the types shown. Node ids are synthetic (`n0`, `n1` ...) and
/// every label is escaped, so no name from an article can change the structure of the DOT.
/// Tooltips (shown by SVG viewers) give a node's counts and an edge's counts and evidence.
public struct DOTWriter: Sendable {
  /// Text shown above the legend, such as the input's name.
  public var title: String?
  /// Whether to draw for a big graph: straight edges, no edge labels, smaller text, so that
  /// Graphviz finishes and the picture stays legible. Nil decides by size (`compactAbove`).
  public var compact: Bool?
  /// Nodes above which a graph is drawn compact when `compact` is nil.
  public static let compactAbove = 150
  /// The largest edge `weight` given to Graphviz: counts read from a graph JSON can be huge,
  /// and the dot layout's network simplex slows down with the size of integer weights.
  static let maximumLayoutWeight = 1000

  public init(title: String? = nil, compact: Bool? = nil) {
    self.title = title
    self.compact = compact
  }

  struct Style {
    var shape: String
    var style: String
    var fill: String
    var border: String
  }

  static func style(_ type: EntityType) -> Style {
    switch type {
    case .person: Style(shape: "ellipse", style: "filled", fill: "#cfe2f3", border: "#3d85c6")
    case .country: Style(shape: "box", style: "rounded,filled", fill: "#f4cccc", border: "#cc0000")
    case .organization:
      Style(shape: "hexagon", style: "filled", fill: "#fff2cc", border: "#bf9000")
    case .place: Style(shape: "house", style: "filled", fill: "#d9ead3", border: "#38761d")
    }
  }

  public func dot(_ graph: CooccurrenceGraph) -> String {
    let compact = self.compact ?? (graph.nodes.count > DOTWriter.compactAbove)
    var lines: [String] = ["graph newsgraph {"]
    lines.append(
      "  graph [overlap=false, splines=\(compact ? "false" : "true"), outputorder=edgesfirst, "
        + "bgcolor=\"white\", pad=0.3, sep=\"+6\", fontname=\"Helvetica\", "
        + "fontsize=\(DOTWriter.legendSize(nodes: graph.nodes.count)), "
        + "labelloc=b, labeljust=l,")
    lines.append("    label=<\(legend(graph))>];")
    lines.append("  node [fontname=\"Helvetica\", penwidth=1.4, margin=\"0.12,0.06\"];")
    lines.append(
      "  edge [color=\"#6f6f6fb0\", fontname=\"Helvetica\", fontsize=9, fontcolor=\"#444444\"];")
    var ids: [String: String] = [:]
    var labels: [String: String] = [:]
    for (index, node) in graph.nodes.enumerated() {
      let name = "n\(index)"
      ids[node.id] = name
      labels[node.id] = node.label
      let style = DOTWriter.style(node.type)
      let size = min(compact ? 20.0 : 28.0, 10.0 + 4.0 * log2(1.0 + Double(node.mentions)))
      lines.append(
        "  \(name) [label=\(quoted(node.label)), shape=\(style.shape), style=\"\(style.style)\", "
          + "fillcolor=\"\(style.fill)\", color=\"\(style.border)\", fontsize=\(format(size)), "
          + "tooltip=\(quotedTooltip(DOTWriter.tooltip(node)))];")
    }
    let weights = graph.weights()
    let lightest = weights.min() ?? 0
    let heaviest = weights.max() ?? 1
    let integral = graph.weighting == .count || graph.weighting == .documents
    for (edge, weight) in zip(graph.edges, weights) {
      guard let source = ids[edge.source], let target = ids[edge.target] else { continue }
      let share: Double
      if integral || lightest >= 0 {
        share = heaviest > 0 ? weight / heaviest : 1
      } else {
        share = heaviest > lightest ? (weight - lightest) / (heaviest - lightest) : 1
      }
      let tooltip = DOTWriter.tooltip(
        edge, weight: weight, weighting: graph.weighting, window: graph.window,
        source: labels[edge.source] ?? edge.source, target: labels[edge.target] ?? edge.target)
      var attributes = [
        "penwidth=\(format(1.0 + 5.0 * share))",
        "weight=\(min(edge.count, DOTWriter.maximumLayoutWeight))",
        "tooltip=\(quotedTooltip(tooltip))",
      ]
      if !compact {
        if integral {
          if weight >= 2 { attributes.append("label=\"\(DOTWriter.shortWeight(weight))\"") }
        } else if graph.edges.count <= 80 {
          attributes.append("label=\"\(DOTWriter.shortWeight(weight))\"")
        }
      }
      lines.append("  \(source) -- \(target) [\(attributes.joined(separator: ", "))];")
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The legend's font size: bigger pictures are scaled down more when shown, so their legend
  /// is drawn bigger to stay readable.
  static func legendSize(nodes: Int) -> Int {
    11 + min(15, nodes / 10)
  }

  /// "Egypt (country): 13 mentions in 1 document".
  static func tooltip(_ node: CooccurrenceGraph.Node) -> String {
    "\(node.label) (\(node.type.rawValue)): \(plural(node.mentions, "mention")) in "
      + plural(node.documents, "document")
  }

  /// The counts of an edge, then each evidence sentence on its own line.
  static func tooltip(
    _ edge: CooccurrenceGraph.Edge, weight: Double, weighting: EdgeWeighting, window: Window,
    source: String, target: String
  ) -> String {
    var text =
      "\(source) – \(target): \(plural(edge.count, windowNoun(window))), "
      + plural(edge.documents, "document")
    if weighting != .count { text += ", \(weighting.rawValue) \(shortWeight(weight))" }
    for item in edge.evidence {
      text += "\n\(item.document) #\(item.sentence): \(item.text)"
    }
    return text
  }

  static func windowNoun(_ window: Window) -> String {
    switch window {
    case .sentence: "sentence"
    case .paragraph: "paragraph"
    case .document: "document window"
    case .sentences: "window"
    }
  }

  static func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }

  /// A weight as a label: whole numbers as they are, others with two decimals.
  static func shortWeight(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
    guard abs(value) < 1e15 else { return JSONText.number(value) }
    let hundredths = Int((value * 100).rounded())
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = abs(hundredths)
    let fraction = magnitude % 100
    return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }

  /// An HTML-like table: one coloured cell per type present, then counts.
  private func legend(_ graph: CooccurrenceGraph) -> String {
    let present = Set(graph.nodes.map(\.type))
    var cells = ""
    for type in EntityType.allCases where present.contains(type) {
      let style = DOTWriter.style(type)
      cells += "<td bgcolor=\"\(style.fill)\" color=\"\(style.border)\">\(type.rawValue)</td>"
    }
    var caption =
      "\(graph.nodes.count) entities, \(graph.edges.count) links, window: \(graph.window)"
    if graph.weighting != .count { caption += ", weight: \(graph.weighting.rawValue)" }
    if let title { caption = "\(title): " + caption }
    let captionRow =
      "<tr><td colspan=\"\(max(1, present.count))\" border=\"0\">\(html(caption))</td></tr>"
    if cells.isEmpty {
      return "<table border=\"0\">\(captionRow)</table>"
    }
    return
      "<table border=\"0\" cellborder=\"1\" cellspacing=\"4\" cellpadding=\"3\">"
      + "<tr>\(cells)</tr>\(captionRow)</table>"
  }

  /// A DOT quoted string for a label: quotes and backslashes escaped, line breaks as `\n`.
  ///
  /// Graphviz reads more into a string than the DOT grammar says: `\N`, `\G`, `\l` ... are
  /// escapes and `&amp;`, `&#60;` ... are character references, in labels and tooltips alike.
  /// So a backslash is doubled (a label goes through one unescaping pass), an `&` that starts
  /// something like a reference becomes `&amp;`, and what XML cannot carry (control characters,
  /// U+FFFE, U+FFFF) is dropped or replaced, so that the text drawn, and the SVG around it, is
  /// the name as the article wrote it.
  func quoted(_ text: String) -> String {
    quoted(text, backslash: "\\\\")
  }

  /// A DOT quoted string for a tooltip: as `quoted(_:)`, except that a backslash is written
  /// four times, because Graphviz unescapes tooltips twice (once when it substitutes `\N` and
  /// its kind, once when it turns `\n` into a line break).
  func quotedTooltip(_ text: String) -> String {
    quoted(text, backslash: "\\\\\\\\")
  }

  private func quoted(_ text: String, backslash: String) -> String {
    var result = "\""
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += backslash
      case "\n", "\r": result += "\\n"
      case "&": result += Self.startsReference(scalars, at: index) ? "&amp;" : "&"
      case "\u{FFFE}", "\u{FFFF}": result += "\u{FFFD}"
      default:
        if scalar.value >= 0x20 && scalar.value != 0x7F { result.unicodeScalars.append(scalar) }
      }
    }
    return result + "\""
  }

  /// Whether the `&` at `index` starts what Graphviz would read as a character reference:
  /// letters, digits or `#`, then `;`.
  static func startsReference(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
    var next = index + 1
    while next < scalars.count, next - index <= 32 {
      let scalar = scalars[next]
      if scalar == ";" { return next > index + 1 }
      guard scalar.isASCII,
        scalar == "#" || scalar.properties.isAlphabetic
          || ("0"..."9").contains(scalar)
      else { return false }
      next += 1
    }
    return false
  }

  /// Text for an HTML-like label (the legend): markup characters as entities, a backslash
  /// doubled (Graphviz unescapes HTML-like text once too), control characters dropped.
  func html(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "\\": result += "\\\\"
      case "\u{FFFE}", "\u{FFFF}": result += "\u{FFFD}"
      default:
        if scalar.value >= 0x20 && scalar.value != 0x7F {
          result.unicodeScalars.append(scalar)
        } else if scalar == "\t" || scalar == "\n" || scalar == "\r" {
          result += " "
        }
      }
    }
    return result
  }

  func format(_ value: Double) -> String {
    guard value.isFinite, abs(value) < 1e15 else { return "1" }
    let scaled = (value * 10).rounded() / 10
    return scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
  }
}

func log2(_ x: Double) -> Double {
  // Integer part by halving, then a series for the rest: no libm needed in a pure library.
  guard x > 0 else { return 0 }
  var value = x
  var result = 0.0
  while value >= 2 { value /= 2; result += 1 }
  while value < 1 { value *= 2; result -= 1 }
  // ln(value) with value in [1, 2), via atanh series.
  let y = (value - 1) / (value + 1)
  var term = y
  var sum = 0.0
  var n = 1.0
  for _ in 0..<20 {
    sum += term / n
    term *= y * y
    n += 2
  }
  return result + 2 * sum / 0.6931471805599453
}
