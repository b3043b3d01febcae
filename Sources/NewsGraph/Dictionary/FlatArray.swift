#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An immutable array of plain numbers that either owns its memory or views a mapped file.
///
/// The gazetteer's tables are `FlatArray`s so a cached gazetteer is used where the file is
/// mapped, without copying it: loading costs the checks, not a copy of several megabytes. A
/// `FlatArray` made from a Swift array copies it once into memory it owns.
struct FlatArray<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
  /// Keeps the memory alive; nothing else holds it.
  private let owner: FlatMemory
  private let base: UnsafePointer<Element>
  let count: Int

  init() {
    self.init([])
  }

  init(_ array: [Element]) {
    let memory = FlatMemory(copying: array)
    owner = memory
    base = UnsafePointer(memory.pointer.assumingMemoryBound(to: Element.self))
    count = array.count
  }

  /// A view of `count` elements at `offset` bytes into `memory`, which must be aligned for them.
  init(_ memory: FlatMemory, offset: Int, count: Int) {
    owner = memory
    base = UnsafeRawPointer(memory.pointer + offset).assumingMemoryBound(to: Element.self)
    self.count = count
  }

  var startIndex: Int { 0 }
  var endIndex: Int { count }

  /// Element `index`; unchecked like a buffer pointer, so callers keep indices valid (a table
  /// read from a file is checked whole before use).
  @inline(__always)
  subscript(index: Int) -> Element { base[index] }

  func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Element>) -> Result) -> Result {
    body(UnsafeBufferPointer(start: base, count: count))
  }

  /// The elements as a Swift array, to build a changed table from.
  var array: [Element] { withUnsafeBufferPointer { Array($0) } }
}

extension FlatArray where Element == Int32 {
  /// Whether every number is in `0..<limit`: one pass without bounds checks.
  func allBelow(_ limit: UInt32) -> Bool {
    withUnsafeBufferPointer { numbers in
      var below = true
      for number in numbers { below = below && UInt32(bitPattern: number) < limit }
      return below
    }
  }
}

extension FlatArray: Equatable where Element: Equatable {
  static func == (lhs: FlatArray, rhs: FlatArray) -> Bool { lhs.elementsEqual(rhs) }
}

/// Memory behind `FlatArray`s: allocated here and freed in `deinit`, or a mapped file, unmapped
/// in `deinit`. Never written after it is filled.
final class FlatMemory: @unchecked Sendable {
  let pointer: UnsafeMutableRawPointer
  let size: Int
  private let isMapped: Bool

  /// Memory holding a copy of the array's elements.
  init<Element: BitwiseCopyable>(copying array: [Element]) {
    let size = max(array.count * MemoryLayout<Element>.stride, 1)
    let pointer = UnsafeMutableRawPointer.allocate(
      byteCount: size, alignment: max(MemoryLayout<Element>.alignment, 8))
    array.withUnsafeBytes {
      if let source = $0.baseAddress { pointer.copyMemory(from: source, byteCount: $0.count) }
    }
    self.size = size
    self.pointer = pointer
    isMapped = false
  }

  /// Memory holding a copy of the bytes, aligned for any number type.
  init(copying bytes: UnsafeRawBufferPointer) {
    size = max(bytes.count, 1)
    pointer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
    if let source = bytes.baseAddress { pointer.copyMemory(from: source, byteCount: bytes.count) }
    isMapped = false
  }

  /// A file mapped read-only, or nil when it cannot be mapped.
  init?(mapping fd: Int32, size: Int) {
    #if os(Linux)
      let flags = MAP_PRIVATE | MAP_POPULATE
    #else
      let flags = MAP_PRIVATE
    #endif
    guard size > 0, let base = mmap(nil, size, PROT_READ, flags, fd, 0), base != MAP_FAILED
    else { return nil }
    pointer = base
    self.size = size
    isMapped = true
  }

  var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: pointer, count: size) }

  deinit {
    // Ownership rule: this object made the allocation or the mapping, and it alone frees it.
    if isMapped {
      munmap(pointer, size)
    } else {
      pointer.deallocate()
    }
  }
}
