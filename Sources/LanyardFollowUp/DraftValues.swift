import Foundation
import LanyardStore

/// The values a follow-up template can use.
public struct DraftValues: Sendable, Equatable {
    public var name: String?
    public var firstName: String?
    public var company: String?
    public var title: String?
    public var event: String?
    public var eventCity: String?
    public var booth: String?
    /// Current facts by key (`facts.family` in a template).
    public var facts: [String: String]
    /// The newest note's text.
    public var note: String?
    public var senderName: String?
    public var signature: String?

    public init(
        name: String? = nil, firstName: String? = nil, company: String? = nil, title: String? = nil,
        event: String? = nil, eventCity: String? = nil, booth: String? = nil, facts: [String: String] = [:],
        note: String? = nil, senderName: String? = nil, signature: String? = nil
    ) {
        self.name = name
        self.firstName = firstName
        self.company = company
        self.title = title
        self.event = event
        self.eventCity = eventCity
        self.booth = booth
        self.facts = facts
        self.note = note
        self.senderName = senderName
        self.signature = signature
    }

    /// The first word of a full name ("Grace" for "Grace Hopper").
    public static func firstName(of name: String) -> String? {
        name.split(whereSeparator: { $0.isWhitespace }).first.map(String.init)
    }

    func mustacheContext(recorder: MissingRecorder) -> [String: Any] {
        func value(_ text: String?, _ key: String) -> Any {
            guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                return MissingValue(name: key, recorder: recorder)
            }
            return text
        }
        return [
            "name": value(name, "name"),
            "first_name": value(firstName, "first_name"),
            "company": value(company, "company"),
            "title": value(title, "title"),
            "event": value(event, "event"),
            "event_city": value(eventCity, "event_city"),
            "booth": value(booth, "booth"),
            "facts": FactLookup(facts: facts, recorder: recorder),
            "note": value(note, "note"),
            "sender_name": value(senderName, "sender_name"),
            "signature": value(signature, "signature"),
        ]
    }
}
