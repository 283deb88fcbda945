import Foundation

/// The text form of a draft that `lanyard followup edit` opens: `Subject: ...`, a blank line,
/// then the body.
public enum FollowUpText {
    /// The text to edit.
    public static func compose(subject: String, body: String) -> String {
        "Subject: \(subject)\n\n\(body)"
    }

    /// Reads the edited text back; refuses a missing or multi-line subject and an empty body.
    public static func parse(_ text: String) throws -> (subject: String, body: String) {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        guard normalized.hasPrefix("Subject:") else { throw FollowUpError.editedText(reason: "line 1 must start with \"Subject:\"") }
        let firstBreak = normalized.firstIndex(of: "\n") ?? normalized.endIndex
        let subject = normalized[normalized.index(normalized.startIndex, offsetBy: 8)..<firstBreak].trimmingCharacters(in: .whitespaces)
        guard !subject.isEmpty else { throw FollowUpError.editedText(reason: "line 1: the subject is empty") }
        var rest = normalized[firstBreak...].drop(while: { $0 == "\n" })
        if rest.isEmpty { rest = "" }
        let body = String(rest)
        guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw FollowUpError.editedText(reason: "the body is empty")
        }
        return (subject, body)
    }
}
