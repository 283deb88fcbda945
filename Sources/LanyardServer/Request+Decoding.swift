import Foundation
import Hummingbird
import NIOCore
import LanyardStore

extension Request {
    /// Reads the body (413 past the limit) and decodes it as Lanyard JSON; a bad body is a 400
    /// that names the field.
    func decodeJSON<T: Decodable>(as type: T.Type, context: LanyardRequestContext) async throws -> T {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else {
            throw HTTPError(.badRequest, message: "the body is empty; send a JSON object")
        }
        do {
            return try context.requestDecoder.decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw HTTPError(.badRequest, message: DecodingErrorMessage.describe(error))
        }
    }

    /// Like `decodeJSON`, but an empty body is nil (for optional request bodies).
    func decodeJSONIfAny<T: Decodable>(as type: T.Type, context: LanyardRequestContext) async throws -> T? {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { return nil }
        do {
            return try context.requestDecoder.decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw HTTPError(.badRequest, message: DecodingErrorMessage.describe(error))
        }
    }

    /// Reads the body as UTF-8 text (413 past the limit).
    func bodyText(context: LanyardRequestContext) async throws -> String {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        guard let text = buffer.getString(at: buffer.readerIndex, length: buffer.readableBytes) else {
            throw HTTPError(.badRequest, message: "the body is not UTF-8 text")
        }
        return text
    }

    /// Reads an `application/x-www-form-urlencoded` body (413 past the limit).
    func decodeForm<T: Decodable>(as type: T.Type, context: LanyardRequestContext) async throws -> T {
        let text = try await bodyText(context: context)
        do {
            return try URLEncodedFormDecoder().decode(T.self, from: text)
        } catch let error as DecodingError {
            throw HTTPError(.badRequest, message: DecodingErrorMessage.describe(error))
        }
    }
}
