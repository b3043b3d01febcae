/// Reads a graph that `JSONWriter` wrote (networkx node-link JSON) back into a graph.
///
/// Strict about what the graph needs and lenient about what it does not: unknown keys are
/// ignored, a missing or mistyped field, an unknown type, a link to an id that no node has, a
/// repeated node or link, or counts that cannot be (a link counted in more windows than its
/// entity) are errors that point at the value. Weights are not read: they are recomputed from
/// the counts. Nodes, links and evidence are put back in their canonical order.
///
/// The text is checked whole first, then read a node and a link at a time, so memory follows
/// the graph, not the tree of its JSON; a graph of more than `maximumNodes` nodes or
/// `maximumLinks` links is refused at the first one too many.
public struct GraphJSONReader: Sendable {
  /// Nodes a graph may have.
  public var maximumNodes: Int
  /// Links a graph may have.
  public var maximumLinks: Int

  public init(maximumNodes: Int = 1_000_000, maximumLinks: Int = 10_000_000) {
    self.maximumNodes = maximumNodes
    self.maximumLinks = maximumLinks
  }

  public func graph(_ bytes: [UInt8], file: String) throws(JSONReadError) -> CooccurrenceGraph {
    let reader = JSONReader(file: file)
    var cursor = JSONReader.Cursor(bytes: bytes, reader: reader)
    let (root, members) = try cursor.validate()
    var schema = Schema(
      reader: reader, bytes: bytes, cursor: cursor, maximumNodes: maximumNodes,
      maximumLinks: maximumLinks)
    return try schema.graph(root: root, members: members)
  }

  private struct Schema {
    let reader: JSONReader
    let bytes: [UInt8]
    var cursor: JSONReader.Cursor
    let maximumNodes: Int
    let maximumLinks: Int

    func fail(at offset: Int, _ message: String) -> JSONReadError {
      .content(reader.position(offset, in: bytes), message)
    }

    func fail(_ value: JSONValue, _ message: String) -> JSONReadError {
      .content(reader.position(value.offset, in: bytes), message)
    }

    func field(_ object: JSONValue, _ key: String, in what: String) throws(JSONReadError)
      -> JSONValue
    {
      guard let value = object[key] else { throw fail(object, "\(what) has no '\(key)' field") }
      return value
    }

    func string(_ object: JSONValue, _ key: String, in what: String) throws(JSONReadError)
      -> String
    {
      let value = try field(object, key, in: what)
      guard let text = value.string else {
        throw fail(value, "\(what) '\(key)' must be a string, not \(value.typeName)")
      }
      return text
    }

    func optionalString(_ object: JSONValue, _ key: String, in what: String)
      throws(JSONReadError) -> String?
    {
      guard let value = object[key], value.kind != .null else { return nil }
      guard let text = value.string else {
        throw fail(value, "\(what) '\(key)' must be a string, not \(value.typeName)")
      }
      return text
    }

    func count(_ object: JSONValue, _ key: String, in what: String, minimum: Int = 0)
      throws(JSONReadError) -> Int
    {
      let value = try field(object, key, in: what)
      guard let number = value.integer, number >= minimum else {
        throw fail(
          value,
          "\(what) '\(key)' must be a whole number of at least \(minimum), not \(shown(value))")
      }
      return number
    }

    func strings(_ object: JSONValue, _ key: String, in what: String) throws(JSONReadError)
      -> [String]
    {
      guard let value = object[key] else { return [] }
      guard let items = value.array else {
        throw fail(value, "\(what) '\(key)' must be an array of strings, not \(value.typeName)")
      }
      var result: [String] = []
      for item in items {
        guard let text = item.string else {
          throw fail(item, "\(what) '\(key)' must hold strings, not \(item.typeName)")
        }
        result.append(text)
      }
      return result
    }

    func dates(_ object: JSONValue, in what: String) throws(JSONReadError) -> [String] {
      let list = try strings(object, "dates", in: what)
      for (index, date) in list.enumerated() where CalendarDay(date) == nil {
        let value = object["dates"]?.array?[index] ?? object
        throw fail(value, "\(what) date '\(date)' is not a day written YYYY-MM-DD")
      }
      return Array(Set(list)).sorted()
    }

    func shown(_ value: JSONValue) -> String {
      switch value.kind {
      case .number(let number, _): JSONText.number(number)
      case .string(let text): "'\(text)'"
      default: value.typeName
      }
    }

