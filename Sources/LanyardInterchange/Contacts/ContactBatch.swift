import Foundation
import LanyardFormats

/// The contacts read from import files, and the records refused while reading them.
public struct ContactBatch: Sendable, Equatable {
    public var sources: [String] = []
    public var records: [ContactRecord] = []
    public var invalid: [InvalidContact] = []

    public init(sources: [String] = [], records: [ContactRecord] = [], invalid: [InvalidContact] = []) {
        self.sources = sources
        self.records = records
        self.invalid = invalid
    }

    /// Reads `data` in `format`; `source` names it in messages. A file that is not of that
    /// format at all throws `InterchangeError.invalidRecord` with its line; single bad rows are
    /// listed in `invalid`.
    public static func read(_ data: Data, format: ContactFormat, source: String) throws -> ContactBatch {
        let text = decode(data)
        var batch = ContactBatch(sources: [source])
        do {
            switch format {
            case .vCard:
                batch.records = try VCardReader.records(text).map {
                    ContactRecord(card: $0.card, source: source, line: $0.line, number: $0.number)
                }
            case .linkedIn, .google:
                let rows = format == .linkedIn ? try LinkedInConnections.read(text) : try GoogleContactsCSV.read(text)
                batch.records = rows.contacts.map { ContactRecord(card: $0.card, source: source, line: $0.line, number: $0.row) }
                batch.invalid = rows.rejected.map { InvalidContact(place: place(of: $0, in: source), message: $0.message) }
            }
        } catch let error as FormatError {
            throw InterchangeError.invalidRecord(place: place(of: error, in: source), message: message(of: error))
        }
        return batch
    }

    /// Reads several files of one format into one batch.
    public static func read(files: [String], format: ContactFormat) throws -> ContactBatch {
        var batch = ContactBatch()
        for file in files {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw InterchangeError.file(path: file, reason: "cannot read: \(error.localizedDescription)")
            }
            batch.append(try read(data, format: format, source: file))
        }
        return batch
    }

    /// Adds another file's records after these.
    public mutating func append(_ other: ContactBatch) {
        sources += other.sources
        records += other.records
        invalid += other.invalid
    }

    /// UTF-8 (a BOM is left for the readers), else Windows-1252 as older Outlook exports are.
    static func decode(_ data: Data) -> String {
        if let text = String(data: data, encoding: .utf8) { return text }
        return String(data: data, encoding: .windowsCP1252) ?? String(decoding: data, as: UTF8.self)
    }

    static func place(of error: FormatError, in source: String) -> String {
        error.line.map { "\(source):\($0)" } ?? source
    }

    static func message(of error: FormatError) -> String {
        (error.field.map { "\($0): " } ?? "") + error.message
    }
}
