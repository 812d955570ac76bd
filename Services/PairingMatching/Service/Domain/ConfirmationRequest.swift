import Contracts
import Foundation

/// The body of `POST /proposals/{id}/confirmation`, all optional: the commitment when it is not
/// Communities2Gether's usual $250,000 a year for three years from the day of confirmation, and
/// whether an interpreter is at hand for the joint team.
struct ConfirmationRequest: Decodable, Sendable {
    struct Commitment: Decodable, Sendable {
        var amountPerYear: Money?
        var years: Int?
        var startsOn: CalendarDate?
    }

    var commitment: Commitment?
    /// An interpreter is at hand for the joint team: a team that shares no language may be
    /// formed (`interpreterNeeded` on `matching.joint-team-formed.v1`). False when absent.
    var interpreterAvailable: Bool?

    /// The commitment the pairing carries: for Communities2Gether the request's, completed by
    /// the usual one; for Partnership2Gether only one the request states. Every invalid field
    /// otherwise.
    func commitment(program: PartnershipProgram, confirmedOn day: CalendarDate?) -> Result<PairingConfirmed.Commitment?, InvalidInput> {
        guard program == .communities2gether || commitment != nil else { return .success(nil) }
        var invalid: [InvalidInput.InvalidField] = []
        let amount =
            commitment?.amountPerYear
            ?? Money(
                amount: Int(MatchingRunPlanner.communities2GetherCommitment.minorUnits),
                currency: MatchingRunPlanner.communities2GetherCommitment.currency.rawValue)
        if !(1...1_000_000_000_000).contains(amount.amount) {
            invalid.append(.init(name: "commitment.amountPerYear.amount", reason: "is a whole number from 1 to 1000000000000"))
        }
        if amount.currency.utf8.count != 3 || !amount.currency.utf8.allSatisfy({ (65...90).contains($0) }) {
            invalid.append(.init(name: "commitment.amountPerYear.currency", reason: "is an ISO 4217 code in capitals, such as USD"))
        }
        let years = commitment?.years ?? MatchingRunPlanner.years
        if !(1...50).contains(years) { invalid.append(.init(name: "commitment.years", reason: "is a whole number from 1 to 50")) }
        guard let startsOn = commitment?.startsOn ?? day else {
            invalid.append(.init(name: "commitment.startsOn", reason: "is a date such as 2025-01-01"))
            return .failure(InvalidInput("the pairing cannot be confirmed", invalidFields: invalid))
        }
        guard invalid.isEmpty else { return .failure(InvalidInput("the pairing cannot be confirmed", invalidFields: invalid)) }
        return .success(PairingConfirmed.Commitment(amountPerYear: amount, years: years, startsOn: startsOn))
    }
}
