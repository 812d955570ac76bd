import Contracts
import Foundation

/// One need of a community in one version of its needs assessment: mattresses now, a
/// rebuilt kindergarten once residents return. A reassessment carries an item over by naming
/// the item it follows, so that the difference between versions can be read item by item.
public struct NeedItem: Sendable, Equatable, Encodable {
    /// When the need must be met.
    public enum Horizon: String, Sendable, Codable, CaseIterable {
        case immediate
        case longTerm = "long-term"
    }

    @LowercasedUUID public var id: UUID
    /// The item of the previous version this one follows, as a lower-case UUID.
    public var carriesOver: String?
    public var horizon: Horizon
    /// A base sector (education, housing...) or one a coordinator added.
    public var sector: String
    /// The need in the words of the team that assessed it, in any language.
    public var description: String
    /// The language of the description, a BCP 47 tag, when given.
    public var language: String?
    public var quantity: Int
    public var unit: String
    public var estimatedCost: Money

    /// The fields of the item that differ in `other`, by their JSON names.
    func changedFields(in other: NeedItem) -> [String] {
        var fields: [String] = []
        if horizon != other.horizon { fields.append("horizon") }
        if sector != other.sector { fields.append("sector") }
        if description != other.description || language != other.language { fields.append("description") }
        if quantity != other.quantity || unit != other.unit { fields.append("quantity") }
        if estimatedCost != other.estimatedCost { fields.append("estimatedCost") }
        return fields
    }
}
