/// The score of every candidate pair of a request, forbidden ones included, so that a
/// coordinator can see why one candidate was preferred to another.
public struct CandidateScores: Sendable {
    private let problem: PairingProblem

    /// Validates `request` exactly as the pairing modes do, and scores its pairs.
    ///
    /// - Throws: `PairingInputError` for an inconsistent request.
    public init(_ request: PairingRequest) throws {
        problem = try PairingProblem(request)
    }

    /// Impacted communities in id order.
    public var impacted: [CommunityID] { problem.impacted.map(\.id) }

    /// Supporting communities in id order.
    public var supporting: [CommunityID] { problem.supporting.map(\.id) }

    /// The total score of `pair`, or `nil` if either community is not in the request.
    public func total(of pair: CommunityPair) -> ScorePoints? {
        guard let (i, s) = indices(of: pair) else { return nil }
        return problem.totals[problem.cell(i, s)]
    }

    /// The factor breakdown of `pair`, or `nil` if either community is not in the request.
    public func score(of pair: CommunityPair) -> PairScore? {
        guard let (i, s) = indices(of: pair) else { return nil }
        return problem.scorer.score(i, s)
    }

    private func indices(of pair: CommunityPair) -> (Int, Int)? {
        guard let i = problem.impactedIndex[pair.impacted],
            let s = problem.supportingIndex[pair.supporting]
        else { return nil }
        return (i, s)
    }
}
