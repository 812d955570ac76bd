import Foundation
import JewishCalendar
import Mustache

/// Renders a notification in the recipient's language: the first of their languages that has
/// templates, else English (Russian, Spanish, French and Ukrainian speakers get English unless
/// they also read Hebrew). Pure: values in, text out.
struct NotificationTemplates: Sendable {
    /// A notification as it is written.
    struct Rendered: Sendable {
        var language: String
        var subject: String
        var text: String
        var html: String
        /// The HTML body without the layout, for a digest that puts several together.
        var content: String
    }

    /// A template that does not parse: a mistake in this file, found when the service starts.
    struct InvalidTemplate: Error, CustomStringConvertible {
        var name: String
        var problem: String
        var description: String { "the notification template \(name) does not parse: \(problem)" }
    }

    private let library: MustacheLibrary

    init() throws {
        var templates: [String: MustacheTemplate] = [:]
        func add(_ name: String, _ text: String) throws {
            do {
                templates[name] = try MustacheTemplate(string: text)
            } catch {
                throw InvalidTemplate(name: name, problem: "\(error)")
            }
        }
        try add("layout", TemplateTexts.layout)
        try add("announcement.html", "{{#paragraphs}}<p>{{text}}</p>\n{{/paragraphs}}")
        try add("digest.html", "{{#sections}}<h2>{{subject}}</h2>\n{{{content}}}\n{{/sections}}")
        for (kind, sets) in TemplateTexts.allSets {
            for (language, set) in sets {
                try add("\(kind.rawValue).\(language).subject", "{{% CONTENT_TYPE: TEXT}}" + set.subject)
                try add("\(kind.rawValue).\(language).text", set.text)
                try add("\(kind.rawValue).\(language).html", set.html)
            }
        }
        library = MustacheLibrary(templates: templates)
    }

    /// The language a recipient reading `languages` (BCP 47 tags, in order) is written to in.
    static func language(for languages: [String]) -> String {
        for tag in languages {
            let base = String(tag.split(separator: "-").first ?? "").lowercased()
            if TemplateTexts.languages.contains(base) { return base }
        }
        return "en"
    }

