/// An amount of money on the wire: integer minor units of an ISO 4217 currency
/// (`{"minorUnits": 25000000, "currency": "USD"}` is $250,000). Amounts in different currencies
/// are never added or converted.
public struct MoneyAmount: Codable, Sendable, Hashable {
    /// The amount in the currency's minor units (cents for USD, agorot for ILS).
    public var minorUnits: Int64
    /// The ISO 4217 code in capitals, e.g. `USD`, `ILS`, `EUR`.
    public var currency: String

    public init(minorUnits: Int64, currency: String) {
        self.minorUnits = minorUnits
        self.currency = currency
    }
}
