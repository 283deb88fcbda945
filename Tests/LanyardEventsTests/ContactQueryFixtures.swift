import LanyardFormats

/// Small cards for recognition tests.
enum ContactQueryFixtures {
    static func card(name: String, company: String?) -> ContactCard {
        ContactCard(fullName: name, organization: company)
    }
}
