import Foundation
import LanyardEvents
import LanyardStore

/// The check-in answer written straight to bytes, exactly as `LanyardJSON.encoder(pretty:
/// false)` writes it (snake_case keys in sorted order, nil members left out, dates to the
/// second): `POST /checkins` answers thousands a second, and JSONEncoder's key conversion and
/// sorting were most of its encoding time. `CheckInAnswerJSONTests` holds it to JSONEncoder.
enum CheckInAnswerJSON {
    /// The UTF-8 bytes of `result`.
    static func encode(_ result: CheckInResult) -> [UInt8] {
        var out = Writer()
        out.bytes.reserveCapacity(1024)
        out.result(result)
        return out.bytes
    }

    private struct Writer {
        var bytes: [UInt8] = []

        mutating func result(_ r: CheckInResult) {
            raw("{\"candidates\":")
            array(r.candidates) { $0.candidate($1) }
            raw(",\"matched_by\":")
            array(r.matchedBy) { $0.string($1) }
            raw(",\"meeting\":")
            meeting(r.meeting)
            raw(",\"notes\":")
            array(r.notes) { $0.note($1) }
            raw(",\"person\":")
            person(r.person)
            raw(",\"previous_meetings\":")
            array(r.previousMeetings) { $0.meeting($1) }
            raw(",\"recognized\":")
            raw(r.recognized ? "true" : "false")
            raw("}")
        }

        mutating func candidate(_ c: CandidateView) {
            raw("{\"person\":")
            person(c.person)
            raw(",\"reasons\":")
            array(c.reasons) { $0.string($1) }
            raw(",\"score\":")
            integer(Int64(c.score))
            raw("}")
        }

        mutating func person(_ p: PersonView) {
            raw("{")
            if let company = p.company {
                raw("\"company\":")
                string(company)
                raw(",")
            }
            raw("\"created_at\":")
            date(p.createdAt)
            raw(",\"emails\":")
            array(p.emails) { $0.string($1) }
            raw(",\"id\":")
            integer(p.id)
            if let url = p.linkedinUrl {
                raw(",\"linkedin_url\":")
                string(url)
            }
            raw(",\"name\":")
            string(p.name)
            raw(",\"phones\":")
            array(p.phones) { $0.string($1) }
            raw(",\"sort_name\":")
            string(p.sortName)
            if let title = p.title {
                raw(",\"title\":")
                string(title)
            }
            raw(",\"updated_at\":")
            date(p.updatedAt)
            raw("}")
        }

        mutating func meeting(_ m: MeetingView) {
            raw("{\"at\":")
            date(m.at)
            if let booth = m.booth {
                raw(",\"booth\":")
                string(booth)
            }
            raw(",\"date\":")
            string(m.date)
            raw(",\"event\":")
            string(m.event)
            raw(",\"event_slug\":")
            string(m.eventSlug)
            raw(",\"id\":")
            integer(m.id)
            raw("}")
        }

        mutating func note(_ n: NoteView) {
            raw("{\"body\":")
            string(n.body)
            raw(",\"created_at\":")
            date(n.createdAt)
            raw(",\"id\":")
            integer(n.id)
            if let meeting = n.meetingId {
                raw(",\"meeting_id\":")
                integer(meeting)
            }
            raw("}")
        }

        // MARK: - Values

        mutating func array<T>(_ values: [T], _ element: (inout Writer, T) -> Void) {
            bytes.append(UInt8(ascii: "["))
            for (i, value) in values.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                element(&self, value)
            }
            bytes.append(UInt8(ascii: "]"))
        }

        mutating func raw(_ text: StaticString) {
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        mutating func integer(_ value: Int64) {
            bytes.append(contentsOf: String(value).utf8)
        }

        mutating func date(_ value: Date) {
            string(LanyardJSON.timestamp(value))
        }

        /// A JSON string, escaped as JSONEncoder escapes it (slashes left alone).
        mutating func string(_ value: String) {
            bytes.append(UInt8(ascii: "\""))
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\""): raw("\\\"")
                case UInt8(ascii: "\\"): raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                case 0x08: raw("\\b")
                case 0x0C: raw("\\f")
                case 0..<0x20:
                    raw("\\u00")
                    bytes.append(Self.hex[Int(byte >> 4)])
                    bytes.append(Self.hex[Int(byte & 0xF)])
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }

        static let hex = Array("0123456789abcdef".utf8)
    }
}
