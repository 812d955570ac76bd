import Contracts
import Foundation

/// A partnership in a list: who it is, without its members.
public struct PartnershipSummary: Sendable, Equatable, Encodable {
    @LowercasedUUID public var id: UUID
    public var name: String
    public var names: [String: String]
    public var program: PartnershipProgram
    public var formedOn: CalendarDate
    public var recordedAt: Date
}
