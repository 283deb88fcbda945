import Foundation
import LanyardStore

/// The check-in answer written straight to bytes, exactly as `LanyardJSON.encoder(pretty:
/// false)` writes it (snake_case keys in sorted order, nil members left out, dates to the
/// second): `POST /checkins` answers thousands a second, and JSONEncoder's key conversion and
/// sorting were most of its encoding time; `lanyard checkin --json` prints it pretty
/// (`JSONBytes.prettyPrinted`), without the dynamic casts JSONEncoder makes in every process.
/// The escaping and dates are `JSONBytes`'s, shared with the briefing.
/// `CheckInAnswerJSONTests` holds it to JSONEncoder.
public enum CheckInAnswerJSON {
    /// The UTF-8 bytes of `result`, compact.
    public static func encode(_ result: CheckInResult) -> [UInt8] {
        var w = JSONBytes(capacity: 1_024)
        w.object { w in
            w.key("candidates")
            w.array(result.candidates) { w, c in candidate(c, &w) }
            w.key("matched_by")
            w.strings(result.matchedBy)
            w.key("meeting")
            meeting(result.meeting, &w)
            w.key("notes")
            w.array(result.notes) { w, n in note(n, &w) }
            w.key("person")
            person(result.person, &w)
            w.key("previous_meetings")
            w.array(result.previousMeetings) { w, m in meeting(m, &w) }
            w.key("recognized")
            w.bool(result.recognized)
        }
        return w.bytes
    }

    private static func candidate(_ c: CandidateView, _ w: inout JSONBytes) {
        w.object { w in
            w.key("person")
            person(c.person, &w)
            w.key("reasons")
            w.strings(c.reasons)
            w.key("score")
            w.int(Int(c.score))
        }
    }

    private static func person(_ p: PersonView, _ w: inout JSONBytes) {
        w.object { w in
            if let company = p.company {
                w.key("company")
                w.string(company)
            }
            w.key("created_at")
            w.date(p.createdAt)
            w.key("emails")
            w.strings(p.emails)
            w.key("id")
            w.int(Int(p.id))
            if let url = p.linkedinUrl {
                w.key("linkedin_url")
                w.string(url)
            }
            w.key("name")
            w.string(p.name)
            w.key("phones")
            w.strings(p.phones)
            w.key("sort_name")
            w.string(p.sortName)
            if let title = p.title {
                w.key("title")
                w.string(title)
            }
            w.key("updated_at")
            w.date(p.updatedAt)
        }
    }

    private static func meeting(_ m: MeetingView, _ w: inout JSONBytes) {
        w.object { w in
            w.key("at")
            w.date(m.at)
            if let booth = m.booth {
                w.key("booth")
                w.string(booth)
            }
            w.key("date")
            w.string(m.date)
            w.key("event")
            w.string(m.event)
            w.key("event_slug")
            w.string(m.eventSlug)
            w.key("id")
            w.int(Int(m.id))
        }
    }

    private static func note(_ n: NoteView, _ w: inout JSONBytes) {
        w.object { w in
            w.key("body")
            w.string(n.body)
            w.key("created_at")
            w.date(n.createdAt)
            w.key("id")
            w.int(Int(n.id))
            if let meeting = n.meetingId {
                w.key("meeting_id")
                w.int(Int(meeting))
            }
        }
    }
}
