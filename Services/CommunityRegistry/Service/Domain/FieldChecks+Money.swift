import Contracts
import Foundation

extension FieldChecks {
    /// The ISO 4217 codes Foundation knows, for telling a code from three capital letters.
    static let currencyCodes: Set<String> = Set(Locale.Currency.isoCurrencies.map(\.identifier))

    /// An ISO 4217 currency code such as USD or ILS.
    mutating func currency(_ code: String?, _ field: String) -> String? {
        guard let code = require(code, field) else { return nil }
        let shaped = code.count == 3 && code.allSatisfy { ("A"..."Z").contains($0) }
        guard shaped, Self.currencyCodes.isEmpty || Self.currencyCodes.contains(code) else {
            refuse(field, "must be an ISO 4217 currency code in capitals such as USD or ILS")
            return nil
        }
        return code
    }

    /// An amount of money in integer minor units, within `range`, with its currency.
    mutating func money(_ input: MoneyInput?, _ field: String, range: ClosedRange<Int> = 1...Self.largestAmount) -> Money? {
        guard let input = require(input, field) else { return nil }
        let currency = currency(input.currency, "\(field).currency")
        guard let amount = require(input.amount, "\(field).amount") else { return nil }
        guard range.contains(amount) else {
            refuse("\(field).amount", "must be a whole number of minor units from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        guard let currency else { return nil }
        return Money(amount: amount, currency: currency)
    }

    /// A whole number within `range`.
    mutating func number(_ value: Int?, _ field: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = require(value, field) else { return nil }
        guard range.contains(value) else {
            refuse(field, "must be from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    /// A UUID given as text.
    mutating func id(_ text: String?, _ field: String, required: Bool = true) -> UUID? {
        guard let text else {
            if required { refuse(field, "is required") }
            return nil
        }
        guard let id = UUID(uuidString: text) else {
            refuse(field, "must be an id (a UUID)")
            return nil
        }
        return id
    }

    /// A day such as 2024-02-01.
    mutating func date(_ text: String?, _ field: String, required: Bool = true) -> CalendarDate? {
        guard let text else {
            if required { refuse(field, "is required") }
            return nil
        }
        guard let date = CalendarDate(parsing: text) else {
            refuse(field, "must be a date such as 2024-02-01")
            return nil
        }
        return date
    }

    /// Ten thousand billion minor units: more than any need or flow, and far from overflowing a sum.
    static let largestAmount = 10_000_000_000_000
}

/// Money as a request sends it: `{"amount": 3600000, "currency": "ILS"}`, amount in minor units.
struct MoneyInput: Decodable, Sendable {
    var amount: Int?
    var currency: String?
}
