import Contracts
import Foundation

/// A community joining a partnership (`joinedOn`) or leaving it (`leftOn`), as it arrives.
public struct MembershipRequest: Decodable, Sendable {
    public var communityId: String?
    public var joinedOn: String?
    public var leftOn: String?

    /// The community and the day, checked in themselves; `dateField` is `joinedOn` or `leftOn`.
    func validated(dateField: String) -> Result<(communityId: UUID, date: CalendarDate), InvalidInput> {
        var checks = FieldChecks()
        var id: UUID?
        if let text = checks.require(communityId, "communityId") {
            id = UUID(uuidString: text)
            if id == nil { checks.refuse("communityId", "is not a community id (a UUID)") }
        }
        var date: CalendarDate?
        if let text = checks.require(dateField == "joinedOn" ? joinedOn : leftOn, dateField) {
            date = CalendarDate(parsing: text)
            if date == nil { checks.refuse(dateField, "must be a date such as 2012-09-01") }
        }
        return checks.verdict(dateField == "joinedOn" ? "the community cannot join" : "the community cannot leave") {
            guard let id, let date else { return nil }
            return (id, date)
        }
    }
}
