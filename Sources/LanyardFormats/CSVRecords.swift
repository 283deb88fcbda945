import Foundation
import SwiftCSV

/// CSV records through SwiftCSV, each with the physical line it starts on (quoted fields may
/// hold line breaks, so records and lines differ).
enum CSVRecords {
    /// One record: its fields, first line and number after the header.
    struct Record {
        var fields: [String]
        var line: Int
        var row: Int
    }

    /// Parses `text`, whose first line (line `firstLine` of the file) is the header. Blank
    /// lines are skipped. A quoting error is reported at the line of the record it breaks.
    static func read(_ text: String, firstLine: Int, format: String) throws -> (header: [String], records: [Record]) {
        let csv: CSV<Enumerated>
        do {
            csv = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false, rowLimit: 0)
        } catch {
            throw FormatError(format: format, line: firstLine, field: nil, message: "the header line is not valid CSV (\(error))")
        }
        let header = csv.header.map { $0.trimmingWhitespace(.whitespaces) }
        var records: [Record] = []
        var line = firstLine + 1 + newlines(in: csv.header)
        var row = 0
        do {
            try csv.enumerateAsArray(startAt: 1, rowLimit: nil) { fields in
                let start = line
                line += 1 + newlines(in: fields)
                if fields.count == 1, fields[0].isEmpty { return }
                row += 1
                records.append(Record(fields: fields, line: start, row: row))
            }
        } catch {
            throw FormatError(format: format, line: line, field: nil, message: "unbalanced or misplaced double quote in the record starting here (\(error))")
        }
        // SwiftCSV reads a quote left open at the end as a field running to the end of the file.
        var quotes = 0
        for byte in text.utf8 where byte == UInt8(ascii: "\"") { quotes += 1 }
        if quotes % 2 == 1 {
            throw FormatError(format: format, line: records.last?.line ?? firstLine, field: nil,
                              message: "a double quote opened in the record starting here is never closed")
        }
        return (header, records)
    }

    /// Line breaks inside fields (CRLF counts once), scanned as bytes.
    private static func newlines(in fields: [String]) -> Int {
        var count = 0
        for field in fields {
            var previous: UInt8 = 0
            for byte in field.utf8 {
                if byte == 0x0A { if previous != 0x0D { count += 1 } } else if byte == 0x0D { count += 1 }
                previous = byte
            }
        }
        return count
    }
}
