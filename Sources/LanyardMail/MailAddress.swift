import Foundation

/// A validated mailbox: a strict ASCII `local@domain` address and an optional display name.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The bare address, as used in the SMTP envelope.
    public let address: String
    /// The display name shown in headers, if any.
    public let name: String?

    /// Validates `address` and `name`; `field` names the input in error messages ("to", "from").
    public init(_ address: String, name: String? = nil, field: String = "address") throws {
        try Self.refuseControls(in: address, field: field)
        if let name { try Self.refuseControls(in: name, field: "\(field) name") }
        try Self.validate(address, field: field)
        self.address = address
        let trimmed = name?.trimmingCharacters(in: .whitespaces)
        self.name = (trimmed?.isEmpty ?? true) ? nil : trimmed
    }

    public var description: String {
        name.map { "\($0) <\(address)>" } ?? address
    }

    /// Throws `MailError.forbiddenCharacter` when `text` holds CR, LF or NUL.
    public static func refuseControls(in text: String, field: String) throws {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r": throw MailError.forbiddenCharacter(field: field, character: "a carriage return (CR)")
            case "\n": throw MailError.forbiddenCharacter(field: field, character: "a line feed (LF)")
            case "\0": throw MailError.forbiddenCharacter(field: field, character: "a NUL byte")
            default: continue
            }
        }
    }

    private static let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-".utf8)
    private static let labelChars = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-".utf8)

    /// Dot-atom local part (≤ 64), `@`, a domain of at least two LDH labels (≤ 253); ≤ 254 in all.
    static func validate(_ address: String, field: String) throws {
        func fail(_ reason: String) -> MailError { .invalidAddress(field: field, value: address, reason: reason) }
        let bytes = Array(address.utf8)
        guard !bytes.isEmpty else { throw fail("it is empty") }
        guard bytes.count <= 254 else { throw fail("longer than 254 characters") }
        guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw fail("only ASCII letters, digits and symbols are allowed, without spaces")
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw fail("it needs exactly one @") }
        let local = parts[0], domain = parts[1]
        guard !local.isEmpty, local.utf8.count <= 64 else { throw fail("the part before @ must have 1 to 64 characters") }
        for atom in local.split(separator: ".", omittingEmptySubsequences: false) {
            guard !atom.isEmpty else { throw fail("dots must sit between characters before @") }
            guard atom.utf8.allSatisfy(atext.contains) else { throw fail("the part before @ has a character mail does not allow") }
        }
        guard !domain.isEmpty, domain.utf8.count <= 253 else { throw fail("the domain must have 1 to 253 characters") }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { throw fail("the domain needs a dot, like example.com") }
        for label in labels {
            guard (1...63).contains(label.utf8.count), label.utf8.allSatisfy(labelChars.contains),
                  label.first != "-", label.last != "-"
            else { throw fail("the domain label \"\(label)\" is not letters, digits and inner hyphens") }
        }
    }
}
