import ArgumentParser
import Foundation
import LanyardEvents
import LanyardFormats
import LanyardStore

/// `lanyard checkin --event SLUG ...`: record a meeting and be told if you met them before.
struct CheckinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin",
        abstract: "Check in someone you just met, and learn whether you met them before.",
        discussion: """
            Give at least a name, an email or a card. --card takes what a badge's QR code holds
            (a vCard, a MECARD or a LinkedIn profile URL); the flags win over its fields.
            Strong evidence (same email, phone or LinkedIn profile, or the same name at the same
            company) attaches the meeting to the person you know; otherwise a new person is made
            and the possible matches are listed. On a terminal you are asked "Same person?".
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("The event's slug (see `lanyard events list`).", valueName: "slug"))
    var event: String
    @Option(help: "Their name, as on the badge (\"Liz Moreau\" or \"Moreau, Liz\").")
    var name: String?
    @Option(help: "Their company.")
    var company: String?
    @Option(help: "Their job title.")
    var title: String?
    @Option(help: "Their email address.")
    var email: String?
    @Option(help: "Their phone number, in any format.")
    var phone: String?
    @Option(help: ArgumentHelp("Their LinkedIn profile URL.", valueName: "url"))
    var linkedin: String?
    @Option(help: ArgumentHelp("The badge's QR payload: a vCard, a MECARD or a LinkedIn URL.", valueName: "payload"))
    var card: String?
    @Option(name: .customLong("card-file"), help: ArgumentHelp("A file holding the badge payload (.vcf ...).", valueName: "file"))
    var cardFile: String?
    @Option(help: "Where you met (a booth number or name).")
    var booth: String?
    @Option(help: "A note on this meeting.")
    var note: String?
    @Option(help: ArgumentHelp("When you met (default: now).", valueName: "ISO8601"))
    var at: String?
    @Option(name: .customLong("same-as"), help: ArgumentHelp("Attach to this person, whatever the evidence.", valueName: "id"))
    var sameAs: Int64?
    @Flag(name: .customLong("new"), help: "Always record a new person.")
    var forceNew = false

    func validate() throws {
        if card != nil, cardFile != nil { throw ValidationError("give --card or --card-file, not both") }
        if sameAs != nil, forceNew { throw ValidationError("give --same-as or --new, not both") }
        if name == nil, email == nil, card == nil, cardFile == nil {
            throw ValidationError("give at least --name, --email, --card or --card-file")
        }
        if let name, name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--name must not be empty")
        }
        if let at, LanyardJSON.parseTimestamp(at) == nil {
            throw ValidationError("--at: \"\(at)\" is not an ISO 8601 date-time (like 2025-09-14T10:30:00Z)")
        }
    }

    /// The request the flags describe (reads --card-file).
    func request() throws -> CheckInRequest {
        var payload = card
        if let cardFile {
            guard let data = FileManager.default.contents(atPath: cardFile) else {
                throw ValidationError("--card-file: cannot read \(cardFile)")
            }
            payload = CardPayload.text(from: data)
        }
        let decision: CheckInRequest.Decision = sameAs.map { .sameAs($0) } ?? (forceNew ? .new : .automatic)
        return CheckInRequest(
            event: event, name: name, company: company, title: title, email: email, phone: phone,
            linkedin: linkedin, card: payload, booth: booth, note: note,
            at: at.flatMap(LanyardJSON.parseTimestamp), decision: decision)
    }

    func run() async throws {
        let console = Console.current
        var request = try request()
        let db = try store.open()
        if console.isInteractive, !output.json, request.decision == .automatic {
            _ = try db.event(slug: request.event)
            let preview = try db.recognize(try request.contact())
            if preview.match == nil, let best = preview.candidates.first {
                console.message("Possible match: \(Self.describe(best.person.name, id: best.person.id, company: best.person.company)) — score \(best.score): \(best.reasons.joined(separator: "; "))")
                request.decision = console.confirm("Same person? [y/N]") ? .sameAs(best.person.id!) : .new
            }
        }
        let result = try db.checkIn(request)
        if output.json {
            // The answer's own writer: JSONEncoder's dynamic casts cost this process milliseconds.
            console.json(compact: CheckInAnswerJSON.encode(result))
        } else {
            for line in Self.humanLines(result) { console.line(line) }
        }
    }

    /// The human answer: the recognition first.
    static func humanLines(_ result: CheckInResult) -> [String] {
        var lines: [String] = []
        let person = result.person
        let earlierNotes = result.notes.filter { $0.meetingId != result.meeting.id }.map(\.body)
        if result.recognized, !result.previousMeetings.isEmpty {
            let meetings = result.previousMeetings.map { m in m.booth.map { "\(m.event) (booth \($0))" } ?? m.event }
            var line = "You have met \(person.name) before: \(meetings.joined(separator: ", "))"
            if !earlierNotes.isEmpty { line += ", notes: " + earlierNotes.joined(separator: "; ") }
            lines.append(line + ".")
        } else if result.recognized {
            var line = "You know \(person.name) (matched by \(result.matchedBy.joined(separator: ", "))); this is your first meeting"
            if !earlierNotes.isEmpty { line += ", notes: " + earlierNotes.joined(separator: "; ") }
            lines.append(line + ".")
        } else {
            lines.append("New contact: \(describe(person.name, id: person.id, company: person.company))")
        }
        let booth = result.meeting.booth.map { " (booth \($0))" } ?? ""
        lines.append("Checked in at \(result.meeting.event)\(booth), \(result.meeting.date).")
        if !result.candidates.isEmpty {
            lines.append("Possibly the same as:")
            for candidate in result.candidates {
                lines.append("  \(describe(candidate.person.name, id: candidate.person.id, company: candidate.person.company)) — score \(candidate.score): \(candidate.reasons.joined(separator: "; "))")
                lines.append("    (merge with `lanyard people merge \(candidate.person.id) \(person.id)`)")
            }
        }
        return lines
    }

    static func describe(_ name: String, id: Int64?, company: String?) -> String {
        "#\(id ?? 0) \(name)" + (company.map { ", \($0)" } ?? "")
    }
}
