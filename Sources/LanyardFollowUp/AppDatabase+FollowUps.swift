import Foundation
import GRDB
import LanyardStore

/// The outbox's reads and writes. Every state change is one transaction with a guard on the
/// state it expects, so two senders (the CLI and the server) never both send one follow-up.
extension AppDatabase {
    /// Follow-ups in due order, optionally of one state, with person name and event slug.
    public func followUpItems(state: FollowUp.State? = nil, ids: [Int64]? = nil) throws -> [FollowUpItem] {
        try reader.read { db in
            var request = FollowUp.all()
            if let state { request = request.filter(FollowUp.Columns.state == state.rawValue) }
            if let ids { request = request.filter(ids.contains(FollowUp.Columns.id)) }
            let followUps = try request.order(FollowUp.Columns.dueAt, FollowUp.Columns.id).fetchAll(db)
            return try followUps.map { try Self.item(for: $0, in: db) }
        }
    }

    /// One follow-up, or `FollowUpError.notFound`.
    public func followUpItem(id: Int64) throws -> FollowUpItem {
        try reader.read { db in try Self.item(for: Self.fetchFollowUp(id: id, in: db), in: db) }
    }

    /// The record itself (with its frozen message), or `FollowUpError.notFound`.
    public func followUp(id: Int64) throws -> FollowUp {
        try reader.read { db in try Self.fetchFollowUp(id: id, in: db) }
    }

    static func fetchFollowUp(id: Int64, in db: Database) throws -> FollowUp {
        guard let followUp = try FollowUp.fetchOne(db, key: id) else { throw FollowUpError.notFound(id: id) }
        return followUp
    }

    static func item(for followUp: FollowUp, in db: Database) throws -> FollowUpItem {
        let name = try String.fetchOne(db, sql: "SELECT name FROM person WHERE id = ?", arguments: [followUp.personId]) ?? ""
        let slug = try String.fetchOne(db, sql: "SELECT slug FROM event WHERE id = ?", arguments: [followUp.eventId]) ?? ""
        return FollowUpItem(followUp, personName: name, eventSlug: slug)
    }

    /// Replaces a draft's subject and body (an approved one goes back to draft, its frozen
    /// message dropped); `missing` is what markers remain.
    public func editFollowUp(id: Int64, subject: String, body: String, now: Date = Date()) throws -> FollowUp {
        try writer.write { db in
            var followUp = try Self.fetchFollowUp(id: id, in: db)
            guard followUp.state == .draft || followUp.state == .approved else {
                throw FollowUpError.wrongState(id: id, state: followUp.state.rawValue, action: "edited", allowed: "draft or approved")
            }
            followUp.subject = subject
            followUp.body = body
            followUp.missing = FollowUp.storedMissing(FollowUpTemplate.missingNames(in: subject + "\n" + body))
            followUp.state = .draft
            followUp.messageId = nil
            followUp.message = nil
            followUp.updatedAt = now
            try followUp.update(db)
            return followUp
        }
    }

    /// Marks a follow-up as not to be sent.
    public func skipFollowUp(id: Int64, now: Date = Date()) throws -> FollowUp {
        try transition(id: id, from: [.draft, .approved, .retry, .failed], action: "skipped", now: now) { followUp in
            followUp.state = .skipped
            followUp.nextAttemptAt = nil
        }
    }

    /// Settles a follow-up whose outcome was unknown (or sends a failed one again): `sent`
    /// records it as delivered now; `retry` queues it for the next send.
    public func resolveFollowUp(id: Int64, as resolution: FollowUpResolution, now: Date = Date()) throws -> FollowUp {
        let allowed: [FollowUp.State] = resolution == .sent ? [.unknown] : [.unknown, .failed]
        return try transition(id: id, from: allowed, action: "resolved as \(resolution.rawValue)", now: now) { followUp in
            switch resolution {
            case .sent:
                followUp.state = .sent
                followUp.sentAt = now
            case .retry:
                followUp.state = .retry
                followUp.nextAttemptAt = now
            }
            followUp.leaseUntil = nil
        }
    }

    func transition(
        id: Int64, from allowed: [FollowUp.State], action: String, now: Date,
        _ change: (inout FollowUp) throws -> Void
    ) throws -> FollowUp {
        try writer.write { db in
            var followUp = try Self.fetchFollowUp(id: id, in: db)
            guard allowed.contains(followUp.state) else {
                throw FollowUpError.wrongState(id: id, state: followUp.state.rawValue, action: action,
                                               allowed: allowed.map(\.rawValue).joined(separator: " or "))
            }
            try change(&followUp)
            followUp.updatedAt = now
            try followUp.update(db)
            return followUp
        }
    }

    // MARK: - Sending

    /// Follow-ups that should go out at `now`: approved and due, or retry and past their backoff.
    public func dueFollowUpIds(now: Date) throws -> [Int64] {
        try reader.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT id FROM followUp
                WHERE (state = 'approved' AND dueAt <= ?) OR (state = 'retry' AND nextAttemptAt <= ?)
                ORDER BY dueAt, id
                """, arguments: [now, now])
        }
    }

    /// Claims one follow-up for sending: committed before curl runs. Nil when another sender
    /// took it or its state changed.
    func claimForSending(id: Int64, now: Date, lease: TimeInterval) throws -> (followUp: FollowUp, previous: FollowUp.State)? {
        try writer.write { db in
            guard let previous = try FollowUp.fetchOne(db, key: id)?.state else { return nil }
            try db.execute(sql: """
                UPDATE followUp SET state = 'sending', attempts = attempts + 1, leaseUntil = ?, updatedAt = ?
                WHERE id = ? AND state IN ('approved', 'retry') AND message IS NOT NULL
                """, arguments: [now.addingTimeInterval(lease), now, id])
            guard db.changesCount == 1, let followUp = try FollowUp.fetchOne(db, key: id) else { return nil }
            return (followUp, previous)
        }
    }

    /// Records the outcome of a claimed send (`sending` → the given state).
    func recordSendOutcome(id: Int64, now: Date, _ change: (inout FollowUp) -> Void) throws {
        try writer.write { db in
            var followUp = try Self.fetchFollowUp(id: id, in: db)
            guard followUp.state == .sending else { return }
            change(&followUp)
            followUp.leaseUntil = nil
            followUp.updatedAt = now
            try followUp.update(db)
        }
    }

    /// A `sending` whose lease ran out means the sender died mid-send: its outcome is unknown.
    func expireSendingLeases(now: Date) throws -> [Int64] {
        try writer.write { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM followUp WHERE state = 'sending' AND leaseUntil < ?", arguments: [now])
            for id in ids {
                try db.execute(sql: """
                    UPDATE followUp SET state = 'unknown', leaseUntil = NULL, updatedAt = ?,
                        lastError = 'the sender stopped while sending; check the mailbox, then run `lanyard followup resolve ID sent|retry`'
                    WHERE id = ?
                    """, arguments: [now, id])
            }
            return ids
        }
    }
}

/// How `lanyard followup resolve` settles a follow-up.
public enum FollowUpResolution: String, Sendable, CaseIterable, Codable {
    case sent, retry
}
