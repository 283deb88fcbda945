import Foundation

/// A contact read from one row of a CSV export, with where it came from.
public struct CSVContact: Sendable, Equatable {
    public var card: ContactCard
    /// The physical line (1-based) the row starts on, for messages.
    public var line: Int
    /// The record number after the header (1-based).
    public var row: Int
    /// When the user connected with them (LinkedIn's "Connected On"), as `YYYY-MM-DD`.
    public var connectedOn: String?

    public init(card: ContactCard, line: Int, row: Int, connectedOn: String? = nil) {
        self.card = card
        self.line = line
        self.row = row
        self.connectedOn = connectedOn
    }
}

/// The rows of a CSV export: the contacts read, and the rows refused (each error names its line).
public struct CSVContacts: Sendable, Equatable {
    public var contacts: [CSVContact] = []
    public var rejected: [FormatError] = []

    public init(contacts: [CSVContact] = [], rejected: [FormatError] = []) {
        self.contacts = contacts
        self.rejected = rejected
    }
}
