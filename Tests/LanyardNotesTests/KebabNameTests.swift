import Foundation
@testable import LanyardNotes
import Testing

@Suite("Kebab names")
struct KebabNameTests {
    @Test("the ASCII fast path spells every tag as Foundation's folding does")
    func asciiFastPathAgrees() {
        let samples = ["", "-", "bench", "Swift Community", "  Ask about  ", "group-12", "A--B", "C++ & Rust!", "x\r\ny",
                       "under_score", "MiXeD 42 Case", "tab\tand\nnewline", "~!@#$%^&*()", "trailing-", "-leading", "9to5"]
        for sample in samples {
            #expect(KebabName.makeASCII(sample) == KebabName.makeFolded(sample), "\(sample.debugDescription)")
        }
        #expect(KebabName.make("Swift Community") == "swift-community")
        #expect(KebabName.make("Café Crème") == "cafe-creme")
    }
}
