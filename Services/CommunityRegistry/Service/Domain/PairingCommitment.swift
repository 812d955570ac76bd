import Contracts
import Foundation

/// What a global community promised an impacted Israeli community when their Communities2Gether
/// pairing was confirmed, $250,000 a year for three years, and year by year what was committed
/// and paid against it.
public struct PairingCommitment: Sendable, Equatable, Encodable {
    /// One year of the promise: from the day of confirmation (or its anniversary) up to the next.
    public struct Year: Sendable, Equatable, Encodable {
        public enum Standing: String, Sendable, Encodable {
            /// The year has not begun.
            case notStarted = "not-started"
            /// The year is running and not yet paid in full.
            case inProgress = "in-progress"
            /// Paid in full.
            case met
            /// The year has ended with less paid than promised.
            case short
        }

        public var year: Int
        public var from: CalendarDate
        /// The first day of the next year.
        public var until: CalendarDate
        /// The year's committed flow, as a lower-case UUID.
        public var flowId: String?
        public var promised: Int
        public var committed: Int
        public var paid: Int
        public var standing: Standing
        /// What is missing of the promise, when the year is short.
        public var shortBy: Int
    }

    @LowercasedUUID public var pairingId: UUID
    @LowercasedUUID public var supportingCommunityId: UUID
    @LowercasedUUID public var impactedCommunityId: UUID
    public var amountPerYear: Money
    public var confirmedAt: Date
    public var asOf: CalendarDate
    public var years: [Year]
    public var promised: Int
    public var committed: Int
    public var paid: Int

    /// What was committed and paid in each year of the promise, by year number, read on `asOf`.
    init(
        pairingId: UUID, supportingCommunityId: UUID, impactedCommunityId: UUID, amountPerYear: Money, years count: Int,
        confirmedAt: Date, flows: [Int: (flowId: UUID, committed: Int, paid: Int)], asOf: CalendarDate
    ) {
        let start = CalendarDate.utcDay(of: confirmedAt) ?? asOf
        self.pairingId = pairingId
        self.supportingCommunityId = supportingCommunityId
        self.impactedCommunityId = impactedCommunityId
        self.amountPerYear = amountPerYear
        self.confirmedAt = confirmedAt
        self.asOf = asOf
        self.years = (1...max(1, count)).map { number in
            let from = start.addingYears(number - 1)
            let until = start.addingYears(number)
            let flow = flows[number]
            let committed = flow?.committed ?? 0
            let paid = flow?.paid ?? 0
            let standing: Year.Standing =
                asOf < from ? .notStarted : paid >= amountPerYear.amount ? .met : asOf >= until ? .short : .inProgress
            return Year(
                year: number, from: from, until: until, flowId: flow?.flowId.uuidString.lowercased(), promised: amountPerYear.amount,
                committed: committed, paid: paid, standing: standing,
                shortBy: standing == .short ? amountPerYear.amount - paid : 0)
        }
        self.promised = amountPerYear.amount * count
        self.committed = self.years.reduce(0) { $0 + $1.committed }
        self.paid = self.years.reduce(0) { $0 + $1.paid }
    }
}

/// A pairing's commitment as a coordinator records it by hand, or as the matching service's
/// `matching.pairing-confirmed.v1` will bring it.
struct PairingCommitmentInput: Decodable, Sendable {
    var pairingId: String?
    var supportingCommunityId: String?
    var impactedCommunityId: String?
    var amountPerYear: MoneyInput?
    var years: Int?
    var confirmedAt: String?

    func validated() -> Result<ValidPairingCommitment, InvalidInput> {
        var checks = FieldChecks()
        let pairing = checks.id(pairingId, "pairingId")
        let supporting = checks.id(supportingCommunityId, "supportingCommunityId")
        let impacted = checks.id(impactedCommunityId, "impactedCommunityId")
        if let supporting, supporting == impacted {
            checks.refuse("impactedCommunityId", "must be another community than the supporting one")
        }
        let amount = checks.money(amountPerYear, "amountPerYear")
        let years = checks.number(years, "years", in: 1...10)
        var confirmedAt: Date?
        if let text = checks.require(self.confirmedAt, "confirmedAt") {
            confirmedAt = ContractCoding.parseInstant(text)
            if confirmedAt == nil { checks.refuse("confirmedAt", "must be an RFC 3339 instant such as 2024-02-01T10:00:00Z") }
        }
        return checks.verdict("the pairing's commitment cannot be recorded") {
            guard let pairing, let supporting, let impacted, let amount, let years, let confirmedAt else { return nil }
            return ValidPairingCommitment(
                pairingId: pairing, supportingCommunityId: supporting, impactedCommunityId: impacted, amountPerYear: amount, years: years,
                confirmedAt: confirmedAt)
        }
    }
}

/// A pairing's commitment, checked: the terms `FundingStore.recordPairingCommitment` takes.
public struct ValidPairingCommitment: Sendable, Equatable {
    public var pairingId: UUID
    public var supportingCommunityId: UUID
    public var impactedCommunityId: UUID
    public var amountPerYear: Money
    public var years: Int
    public var confirmedAt: Date

    public init(
        pairingId: UUID, supportingCommunityId: UUID, impactedCommunityId: UUID, amountPerYear: Money, years: Int, confirmedAt: Date
    ) {
        self.pairingId = pairingId
        self.supportingCommunityId = supportingCommunityId
        self.impactedCommunityId = impactedCommunityId
        self.amountPerYear = amountPerYear
        self.years = years
        self.confirmedAt = confirmedAt
    }
}

extension CalendarDate {
    /// The day `instant` falls on in UTC.
    static func utcDay(of instant: Date) -> CalendarDate? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// The same day `years` later; 29 February becomes 28 February in a common year.
    func addingYears(_ years: Int) -> CalendarDate {
        CalendarDate(year: year + years, month: month, day: day) ?? CalendarDate(year: year + years, month: month, day: 28) ?? self
    }
}
