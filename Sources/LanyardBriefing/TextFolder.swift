/// Folds many texts through one reusable buffer and tells which terms each contains, as
/// `TextMatch.matches` would: the briefing folds every tag and note of everyone it considers,
/// and a fresh folded string per text was most of its matching time.
struct TextFolder {
    private var buffer: [UInt8] = []

    /// Bit `k` is set when `matchers[k]` occurs in `text` as whole words (at most 64 matchers).
    mutating func matches(_ text: String, _ matchers: [TextMatch]) -> UInt64 {
        var text = text
        let ascii = text.withUTF8 { foldASCII($0) }
        if ascii { return buffer.withUnsafeBufferPointer { Self.mask($0, matchers) } }
        var folded = TextMatch.fold(text)
        return folded.withUTF8 { Self.mask($0, matchers) }
    }

    private static func mask(_ folded: UnsafeBufferPointer<UInt8>, _ matchers: [TextMatch]) -> UInt64 {
        var mask: UInt64 = 0
        for (k, matcher) in matchers.enumerated() where k < 64 && matcher.matches(foldedBytes: folded) { mask |= 1 << UInt64(k) }
        return mask
    }

    /// `TextMatch.fold` of ASCII text into the buffer; false (the buffer unusable) for any other text.
    private mutating func foldASCII(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        buffer.removeAll(keepingCapacity: true)
        buffer.append(0x20)
        var lastWasSpace = true
        for byte in text {
            switch byte {
            case 0x30...0x39, 0x61...0x7A:
                buffer.append(byte)
                lastWasSpace = false
            case 0x41...0x5A:
                buffer.append(byte + 0x20)
                lastWasSpace = false
            case 0x80...:
                return false
            default:
                if !lastWasSpace {
                    buffer.append(0x20)
                    lastWasSpace = true
                }
            }
        }
        if !lastWasSpace { buffer.append(0x20) }
        return true
    }
}
