import Contracts
import Foundation

/// A partnership as the API shows it: its communities on each side, either every stay of each
/// (its whole history) or those who were members on one day (`asOf`).
public struct Partnership: Sendable, Equatable, Encodable {
    @LowercasedUUID public var id: UUID
    public var name: String
    /// The name in other languages, language tag → name.
    public var names: [String: String]
    public var program: PartnershipProgram
    public var formedOn: CalendarDate
    /// The day the members are those of; absent for the whole history.
    public var asOf: CalendarDate?
    public var israeli: [PartnershipMembership]
    public var global: [PartnershipMembership]
    public var recordedAt: Date

    /// The partnership with its history, or with the members of `asOf` alone.
    init(
        id: UUID, name: String, names: [String: String], program: PartnershipProgram, formedOn: CalendarDate, recordedAt: Date,
        memberships: [PartnershipMembership], asOf: CalendarDate?
    ) {
        self.id = id
        self.name = name
        self.names = names
        self.program = program
        self.formedOn = formedOn
        self.recordedAt = recordedAt
        self.asOf = asOf
        let shown = asOf.map { date in memberships.filter { $0.isMember(on: date) } } ?? memberships
        let ordered = shown.sorted {
            ($0.joinedOn, $0.name, $0.membershipId.uuidString) < ($1.joinedOn, $1.name, $1.membershipId.uuidString)
        }
        israeli = ordered.filter { $0.side == .israeli }
        global = ordered.filter { $0.side == .global }
    }
}
