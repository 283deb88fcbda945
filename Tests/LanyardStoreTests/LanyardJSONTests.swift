import Foundation
import GRDB
import LanyardStore
import Testing

/// The JSON dialect's dates are written by hand: they must read exactly as `.iso8601` wrote them.
@Suite("Lanyard JSON")
struct LanyardJSONTests {
    static let dates: [Date] = [
        Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_795_317_584.999),
        Date(timeIntervalSince1970: -1.5), Date(timeIntervalSince1970: 951_782_400), // 2000-02-29
        Date(timeIntervalSince1970: 4_102_444_799), Date(timeIntervalSinceReferenceDate: 0),
    ]

    @Test("Timestamps are what the iso8601 strategy writes", arguments: dates)
    func timestamps(date: Date) throws {
        let reference = JSONEncoder()
        reference.dateEncodingStrategy = .iso8601
        let expected = String(decoding: try reference.encode([date]), as: UTF8.self)
        let ours = String(decoding: try LanyardJSON.encoder(pretty: false).encode([date]), as: UTF8.self)
        #expect(ours == expected)
        #expect(LanyardJSON.parseTimestamp(LanyardJSON.timestamp(date)) == Date(timeIntervalSince1970: floor(date.timeIntervalSince1970)))
    }

    @Test("a string array reaches SQLite's json_each as it was: quotes, backslashes, controls, accents")
    func stringArrayThroughJSONEach() throws {
        let values = ["liz@acme.com", "o\"neil", "back\\slash", "tab\tand\nline", "\u{01}", "josé müller", "", "日本"]
        let queue = try DatabaseQueue()
        let read = try queue.read { try String.fetchAll($0, sql: "SELECT value FROM json_each(?) ORDER BY key", arguments: [JSONBytes.stringArray(values)]) }
        #expect(read == values)
        #expect(JSONBytes.stringArray([String]()) == "[]")
    }
}
