import LanyardEvents

/// The answer the check-in page shows at once, in words: "You met Liz at SwiftConf 2025,
/// booth 12 — ask about: marathon", then earlier notes. Wording only; who is the same person
/// was decided by the events module.
struct RecognitionAnswer {
    var result: CheckInResult
    /// Topics to ask about (the briefing module's rule, over the person's facts and tags).
    var askAbout: [String]

    init(_ result: CheckInResult, askAbout: [String]) {
        self.result = result
        self.askAbout = askAbout
    }

    /// The headline sentence.
    var headline: String {
        let person = result.person
        let firstName = person.name.split(separator: " ").first.map(String.init) ?? person.name
        var line: String
        if result.recognized, !result.previousMeetings.isEmpty {
            let meetings = result.previousMeetings.map { meeting in
                meeting.booth.map { "\(meeting.event), booth \($0)" } ?? meeting.event
            }
            line = "You met \(firstName) at \(meetings.joined(separator: "; and at "))"
        } else if result.recognized {
            line = "You know \(person.name) (same \(result.matchedBy.joined(separator: ", "))); this is your first meeting"
        } else {
            line = "New contact: \(person.name)" + (person.company.map { ", \($0)" } ?? "")
        }
        if !askAbout.isEmpty { line += " — ask about: " + askAbout.joined(separator: ", ") }
        return line
    }

    /// The notes from earlier meetings (the one just written is on the form already).
    var earlierNotes: [NoteView] {
        result.notes.filter { $0.meetingId != result.meeting.id }
    }

    var html: HTML {
        let notes: [HTML] = earlierNotes.map { "<li>\($0.body)</li>" }
        let notesHTML: HTML = notes.isEmpty ? "" : "<p>Your notes:</p><ul>\(notes)</ul>"
        let booth: HTML = result.meeting.booth.map { ", booth \($0)" } ?? ""
        return """
            <section class="notice" role="status" id="recognition">
            <p><strong>\(headline)</strong></p>
            \(notesHTML)
            <p class="muted">Checked in at \(result.meeting.event)\(booth), \(result.meeting.date). \
            <a href="/app/people/\(String(result.person.id))">\(result.person.name)'s page</a></p>
            </section>
            """
    }
}
