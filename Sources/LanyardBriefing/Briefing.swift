import Foundation
import LanyardStore

/// A pre-conference briefing: who the user met at earlier editions of a series (section 1) and
/// who they met elsewhere lately that is linked to the event's city or series (section 2).
/// The one view every format (text, markdown, JSON, HTML) renders.
public struct Briefing: Codable, Sendable, Equatable {
    /// "Stale" means no contact for more than this many days unless told otherwise (12 months).
    public static let defaultStaleAfterDays = 365
    /// How many of a person's notes the briefing shows, newest first.
    public static let newestNotesShown = 3

    /// The edition the briefing prepares for.
    public var event: EventInfo
    /// The moment the briefing was made; "stale" and "N months ago" count from here.
    public var generatedAt: Date
    /// `--since`: only editions starting on or after it count, and section 2 starts there.
    public var since: CalendarDay?
    /// Section 2 covers meetings from this moment to `generatedAt` (default: 12 months back).
    public var windowStart: Date
    /// No contact for more than this many days flags a person as stale.
    public var staleAfterDays: Int
    /// The earlier editions section 1 covers, oldest first.
    public var earlierEditions: [Edition]
    /// The words section 2 looks for in tags and notes (the city, the series).
    public var matchTerms: [String]
    /// Said before everything else when something is unusual ("no earlier editions of ...").
    public var notice: String?
    /// The counts at the top.
    public var summary: Summary
    /// Section 1: everyone met at an earlier edition, strongest relationship first.
    public var seriesPeople: [BriefingPerson]
    /// Section 2: people met elsewhere in the window (not at this edition) who are tagged or
    /// noted with the city or series, or were met at an event held in that city.
    public var relatedPeople: [BriefingPerson]

    /// Every person in the briefing, section 1 then section 2.
    public var allPeople: [BriefingPerson] { seriesPeople + relatedPeople }

    /// The edition being prepared for.
    public struct EventInfo: Codable, Sendable, Equatable {
        public var slug: String
        public var name: String
        public var series: String
        public var startDate: CalendarDay
        public var endDate: CalendarDay
        public var city: String?
        public var timeZone: String

        /// The edition as the briefing shows it.
        public init(_ event: Event) {
            slug = event.slug
            name = event.name
            series = event.series
            startDate = event.startDate
            endDate = event.endDate
            city = event.city
            timeZone = event.timeZone
        }
    }

    /// One earlier edition of the series.
    public struct Edition: Codable, Sendable, Equatable {
        public var slug: String
        public var name: String
        public var startDate: CalendarDay
        public var city: String?
        /// How many people were met there.
        public var peopleMet: Int

        /// An edition with the count of people met there.
        public init(slug: String, name: String, startDate: CalendarDay, city: String?, peopleMet: Int) {
            self.slug = slug
            self.name = name
            self.startDate = startDate
            self.city = city
            self.peopleMet = peopleMet
        }
    }

    /// The counts at the top of the briefing.
    public struct Summary: Codable, Sendable, Equatable {
        /// Everyone listed, both sections.
        public var people: Int
        /// Listed people with no contact for more than `staleAfterDays`.
        public var stale: Int
        /// Listed people met but never sent a follow-up.
        public var neverFollowedUp: Int
        /// Listed people first met at or after the start of the last earlier edition.
        public var newSinceLastEdition: Int
        /// The last earlier edition's name, when there is one.
        public var lastEdition: String?

        /// The counts, as given.
        public init(people: Int, stale: Int, neverFollowedUp: Int, newSinceLastEdition: Int, lastEdition: String?) {
            self.people = people
            self.stale = stale
            self.neverFollowedUp = neverFollowedUp
            self.newSinceLastEdition = newSinceLastEdition
            self.lastEdition = lastEdition
        }
    }
}

// MARK: - Input

extension Briefing {
    /// Parses a `--since` (or `?since=`) value, or throws `BriefingError.invalidDate`.
    public static func parseDay(_ text: String, field: String = "--since") throws -> CalendarDay {
        guard let day = CalendarDay(text.trimmingCharacters(in: .whitespaces)) else {
            throw BriefingError.invalidDate(field: field, value: text)
        }
        return day
    }
}
