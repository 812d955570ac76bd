import Foundation

/// What a coordinator asks to announce: to the volunteers of a community, a subject and a body
/// in each language they write it in.
struct AnnouncementRequest: Decodable, Sendable {
    var communityId: UUID
    var subjects: [String: String]
    var bodies: [String: String]
    /// A critical notice goes to those who unsubscribed too (never on Shabbat, though).
    var critical: Bool?

    /// The languages an announcement may be written in.
    static let languages: Set<String> = ["he", "en", "ru", "es", "fr", "uk"]

    /// Every problem with the request at once, by field; empty when it is valid.
    func problems() -> [(field: String, reason: String)] {
        var problems: [(String, String)] = []
        if subjects.isEmpty { problems.append(("subjects", "at least one language")) }
        if Set(subjects.keys) != Set(bodies.keys) { problems.append(("bodies", "one body for each subject's language, no more")) }
        for (language, subject) in subjects.sorted(by: { $0.key < $1.key }) {
            if !Self.languages.contains(language) { problems.append(("subjects.\(language)", "not one of he, en, ru, es, fr, uk")) }
            let trimmed = subject.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || subject.count > 200 { problems.append(("subjects.\(language)", "1 to 200 characters")) }
            if subject.contains(where: \.isNewline) { problems.append(("subjects.\(language)", "one line")) }
        }
        for (language, body) in bodies.sorted(by: { $0.key < $1.key }) {
            if !Self.languages.contains(language) { problems.append(("bodies.\(language)", "not one of he, en, ru, es, fr, uk")) }
            if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || body.count > 20_000 {
                problems.append(("bodies.\(language)", "1 to 20,000 characters"))
            }
        }
        return problems
    }

    /// The language a reader of `languages` (in order) gets: the first written, else English,
    /// else the first written in alphabetical order.
    static func language(for readerLanguages: [String], among written: Set<String>) -> String {
        for tag in readerLanguages {
            let base = String(tag.split(separator: "-").first ?? "").lowercased()
            if written.contains(base) { return base }
        }
        if written.contains("en") { return "en" }
        return written.sorted().first ?? "en"
    }
}
