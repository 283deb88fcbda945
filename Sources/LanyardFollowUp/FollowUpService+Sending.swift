import Foundation
import LanyardMail
import LanyardStore
import Logging

/// What a send run did, by follow-up id.
public struct SendReport: Codable, Sendable, Equatable {
    public var sent: [Int64] = []
    /// Deferred (4xx, connection): sent again after a backoff.
    public var retry: [Int64] = []
    /// Refused for good (5xx, bad address), or out of attempts.
    public var failed: [Int64] = []
    /// Sent without confirmation, or the sender died mid-send: never resent automatically.
    public var unknown: [Int64] = []
    /// Why the batch stopped early (login denied, no connection), if it did.
    public var stopped: String?
    /// The .eml files `--dry-run` wrote.
    public var dryRunFiles: [String] = []
    /// Per-follow-up messages for the ones that did not go out.
    public var problems: [String] = []

    public init() {}
}

extension FollowUpService {
    /// The scheduled run: sends what is due (approved and due, or retry past its backoff).
    /// Runs the blocking SMTP work off the cooperative thread pool.
    public func sendDue(now: Date = Date()) async throws -> SendReport {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try self.send(ids: nil, now: now) })
            }
        }
    }

    /// Sends the named follow-ups (approved or retry, whatever their due time), or with nil
    /// every due one, over one SMTP connection. With `dryRunDirectory` nothing is sent or
    /// changed: the exact messages are written there as `followup-ID.eml`.
    public func send(ids: [Int64]?, now: Date = Date(), dryRunDirectory: URL? = nil) throws -> SendReport {
        var report = SendReport()
        if dryRunDirectory == nil {
            report.unknown += try database.expireSendingLeases(now: now)
        }
        let batch: [Int64]
        if let ids {
            for id in ids {
                let followUp = try database.followUp(id: id)
                guard followUp.state == .approved || followUp.state == .retry else {
                    throw FollowUpError.wrongState(id: id, state: followUp.state.rawValue, action: "sent", allowed: "approved or retry")
                }
            }
            batch = ids
        } else {
            batch = try database.dueFollowUpIds(now: now)
        }
        if let directory = dryRunDirectory {
            try StoreLocation.prepareDirectory(at: directory)
            for id in batch {
                let followUp = try database.followUp(id: id)
                let file = directory.appendingPathComponent("followup-\(id).eml")
                try (followUp.message ?? Data()).write(to: file, options: .atomic)
                report.dryRunFiles.append(file.path)
            }
            return report
        }
        guard !batch.isEmpty else { return report }

        let sender = try configuredSender()
        let transport = try SMTPTransport(configuration: smtpConfiguration(), logger: logger)
        for id in batch {
            guard let claim = try database.claimForSending(id: id, now: now, lease: sendingLease) else { continue }
            let claimed = claim.followUp, previous = claim.previous
            do {
                let reply = try transport.send(claimed.message ?? Data(), from: sender.address, to: claimed.toAddress)
                try database.recordSendOutcome(id: id, now: now) { followUp in
                    followUp.state = .sent
                    followUp.sentAt = now
                    followUp.lastReply = Int(reply.prefix(3))
                    followUp.lastError = nil
                    followUp.nextAttemptAt = nil
                }
                report.sent.append(id)
                logger.info("follow-up sent", metadata: ["id": "\(id)"])
            } catch let error as SMTPError {
                report.problems.append("follow-up \(id): \(error.description)")
                logger.warning("follow-up not sent", metadata: ["id": "\(id)", "kind": "\(error.kind.rawValue)", "reply": "\(error.reply)"])
                switch error.kind {
                case .authentication:
                    // Nothing was handed over: put it back as it was, and stop the batch.
                    try database.recordSendOutcome(id: id, now: now) { followUp in
                        followUp.state = previous
                        followUp.attempts -= 1
                        followUp.lastError = error.description
                        followUp.lastReply = error.reply == 0 ? nil : error.reply
                    }
                    report.stopped = error.description
                    return report
                case .temporary, .connection:
                    let outcome = try recordRetry(id: id, error: error, now: now)
                    if outcome == .failed { report.failed.append(id) } else { report.retry.append(id) }
                    if error.kind == .connection {
                        report.stopped = error.description
                        return report
                    }
                case .permanent:
                    try recordFinal(id: id, state: .failed, error: error.description, reply: error.reply, now: now)
                    report.failed.append(id)
                case .unknownOutcome:
                    try recordFinal(id: id, state: .unknown, error: error.description, reply: error.reply, now: now)
                    report.unknown.append(id)
                }
            } catch let error as MailError {
                try recordFinal(id: id, state: .failed, error: error.description, reply: nil, now: now)
                report.failed.append(id)
                report.problems.append("follow-up \(id): \(error.description)")
            }
        }
        return report
    }

    private func recordRetry(id: Int64, error: SMTPError, now: Date) throws -> FollowUp.State {
        var outcome = FollowUp.State.retry
        try database.recordSendOutcome(id: id, now: now) { followUp in
            followUp.lastError = error.description
            followUp.lastReply = error.reply == 0 ? nil : error.reply
            if followUp.attempts >= maxAttempts {
                followUp.state = .failed
                followUp.lastError = "gave up after \(followUp.attempts) attempts; last: \(error.description)"
                followUp.nextAttemptAt = nil
            } else {
                followUp.state = .retry
                followUp.nextAttemptAt = now.addingTimeInterval(Self.backoff(afterAttempts: followUp.attempts))
            }
            outcome = followUp.state
        }
        return outcome
    }

    private func recordFinal(id: Int64, state: FollowUp.State, error: String, reply: Int?, now: Date) throws {
        try database.recordSendOutcome(id: id, now: now) { followUp in
            followUp.state = state
            followUp.lastError = error
            followUp.lastReply = reply == 0 ? nil : reply
            followUp.nextAttemptAt = nil
        }
    }

    /// The transport settings from `config.json` plus the password from the environment or
    /// the password command.
    func smtpConfiguration() throws -> SMTPConfiguration {
        guard let smtp = try settings().smtp else {
            throw FollowUpError.notConfigured(what: "SMTP", fix: "run `lanyard config smtp --url smtps://HOST:465 --username USER`")
        }
        let password = try SMTPPassword.resolve(smtp, environment: environment)
        return SMTPConfiguration(url: smtp.url, username: smtp.username, password: password, caFile: smtp.caFile,
                                 insecure: smtp.insecure, connectTimeout: connectTimeout, responseTimeout: responseTimeout)
    }
}
