import Contracts
import Foundation

/// A committee of a partnership: its joint steering committee, formed with it, or a
/// subcommittee it names (education, economic development...), with volunteers from both
/// sides in their roles and terms.
public struct Committee: Sendable, Equatable, Encodable {
    /// Which kind of committee it is.
    public enum Kind: String, Codable, Sendable {
        /// Examines issues, chooses projects and sets budgets; every partnership has one.
        case jointSteering
        /// One the partnership names, for an area such as education.
        case subcommittee
    }

    @LowercasedUUID public var id: UUID
    @LowercasedUUID public var partnershipId: UUID
    public var name: String
    public var names: [String: String]
    public var kind: Kind
    /// The day the seats are those of; absent for every seat ever held.
    public var asOf: CalendarDate?
    public var seats: [CommitteeSeat]

    /// The name every joint steering committee starts with, in English and Hebrew.
    static let jointSteeringName = "Joint Steering Committee"
    static let jointSteeringNames = ["en": "Joint Steering Committee", "he": "ועדת היגוי משותפת"]
}
