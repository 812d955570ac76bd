/// A language a community or a person works in, as a BCP 47 / ISO 639 code (`he`, `en`, `ru`).
///
/// Codes compare case-insensitively: `EN` and `en` are the same language.
public struct LanguageCode: Hashable, Comparable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The code in lower case.
    public let code: String

    public init(_ code: String) {
        self.code = code.lowercased()
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public static let hebrew: LanguageCode = "he"
    public static let english: LanguageCode = "en"
    public static let russian: LanguageCode = "ru"
    public static let spanish: LanguageCode = "es"
    public static let french: LanguageCode = "fr"
    public static let ukrainian: LanguageCode = "uk"

    public static func < (lhs: LanguageCode, rhs: LanguageCode) -> Bool {
        lhs.code < rhs.code
    }

    public var description: String { code }
}
