import Contracts
import Foundation

/// A community as the scheduling service's read model holds it: where it is and its calendar.
struct CommunityLocation: Encodable, Sendable {
    @LowercasedUUID var communityId: UUID
    var name: String
    var timeZone: String
    var holidaySchedule: String
    var candleLightingMinutes: Int
}
