import Foundation
import LanyardStore

/// What a briefing refuses, each saying what was wrong and what to do.
public enum BriefingError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The edition is over: a briefing prepares for an upcoming or current edition.
    case pastEvent(slug: String, ended: CalendarDay, next: String?)
    /// A date option is not `YYYY-MM-DD` or not a real day.
    case invalidDate(field: String, value: String)
    /// `--since` lies after today.
    case sinceInFuture(since: CalendarDay, today: CalendarDay)
    /// The stale period is not a positive number of days.
    case invalidStaleAfter(days: Int)

    public var description: String {
        switch self {
        case let .pastEvent(slug, ended, next):
            "\(slug) ended on \(ended): a briefing is for an upcoming or current edition"
                + (next.map { " (try \($0))" } ?? " (add the next edition with `lanyard events add`)")
        case let .invalidDate(field, value):
            "\(field): \"\(value)\" is not a date (YYYY-MM-DD, like 2025-09-01)"
        case let .sinceInFuture(since, today):
            "--since: \(since) is after today (\(today)); give a day in the past"
        case let .invalidStaleAfter(days):
            "--stale-after: \(days) must be a positive number of days (default \(Briefing.defaultStaleAfterDays))"
        }
    }

    public var errorDescription: String? { description }
}
