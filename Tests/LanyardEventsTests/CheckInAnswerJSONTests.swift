import Foundation
import LanyardEvents
import LanyardStore
import Testing

/// `POST /checkins` and `lanyard checkin --json` write the answer without JSONEncoder: the
/// bytes must be JSONEncoder's, compact and pretty.
@Suite("Check-in answer JSON")
struct CheckInAnswerJSONTests {
    static let encoder = LanyardJSON.encoder(pretty: false)
    static let prettyEncoder = LanyardJSON.encoder(pretty: true)

    static func person(_ id: Int64, name: String, company: String? = nil, title: String? = nil, linkedin: String? = nil,
                       emails: [String] = [], phones: [String] = []) -> PersonView {
        let person = Person(id: id, name: name, sortName: name, normalizedName: name.lowercased(), company: company, title: title,
                            linkedinURL: linkedin, createdAt: Date(timeIntervalSince1970: 1_757_844_000.25),
                            updatedAt: Date(timeIntervalSince1970: 1_789_380_000.999))
        return PersonView(person, emails: emails, phones: phones)
    }

    static func meeting(_ id: Int64, booth: String?) -> MeetingView {
        let event = Event(id: 3, slug: "swiftconf-2026", name: "SwiftConf \"2026\" / Berlin", series: "swiftconf",
                          startDate: CalendarDay("2026-09-13")!, endDate: CalendarDay("2026-09-15")!, timeZone: "Europe/Berlin")
        return MeetingView(Meeting(id: id, personId: 1, eventId: 3, at: Date(timeIntervalSince1970: 1_789_380_000), booth: booth), event: event)
    }

    @Test("The same bytes as JSONEncoder: every member, nil members, candidates")
    func fullAnswer() throws {
        let result = CheckInResult(
            person: Self.person(7, name: "Élisabeth \"Liz\" Moreau", company: "Acme/Sub", title: "CTO\tand\nfounder",
                                linkedin: "https://www.linkedin.com/in/liz", emails: ["liz@acme.com", "l@x.org"], phones: ["+1 415"]),
            meeting: Self.meeting(12, booth: "12"),
            recognized: true, matchedBy: ["email", "name"],
            previousMeetings: [Self.meeting(3, booth: nil), Self.meeting(2, booth: "A\\B")],
            notes: [NoteView(Note(id: 4, personId: 7, meetingId: 3, body: "runs 🏃 marathons\r\n", createdAt: Date(timeIntervalSince1970: 0))),
                    NoteView(Note(id: 5, personId: 7, meetingId: nil, body: "x", createdAt: Date(timeIntervalSince1970: -1)))],
            candidates: [CandidateView(person: Self.person(9, name: "Liz M"), score: 35, reasons: ["name: nickname", "different company (A vs B)"])])
        #expect(String(decoding: CheckInAnswerJSON.encode(result), as: UTF8.self) == String(decoding: try Self.encoder.encode(result), as: UTF8.self))
        #expect(String(decoding: JSONBytes.prettyPrinted(CheckInAnswerJSON.encode(result)), as: UTF8.self)
            == String(decoding: try Self.prettyEncoder.encode(result), as: UTF8.self))
    }

    @Test("A new person with nothing optional, and every control character escaped alike")
    func escapes() throws {
        let odd = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }.joined() + "\u{2028}\u{7f}é\u{301}"
        let result = CheckInResult(
            person: Self.person(1, name: odd), meeting: Self.meeting(1, booth: nil), recognized: false, matchedBy: [],
            previousMeetings: [], notes: [], candidates: [])
        #expect(String(decoding: CheckInAnswerJSON.encode(result), as: UTF8.self) == String(decoding: try Self.encoder.encode(result), as: UTF8.self))
        #expect(String(decoding: JSONBytes.prettyPrinted(CheckInAnswerJSON.encode(result)), as: UTF8.self)
            == String(decoding: try Self.prettyEncoder.encode(result), as: UTF8.self))
    }

    /// A document with every kind of container JSONEncoder lays out, and strings holding the
    /// characters the layout turns on.
    struct Awkward: Encodable {
        var emptyArray: [Int] = []
        var emptyObject: [String: Int] = [:]
        var nested = ["k": [[Int]]([[], [1, 2]])]
        var tricky = ["a/b : , { \"q\" } [x]", "\\", "\\\"", "", "\n\t"]
        var number = -12
        var flag = false
    }

    @Test("Pretty printing lays compact JSON out as JSONEncoder does")
    func prettyLayout() throws {
        let compact = Array(try Self.encoder.encode(Awkward()))
        #expect(String(decoding: JSONBytes.prettyPrinted(compact), as: UTF8.self) == String(decoding: try Self.prettyEncoder.encode(Awkward()), as: UTF8.self))
        #expect(JSONBytes.prettyPrinted(Array("[]".utf8)) == Array("[\n\n]".utf8))
    }
}
