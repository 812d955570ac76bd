import Contracts
import Foundation

/// A step of a community's three-year road map to recovery, in a quarter, covering some of its
/// need items, with every change of its status and the day of each.
public struct Milestone: Sendable, Equatable, Encodable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case planned
        case underWay = "under-way"
        case done, dropped

        /// Whether a milestone may go from this status to `next`: planned, under way, done; any
        /// milestone not done may be dropped, and a dropped one planned again.
        func allows(_ next: Status) -> Bool {
            switch (self, next) {
            case (.planned, .underWay), (.underWay, .done), (.planned, .done), (.planned, .dropped), (.underWay, .dropped),
                (.dropped, .planned):
                true
            default: false
            }
        }
    }

    public struct Change: Sendable, Equatable, Encodable {
        public var status: Status
        public var on: CalendarDate
    }

    @LowercasedUUID public var id: UUID
    @LowercasedUUID public var communityId: UUID
    public var title: String
    /// `2025-Q2`.
    public var quarter: String
    /// The need items it covers, as lower-case UUIDs.
    public var needItemIds: [String]
    public var status: Status
    /// Every status it has had, the first when it was planned, oldest first.
    public var history: [Change]
}

/// A quarter of a year, `2025-Q2`, counted from year 0 so that quarters can be subtracted.
struct Quarter: Sendable, Comparable, Hashable {
    var index: Int

    init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), parts[1].count == 2, parts[1].first == "Q",
            let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter), year >= 1900
        else { return nil }
        index = year * 4 + quarter - 1
    }

    static func < (left: Quarter, right: Quarter) -> Bool { left.index < right.index }

    /// Quarters a road map spans: three years.
    static let roadMapSpan = 12
}

/// A milestone as a coordinator sends it.
struct MilestoneInput: Decodable, Sendable {
    var title: String?
    var quarter: String?
    var needItemIds: [String]?
    var plannedOn: String?

    func validated() -> Result<ValidMilestone, InvalidInput> {
        var checks = FieldChecks()
        let title = checks.text(title, "title", maximumLength: 300)
        var quarter: String?
        if let text = checks.require(self.quarter, "quarter") {
            if Quarter(text) != nil { quarter = text } else { checks.refuse("quarter", "must be a quarter such as 2025-Q2") }
        }
        var items: [UUID] = []
        for (index, text) in (needItemIds ?? []).enumerated() {
            if let id = checks.id(text, "needItemIds[\(index)]") {
                if items.contains(id) { checks.refuse("needItemIds[\(index)]", "names the item a second time") } else { items.append(id) }
            }
        }
        let plannedOn = checks.date(plannedOn, "plannedOn")
        return checks.verdict("the milestone cannot be recorded") {
            guard let title, let quarter, let plannedOn else { return nil }
            return ValidMilestone(title: title, quarter: quarter, needItemIds: items, plannedOn: plannedOn)
        }
    }
}

struct ValidMilestone: Sendable {
    var title: String
    var quarter: String
    var needItemIds: [UUID]
    var plannedOn: CalendarDate
}

/// A change of a milestone's status as a coordinator sends it.
struct MilestoneStatusInput: Decodable, Sendable {
    var status: String?
    var on: String?

    func validated() -> Result<(Milestone.Status, CalendarDate), InvalidInput> {
        var checks = FieldChecks()
        var status: Milestone.Status?
        if let text = checks.require(self.status, "status") {
            status = Milestone.Status(rawValue: text)
            if status == nil { checks.refuse("status", "must be planned, under-way, done or dropped") }
        }
        let on = checks.date(on, "on")
        return checks.verdict("the milestone's status cannot change") {
            guard let status, let on else { return nil }
            return (status, on)
        }
    }
}
