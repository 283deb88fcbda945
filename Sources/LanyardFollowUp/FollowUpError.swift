import Foundation

/// Follow-up errors: each says what was wrong, where, and what to do.
public enum FollowUpError: Error, Equatable, LocalizedError, CustomStringConvertible {
    /// No follow-up with that id.
    case notFound(id: Int64)
    /// No event with that slug.
    case unknownEvent(slug: String)
    /// The follow-up is in a state that does not allow the action.
    case wrongState(id: Int64, state: String, action: String, allowed: String)
    /// The draft still lacks values the template needed.
    case missingValues(id: Int64, names: [String])
    /// The configuration lacks something the action needs.
    case notConfigured(what: String, fix: String)
    /// The config file cannot be read or written.
    case configFile(path: String, reason: String)
    /// A template cannot be used (file, line and the problem).
    case template(file: String, line: Int, reason: String)
    /// An edited draft cannot be read back.
    case editedText(reason: String)
    /// The password could not be obtained.
    case password(reason: String)
    /// A send batch stopped early (login denied, no connection); the reason says what to fix.
    case batchStopped(reason: String)

    public var description: String {
        switch self {
        case let .notFound(id):
            "no follow-up with id \(id); see `lanyard followup list`"
        case let .unknownEvent(slug):
            "no event \"\(slug)\"; see `lanyard events list`"
        case let .wrongState(id, state, action, allowed):
            "follow-up \(id) is \(state): only a follow-up that is \(allowed) can be \(action)"
        case let .missingValues(id, names):
            "follow-up \(id) lacks \(names.joined(separator: ", ")): edit it (`lanyard followup edit \(id)`) before approving"
        case let .notConfigured(what, fix):
            "\(what) is not configured: \(fix)"
        case let .configFile(path, reason):
            "\(path): \(reason)"
        case let .template(file, line, reason):
            "\(file):\(line): \(reason)"
        case let .editedText(reason):
            "the edited follow-up cannot be used: \(reason)"
        case let .password(reason):
            "no SMTP password: \(reason)"
        case let .batchStopped(reason):
            "sending stopped: \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
