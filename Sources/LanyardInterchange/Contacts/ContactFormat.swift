import Foundation

/// The contact files `lanyard import` reads.
public enum ContactFormat: String, Sendable, CaseIterable, Codable {
    /// vCard 2.1, 3.0 or 4.0 (one or many cards per file).
    case vCard = "vcard"
    /// LinkedIn's `Connections.csv`.
    case linkedIn = "linkedin"
    /// A Google Contacts CSV export (either header generation).
    case google
}
