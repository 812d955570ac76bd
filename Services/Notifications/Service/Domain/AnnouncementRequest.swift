import Contracts
import Foundation

/// What a coordinator asks to announce: to the people of a community, a partnership, a
/// committee or a program (`audience`, or `communityId` alone for a community), a subject and a body in each
/// language they write it in.
struct AnnouncementRequest: Decodable, Sendable {
    /// Whom an announcement goes to.
    struct Audience: Codable, Sendable, Equatable {
        /// `community`: its volunteers (by home community); `partnership`: the volunteers of its
        /// current member communities; `committee`: the volunteers holding a seat on it on the
        /// day it is sent; `program`: the volunteers expected at its sessions or with a seat.
        var kind: String
        @LowercasedUUID var id: UUID
    }

    /// The kinds of audience there are.
    static let audienceKinds = ["community", "partnership", "committee", "program"]

    var communityId: UUID?
    var audience: Audience?
    var subjects: [String: String]
    var bodies: [String: String]
    /// A critical notice goes to those who unsubscribed too (never on Shabbat, though).
    var critical: Bool?

    /// The languages an announcement may be written in.
    static let languages: Set<String> = ["he", "en", "ru", "es", "fr", "uk"]

    /// Every problem with the request at once, by field; empty when it is valid.
    func problems() -> [(field: String, reason: String)] {
        var problems: [(String, String)] = []
        switch (communityId, audience) {
        case (nil, nil): problems.append(("audience", "an audience (kind and id) or a communityId"))
        case (.some(let community), .some(let audience)) where audience != Audience(kind: "community", id: community):
            problems.append(("communityId", "an audience or a communityId, not both"))
        case (_, .some(let audience)) where !Self.audienceKinds.contains(audience.kind):
            problems.append(("audience.kind", "one of community, partnership, committee, program"))
        default: break
        }
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

    /// Whom it goes to, once it is valid.
    var target: Audience {
        audience ?? Audience(kind: "community", id: communityId ?? UUID())
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
