import Contracts
import Foundation

/// Money from a funder to a community, perhaps to one of its need items or milestones, as the
/// Financial Tracking Service keeps it: pledged, then committed, then paid, each with its day,
/// and every change kept. A pledge is shown but not counted as funding until it is committed;
/// what is paid never exceeds what is committed.
public struct FundingFlow: Sendable, Equatable, Encodable {
    public enum Status: String, Sendable, Codable {
        case pledged, committed, paid
    }

    /// Who gives the money.
    public struct Funder: Sendable, Equatable, Encodable {
        public enum Kind: String, Sendable, Codable, CaseIterable {
            case globalCommunity, federation, kerenHayesod, governmentBody, municipality, otherDonor
        }

        public var kind: Kind
        /// The organisation's name: a community, a federation, the Tekuma Authority, a municipality.
        public var name: String
        /// The funding community, for a global community, as a lower-case UUID.
        public var communityId: String?
    }

    /// One change of the flow's status, with its amount and day.
    public struct Change: Sendable, Equatable, Codable {
        public var status: Status
        public var amount: Int
        public var on: CalendarDate
        public var recordedAt: Date
    }

    @LowercasedUUID public var id: UUID
    public var funder: Funder
    @LowercasedUUID public var communityId: UUID
    public var needItemId: String?
    public var milestoneId: String?
    public var pairingId: String?
    public var pairingYear: Int?
    public var currency: String
    public var status: Status
    public var pledged: Int?
    public var committed: Int?
    public var paid: Int
    public var pledgedOn: CalendarDate?
    public var committedOn: CalendarDate?
    public var paidOn: CalendarDate?
    public var history: [Change]

    /// The event that announces its commitment.
    var committedEvent: FundingCommitted? {
        guard let committed, let committedOn else { return nil }
        return FundingCommitted(
            flowId: id, communityId: communityId, funderKind: funder.kind.rawValue, funderName: funder.name,
            funderCommunityId: funder.communityId, needItemId: needItemId, milestoneId: milestoneId, pairingId: pairingId,
            pairingYear: pairingYear, committed: Money(amount: committed, currency: currency), committedOn: committedOn)
    }
}

/// A flow as a coordinator records it: pledged or committed at once.
struct FundingFlowInput: Decodable, Sendable {
    struct FunderInput: Decodable, Sendable {
        var kind: String?
        var name: String?
        var communityId: String?
    }

    var funder: FunderInput?
    var communityId: String?
    var needItemId: String?
    var milestoneId: String?
    var amount: MoneyInput?
    /// pledged or committed.
    var status: String?
    var on: String?

    func validated() -> Result<ValidFundingFlow, InvalidInput> {
        var checks = FieldChecks()
        var kind: FundingFlow.Funder.Kind?
        var funderName: String?
        var funderCommunity: UUID?
        if let funder = checks.require(funder, "funder") {
            if let text = checks.require(funder.kind, "funder.kind") {
                kind = FundingFlow.Funder.Kind(rawValue: text)
                if kind == nil {
                    checks.refuse(
                        "funder.kind", "must be one of \(FundingFlow.Funder.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
            funderName = checks.text(funder.name, "funder.name")
            funderCommunity = checks.id(funder.communityId, "funder.communityId", required: false)
            if funderCommunity != nil, let kind, kind != .globalCommunity {
                checks.refuse("funder.communityId", "only a global community funder names its community")
            }
        }
        let community = checks.id(communityId, "communityId")
        let item = checks.id(needItemId, "needItemId", required: false)
        let milestone = checks.id(milestoneId, "milestoneId", required: false)
        if item != nil && milestone != nil { checks.refuse("milestoneId", "a flow goes to one need item or one milestone, not both") }
        let amount = checks.money(amount, "amount")
        var status: FundingFlow.Status?
        if let text = checks.require(self.status, "status") {
            status = FundingFlow.Status(rawValue: text)
            if status == nil || status == .paid {
                checks.refuse("status", "a new flow is pledged or committed; record payments on it later")
            }
        }
        let on = checks.date(on, "on")
        return checks.verdict("the funding flow cannot be recorded") {
            guard let kind, let funderName, let community, let amount, let status, let on else { return nil }
            return ValidFundingFlow(
                funder: .init(kind: kind, name: funderName, communityId: funderCommunity?.uuidString.lowercased()), communityId: community,
                needItemId: item, milestoneId: milestone, amount: amount, status: status, on: on)
        }
    }
}

struct ValidFundingFlow: Sendable {
    var funder: FundingFlow.Funder
    var communityId: UUID
    var needItemId: UUID?
    var milestoneId: UUID?
    var amount: Money
    var status: FundingFlow.Status
    var on: CalendarDate
}

/// A change of a flow's status: a pledge committed, or a payment on a commitment.
struct FundingTransitionInput: Decodable, Sendable {
    /// committed or paid.
    var status: String?
    var on: String?
    /// In the flow's currency's minor units: what is committed (the pledge's amount when
    /// absent), or what this payment pays (what is left to pay when absent).
    var amount: Int?

    func validated() -> Result<ValidFundingTransition, InvalidInput> {
        var checks = FieldChecks()
        var status: FundingFlow.Status?
        if let text = checks.require(self.status, "status") {
            status = FundingFlow.Status(rawValue: text)
            if status == nil || status == .pledged { checks.refuse("status", "must be committed or paid") }
        }
        let on = checks.date(on, "on")
        if let amount, !(1...FieldChecks.largestAmount).contains(amount) {
            checks.refuse("amount", "must be a whole number of minor units from 1 to \(FieldChecks.largestAmount)")
        }
        return checks.verdict("the funding flow cannot change") {
            guard let status, let on else { return nil }
            return ValidFundingTransition(status: status, on: on, amount: amount)
        }
    }
}

struct ValidFundingTransition: Sendable {
    var status: FundingFlow.Status
    var on: CalendarDate
    var amount: Int?
}
