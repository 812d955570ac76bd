/// An announcement rendered once for one language, its links left out: only the links differ
/// from one recipient of that language to the next, so each recipient's message is the draft's
/// pieces with their own links put between them, without rendering the templates again.
struct AnnouncementDraft: Sendable {
    /// A piece of the text or the HTML: written as is, or a recipient's link.
    enum Piece: Sendable {
        case literal(String)
        case preferencesLink
        case unsubscribeLink
    }

    /// Links that stand in the rendering for each recipient's own; they need no HTML escaping.
    static let placeholders = (preferences: "p2g-draft-preferences-link", unsubscribe: "p2g-draft-unsubscribe-link")

    let rendered: NotificationTemplates.Rendered
    let text: [Piece]
    let html: [Piece]

    /// `rendered` was rendered with ``placeholders`` as its links.
    init(_ rendered: NotificationTemplates.Rendered) {
        self.rendered = rendered
        text = Self.pieces(of: rendered.text)
        html = Self.pieces(of: rendered.html)
    }

    /// The message for a recipient with `links`, escaped for HTML as the template would have.
    func with(_ links: (preferences: String, unsubscribe: String)) -> NotificationTemplates.Rendered {
        var message = rendered
        message.text = Self.join(text, preferences: links.preferences, unsubscribe: links.unsubscribe)
        message.html = Self.join(html, preferences: Self.htmlEscaped(links.preferences), unsubscribe: Self.htmlEscaped(links.unsubscribe))
        return message
    }

    static func pieces(of text: String) -> [Piece] {
        var pieces: [Piece] = []
        for (index, part) in text.components(separatedBy: placeholders.preferences).enumerated() {
            if index > 0 { pieces.append(.preferencesLink) }
            for (inner, literal) in part.components(separatedBy: placeholders.unsubscribe).enumerated() {
                if inner > 0 { pieces.append(.unsubscribeLink) }
                if !literal.isEmpty { pieces.append(.literal(literal)) }
            }
        }
        return pieces
    }

    static func join(_ pieces: [Piece], preferences: String, unsubscribe: String) -> String {
        var text = ""
        text.reserveCapacity(
            pieces.reduce(0) { total, piece in if case .literal(let literal) = piece { total + literal.utf8.count } else { total + 200 } })
        for piece in pieces {
            switch piece {
            case .literal(let literal): text += literal
            case .preferencesLink: text += preferences
            case .unsubscribeLink: text += unsubscribe
            }
        }
        return text
    }

    static func htmlEscaped(_ text: String) -> String {
        guard
            text.utf8.contains(where: {
                [UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'")].contains($0)
            })
        else { return text }
        var escaped = ""
        for character in text {
            switch character {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
