/// An amount of money in integer minor units (cents for US dollars) with its currency,
/// as in the project's wire contract.
public struct Money: Hashable, Sendable, CustomStringConvertible {
    /// The amount in the currency's minor unit, e.g. `25_000_000` for $250,000.
    public var minorUnits: Int64
    /// The ISO 4217 currency.
    public var currency: CurrencyCode

    public init(minorUnits: Int64, currency: CurrencyCode) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Whole US dollars, e.g. `Money.dollars(250_000)`.
    public static func dollars(_ amount: Int64) -> Money {
        Money(minorUnits: amount * 100, currency: .usd)
    }

    public var description: String { "\(minorUnits) \(currency) minor units" }
}
