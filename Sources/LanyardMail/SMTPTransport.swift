import CCurl
import CCurlShim
import Foundation
import Logging

/// Sends complete RFC 5322 messages over SMTP through libcurl. Owns one CURL easy handle, so
/// consecutive sends reuse one connection (QUIT goes out when the transport is released).
/// Not thread-safe: use one transport per batch, from one task.
public final class SMTPTransport {
    private let handle: UnsafeMutableRawPointer
    private let logger: Logger
    /// Connections opened so far (1 for a whole batch when the connection was reused).
    public private(set) var connectionsOpened = 0

    /// Validates `configuration` and prepares the handle; nothing connects until the first send.
    public init(configuration: SMTPConfiguration, logger: Logger = Logger(label: "lanyard.mail")) throws {
        let security = try configuration.validate()
        // libcurl is loaded here, by the first transport of the process, not at start.
        if let failure = lanyard_curl_load() {
            throw SMTPConfigurationError.invalid(field: "libcurl", reason: String(cString: failure))
        }
        CurlRuntime.initializeOnce()
        guard let handle = lanyard_curl_easy_init() else {
            throw SMTPConfigurationError.invalid(field: "url", reason: "libcurl could not create a handle")
        }
        self.handle = handle
        self.logger = logger
        try set(CURLOPT_URL, configuration.url)
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_UPLOAD, 1)
        switch security {
        case .implicitTLS: break
        case .startTLS: try set(CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue))
        case .none: try set(CURLOPT_USE_SSL, Int(CURLUSESSL_NONE.rawValue))
        }
        try set(CURLOPT_SSL_VERIFYPEER, 1)
        try set(CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile = configuration.caFile { try set(CURLOPT_CAINFO, caFile) }
        if let username = configuration.username { try set(CURLOPT_USERNAME, username) }
        if let password = configuration.password { try set(CURLOPT_PASSWORD, password) }
        try set(CURLOPT_CONNECTTIMEOUT_MS, Int(configuration.connectTimeout * 1000))
        try set(CURLOPT_SERVER_RESPONSE_TIMEOUT, max(1, Int(configuration.responseTimeout.rounded(.up))))
        // A transfer that stalls mid-body (under 1 byte/s for that long) is abandoned too.
        try set(CURLOPT_LOW_SPEED_LIMIT, 1)
        try set(CURLOPT_LOW_SPEED_TIME, max(1, Int(configuration.responseTimeout.rounded(.up))))
        // The debug callback only keeps the server's last reply line (never the body).
        try set(CURLOPT_VERBOSE, 1)
        try check(lanyard_curl_setopt_debug_function(handle) { _, type, data, size, userdata in
            guard type == CURLINFO_HEADER_IN, let data, let userdata else { return 0 }
            let context = Unmanaged<TransferContext>.fromOpaque(userdata).takeUnretainedValue()
            let line = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
            context.remember(line.trimmingCharacters(in: .whitespacesAndNewlines))
            return 0
        }, option: "DEBUGFUNCTION")
        try check(lanyard_curl_setopt_read_function(handle) { buffer, size, count, userdata in
            guard let buffer, let userdata else { return Int(CURL_READFUNC_ABORT) }
            let context = Unmanaged<TransferContext>.fromOpaque(userdata).takeUnretainedValue()
            let n = min(size * count, context.bytes.count - context.offset)
            if n == 0 {
                context.bodyDelivered = true
                return 0
            }
            context.bytes.withUnsafeBytes { source in
                _ = memcpy(buffer, source.baseAddress! + context.offset, n)
            }
            context.offset += n
            return n
        }, option: "READFUNCTION")
    }

    deinit {
        lanyard_curl_easy_cleanup(handle)
    }

    /// Sends `message` (complete RFC 5322 bytes, CRLF lines) from `from` to `to`. The envelope
    /// addresses are validated again here, so nothing unchecked reaches curl. Returns the
    /// server's final reply line; throws `MailError` or `SMTPError`.
    @discardableResult
    public func send(_ message: Data, from: String, to: String) throws -> String {
        _ = try MailAddress(from, field: "envelope sender")
        _ = try MailAddress(to, field: "envelope recipient")
        let context = TransferContext(bytes: message)
        let opaque = Unmanaged.passUnretained(context).toOpaque()
        let recipients = lanyard_curl_slist_append(nil, to)
        defer { lanyard_curl_slist_free_all(recipients) }
        try set(CURLOPT_MAIL_FROM, "<\(from)>")
        try check(lanyard_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipients), option: "MAIL_RCPT")
        try check(lanyard_curl_setopt_pointer(handle, CURLOPT_READDATA, opaque), option: "READDATA")
        try check(lanyard_curl_setopt_pointer(handle, CURLOPT_DEBUGDATA, opaque), option: "DEBUGDATA")
        let code = withExtendedLifetime(context) { lanyard_curl_easy_perform(handle) }
        try check(lanyard_curl_setopt_pointer(handle, CURLOPT_READDATA, nil), option: "READDATA")
        try check(lanyard_curl_setopt_pointer(handle, CURLOPT_DEBUGDATA, nil), option: "DEBUGDATA")
        try check(lanyard_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, nil), option: "MAIL_RCPT")

        var reply = 0
        var connects = 0
        _ = lanyard_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &reply)
        _ = lanyard_curl_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &connects)
        connectionsOpened += connects
        if code == CURLE_OK {
            logger.debug("smtp sent", metadata: ["reply": "\(reply)", "new_connections": "\(connects)"])
            return context.replyLine(for: reply) ?? "\(reply)"
        }
        let error = SMTPError(
            kind: Self.classify(code: code, reply: reply, bodyDelivered: context.bodyDelivered || reply == 354),
            curlCode: Int(code.rawValue), curlMessage: String(cString: lanyard_curl_easy_strerror(code)),
            reply: reply, replyText: context.replyLine(for: reply), recipient: to)
        logger.debug("smtp failed", metadata: ["curl_code": "\(error.curlCode)", "reply": "\(reply)", "kind": "\(error.kind.rawValue)"])
        throw error
    }

    /// The outbox meaning of a failed transfer.
    static func classify(code: CURLcode, reply: Int, bodyDelivered: Bool) -> SMTPError.Kind {
        if code == CURLE_LOGIN_DENIED || reply == 535 || reply == 534 { return .authentication }
        if (500..<600).contains(reply) { return .permanent }
        if (400..<500).contains(reply) { return .temporary }
        if bodyDelivered { return .unknownOutcome }
        return .connection
    }

    // MARK: - Typed setters

    private func set(_ option: CURLoption, _ value: Int) throws {
        try check(lanyard_curl_setopt_long(handle, option, value), option: "\(option.rawValue)")
    }

    private func set(_ option: CURLoption, _ value: String) throws {
        try check(lanyard_curl_setopt_string(handle, option, value), option: "\(option.rawValue)")
    }

    private func check(_ code: CURLcode, option: String) throws {
        guard code == CURLE_OK else {
            throw SMTPConfigurationError.invalid(field: "curl option \(option)", reason: String(cString: lanyard_curl_easy_strerror(code)))
        }
    }
}

/// What the C callbacks reach through `Unmanaged`: the body being read and the server's
/// latest reply lines (never the body).
private final class TransferContext {
    let bytes: Data
    var offset = 0
    var bodyDelivered = false
    private var replies: [String] = []

    init(bytes: Data) {
        self.bytes = bytes
    }

    func remember(_ line: String) {
        replies.append(line)
        if replies.count > 8 { replies.removeFirst() }
    }

    /// The latest line carrying `code` (curl's QUIT after a failure brings a later "221 Bye").
    func replyLine(for code: Int) -> String? {
        guard code > 0 else { return nil }
        return replies.last { $0.hasPrefix("\(code)") }
    }
}

/// `curl_global_init`, run once per process before the first handle.
enum CurlRuntime {
    private static let initialized: Bool = {
        lanyard_curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK
    }()

    static func initializeOnce() {
        _ = initialized
    }
}
