/// A civil day on which work is forbidden at a place, and why.
public struct ForbiddenDay: Sendable, Hashable {
    /// The local civil date (the forbidden time begins the evening before).
    public let date: GregorianDate
    /// Whether the day is Shabbat.
    public let isShabbat: Bool
    /// The yom tov holidays on the day under the place's schedule: none on an ordinary Shabbat,
    /// otherwise one (in Israel Shemini Atzeret, which is also Simchat Torah, is one).
    public let yomTov: [Holiday]
}
