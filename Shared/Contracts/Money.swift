/// An amount of money as the wire contract carries it: integer minor units (agorot, cents) with
/// an ISO 4217 currency code. Amounts in different currencies are never added together.
public struct Money: Codable, Sendable, Hashable {
    /// The amount in the currency's minor units: 25,000,000 for $250,000.00.
    public var amount: Int
    /// An ISO 4217 code in upper case, e.g. `USD` or `ILS`.
    public var currency: String

    public init(amount: Int, currency: String) {
        self.amount = amount
        self.currency = currency
    }
}
