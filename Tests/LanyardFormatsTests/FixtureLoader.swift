import Foundation
import Testing

/// Reads a fixture shipped in `Fixtures/` (real address-book exports, BSD licence beside them).
enum FixtureLoader {
    static func text(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }
}
