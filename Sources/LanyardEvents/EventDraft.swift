import Foundation
import LanyardFormats
import LanyardStore

/// The fields of a new edition, as a user or a calendar gives them, before validation.
public struct EventDraft: Sendable, Equatable, Codable {
    public var slug: String
    public var name: String
    public var series: String
    public var start: String
    public var end: String?
    public var city: String?
    public var timeZone: String?

    public init(slug: String, name: String, series: String, start: String, end: String? = nil, city: String? = nil, timeZone: String? = nil) {
        self.slug = slug
        self.name = name
        self.series = series
        self.start = start
        self.end = end
        self.city = city
        self.timeZone = timeZone
    }

    /// Checks every field and builds the record; the error names the field at fault.
    public func validated(uid: String? = nil) throws -> Event {
        let slug = slug.trimmingWhitespace(.whitespaces)
        guard Self.isValidSlug(slug) else {
            throw EventError.invalidField(field: "slug", message: "\"\(slug)\" must be lower-case letters, digits, '-', '.' or '_' (like swiftconf-2025)")
        }
        let name = name.trimmingWhitespace(.whitespacesAndNewlines)
        guard !name.isEmpty else { throw EventError.invalidField(field: "name", message: "must not be empty") }
        let series = Self.seriesKey(series)
        guard !series.isEmpty else { throw EventError.invalidField(field: "series", message: "must not be empty") }
        guard let startDay = CalendarDay(start.trimmingWhitespace(.whitespaces)) else {
            throw EventError.invalidField(field: "start", message: "\"\(start)\" is not a date (YYYY-MM-DD)")
        }
        var endDay = startDay
        if let end, !end.trimmingWhitespace(.whitespaces).isEmpty {
            guard let day = CalendarDay(end.trimmingWhitespace(.whitespaces)) else {
                throw EventError.invalidField(field: "end", message: "\"\(end)\" is not a date (YYYY-MM-DD)")
            }
            guard day >= startDay else {
                throw EventError.invalidField(field: "end", message: "\(day) is before the start \(startDay)")
            }
            endDay = day
        }
        let zone = timeZone?.trimmingWhitespace(.whitespaces) ?? ""
        if !zone.isEmpty, TimeZone(identifier: zone) == nil {
            throw EventError.invalidField(field: "timezone", message: "\"\(zone)\" is not a time zone (like Europe/Berlin or UTC)")
        }
        let city = city?.trimmingWhitespace(.whitespacesAndNewlines)
        return Event(
            slug: slug, name: name, series: series, startDate: startDay, endDate: endDay,
            city: city?.isEmpty == false ? city : nil, timeZone: zone.isEmpty ? "UTC" : zone, uid: uid)
    }

    /// Lower-case letters, digits, '-', '.', '_'; starts with a letter or digit; ≤ 80 characters.
    public static func isValidSlug(_ slug: String) -> Bool {
        guard let first = slug.unicodeScalars.first, slug.count <= 80 else { return false }
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789-._")
        return CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789").contains(first)
            && slug.unicodeScalars.allSatisfy(allowed.contains)
    }

    /// The series key for a name: "SwiftConf" → "swiftconf", "try! Swift Tokyo" → "try-swift-tokyo".
    public static func seriesKey(_ name: String) -> String {
        slugify(name)
    }

    /// Turns a title into a slug: folds accents and case, keeps letters and digits, joins with '-'.
    public static func slugify(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) || scalar == "." {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.joined(separator: "-").lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".-"))
    }
}
