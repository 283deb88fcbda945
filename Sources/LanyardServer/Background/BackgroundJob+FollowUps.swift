import LanyardStore

extension BackgroundJob {
    /// The follow-up work `lanyard serve` runs: draft the follow-ups of finished meeting days,
    /// then send the approved ones that are due, with the outbox rules of the follow-up module.
    /// Empty until that module is merged; it then adds
    /// `BackgroundJob(name: "draft") { try database.draftDue(now: $0) }` and
    /// `BackgroundJob(name: "send") { try await database.sendDue(now: $0) }` here.
    public static func followUps(database: AppDatabase) -> [BackgroundJob] {
        []
    }
}
