import Foundation
import Hummingbird
import HTTPTypes
import LanyardBriefing
import LanyardEvents
import LanyardFollowUp
import LanyardNotes
import LanyardStore

/// The status and message an error is answered with. Domain errors keep their own message
/// (it already says what and where); the status follows what went wrong.
struct ErrorAnswer {
    var status: HTTPResponse.Status
    var message: String
    var headers: HTTPFields = [:]

    init(_ error: any Error, context: some RequestContext) {
        switch error {
        case let error as HTTPError:
            status = error.status
            message = error.body ?? error.status.reasonPhrase
            headers = error.headers
        case let error as EventError:
            message = error.description
            switch error {
            case .invalidField, .invalidCalendar: status = .badRequest
            case .unknownEvent: status = .notFound
            case .duplicateSlug: status = .conflict
            }
        case let error as StoreError:
            message = error.description
            switch error {
            case .invalid: status = .badRequest
            case .notFound: status = .notFound
            case .duplicate: status = .conflict
            case .location: status = .internalServerError
            }
        case let error as CheckInError:
            message = error.description
            switch error {
            case .nothingToIdentify, .invalidField: status = .badRequest
            case .unknownPerson: status = .notFound
            }
        case let error as PeopleError:
            message = error.description
            switch error {
            case .unknownPerson, .nothingToUnmerge: status = .notFound
            case .mergeWithSelf: status = .badRequest
            }
        case let error as NotesError:
            message = error.description
            switch error {
            case .unknownPerson, .unknownNote, .unknownMeeting, .unknownEvent, .unknownFact: status = .notFound
            case .ambiguousPerson: status = .conflict
            case .emptyNote, .emptyFactValue, .invalidName, .emptyQuery: status = .badRequest
            case .editorFailed: status = .internalServerError
            }
        case let error as BriefingError:
            status = .badRequest
            message = error.description
        case let error as FollowUpError:
            message = error.description
            switch error {
            case .notFound, .unknownEvent: status = .notFound
            case .wrongState, .missingValues: status = .conflict
            case .editedText: status = .badRequest
            case .notConfigured, .configFile, .template, .password, .batchStopped: status = .serviceUnavailable
            }
        case let error as DecodingError:
            status = .badRequest
            message = DecodingErrorMessage.describe(error)
        case let error as any HTTPResponseError:
            status = error.status
            message = status == .contentTooLarge
                ? "the request body is larger than the limit of \(context.maxUploadSize) bytes"
                : status.reasonPhrase
        default:
            status = .internalServerError
            message = "internal error (the server log has the details)"
        }
    }
}
