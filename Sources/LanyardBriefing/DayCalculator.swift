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
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        // Days since 1970-01-01 to (year, month, day), proleptic Gregorian (H. Hinnant's civil_from_days).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
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
