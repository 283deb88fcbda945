import ArgumentParser
import Foundation
import LanyardInterchange
import LanyardStore

/// `lanyard export ...`: take everything out.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export your data: a JSON backup of everything, or vCards of everyone.",
        subcommands: [JSON.self, VCard.self]
    )

    /// `lanyard export json [--output FILE]`
    struct JSON: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "json",
            abstract: "Write everything as one JSON document (restore it with `lanyard import json`).",
            discussion: "The format is versioned and documented (format \"lanyard-backup\", version 1).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file (mode 0600) instead of stdout.", valueName: "file"))
        var outputFile: String?

        func run() async throws {
            let backup = try store.open().exportBackup()
            let data = try backup.encoded()
            let console = Console.current
            guard let outputFile else {
                console.writeOut(String(decoding: data, as: UTF8.self) + "\n")
                return
            }
            try OutputFile.write(data, to: outputFile)
            let summary = ExportSummary(file: outputFile, rows: backup.tables.mapValues(\.count))
            if output.json {
                try console.json(summary)
            } else {
                console.line("Exported \(backup.rowCount) records to \(outputFile).")
            }
        }
    }
}

extension ExportCommand {
    /// `lanyard export vcard [--output FILE]`
    struct VCard: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "vcard",
            abstract: "Write everyone as vCard 4.0 (emails, phones, company, title, LinkedIn, notes, tags).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this .vcf file (mode 0600) instead of stdout.", valueName: "file"))
        var outputFile: String?

        func validate() throws {
            if output.json, outputFile == nil { throw ValidationError("--json needs --output FILE (vCards are not JSON)") }
        }

        func run() async throws {
            let bar = ProgressBar(label: "Exporting", json: output.json || outputFile == nil)
            let (text, count) = try store.open().exportVCards { bar.update($0, of: $1) }
            bar.finish()
            let console = Console.current
            guard let outputFile else {
                console.writeOut(text)
                return
            }
            try OutputFile.write(Data(text.utf8), to: outputFile)
            if output.json {
                try console.json(ExportSummary(file: outputFile, rows: ["person": count]))
            } else {
                console.line("Exported \(count) people to \(outputFile).")
            }
        }
    }
}

/// What `export` wrote, for `--json`.
struct ExportSummary: Codable {
    var file: String
    var rows: [String: Int]
}
