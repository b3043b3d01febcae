/// libFuzzer target: the graph JSON reader and what is done with what it reads
/// (`FuzzTargets.graphJSON`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGraphJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  FuzzTargets.graphJSON(FuzzSupport.bytes(data, size))
  return 0
}
