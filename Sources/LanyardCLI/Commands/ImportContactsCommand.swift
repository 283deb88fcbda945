import ArgumentParser
import Foundation
import LanyardInterchange
import LanyardStore

/// What `import vcard`, `import linkedin` and `import google` share: the files, `--skip-invalid`,
/// and the run (read, import through recognition, print the summary).
struct ContactImportOptions: ParsableArguments {
    @Flag(name: .long, help: "Leave out invalid records (they are listed) and import the rest, instead of importing nothing.")
    var skipInvalid = false

    /// Reads `files`, imports them in one transaction and prints the summary.
    func run(files: [String], format: ContactFormat, store: StoreOptions, output: OutputOptions) throws {
        let batch = try ContactBatch.read(files: files, format: format)
        let bar = ProgressBar(label: "Importing", json: output.json)
        let summary = try store.open().importContacts(batch, format: format, skipInvalid: skipInvalid) { bar.update($0, of: $1) }
        bar.finish()
        try Self.print(summary, json: output.json)
    }

    static func print(_ summary: ContactImportSummary, json: Bool) throws {
        let console = Console.current
        if json {
            try console.json(summary)
            return
        }
        for record in summary.invalid { console.message("skipped \(record.place): \(record.message)") }
        console.line("Imported \(summary.sources.joined(separator: ", ")): \(summary.added) added, \(summary.merged) merged, \(summary.unchanged) unchanged, \(summary.skipped) skipped.")
        guard !summary.review.isEmpty else { return }
        console.line("To review (new people who resemble someone known; merge with `lanyard people merge`):")
        for item in summary.review {
            let candidates = item.candidates.map { "#\($0.personId) \($0.name) (\($0.score): \($0.reasons.joined(separator: ", ")))" }
            console.line("  #\(item.personId) \(item.name) [\(item.place)] may be " + candidates.joined(separator: "; "))
        }
    }
}

extension ImportCommand {
    /// `lanyard import vcard FILE...`
    struct VCard: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "vcard",
            abstract: "Import contacts from vCard files (2.1, 3.0, 4.0).",
            discussion: "Someone already known (same email, phone or LinkedIn profile, or name and company) is merged, never duplicated; weaker matches are added and listed for review. One transaction; importing a file again changes nothing.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var options: ContactImportOptions

        @Argument(help: "vCard files (.vcf); each may hold many cards.")
        var files: [String]

        func validate() throws {
            if files.isEmpty { throw ValidationError("name at least one .vcf file") }
        }

        func run() async throws {
            try options.run(files: files, format: .vCard, store: store, output: output)
        }
    }

    /// `lanyard import linkedin FILE`
    struct LinkedIn: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "linkedin",
            abstract: "Import LinkedIn connections (Connections.csv from LinkedIn's data export).",
            discussion: "Contacts go through the same recognition as check-in; see `lanyard import vcard --help`.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var options: ContactImportOptions

        @Argument(help: "LinkedIn's Connections.csv.")
        var file: String

        func run() async throws {
            try options.run(files: [file], format: .linkedIn, store: store, output: output)
        }
    }

    /// `lanyard import google FILE`
    struct Google: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "google",
            abstract: "Import a Google Contacts CSV export (either header generation).",
            discussion: "Contacts go through the same recognition as check-in; see `lanyard import vcard --help`.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var options: ContactImportOptions

        @Argument(help: "The contacts.csv file Google Contacts exported.")
        var file: String

        func run() async throws {
            try options.run(files: [file], format: .google, store: store, output: output)
        }
    }
}
