#if canImport(Glibc)
  import Glibc
#endif

/// The sanitizer the tests run under (`swift test --sanitize=address|thread`, `make
/// sanitize`), found by its runtime's entry point in the test binary; nil in an ordinary build.
///
/// Tests that measure time ask it: a sanitized build runs 10 to 30 times slower, so a time
/// bound that catches a quadratic algorithm in an ordinary build says nothing under one.
public enum Sanitizer: String, Sendable {
  case address = "AddressSanitizer"
  case thread = "ThreadSanitizer"

  public static let active: Sanitizer? = {
    guard let program = dlopen(nil, RTLD_LAZY) else { return nil }
    defer { dlclose(program) }
    if dlsym(program, "__asan_init") != nil { return .address }
    if dlsym(program, "__tsan_init") != nil { return .thread }
    return nil
  }()
}
