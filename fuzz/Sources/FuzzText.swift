/// libFuzzer target: the text pipeline (`FuzzTargets.text`) with the built-in dictionaries.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  FuzzTargets.text(FuzzSupport.bytes(data, size), recognizer: FuzzSupport.recognizer)
  return 0
}
