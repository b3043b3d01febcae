#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A value behind a pthread mutex: `Synchronization.Mutex` with a lock ThreadSanitizer sees.
///
/// On Linux a contended `Mutex` is handed from one thread to the next inside the kernel (a
/// priority-inheritance futex, in the Swift runtime's uninstrumented code), so ThreadSanitizer
/// sees no synchronization between them and reports every section the lock protects as a data
/// race (`make sanitize` did, for the corpus runner's reader and every render under the Graphviz
/// lock). ThreadSanitizer intercepts pthread mutexes, so with this lock it checks those sections
/// for real. The command line's corpus runner and `GraphvizRender` both use it.
public final class Locked<Value>: @unchecked Sendable {
  private var value: Value
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>

  public init(_ value: Value) {
    self.value = value
    mutex = .allocate(capacity: 1)
    mutex.initialize(to: pthread_mutex_t())
    pthread_mutex_init(mutex, nil)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deinitialize(count: 1)
    mutex.deallocate()
  }

  /// Runs `body` on the value with the lock held.
  public func withLock<Result, E: Error>(_ body: (inout Value) throws(E) -> Result) throws(E)
    -> Result
  {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return try body(&value)
  }
}
