import Foundation
import LanyardStore

/// The briefing as one compact JSON document, written field by field: the same document
/// `LanyardJSON.encoder(pretty: false)` makes of a `Briefing` (snake_case keys in sorted
/// order, nil fields left out, ISO 8601 UTC dates), several times faster. `lanyard brief
/// --json` and the server's `/brief/EVENT` both answer with it.
public enum JSONBriefingRenderer {
    /// The document as UTF-8 bytes, without a final newline.
    public static func bytes(_ b: Briefing) -> [UInt8] {
        var w = JSONBytes(capacity: 4_096 + 1_500 * (b.seriesPeople.count + b.relatedPeople.count))
        w.object { w in
            w.key("earlier_editions")
            w.array(b.earlierEditions) { w, edition in
                w.object { w in
                    if let city = edition.city { w.key("city"); w.string(city) }
                    w.key("name"); w.string(edition.name)
                    w.key("people_met"); w.int(edition.peopleMet)
                    w.key("slug"); w.string(edition.slug)
                    w.key("start_date"); w.day(edition.startDate)
                }
            }
            w.key("event"); event(b.event, &w)
            w.key("generated_at"); w.date(b.generatedAt)
            w.key("match_terms"); w.strings(b.matchTerms)
            if let notice = b.notice { w.key("notice"); w.string(notice) }
            w.key("related_people"); w.array(b.relatedPeople, person)
            w.key("series_people"); w.array(b.seriesPeople, person)
            if let since = b.since { w.key("since"); w.day(since) }
            w.key("stale_after_days"); w.int(b.staleAfterDays)
            w.key("summary"); summary(b.summary, &w)
            w.key("window_start"); w.date(b.windowStart)
        }
        return w.bytes
    }

    /// The document as text, with a final newline (as the CLI prints it).
    public static func render(_ b: Briefing) -> String {
        var document = bytes(b)
        document.append(UInt8(ascii: "\n"))
        return String(decoding: document, as: UTF8.self)
    }

    // MARK: - Parts

    private static func event(_ e: Briefing.EventInfo, _ w: inout JSONBytes) {
        w.object { w in
            if let city = e.city { w.key("city"); w.string(city) }
            w.key("end_date"); w.day(e.endDate)
            w.key("name"); w.string(e.name)
            w.key("series"); w.string(e.series)
            w.key("slug"); w.string(e.slug)
            w.key("start_date"); w.day(e.startDate)
            w.key("time_zone"); w.string(e.timeZone)
        }
    }

    private static func summary(_ s: Briefing.Summary, _ w: inout JSONBytes) {
        w.object { w in
            if let last = s.lastEdition { w.key("last_edition"); w.string(last) }
            w.key("never_followed_up"); w.int(s.neverFollowedUp)
            w.key("new_since_last_edition"); w.int(s.newSinceLastEdition)
            w.key("people"); w.int(s.people)
            w.key("stale"); w.int(s.stale)
        }
    }

    private static func person(_ w: inout JSONBytes, _ p: BriefingPerson) {
        w.object { w in
            w.key("ask_about"); w.strings(p.askAbout)
            if let company = p.company { w.key("company"); w.string(company) }
            w.key("facts")
            w.array(p.facts) { w, fact in
                w.object { w in
                    w.key("key"); w.string(fact.key)
                    w.key("value"); w.string(fact.value)
                }
            }
            w.key("flags"); w.array(p.flags) { w, flag in w.string(flag.rawValue) }
            w.key("id"); w.int(Int(p.id))
            if let last = p.lastInTouch { w.key("last_in_touch"); w.date(last) }
            w.key("name"); w.string(p.name)
            w.key("note_count"); w.int(p.noteCount)
            w.key("notes")
            w.array(p.notes) { w, note in
                w.object { w in
                    w.key("body"); w.string(note.body)
                    w.key("created_at"); w.date(note.createdAt)
                }
            }
            w.key("other_meetings"); w.array(p.otherMeetings, meeting)
            w.key("reasons"); w.strings(p.reasons)
            w.key("series_meetings"); w.array(p.seriesMeetings, meeting)
            w.key("strength"); w.int(p.strength)
            if let title = p.title { w.key("title"); w.string(title) }
            w.key("unsent_follow_ups")
            w.array(p.unsentFollowUps) { w, followUp in
                w.object { w in
                    w.key("due_at"); w.date(followUp.dueAt)
                    w.key("event_name"); w.string(followUp.eventName)
                    w.key("event_slug"); w.string(followUp.eventSlug)
                    w.key("state"); w.string(followUp.state)
                    w.key("subject"); w.string(followUp.subject)
                }
            }
        }
    }

    private static func meeting(_ w: inout JSONBytes, _ m: BriefingPerson.MeetingLine) {
        w.object { w in
            if let booth = m.booth { w.key("booth"); w.string(booth) }
            if let city = m.city { w.key("city"); w.string(city) }
            if let context = m.context { w.key("context"); w.string(context) }
            w.key("day"); w.day(m.day)
            w.key("event_name"); w.string(m.eventName)
            w.key("event_slug"); w.string(m.eventSlug)
            w.key("year"); w.int(m.year)
        }
    }
}
