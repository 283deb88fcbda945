import ArgumentParser
import Foundation
import LanyardNotes
import LanyardStore

/// `lanyard search QUERY... [--tag T] [--event SLUG] [--json]`
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find people by name, company, title, tags, facts, notes or where you met.",
        discussion: "Every word must match (as a prefix, ignoring case and accents); the best matches come first.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Words to look for.")
    var query: [String] = []
    @Option(help: "Only people with this tag.")
    var tag: String?
    @Option(help: ArgumentHelp("Only people met at this event.", valueName: "slug"))
    var event: String?
    @Option(help: "The most people to list.")
    var limit = 20

    func validate() throws {
        if query.isEmpty { throw ValidationError("give at least one word to search for") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        let text = query.joined(separator: " ")
        let hits = try store.open().search(SearchQuery(text, tag: tag, eventSlug: event, limit: limit))
        let console = Console.current
        if output.json {
            try console.json(hits)
            return
        }
        if hits.isEmpty {
            console.line("No one matches \"\(text)\".")
            return
        }
        for hit in hits {
            let role = [hit.title, hit.company].compactMap { $0 }.joined(separator: ", ")
            console.line("\(hit.personId)\t\(hit.name)\(role.isEmpty ? "" : " — \(role)")")
            if hit.matchedField != "name" {
                console.line("\t\(hit.matchedField): \(hit.snippet.replacingOccurrences(of: "\n", with: " "))")
            }
        }
    }
}
