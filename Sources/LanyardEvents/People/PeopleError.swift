import Foundation

/// Why a people operation (merge, unmerge, forget) was refused.
public enum PeopleError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// No person has this id.
    case unknownPerson(id: Int64)
    /// KEEP and OTHER are the same person.
    case mergeWithSelf(id: Int64)
    /// No merge of this person is left to undo.
    case nothingToUnmerge(id: Int64)

    public var description: String {
        switch self {
        case let .unknownPerson(id): "no person with id \(id) (see `lanyard people list`)"
        case let .mergeWithSelf(id): "cannot merge person \(id) into itself: give two different ids"
        case let .nothingToUnmerge(id): "no merge of person \(id) to undo (give the id the merged person had)"
        }
    }

    public var errorDescription: String? { description }
}
