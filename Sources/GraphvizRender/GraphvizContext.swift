internal import CGraphviz

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A Graphviz context: the loaded plugin configuration that layouts and renders run in.
///
/// Not `Sendable`: it is created, used and released only while `graphvizLock` is held.
final class GraphvizContext {
  let pointer: OpaquePointer

  /// Creates a context and reads the plugin configuration (`config6a`, written by `dot -c`).
  ///
  /// The corresponding Graphviz call is `gvContext`.
  init() throws(RenderError) {
    guard let pointer = gvContext() else {
      throw .layout(Self.contextFailedMessage())
    }
    self.pointer = pointer
  }

  deinit {
    // gvContext's result is ours and is released with gvFreeContext. Every graph laid out in
    // this context must be gone first (gvFreeLayout, agclose); GraphvizGraph keeps a strong
    // reference to its context, so that order holds.
    _ = gvFreeContext(pointer)
  }

  /// The version string of the Graphviz library, for example `2.43.0`.
  ///
  /// The returned text belongs to the context and is copied. The corresponding Graphviz call
  /// is `gvcVersion`.
  var version: String {
    guard let text = gvcVersion(pointer) else { return "" }
    return String(cString: text)
  }

  /// How many plugins of a kind (`"layout"`, `"render"`, `"device"` ...) this context knows.
  ///
  /// Zero for every kind means the plugin configuration is missing. The corresponding
  /// Graphviz call is `gvPluginList`.
  func pluginCount(kind: String) -> Int {
    var count: Int32 = 0
    guard let list = cgraphviz_plugin_list(pointer, kind, &count) else { return 0 }
    // gvPluginList: the caller owns the array and each string in it; free the strings, then
    // the array.
    for index in 0..<Int(max(count, 0)) { free(list[index]) }
    free(list)
    return Int(max(count, 0))
  }

  fileprivate static func contextFailedMessage() -> String {
    "could not create a graphviz context (out of memory)"
  }
}
