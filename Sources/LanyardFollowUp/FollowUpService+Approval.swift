import Foundation
import GRDB
import LanyardMail
import LanyardStore

/// What `approve --all` did.
public struct ApprovalReport: Codable, Sendable, Equatable {
    public var approved: [FollowUpItem]
    /// Drafts left as they were, with why.
    public var notApproved: [String]
}

extension FollowUpService {
    /// Approves a draft: checks every value and address, then freezes the Message-ID and the
    /// exact message bytes. A draft with missing values, or a bad address or header, stays a draft.
    public func approve(id: Int64, now: Date = Date()) throws -> FollowUpItem {
        let sender = try configuredSender()
        try database.writer.write { db in
            var followUp = try AppDatabase.fetchFollowUp(id: id, in: db)
            guard followUp.state == .draft else {
                throw FollowUpError.wrongState(id: id, state: followUp.state.rawValue, action: "approved", allowed: "draft")
            }
            let missing = FollowUp.missingNames(followUp.missing)
            guard missing.isEmpty else { throw FollowUpError.missingValues(id: id, names: missing) }
            let name = try String.fetchOne(db, sql: "SELECT name FROM person WHERE id = ?", arguments: [followUp.personId])
            let message = try MailMessage(
                from: sender, to: try MailAddress(followUp.toAddress, name: name, field: "to"),
                subject: followUp.subject, body: followUp.body, date: now,
                messageID: MailMessage.makeMessageID(domain: Self.domain(of: sender.address)))
            followUp.message = try message.rendered()
            followUp.messageId = message.messageID
            followUp.state = .approved
            followUp.updatedAt = now
            try followUp.update(db)
        }
        return try database.followUpItem(id: id)
    }

    /// Approves every draft that can be; the others are listed with the reason.
    public func approveAll(now: Date = Date()) throws -> ApprovalReport {
        var report = ApprovalReport(approved: [], notApproved: [])
        for item in try database.followUpItems(state: .draft) {
            do {
                report.approved.append(try approve(id: item.id, now: now))
            } catch let error as FollowUpError {
                if case .notConfigured = error { throw error }
                report.notApproved.append(error.description)
            } catch let error as MailError {
                report.notApproved.append("follow-up \(item.id): \(error.description)")
            }
        }
        return report
    }

    /// The configured sender, validated.
    func configuredSender() throws -> MailAddress {
        guard let sender = try settings().sender else {
            throw FollowUpError.notConfigured(what: "the sender", fix: "run `lanyard config sender --name NAME --email EMAIL`")
        }
        return try MailAddress(sender.email, name: sender.name, field: "sender email")
    }

    static func domain(of address: String) -> String {
        address.split(separator: "@").last.map(String.init) ?? "localhost"
    }
}
