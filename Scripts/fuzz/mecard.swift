// libFuzzer entry for the MECARD reader: any bytes in, no crash, no hang.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? MECardReader.parse("MECARD:" + text)
    _ = try? MECardReader.parse(text)
    return 0
}
