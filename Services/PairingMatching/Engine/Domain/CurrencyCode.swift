/// An ISO 4217 currency code such as `USD` or `ILS`.
///
/// The engine does not convert between currencies: every amount in one request must be in the
/// currency of the yearly commitment, and a request that mixes currencies is rejected.
public struct CurrencyCode: StringBacked {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// US dollars, the currency of the Communities2Gether commitment.
    public static let usd: CurrencyCode = "USD"

    /// Whether the code has the ISO 4217 shape: three upper-case ASCII letters.
    public var isWellFormed: Bool {
        rawValue.utf8.count == 3 && rawValue.utf8.allSatisfy { $0 >= 65 && $0 <= 90 }
    }
}
