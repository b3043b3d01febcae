/// libFuzzer target: reading the compiled-dictionary cache (`FuzzTargets.gazetteerCache`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGazetteerCache(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  FuzzTargets.gazetteerCache(FuzzSupport.bytes(data, size))
  return 0
}
