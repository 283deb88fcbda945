// libFuzzer entry for badge payloads (vCard, MECARD, LinkedIn URL): any bytes in, no crash, no hang.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    let text = CardPayload.text(from: bytes)
    _ = try? CardPayload.parse(text)
    _ = try? VCardReader.parse(text)
    _ = try? MECardReader.parse(text)
    _ = LinkedInProfile.key(for: text)
    return 0
}
