import Foundation
import LanyardStore

/// Turns instants into calendar days in one time zone without building a `Calendar` per call
/// (the UTC offset comes from the zone, the day from civil-date arithmetic): a briefing turns
/// thousands of dates into days.
struct DayCalculator: Sendable {
    let zone: TimeZone

    /// A calculator for the zone named `identifier` (UTC when unknown).
    init(identifier: String) {
        zone = TimeZone(identifier: identifier) ?? TimeZone(identifier: "UTC")!
    }

    /// The day `date` falls on in the zone.
    func day(_ date: Date) -> CalendarDay {
        let seconds = Int((date.timeIntervalSince1970).rounded(.down)) + zone.secondsFromGMT(for: date)
        let (y, m, d) = CivilDays.date(days: CivilDays.days(seconds: seconds))
        return CalendarDay(year: y, month: m, day: d) ?? CalendarDay(date, in: zone)
    }
}

/// One `DayCalculator` per time zone identifier, made on first use.
struct DayCalculators {
    private var byZone: [String: DayCalculator] = [:]

    /// The day `date` falls on in the zone named `identifier`.
    mutating func day(_ date: Date, in identifier: String) -> CalendarDay {
        if let calculator = byZone[identifier] { return calculator.day(date) }
        let calculator = DayCalculator(identifier: identifier)
        byZone[identifier] = calculator
        return calculator.day(date)
    }
}