    mutating func graph(root: Int, members: [(key: String, offset: Int)]?) throws(JSONReadError)
      -> CooccurrenceGraph
    {
      guard let members else {
        throw fail(
          at: root,
          "expected a graph (a networkx node-link JSON object), found \(cursor.typeName(at: root))")
      }
      // Keys are unique (the reader said so), and read in this order whatever the file's.
      var offsets: [String: Int] = [:]
      for member in members { offsets[member.key] = member.offset }
      for flag in ["directed", "multigraph"] {
        if let offset = offsets[flag], try cursor.value(at: offset).kind != .bool(false) {
          throw fail(
            at: offset, "'\(flag)' must be false: newsgraph graphs are simple and undirected")
        }
      }
      guard let metaOffset = offsets["graph"] else {
        throw fail(at: root, "the graph has no 'graph' field")
      }
      let meta = try cursor.value(at: metaOffset)
      guard meta.members != nil else {
        throw fail(meta, "'graph' must be an object, not \(meta.typeName)")
      }
      let windowValue = try field(meta, "window", in: "'graph'")
      guard let windowText = windowValue.string, let window = Window(windowText) else {
        throw fail(
          windowValue,
          "'graph' 'window' must be sentence, paragraph, document or a number of sentences, not \(shown(windowValue))"
        )
      }
      let documents = try count(meta, "documents", in: "'graph'")
      guard meta["windows"] != nil else {
        throw fail(
          meta,
          "'graph' has no 'windows' field (it holds the window total that PMI-type weights need; rebuild the graph with this newsgraph)"
        )
      }
      let windows = try count(meta, "windows", in: "'graph'")
      var weighting = EdgeWeighting.count
      if let weightValue = meta["weight"] {
        guard let name = weightValue.string, let scheme = EdgeWeighting(rawValue: name) else {
          throw fail(
            weightValue,
            "'graph' 'weight' must be one of \(EdgeWeighting.allCases.map(\.rawValue).joined(separator: ", ")), not \(shown(weightValue))"
          )
        }
        weighting = scheme
      }
      var pruned = false
      if let value = meta["pruned"] {
        guard case .bool(let flag) = value.kind else {
          throw fail(value, "'graph' 'pruned' must be true or false, not \(value.typeName)")
        }
        pruned = flag
      }
      var evidenceLimit: Int?
      if meta["evidence"] != nil { evidenceLimit = try count(meta, "evidence", in: "'graph'") }

      guard let nodesOffset = offsets["nodes"] else {
        throw fail(at: root, "the graph has no 'nodes' field")
      }
      guard try cursor.beginArray(at: nodesOffset) else {
        throw fail(
          at: nodesOffset, "'nodes' must be an array, not \(cursor.typeName(at: nodesOffset))")
      }
      var nodes: [CooccurrenceGraph.Node] = []
      var nodeWindows: [String: Int] = [:]
      while try cursor.nextElement() {
        guard nodes.count < maximumNodes else {
          throw fail(
            at: cursor.offset,
            "more than \(maximumNodes) nodes: newsgraph reads graphs of at most \(maximumNodes) entities and \(maximumLinks) links"
          )
        }
        let value = try cursor.element()
        let node = try node(value, documents: documents, windows: windows)
        guard nodeWindows[node.id] == nil else {
          throw fail(value, "node '\(node.id)' appears twice")
        }
        nodeWindows[node.id] = node.windows
        nodes.append(node)
      }

      let linkKey = offsets["links"] != nil ? "links" : "edges"
      guard let linksOffset = offsets[linkKey] else {
        throw fail(at: root, "the graph has no '\(linkKey)' field")
      }
      guard try cursor.beginArray(at: linksOffset) else {
        throw fail(
          at: linksOffset, "'\(linkKey)' must be an array, not \(cursor.typeName(at: linksOffset))")
      }
      var edges: [CooccurrenceGraph.Edge] = []
      var pairs = Set<GraphBuilder.Pair>()
      var longest = 0
      while try cursor.nextElement() {
        guard edges.count < maximumLinks else {
          throw fail(
            at: cursor.offset,
            "more than \(maximumLinks) links: newsgraph reads graphs of at most \(maximumNodes) entities and \(maximumLinks) links"
          )
        }
        let value = try cursor.element()
        let edge = try edge(value, nodeWindows: nodeWindows, evidenceLimit: evidenceLimit)
        guard pairs.insert(GraphBuilder.Pair(a: edge.source, b: edge.target)).inserted else {
          throw fail(value, "link '\(edge.source)' – '\(edge.target)' appears twice")
        }
        longest = max(longest, edge.evidence.count)
        edges.append(edge)
      }
      let limit = evidenceLimit ?? longest
      for index in edges.indices where edges[index].evidence.count > limit {
        edges[index].evidence.removeLast(edges[index].evidence.count - limit)
      }
      return CooccurrenceGraph(
        nodes: nodes.sorted { $0.id < $1.id },
        edges: edges.sorted { ($0.source, $0.target) < ($1.source, $1.target) }, window: window,
        documentCount: documents, windowCount: windows, weighting: weighting,
        evidenceLimit: limit, pruned: pruned)
    }

