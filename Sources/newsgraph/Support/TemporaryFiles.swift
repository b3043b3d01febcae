import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The temporary files being written, removed when SIGTERM, SIGINT or SIGHUP ends the program.
///
/// Outputs are written to a temporary file and renamed into place (`FileIO.write`); a signal
/// that arrives in between must not leave the temporary file behind. The signal handler may run
/// on any thread and may only call async-signal-safe functions, so the paths live in fixed
/// buffers allocated once, each with an atomic flag that says whether it holds a path: the
/// handler reads flags and calls `unlink`, nothing else, and nothing is ever freed.
enum TemporaryFiles {
  /// Files written at once at most (CSV writes two).
  static let slotCount = 4
  /// Bytes of a path at most; a longer one is not registered (and is left to the clean-up of
  /// the next run, `FileIO.removeStaleTemporaries`).
  static let pathCapacity = 4096

  /// Unsafe by design: a slot's bytes are written only under `lock` while its flag is clear,
  /// and read (by the handler) only while it is set.
  nonisolated(unsafe) private static let buffers: UnsafeMutablePointer<CChar> = {
    // Allocated once and never freed: the signal handler may read it at any time.
    let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * pathCapacity)
    buffer.initialize(repeating: 0, count: slotCount * pathCapacity)
    return buffer
  }()
  private static let used = Atomic<UInt8>(0)
  /// Serializes claims (the flags alone would let two threads take one slot).
  private static let lock = Mutex(())

  /// Installs the handler for SIGTERM, SIGINT and SIGHUP, and unblocks them. Call once, early
  /// in `main`, before any other thread starts (threads inherit the signal mask).
  ///
  /// A signal that is ignored when the program starts stays ignored (`nohup`, or SIGINT for a
  /// background job of a script). One that is blocked is unblocked: a parent that starts
  /// programs from a thread that blocks signals (test runners do) would otherwise make the
  /// program deaf to SIGTERM.
  static func installSignalHandlers() {
    _ = buffers
    _ = used.load(ordering: .relaxed)
    var unblock = sigset_t()
    sigemptyset(&unblock)
    for signal in [SIGTERM, SIGINT, SIGHUP] {
      var current = sigaction()
      sigaction(signal, nil, &current)
      // SIG_IGN is the handler address 1 (signal.h); C function pointers are not Equatable.
      if unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == 1 { continue }
      var action = sigaction()
      action.__sigaction_handler.sa_handler = handleSignal
      sigemptyset(&action.sa_mask)
      action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
      sigaction(signal, &action, nil)
      sigaddset(&unblock, signal)
    }
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
  }

  /// Registers a path; returns its slot (-1 when none is free or the path is too long).
  static func claim(_ path: String) -> Int {
    let bytes = Array(path.utf8)
    guard bytes.count < pathCapacity, !bytes.contains(0) else { return -1 }
    return lock.withLock { _ in
      let flags = used.load(ordering: .acquiring)
      guard let slot = (0..<slotCount).first(where: { flags & (1 << $0) == 0 }) else { return -1 }
      let start = buffers + slot * pathCapacity
      for (index, byte) in bytes.enumerated() { start[index] = CChar(bitPattern: byte) }
      start[bytes.count] = 0
      used.bitwiseOr(UInt8(1 << slot), ordering: .releasing)
      return slot
    }
  }

  /// Forgets a slot: its file was renamed into place or removed.
  static func release(_ slot: Int) {
    guard slot >= 0 && slot < slotCount else { return }
    lock.withLock { _ in _ = used.bitwiseAnd(~UInt8(1 << slot), ordering: .releasing) }
  }

  /// Removes every registered file; async-signal-safe.
  fileprivate static func removeAll() {
    let flags = used.load(ordering: .acquiring)
    for slot in 0..<slotCount where flags & (1 << slot) != 0 {
      unlink(buffers + slot * pathCapacity)
    }
  }
}

/// Removes the temporary files, then lets the signal do what it does by default (SA_RESETHAND
/// restored that), so the program ends as killed by it and the shell sees 128 + its number.
private func handleSignal(_ signal: Int32) {
  TemporaryFiles.removeAll()
  raise(signal)
}
