import Foundation
import LanyardStore

/// The formats a briefing renders to.
public enum BriefingFormat: String, Codable, Sendable, CaseIterable {
    case text, markdown, json, html

    /// The briefing as a document in this format.
    public func render(_ briefing: Briefing) throws -> String {
        switch self {
        case .text: TextBriefingRenderer.render(briefing)
        case .markdown: MarkdownBriefingRenderer.render(briefing)
        case .json: JSONBriefingRenderer.render(briefing)
        case .html: HTMLBriefingRenderer.render(briefing)
        }
    }

    /// The usual file extension for this format.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .json: "json"
        case .html: "html"
        }
    }
}
