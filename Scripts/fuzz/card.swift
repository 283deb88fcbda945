// libFuzzer entry for a badge's QR payload (`CardPayload`): the bytes go through the same
// text decoding as `--card-file`, then the format sniffing and whichever reader it picks.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    let text = CardPayload.text(from: bytes)
    _ = try? CardPayload.parse(text)
    if let key = LinkedInProfile.key(for: text) { _ = LinkedInProfile.nameGuess(forKey: key) }
    return 0
}
