import Foundation

/// Finds the template for a draft: in `<config>/templates/`, `event-SLUG.mustache`, then
/// `tag-TAG.mustache` (tags in alphabetical order), then `default.mustache`; else the shipped one.
public struct FollowUpTemplates: Sendable {
    /// The folder of user templates.
    public let directory: URL

    public init(configDirectory: String) {
        self.directory = URL(fileURLWithPath: configDirectory).appendingPathComponent("templates")
    }

    /// The template for an event and a person's tags.
    public func template(eventSlug: String, tags: [String]) throws -> FollowUpTemplate {
        let candidates = ["event-\(eventSlug)"] + tags.sorted().map { "tag-\($0)" } + ["default"]
        for name in candidates {
            let file = directory.appendingPathComponent(name + ".mustache")
            if let data = FileManager.default.contents(atPath: file.path) {
                return try FollowUpTemplate(name: name, text: String(decoding: data, as: UTF8.self), file: file.path)
            }
        }
        return try Self.builtin()
    }

    /// The template shipped in the module's `Templates/default.mustache`.
    public static func builtin() throws -> FollowUpTemplate {
        guard let url = Bundle.module.url(forResource: "default", withExtension: "mustache", subdirectory: "Templates"),
              let data = FileManager.default.contents(atPath: url.path)
        else { throw FollowUpError.template(file: "Templates/default.mustache", line: 1, reason: "the shipped template is missing from the build") }
        return try FollowUpTemplate(name: "builtin", text: String(decoding: data, as: UTF8.self), file: url.path)
    }
}
