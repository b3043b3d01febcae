/// libFuzzer target: the dictionary parser and a user's dictionary in use
/// (`FuzzTargets.dictionary`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDictionary(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  FuzzTargets.dictionary(FuzzSupport.bytes(data, size))
  return 0
}
