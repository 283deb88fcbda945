import Foundation

extension AskAbout {
    /// The topics to ask someone about, from their facts (key, value) and tags, in that order,
    /// without repeats: what the check-in page shows after "ask about:".
    public static func topics(facts: [(key: String, value: String)], tags: [String]) -> [String] {
        var topics: [String] = []
        for fact in facts where isAskAboutKey(fact.key) && !topics.contains(fact.value) {
            topics.append(fact.value)
        }
        for tag in tags {
            if let topic = topic(fromTag: tag), !topics.contains(topic) { topics.append(topic) }
        }
        return topics
    }
}
