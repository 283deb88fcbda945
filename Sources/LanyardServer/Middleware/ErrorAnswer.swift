import Foundation
import Hummingbird
import HTTPTypes
import LanyardEvents
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

/// Says which field of a JSON body was wrong, in the body's own snake_case names.
enum DecodingErrorMessage {
    static func describe(_ error: DecodingError) -> String {
        switch error {
        case let .keyNotFound(key, context):
            return "missing field \"\(path(context.codingPath + [key]))\""
        case let .valueNotFound(_, context):
            return "field \"\(path(context.codingPath))\" must not be null"
        case let .typeMismatch(type, context):
            return "field \"\(path(context.codingPath))\" must be \(typeName(type))"
        case let .dataCorrupted(context):
            if context.codingPath.isEmpty {
                return "the body is not valid JSON" + (context.underlyingError.map { ": \(($0 as NSError).localizedDescription)" } ?? "")
            }
            return "field \"\(path(context.codingPath))\": \(context.debugDescription)"
        @unknown default:
            return "the body could not be read: \(error)"
        }
    }

    /// `[events, 0, timeZone]` → `events[0].time_zone`.
    static func path(_ keys: [any CodingKey]) -> String {
        var out = ""
        for key in keys {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                out += (out.isEmpty ? "" : ".") + snakeCase(key.stringValue)
            }
        }
        return out.isEmpty ? "(body)" : out
    }

    static func snakeCase(_ name: String) -> String {
        var out = ""
        for character in name {
            if character.isUppercase {
                if !out.isEmpty { out.append("_") }
                out += character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default:
            String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }
}
