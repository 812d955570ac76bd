import Contracts
import Foundation

/// When a community may join or leave a partnership, given the partnership's history. A stay
/// is the days from joining up to the day before leaving; a community's stays in one
/// partnership never overlap, and nothing happens before the partnership was formed.
enum MembershipRules {
    /// Why a change of membership is refused: a field that is wrong in itself (`invalid`),
    /// or one that contradicts the history as it is (`conflict`).
    enum Refusal: Error, Equatable {
        case invalid(InvalidInput)
        case conflict(InvalidInput)
    }

    /// Whether `community` may join on `date`, given its earlier stays in the partnership.
    static func joining(
        _ community: CommunitySummary, on date: CalendarDate, formedOn: CalendarDate, stays: [PartnershipMembership]
    ) -> Refusal? {
        if date < formedOn {
            return .invalid(
                InvalidInput(
                    "the community cannot join",
                    invalidFields: [.init(name: "joinedOn", reason: "is before the partnership was formed (\(formedOn))")]))
        }
        if let open = stays.first(where: { $0.leftOn == nil }) {
            return .conflict(
                InvalidInput(
                    "the community cannot join",
                    invalidFields: [.init(name: "communityId", reason: "\(community.name) is a member since \(open.joinedOn)")]))
        }
        if let later = stays.first(where: { ($0.leftOn.map { date < $0 } ?? true) }) {
            return .conflict(
                InvalidInput(
                    "the community cannot join",
                    invalidFields: [
                        .init(
                            name: "joinedOn",
                            reason:
                                "\(community.name) was a member from \(later.joinedOn) to \(later.leftOn.map(\.description) ?? "now"); a new stay begins on or after its end"
                        )
                    ]))
        }
        return nil
    }

    /// The stay that `leftOn` ends, or why it cannot end then.
    static func leaving(
        _ community: CommunitySummary, on leftOn: CalendarDate, stays: [PartnershipMembership]
    ) -> Result<PartnershipMembership, Refusal> {
        guard var open = stays.first(where: { $0.leftOn == nil }) else {
            return .failure(
                .conflict(
                    InvalidInput(
                        "the community cannot leave",
                        invalidFields: [.init(name: "communityId", reason: "\(community.name) is not a member of this partnership now")])))
        }
        guard open.joinedOn < leftOn else {
            return .failure(
                .invalid(
                    InvalidInput(
                        "the community cannot leave",
                        invalidFields: [.init(name: "leftOn", reason: "must be after the day \(community.name) joined (\(open.joinedOn))")])
                ))
        }
        open.leftOn = leftOn
        return .success(open)
    }
}
