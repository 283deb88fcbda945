import Foundation

/// What the event module refuses, each with the field or place it concerns.
public enum EventError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// A field has a bad value: `--start: "2025-02-30" is not a date (YYYY-MM-DD)`.
    case invalidField(field: String, message: String)
    /// No event has this slug.
    case unknownEvent(slug: String)
    /// An event with this slug already exists.
    case duplicateSlug(String)
    /// A calendar file could not be used; `place` is "file:line".
    case invalidCalendar(place: String, message: String)

    public var description: String {
        switch self {
        case let .invalidField(field, message): "\(field): \(message)"
        case let .unknownEvent(slug): "no event \"\(slug)\" (see `lanyard events list`)"
        case let .duplicateSlug(slug): "an event with slug \"\(slug)\" already exists"
        case let .invalidCalendar(place, message): "\(place): \(message)"
        }
    }

    public var errorDescription: String? { description }
}
