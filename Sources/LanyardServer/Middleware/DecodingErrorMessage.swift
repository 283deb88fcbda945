import Foundation

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
