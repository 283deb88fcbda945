import Foundation
import GRDB
import LanyardStore

extension AppDatabase {
    /// The briefing for the upcoming (or current) edition `eventSlug`, read in one transaction.
    ///
    /// - Parameters:
    ///   - since: only editions starting on or after this day count, and section 2 starts there
    ///     (default: every earlier edition, and section 2 covers the last 12 months).
    ///   - staleAfter: no contact for more than this many days flags a person as stale.
    ///   - now: the moment the briefing is made.
    /// - Throws: `EventError.unknownEvent`, `BriefingError.pastEvent`, `.sinceInFuture`,
    ///   `.invalidStaleAfter`.
    public func briefing(
        eventSlug: String,
        since: CalendarDay? = nil,
        staleAfter staleAfterDays: Int = Briefing.defaultStaleAfterDays,
        now: Date = Date()
    ) throws -> Briefing {
        guard staleAfterDays > 0 else { throw BriefingError.invalidStaleAfter(days: staleAfterDays) }
        return try reader.read { db in
            try BriefingReader(db: db, since: since, staleAfterDays: staleAfterDays, now: now).read(eventSlug: eventSlug)
        }
    }
}
