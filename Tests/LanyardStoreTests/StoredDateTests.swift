import Foundation
import GRDB
import Testing
@testable import LanyardStore

/// `StoredDate` writes and reads dates without DateFormatter or Calendar: it must give what
/// GRDB gives, to the character and to the bit.
@Suite("Stored dates")
struct StoredDateTests {
    /// Whole milliseconds and arbitrary fractions from 1621 to 9999, and the edges.
    static func dates(count: Int) -> [Date] {
        var generator = SystemRandomNumberGenerator()
        var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.001), Date(timeIntervalSince1970: -0.0004),
                     Date(timeIntervalSince1970: 0.0005), Date(timeIntervalSince1970: 0.9995), Date(timeIntervalSince1970: 951_782_400), // 2000-02-29
                     Date(timeIntervalSince1970: -11_676_096_000), Date(timeIntervalSince1970: -11_676_096_000.001), // 1600-01-01, and just before
                     Date(timeIntervalSince1970: -12_219_292_800), // 1582-10-15 (Julian before): GRDB's
                     Date(timeIntervalSince1970: -62_135_596_800), Date(timeIntervalSince1970: 253_402_300_799.999),
                     Date(timeIntervalSince1970: 253_402_300_800), Date(timeIntervalSince1970: 1_789_380_000.9996),
                     Date.distantPast, Date.distantFuture]
        for i in 0..<count {
            if i % 2 == 0 {
                dates.append(Date(timeIntervalSince1970: Double(Int64.random(in: -11_000_000_000_000...253_402_300_799_999, using: &generator)) / 1_000))
            } else {
                dates.append(Date(timeIntervalSince1970: Double.random(in: -11_000_000_000...253_402_300_799, using: &generator)))
            }
        }
        return dates
    }

    @Test("Dates are written as GRDB writes them, over 100,000 random instants")
    func writing() {
        var mismatches: [String] = []
        for date in Self.dates(count: 100_000) {
            let general = String.fromDatabaseValue(date.databaseValue)
            let text = StoredDate.text(of: date)
            if text != general { mismatches.append("\(date.timeIntervalSince1970): \(text) vs \(general ?? "nil")") }
            if StoredDate.value(of: date) != date.databaseValue { mismatches.append("value of \(date.timeIntervalSince1970)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count): \(mismatches.prefix(5))")
    }

    @Test("The stored text is read as GRDB reads it, to the bit, over 100,000 random instants")
    func reading() {
        var mismatches: [String] = []
        for date in Self.dates(count: 100_000) {
            let stored = date.databaseValue
            let general = Date.fromDatabaseValue(stored)
            let read = StoredDate.date(stored)
            if read?.timeIntervalSinceReferenceDate.bitPattern != general?.timeIntervalSinceReferenceDate.bitPattern {
                mismatches.append("\(String(describing: String.fromDatabaseValue(stored))): \(String(describing: read?.timeIntervalSinceReferenceDate)) vs \(String(describing: general?.timeIntervalSinceReferenceDate))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count): \(mismatches.prefix(5))")
    }

    @Test("Other shapes, numbers and NULL read as GRDB reads them; non-dates throw")
    func otherShapes() throws {
        let values: [DatabaseValue] = ["2026-09-01 09:00:00".databaseValue, "2026-09-01T09:00:00.000".databaseValue, "2026-09-01 09:00".databaseValue,
                                       "2026-09-01".databaseValue, "2026-02-30 10:00:00.000".databaseValue, "2026-09-01 09:00:00.5".databaseValue,
                                       "1500-01-01 00:00:00.000".databaseValue, "2026-13-01 00:00:00.000".databaseValue, "x".databaseValue,
                                       1_789_380_000.databaseValue, 1.5.databaseValue, .null]
        for value in values {
            #expect(StoredDate.date(value) == Date.fromDatabaseValue(value), "\(value)")
        }
        let db = try DatabaseQueue()
        try db.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT '2026-09-01 09:00:00.250' AS a, NULL AS b, 'nope' AS c")!
            #expect(try row.storedDate("a") == Date(timeIntervalSince1970: 1_788_253_200.25))
            #expect(try row.optionalStoredDate("b") == nil)
            #expect(throws: (any Error).self) { try row.storedDate("c") }
            #expect(throws: (any Error).self) { try row.storedDate("b") }
        }
    }
}
