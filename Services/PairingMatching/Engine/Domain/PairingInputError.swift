/// Input the engine refuses: what is wrong, with which id, and what to do about it.
///
/// The engine never repairs bad input silently; it throws this error instead.
public struct PairingInputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem, for callers that react differently to each.
    public enum Code: String, Hashable, Sendable {
        case duplicateID
        case unknownID
        case negativeCapacity
        case negativeBudget
        case negativeCost
        case currencyMismatch
        case malformedCurrency
        case invalidParameter
        case invalidWeight
        case invalidUTCOffset
        case invalidWorkingHours
        case invalidLanguage
        case duplicatePair
        case lockOnForbiddenPair
        case lockExceedsPartnersNeeded
        case lockExceedsCapacity
        case lockExceedsBudget
        case invalidRanking
        case invalidTeamRule
        case invalidCostMatrix
        /// Every full assignment uses a forbidden (infinite) entry of the cost matrix.
        case infeasibleAssignment
    }

    public let code: Code
    /// A sentence naming the offending value and id, safe to show to a coordinator.
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
