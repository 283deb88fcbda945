import Foundation

/// Why a check-in was refused; nothing is written when one is thrown.
public enum CheckInError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// Neither a name, an email nor a card was given.
    case nothingToIdentify
    /// A field has a bad value (field names the option: "email", "name", "card").
    case invalidField(field: String, message: String)
    /// `--same-as` names a person that does not exist.
    case unknownPerson(id: Int64)

    public var description: String {
        switch self {
        case .nothingToIdentify:
            "give at least a name (--name), an email (--email) or a card (--card/--card-file)"
        case let .invalidField(field, message):
            "\(field): \(message)"
        case let .unknownPerson(id):
            "no person with id \(id) (see `lanyard people list`)"
        }
    }

    public var errorDescription: String? { description }
}
