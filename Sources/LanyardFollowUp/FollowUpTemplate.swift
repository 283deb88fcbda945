import Foundation
import Mustache

/// A follow-up template: a Mustache file whose first line is `Subject: ...`, then a blank line,
/// then the body. Rendered as plain text (no HTML escaping).
public struct FollowUpTemplate: Sendable {
    /// Where it came from: `builtin`, `default`, `event-SLUG` or `tag-TAG`.
    public let name: String
    let subject: MustacheTemplate
    let body: MustacheTemplate

    /// Parses `text`; `file` names it in errors.
    public init(name: String, text: String, file: String) throws {
        self.name = name
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        // Leading Mustache comments and blank lines may precede the subject.
        var index = 0
        var inComment = false
        while index < lines.count {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            if inComment {
                if line.contains("}}") { inComment = false }
            } else if line.hasPrefix("{{!") {
                inComment = !line.contains("}}")
            } else if !line.isEmpty {
                break
            }
            index += 1
        }
        guard index < lines.count, lines[index].hasPrefix("Subject:") else {
            throw FollowUpError.template(file: file, line: index + 1, reason: "expected the first line to be \"Subject: ...\"")
        }
        let subjectText = String(lines[index].dropFirst("Subject:".count)).trimmingCharacters(in: .whitespaces)
        lines.removeFirst(index + 1)
        if lines.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeFirst() }
        let bodyText = lines.joined(separator: "\n")
        self.subject = try Self.parse(subjectText, file: file, firstLine: index + 1)
        self.body = try Self.parse(bodyText, file: file, firstLine: index + 3)
    }

    private static func parse(_ text: String, file: String, firstLine: Int) throws -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text)
        } catch let error as MustacheTemplate.ParserError {
            throw FollowUpError.template(file: file, line: firstLine + error.context.lineNumber - 1, reason: "\(error.error) near \"\(error.context.line)\"")
        } catch {
            throw FollowUpError.template(file: file, line: firstLine, reason: "\(error)")
        }
    }

    /// The rendered subject and body, and the names of values used but absent (sorted).
    public func render(_ values: DraftValues) -> (subject: String, body: String, missing: [String]) {
        let recorder = MissingRecorder()
        let context = values.mustacheContext(recorder: recorder)
        let subject = self.subject.render(context).trimmingCharacters(in: .whitespacesAndNewlines)
        let body = self.body.render(context)
        return (subject, body, Array(recorder.names).sorted())
    }

    /// The marker written where a value is missing; `missingNames(in:)` finds them again.
    public static func marker(_ name: String) -> String { "[missing: \(name)]" }

    /// The names of the missing-value markers left in `text`.
    public static func missingNames(in text: String) -> [String] {
        var names: Set<String> = []
        var rest = text[...]
        while let start = rest.range(of: "[missing: ") {
            guard let end = rest[start.upperBound...].firstIndex(of: "]") else { break }
            names.insert(String(rest[start.upperBound..<end]))
            rest = rest[rest.index(after: end)...]
        }
        return names.sorted()
    }
}

// MARK: - Missing values

/// Collects the names of the missing values a rendering used.
final class MissingRecorder {
    var names: Set<String> = []
}

/// Stands in for an absent value: a section over it is empty, and printing it records the name
/// and writes a visible marker instead of nothing ("Dear ,").
struct MissingValue: MustacheCustomRenderable {
    let name: String
    let recorder: MissingRecorder

    var renderText: String {
        recorder.names.insert(name)
        return FollowUpTemplate.marker(name)
    }

    var isNull: Bool { true }
}

/// The person's facts by key; an absent key is a `MissingValue("facts.KEY")`.
struct FactLookup: MustacheParent {
    let facts: [String: String]
    let recorder: MissingRecorder

    func child(named name: String) -> Any? {
        if let value = facts[name] { return value }
        return MissingValue(name: "facts.\(name)", recorder: recorder)
    }
}
