import NewsGraph

/// The one lock that every Graphviz call in this process goes through.
///
/// Graphviz keeps global state (the lexer, the error channel, layout scratch data) and
/// crashes when two threads use it at once, even with separate contexts. The protected value
/// is the context shared by all renders, created on first use. A pthread mutex (`Locked`), not
/// `Mutex`, so that ThreadSanitizer sees it.
let graphvizLock = Locked<GraphvizContext?>(nil)
