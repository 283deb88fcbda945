import Foundation
import Hummingbird
import LanyardEvents
import LanyardStore

/// The JSON API for conference editions, over the events module (the same calls as
/// `lanyard events`).
struct EventsController {
    let database: AppDatabase

    var endpoints: RouteCollection<LanyardRequestContext> {
        RouteCollection(context: LanyardRequestContext.self)
            .get("/events", use: list)
            .post("/events", use: create)
            .post("/events/import", use: importCalendar)
            .get("/events/{slug}", use: show)
    }

    /// `POST /events`: the fields of `lanyard events add`.
    struct CreateRequest: Decodable {
        var slug: String
        var name: String
        var series: String
        var start: String
        var end: String?
        var city: String?
        var timeZone: String?
    }

    /// `GET /events`: every edition, oldest first.
    @Sendable func list(_ request: Request, context: LanyardRequestContext) async throws -> [EventView] {
        try database.events().map(EventView.init)
    }

    /// `POST /events`: adds one edition; 400 names the bad field, 409 a taken slug.
    @Sendable func create(_ request: Request, context: LanyardRequestContext) async throws -> EditedResponse<EventView> {
        let body = try await request.decodeJSON(as: CreateRequest.self, context: context)
        let event = try database.addEvent(EventDraft(
            slug: body.slug, name: body.name, series: body.series, start: body.start,
            end: body.end, city: body.city, timeZone: body.timeZone))
        return EditedResponse(status: .created, headers: [.location: "/events/\(event.slug)"], response: EventView(event))
    }

    /// `POST /events/import`: an iCalendar body; every VEVENT becomes or updates an edition.
    @Sendable func importCalendar(_ request: Request, context: LanyardRequestContext) async throws -> EventImportSummary {
        let text = try await request.bodyText(context: context)
        return try database.importEvents(calendarText: text, source: "request body")
    }

    /// `GET /events/{slug}`: one edition, or 404.
    @Sendable func show(_ request: Request, context: LanyardRequestContext) async throws -> EventView {
        let slug = try context.parameters.require("slug")
        return EventView(try database.event(slug: slug))
    }
}

extension EventView: ResponseGenerator {}
extension EventView: ResponseEncodable {}
extension EventImportSummary: ResponseGenerator {}
extension EventImportSummary: ResponseEncodable {}
