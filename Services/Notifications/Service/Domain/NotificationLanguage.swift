/// The languages notifications are written in.
enum NotificationLanguage {
    /// Hebrew, English, Russian, Spanish, French, Ukrainian.
    static let supported: Set<String> = ["he", "en", "ru", "es", "fr", "uk"]

    /// The first of a recipient's languages (BCP 47 tags, in order of preference) that
    /// notifications are written in; English when none is.
    static func preferred(among preferences: [String]) -> String {
        for tag in preferences {
            let base = String(tag.split(separator: "-").first ?? "").lowercased()
            if supported.contains(base) { return base }
        }
        return "en"
    }
}
