import Foundation
import LanyardFollowUp
import LanyardStore

extension BackgroundJob {
    /// The follow-up work `lanyard serve` runs: draft the follow-ups of finished meeting days,
    /// then send the approved ones that are due, with the outbox rules of the follow-up module.
    /// The results name ids and counts only (never bodies, addresses or passwords).
    public static func followUps(service: FollowUpService) -> [BackgroundJob] {
        [
            BackgroundJob(name: "draft") { now in
                let report = try service.draftDue(now: now)
                guard !report.created.isEmpty else { return nil }
                return "drafted \(report.created.count) follow-up(s) (ids \(report.created.map { String($0.id) }.joined(separator: ","))), \(report.needingEdit) need editing"
            },
            BackgroundJob(name: "send") { now in
                do {
                    return describe(try await service.sendDue(now: now))
                } catch let error as FollowUpError {
                    // Something is due but SMTP or the sender is not set up (or the batch stopped):
                    // say so and try again next round; the server keeps running.
                    return "nothing sent: \(error.description)"
                }
            },
        ]
    }

    /// One line about a send run, nil when it touched nothing.
    static func describe(_ report: SendReport) -> String? {
        let parts = [("sent", report.sent), ("retry", report.retry), ("failed", report.failed), ("unknown", report.unknown)]
            .filter { !$0.1.isEmpty }
            .map { "\($0.0) \($0.1.map(String.init).joined(separator: ","))" }
        if parts.isEmpty, report.stopped == nil { return nil }
        return (parts + (report.stopped.map { ["stopped: \($0)"] } ?? [])).joined(separator: "; ")
    }
}
