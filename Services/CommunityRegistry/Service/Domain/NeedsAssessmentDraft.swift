import Contracts
import Foundation

/// A needs assessment as a joint team sends it: a first one, or a reassessment of the
/// community's latest version. Every field optional, so that a missing one is named with the others.
struct NeedsAssessmentDraft: Decodable, Sendable {
    struct ItemInput: Decodable, Sendable {
        var carriesOver: String?
        var horizon: String?
        var sector: String?
        var description: String?
        var language: String?
        var quantity: Int?
        var unit: String?
        var estimatedCost: MoneyInput?
    }

    /// The version this one reassesses.
    var reassesses: String?
    var assessedOn: String?
    var items: [ItemInput]?

    /// At most this many items in one version.
    static let maximumItems = 2000

    /// The checked draft; `sectors` are the sector names the registry knows.
    func validated(sectors: Set<String>) -> Result<ValidNeedsAssessmentDraft, InvalidInput> {
        var checks = FieldChecks()
        let reassesses = checks.id(self.reassesses, "reassesses", required: false)
        let assessedOn = checks.date(self.assessedOn, "assessedOn")
        var items: [ValidNeedsAssessmentDraft.Item] = []
        if let inputs = checks.require(self.items, "items") {
            if inputs.isEmpty { checks.refuse("items", "must hold at least one need") }
            if inputs.count > Self.maximumItems { checks.refuse("items", "must hold at most \(Self.maximumItems) needs") }
            var carried: Set<UUID> = []
            for (index, input) in inputs.prefix(Self.maximumItems).enumerated() {
                let field = "items[\(index)]"
                let carriesOver = checks.id(input.carriesOver, "\(field).carriesOver", required: false)
                if let carriesOver, !carried.insert(carriesOver).inserted {
                    checks.refuse("\(field).carriesOver", "another item already carries this one over")
                }
                if carriesOver != nil && reassesses == nil {
                    checks.refuse("\(field).carriesOver", "only a reassessment carries items over")
                }
                var horizon: NeedItem.Horizon?
                if let text = checks.require(input.horizon, "\(field).horizon") {
                    horizon = NeedItem.Horizon(rawValue: text)
                    if horizon == nil { checks.refuse("\(field).horizon", "must be immediate or long-term") }
                }
                var sector: String?
                if let text = checks.require(input.sector, "\(field).sector") {
                    if sectors.contains(text) {
                        sector = text
                    } else {
                        checks.refuse(
                            "\(field).sector", "is not a known sector (GET /need-sectors lists them; POST /need-sectors adds one)")
                    }
                }
                let description = checks.text(input.description, "\(field).description", maximumLength: 2000)
                let language = input.language.flatMap { checks.languageTag($0, "\(field).language") }
                let quantity = checks.number(input.quantity, "\(field).quantity", in: 1...1_000_000_000)
                let unit = checks.text(input.unit, "\(field).unit", maximumLength: 60)
                let cost = checks.money(input.estimatedCost, "\(field).estimatedCost", range: 0...FieldChecks.largestAmount)
                if let horizon, let sector, let description, let quantity, let unit, let cost,
                    input.language == nil || language != nil
                {
                    items.append(
                        .init(
                            carriesOver: carriesOver, horizon: horizon, sector: sector, description: description, language: language,
                            quantity: quantity, unit: unit, estimatedCost: cost))
                }
            }
        }
        return checks.verdict("the needs assessment cannot be recorded") {
            guard let assessedOn else { return nil }
            return ValidNeedsAssessmentDraft(reassesses: reassesses, assessedOn: assessedOn, items: items)
        }
    }
}

/// A needs assessment whose every field is checked.
struct ValidNeedsAssessmentDraft: Sendable {
    struct Item: Sendable {
        var carriesOver: UUID?
        var horizon: NeedItem.Horizon
        var sector: String
        var description: String
        var language: String?
        var quantity: Int
        var unit: String
        var estimatedCost: Money
    }

    var reassesses: UUID?
    var assessedOn: CalendarDate
    var items: [Item]
}
