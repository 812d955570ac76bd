import Foundation
import ServiceKit

/// Which communities a caller may write needs, road maps and funding for: an Agency
/// coordinator every community, a partnership coordinator the communities that are members now
/// of the partnerships their token names. The access policy lets partnership coordinators
/// reach these routes; this decides for the community the request is about.
enum CommunityScope {
    /// 403 unless the current caller may write for `community`.
    static func requireWrite(_ community: UUID, store: NeedsStore) async throws {
        guard let caller = Caller.current, caller.role != .agencyCoordinator else { return }
        guard caller.role == .partnershipCoordinator, !caller.partnerships.isEmpty,
            try await store.isMember(community, ofAny: caller.partnerships)
        else {
            throw ProblemDetails(
                status: .forbidden, title: "Forbidden",
                detail: "A partnership coordinator writes for the communities of their own partnerships only.")
        }
    }
}

extension NeedsStore.Refusal {
    /// The refusal as the problem a caller reads.
    func problem(title: String) -> ProblemDetails {
        switch self {
        case .notFound(let what): ProblemDetails.notFound(what)
        case .conflict(let detail): ProblemDetails(status: .conflict, title: title, detail: detail)
        case .invalid(let invalid): ProblemDetails.invalid(invalid, title: title)
        }
    }
}

extension FundingStore.Refusal {
    func problem(title: String) -> ProblemDetails {
        switch self {
        case .notFound(let what): ProblemDetails.notFound(what)
        case .conflict(let detail): ProblemDetails(status: .conflict, title: title, detail: detail)
        case .invalid(let invalid): ProblemDetails.invalid(invalid, title: title)
        case .overCost(let refusal):
            ProblemDetails(
                status: .conflict, title: "Past the item's estimated cost", detail: refusal.explanation,
                invalidParams: [
                    .init(
                        name: "amount",
                        reason: "at most \(max(0, refusal.cost.amount - refusal.alreadyCommitted)) more can be committed to this item")
                ])
        }
    }
}

/// The validated value, or the 422 naming every invalid field.
func checked<Value>(_ result: Result<Value, InvalidInput>, title: String) throws -> Value {
    switch result {
    case .success(let value): return value
    case .failure(let invalid): throw ProblemDetails.invalid(invalid, title: title)
    }
}
