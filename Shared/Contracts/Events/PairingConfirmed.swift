import Foundation

/// A coordinator confirmed a proposed pairing: `matching.pairing-confirmed.v1`, correlated by
/// the pairing's id (the workflow of that pairing). For Communities2Gether the pairing carries
/// the supporting community's commitment, which the registry records as committed funding.
public struct PairingConfirmed: IntegrationEvent {
    public static let eventType = MessageType(service: "matching", name: "pairing-confirmed", version: 1)

    /// What the supporting community commits to the impacted one, year by year.
    public struct Commitment: Codable, Sendable, Hashable {
        /// The amount committed for each year.
        public var amountPerYear: Money
        /// How many years, from `startsOn`.
        public var years: Int
        /// The first day of the first year.
        public var startsOn: CalendarDate

        public init(amountPerYear: Money, years: Int, startsOn: CalendarDate) {
            self.amountPerYear = amountPerYear
            self.years = years
            self.startsOn = startsOn
        }
    }

    @LowercasedUUID public var pairingId: UUID
    /// The matching run that proposed the pair.
    @LowercasedUUID public var runId: UUID
    public var program: PartnershipProgram
    /// The Israeli community.
    @LowercasedUUID public var impactedCommunityId: UUID
    /// The global community.
    @LowercasedUUID public var supportingCommunityId: UUID
    /// Present for a Communities2Gether pairing; absent for a pairing that commits no money.
    public var commitment: Commitment?
    /// The subject of the token that confirmed the pairing (an account id, never an address).
    public var confirmedBy: String
    public var confirmedAt: Date

    public init(
        pairingId: UUID, runId: UUID, program: PartnershipProgram, impactedCommunityId: UUID, supportingCommunityId: UUID,
        commitment: Commitment?, confirmedBy: String, confirmedAt: Date
    ) {
        self.pairingId = pairingId
        self.runId = runId
        self.program = program
        self.impactedCommunityId = impactedCommunityId
        self.supportingCommunityId = supportingCommunityId
        self.commitment = commitment
        self.confirmedBy = confirmedBy
        self.confirmedAt = confirmedAt
    }
}