    func node(_ value: JSONValue, documents: Int, windows: Int) throws(JSONReadError)
      -> CooccurrenceGraph.Node
    {
      guard value.members != nil else {
        throw fail(value, "a node must be an object, not \(value.typeName)")
      }
      let id = try string(value, "id", in: "a node")
      guard !id.isEmpty else { throw fail(value, "a node's 'id' is empty") }
      let what = "node '\(id)'"
      let label = try string(value, "label", in: what)
      let typeValue = try field(value, "type", in: what)
      guard let typeName = typeValue.string, let type = EntityType(rawValue: typeName) else {
        throw fail(
          typeValue,
          "\(what) 'type' must be person, country, organization or place, not \(shown(typeValue))")
      }
      let mentions = try count(value, "mentions", in: what)
      let nodeDocuments = try count(value, "documents", in: what)
      let nodeWindows = try count(value, "windows", in: what)
      guard nodeDocuments <= documents else {
        throw fail(
          value, "\(what) is in \(nodeDocuments) documents, but the graph has \(documents)")
      }
      guard nodeWindows <= windows else {
        throw fail(value, "\(what) is in \(nodeWindows) windows, but the graph has \(windows)")
      }
      return CooccurrenceGraph.Node(
        id: id, label: label, type: type, mentions: mentions, documents: nodeDocuments,
        aliases: Array(Set(try strings(value, "aliases", in: what))).sorted(),
        windows: nodeWindows, dates: try dates(value, in: what))
    }

    /// A link; its evidence sorted, without duplicates, at most `evidenceLimit` long when the
    /// graph gives one.
    func edge(_ value: JSONValue, nodeWindows: [String: Int], evidenceLimit: Int?)
      throws(JSONReadError) -> CooccurrenceGraph.Edge
    {
      guard value.members != nil else {
        throw fail(value, "a link must be an object, not \(value.typeName)")
      }
      var source = try string(value, "source", in: "a link")
      var target = try string(value, "target", in: "a link")
      for end in [source, target] where nodeWindows[end] == nil {
        throw fail(value, "link '\(source)' – '\(target)': no node has the id '\(end)'")
      }
      guard source != target else {
        throw fail(value, "link '\(source)' – '\(target)' links a node to itself")
      }
      if target < source { swap(&source, &target) }
      let what = "link '\(source)' – '\(target)'"
      let edgeCount = try count(value, "count", in: what, minimum: 1)
      let documents = try count(value, "documents", in: what, minimum: 1)
      guard documents <= edgeCount else {
        throw fail(value, "\(what) is in \(documents) documents but only \(edgeCount) windows")
      }
      for end in [source, target] {
        let windows = nodeWindows[end] ?? 0
        guard edgeCount <= windows else {
          throw fail(
            value, "\(what) is counted in \(edgeCount) windows, but '\(end)' is in only \(windows)")
        }
      }
      if let weight = value["weight"] {
        guard weight.kind == .null || weight.number != nil else {
          throw fail(weight, "\(what) 'weight' must be a number, not \(weight.typeName)")
        }
      }
      var evidence: [CooccurrenceGraph.Evidence] = []
      if let list = value["evidence"] {
        guard let items = list.array else {
          throw fail(list, "\(what) 'evidence' must be an array, not \(list.typeName)")
        }
        for item in items {
          guard item.members != nil else {
            throw fail(item, "\(what) evidence must be objects, not \(item.typeName)")
          }
          let entry = CooccurrenceGraph.Evidence(
            document: try string(item, "document", in: "evidence"),
            sentence: try count(item, "sentence", in: "evidence"),
            text: try string(item, "text", in: "evidence"),
            date: try optionalString(item, "date", in: "evidence"),
            source: try optionalString(item, "source", in: "evidence"),
            title: try optionalString(item, "title", in: "evidence"))
          evidence.append(entry)
        }
        // Sorted once (inserting one at a time would be quadratic in a long list), then
        // without duplicates, as the builder keeps them.
        evidence.sort()
        var unique: [CooccurrenceGraph.Evidence] = []
        for entry in evidence where unique.last != entry {
          unique.append(entry)
          if let evidenceLimit, unique.count >= evidenceLimit { break }
        }
        evidence = unique
      }
      return CooccurrenceGraph.Edge(
        source: source, target: target, count: edgeCount, documents: documents,
        evidence: evidence, dates: try dates(value, in: what))
    }
  }
}