    /// Renders `kind` for a recipient with `languages` in `timeZone`. `values` are the
    /// template's variables; `instants` are written in the recipient's zone and language
    /// (`<name>`), with the Hebrew date of the first as `hebrewDate`.
    func render(
        _ kind: NotificationKind, languages: [String], timeZone: TimeZone, values: [String: String], instants: [String: Date],
        links: (preferences: String, unsubscribe: String)
    ) -> Rendered {
        let language = Self.language(for: languages)
        var context: [String: Any] = [:]
        let words = (TemplateTexts.words[language] ?? [:]).merging(TemplateTexts.programWords[language] ?? [:]) { first, _ in first }
        // `title@he`, `title@en`...: one text in several languages, of which the reader's (else
        // English, else any) becomes `title`.
        var translated: [String: [String: String]] = [:]
        // `sessions.0.startsAt`...: the entries of a list, in the order of their numbers.
        var lists: [String: [Int: [String: Any]]] = [:]
        func place(_ key: String, _ value: Any) {
            let parts = key.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count == 3, let index = Int(parts[1]) {
                lists[String(parts[0]), default: [:]][index, default: [:]][String(parts[2])] = value
            } else {
                context[key] = value
            }
        }
        for (key, value) in values {
            if let at = key.firstIndex(of: "@") {
                translated[String(key[..<at]), default: [:]][String(key[key.index(after: at)...])] = value
            } else {
                place(key, words[value] ?? value)
            }
        }
        for (key, texts) in translated {
            context[key] = texts[language] ?? texts["en"] ?? texts.sorted(by: { $0.key < $1.key }).first?.value ?? ""
        }
        // The Hebrew date is of the instant the template names (`hebrewDateOf`), else of the first by name.
        let dated = values["hebrewDateOf"].flatMap { instants[$0] } ?? instants.min(by: { $0.key < $1.key })?.value
        for (key, instant) in instants {
            place(key, Self.written(instant, language: language, timeZone: timeZone))
            place(key + "Time", Self.writtenTime(instant, language: language, timeZone: timeZone))
        }
        if let dated {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let parts = calendar.dateComponents([.year, .month, .day], from: dated)
            if let day = try? GregorianDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0) {
                context["hebrewDate"] = HebrewDate(day).formatted(language == "he" ? .hebrew : .english)
            }
        }
        for (name, entries) in lists { context[name] = entries.sorted(by: { $0.key < $1.key }).map(\.value) }
        context["preferencesURL"] = links.preferences
        context["unsubscribeURL"] = links.unsubscribe
        let name = "\(kind.rawValue).\(language)"
        let subject = library.render(context, withTemplate: "\(name).subject") ?? ""
        let text = library.render(context, withTemplate: "\(name).text") ?? ""
        let content = library.render(context, withTemplate: "\(name).html") ?? ""
        let footer = TemplateTexts.footer[language] ?? TemplateTexts.footer["en"] ?? ("", "")
        let html =
            library.render(
                [
                    "language": language, "direction": language == "he" ? "rtl" : "ltr", "align": language == "he" ? "right" : "left",
                    "subject": subject, "content": content, "preferencesURL": links.preferences,
                    "unsubscribeURL": links.unsubscribe, "preferencesLabel": footer.preferences,
                    "unsubscribeLabel": footer.unsubscribe,
                ] as [String: Any], withTemplate: "layout") ?? content
        return Rendered(language: language, subject: subject, text: text, html: html, content: content)
    }

    /// Several notifications in one e-mail, in the reader's language, each under its subject.
    func renderDigest(_ parts: [Rendered], languages: [String], links: (preferences: String, unsubscribe: String)) -> Rendered {
        let language = Self.language(for: languages)
        let subject =
            language == "he" ? "הסיכום היומי שלך: \(parts.count) התראות" : "Your daily digest: \(parts.count) notifications"
        let sections = parts.map { ["subject": $0.subject, "content": $0.content] }
        let content = library.render(["sections": sections], withTemplate: "digest.html") ?? ""
        let footer = TemplateTexts.footer[language] ?? TemplateTexts.footer["en"] ?? ("", "")
        let html =
            library.render(
                [
                    "language": language, "direction": language == "he" ? "rtl" : "ltr", "align": language == "he" ? "right" : "left",
                    "subject": subject, "content": content, "preferencesURL": links.preferences,
                    "unsubscribeURL": links.unsubscribe, "preferencesLabel": footer.preferences,
                    "unsubscribeLabel": footer.unsubscribe,
                ] as [String: Any], withTemplate: "layout") ?? content
        let text = parts.map { "\($0.subject)\n\n\($0.text)" }.joined(separator: "\n----\n\n")
        return Rendered(language: language, subject: subject, text: text, html: html, content: content)
    }

    /// A coordinator's announcement in the reader's language (the first of theirs it is written
    /// in, else English, else any), in the same layout as every notification: its paragraphs
    /// are the body's, split at blank lines, and escaped.
    func renderAnnouncement(
        subjects: [String: String], bodies: [String: String], languages: [String], links: (preferences: String, unsubscribe: String)
    ) -> Rendered {
        let language = AnnouncementRequest.language(for: languages, among: Set(subjects.keys))
        let subject = subjects[language] ?? ""
        let body = bodies[language] ?? ""
        let paragraphs = body.components(separatedBy: "\n\n").map { ["text": $0] }
        let content = library.render(["paragraphs": paragraphs], withTemplate: "announcement.html") ?? ""
        let footer = TemplateTexts.footer[language] ?? TemplateTexts.footer["en"] ?? ("", "")
        let html =
            library.render(
                [
                    "language": language, "direction": language == "he" ? "rtl" : "ltr", "align": language == "he" ? "right" : "left",
                    "subject": subject, "content": content, "preferencesURL": links.preferences,
                    "unsubscribeURL": links.unsubscribe, "preferencesLabel": footer.preferences,
                    "unsubscribeLabel": footer.unsubscribe,
                ] as [String: Any], withTemplate: "layout") ?? content
        let text = body + "\n\n" + footer.preferences + ": " + links.preferences + "\n"
        return Rendered(language: language, subject: subject, text: text, html: html, content: content)
    }

    /// An instant as the recipient reads it: their zone, their language's way of writing dates.
    static func written(_ instant: Date, language: String, timeZone: TimeZone) -> String {
        var style = Date.FormatStyle(date: .long, time: .shortened, locale: Locale(identifier: language == "he" ? "he_IL" : "en_US"))
        style.timeZone = timeZone
        return instant.formatted(style) + " (\(timeZone.identifier))"
    }

    /// The time of day alone, as the recipient reads it (for the end of a session on its day).
    static func writtenTime(_ instant: Date, language: String, timeZone: TimeZone) -> String {
        var style = Date.FormatStyle(date: .omitted, time: .shortened, locale: Locale(identifier: language == "he" ? "he_IL" : "en_US"))
        style.timeZone = timeZone
        return instant.formatted(style)
    }
}
