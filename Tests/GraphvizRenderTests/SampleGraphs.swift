/// DOT texts and byte checks shared by the renderer tests.
enum SampleGraphs {
  /// A small directed graph with a cycle, a label and an edge attribute.
  static let small = """
    digraph G {
      n0 [label="Angela Merkel"];
      n1 [label="Siemens"];
      n2 [label="Berlin"];
      n0 -> n1 [weight=2];
      n1 -> n2;
      n2 -> n0;
    }
    """

  /// An undirected graph of `nodes` nodes with about two edges each, the same for the same
  /// seed.
  static func random(nodes: Int, seed: UInt64) -> String {
    var generator = SplitMix64(seed: seed)
    var lines = ["graph G {", "  overlap=false;"]
    for index in 0..<nodes {
      lines.append("  n\(index) [label=\"Entity \(index)\"];")
    }
    for index in 1..<nodes {
      // Attach each node to an earlier one, so the graph is connected, then add a random edge.
      let earlier = Int.random(in: 0..<index, using: &generator)
      lines.append("  n\(index) -- n\(earlier);")
      let other = Int.random(in: 0..<nodes, using: &generator)
      if other != index { lines.append("  n\(index) -- n\(other);") }
    }
    lines.append("}")
    return lines.joined(separator: "\n")
  }

  /// Whether `bytes` starts with `prefix`.
  static func hasPrefix(_ bytes: [UInt8], _ prefix: [UInt8]) -> Bool {
    bytes.count >= prefix.count && Array(bytes.prefix(prefix.count)) == prefix
  }

  static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
  static let pdfSignature = Array("%PDF".utf8)

  /// Whether `bytes` look like the start of a file in `format`.
  static func looksLike(_ format: String, _ bytes: [UInt8]) -> Bool {
    switch format {
    case "svg": hasPrefix(bytes, Array("<?xml".utf8)) || hasPrefix(bytes, Array("<svg".utf8))
    case "png": hasPrefix(bytes, pngSignature)
    case "pdf": hasPrefix(bytes, pdfSignature)
    default: false
    }
  }
}

/// A small seeded generator, so "random" test graphs are the same on every run.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
