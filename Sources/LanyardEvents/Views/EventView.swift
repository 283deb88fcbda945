import Foundation
import LanyardStore

/// An edition as `--json` and the HTTP API show it.
public struct EventView: Codable, Sendable, Equatable {
    public var id: Int64
    public var slug: String
    public var name: String
    public var series: String
    public var startDate: String
    public var endDate: String
    public var city: String?
    public var timeZone: String

    public init(_ event: Event) {
        id = event.id ?? 0
        slug = event.slug
        name = event.name
        series = event.series
        startDate = event.startDate.description
        endDate = event.endDate.description
        city = event.city
        timeZone = event.timeZone
    }

    public static func dateRange(_ event: Event) -> String {
        event.startDate == event.endDate ? "\(event.startDate)" : "\(event.startDate) to \(event.endDate)"
    }
}
