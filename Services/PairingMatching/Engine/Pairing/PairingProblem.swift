/// A validated request, indexed for the solvers: communities sorted by id and every candidate
/// pair in a flat row-major matrix (impacted rows, supporting columns).
///
/// Sorting by id first makes every result independent of the order of the input arrays.
struct PairingProblem: Sendable {
    let parameters: PairingParameters
    let impacted: [ImpactedCommunity]
    let supporting: [SupportingCommunity]
    let impactedIndex: [CommunityID: Int]
    let supportingIndex: [CommunityID: Int]
    /// Partners each impacted community needs, locked ones included.
    let partnersNeeded: [Int]
    /// Pairings each supporting community's yearly budget pays for.
    let budgetPairings: [Int]
    /// Pairings each supporting community can take: the smaller of its stated capacity and
    /// what its budget pays for.
    let capacity: [Int]
    let isForbidden: [Bool]
    let isLocked: [Bool]
    let wasPrevious: [Bool]
    /// Previous pairings whose communities are no longer in the request.
    let previousOutsideRequest: [CommunityPair]
    let lockedCount: (impacted: [Int], supporting: [Int])
    let scorer: PairScorer
    /// Score of every candidate pair.
    let totals: [ScorePoints]
    let rankings: CommunityRankings

    var impactedCount: Int { impacted.count }
    var supportingCount: Int { supporting.count }

    func cell(_ i: Int, _ s: Int) -> Int { i * supporting.count + s }

    func pair(_ i: Int, _ s: Int) -> CommunityPair {
        CommunityPair(impacted: impacted[i].id, supporting: supporting[s].id)
    }

    /// Whether supporting community `s` is held back by its budget rather than by its stated
    /// pairing capacity.
    func isBudgetBound(_ s: Int) -> Bool {
        budgetPairings[s] < supporting[s].pairingCapacity
    }

    init(_ request: PairingRequest) throws {
        let parameters = request.parameters
        try Self.validate(parameters)
        let currency = parameters.yearlyCommitment.currency
        self.parameters = parameters

        let impacted = request.impacted.sorted { $0.id < $1.id }
        let supporting = request.supporting.sorted { $0.id < $1.id }
        self.impacted = impacted
        self.supporting = supporting
        let impactedIndex = try Self.index(impacted.map(\.id), side: "impacted communities")
        let supportingIndex = try Self.index(
            supporting.map(\.id), side: "supporting communities")
        self.impactedIndex = impactedIndex
        self.supportingIndex = supportingIndex
        if let both = impacted.first(where: { supportingIndex[$0.id] != nil }) {
            throw PairingInputError(
                .duplicateID,
                "community id '\(both.id)' is both an impacted and a supporting community")
        }

        for community in impacted {
            try Self.validate(community, currency: currency)
        }
        for community in supporting {
            try Self.validate(community, currency: currency)
        }

        let partnersNeeded = impacted.map {
            $0.partnersNeeded ?? parameters.partnersPerImpactedCommunity
        }
        self.partnersNeeded = partnersNeeded
        let budgetPairings = supporting.map {
            Int($0.yearlyBudget.minorUnits / parameters.yearlyCommitment.minorUnits)
        }
        self.budgetPairings = budgetPairings
        let capacity = zip(supporting, budgetPairings).map { min($0.pairingCapacity, $1) }
        self.capacity = capacity

        let cells = impacted.count * supporting.count
        let columns = supporting.count
        func cellOf(_ pair: CommunityPair, _ list: String) throws -> Int {
            guard let i = impactedIndex[pair.impacted] else {
                throw PairingInputError(
                    .unknownID,
                    "\(list) pair \(pair) names impacted community '\(pair.impacted)', "
                        + "which is not among the impacted communities of the request")
            }
            guard let s = supportingIndex[pair.supporting] else {
                throw PairingInputError(
                    .unknownID,
                    "\(list) pair \(pair) names supporting community '\(pair.supporting)', "
                        + "which is not among the supporting communities of the request")
            }
            return i * columns + s
        }

        var isForbidden = Array(repeating: false, count: cells)
        for pair in request.forbidden {
            let cell = try cellOf(pair, "forbidden")
            guard !isForbidden[cell] else {
                throw PairingInputError(.duplicatePair, "forbidden pair \(pair) is listed twice")
            }
            isForbidden[cell] = true
        }
        self.isForbidden = isForbidden

        var isLocked = Array(repeating: false, count: cells)
        var lockedImpacted = Array(repeating: 0, count: impacted.count)
        var lockedSupporting = Array(repeating: 0, count: supporting.count)
        for pair in request.locked {
            let cell = try cellOf(pair, "locked")
            guard !isLocked[cell] else {
                throw PairingInputError(.duplicatePair, "locked pair \(pair) is listed twice")
            }
            guard !isForbidden[cell] else {
                throw PairingInputError(
                    .lockOnForbiddenPair,
                    "pair \(pair) is both locked and forbidden; remove the lock or the prohibition")
            }
            isLocked[cell] = true
            lockedImpacted[cell / columns] += 1
            lockedSupporting[cell % columns] += 1
        }
        for (i, count) in lockedImpacted.enumerated() where count > partnersNeeded[i] {
            throw PairingInputError(
                .lockExceedsPartnersNeeded,
                "impacted community '\(impacted[i].id)' has \(count) locked pairs but needs only "
                    + "\(partnersNeeded[i]) partner(s); raise its partners needed or unlock a pair")
        }
        for (s, count) in lockedSupporting.enumerated() {
            let community = supporting[s]
            if count > community.pairingCapacity {
                throw PairingInputError(
                    .lockExceedsCapacity,
                    "supporting community '\(community.id)' has \(count) locked pairs but can take "
                        + "only \(community.pairingCapacity) pairing(s); raise its capacity or "
                        + "unlock a pair")
            }
            if count > budgetPairings[s] {
                throw PairingInputError(
                    .lockExceedsBudget,
                    "supporting community '\(community.id)' has \(count) locked pairs but its "
                        + "yearly budget of \(community.yearlyBudget.minorUnits) "
                        + "\(currency) minor units pays for only \(budgetPairings[s]) at "
                        + "\(parameters.yearlyCommitment.minorUnits) each; raise the budget or "
                        + "unlock a pair")
            }
        }
        self.isLocked = isLocked
        self.lockedCount = (lockedImpacted, lockedSupporting)

        var wasPrevious = Array(repeating: false, count: cells)
        var outside: [CommunityPair] = []
        var seenPrevious = Set<CommunityPair>()
        for pair in request.previous {
            guard seenPrevious.insert(pair).inserted else {
                throw PairingInputError(.duplicatePair, "previous pair \(pair) is listed twice")
            }
            if let i = impactedIndex[pair.impacted], let s = supportingIndex[pair.supporting] {
                wasPrevious[i * columns + s] = true
            } else {
                outside.append(pair)
            }
        }
        self.wasPrevious = wasPrevious
        self.previousOutsideRequest = outside.sorted()

        try Self.validate(
            request.rankings, impactedIndex: impactedIndex, supportingIndex: supportingIndex)
        self.rankings = request.rankings

        let capacityLeft = zip(capacity, lockedSupporting).map { $0 - $1 }
        let scorer = PairScorer(
            impacted: impacted, supporting: supporting, capacityLeft: capacityLeft,
            parameters: parameters)
        self.scorer = scorer
        var totals = Array(repeating: ScorePoints.zero, count: cells)
        for i in impacted.indices {
            for s in supporting.indices {
                totals[i * columns + s] = scorer.total(i, s)
            }
        }
        self.totals = totals
    }

    // MARK: Validation

    private static func index(_ ids: [CommunityID], side: String) throws -> [CommunityID: Int] {
        var index: [CommunityID: Int] = [:]
        for (position, id) in ids.enumerated() {
            guard !id.rawValue.isEmpty else {
                throw PairingInputError(.invalidParameter, "one of the \(side) has an empty id")
            }
            guard index.updateValue(position, forKey: id) == nil else {
                throw PairingInputError(
                    .duplicateID, "community id '\(id)' appears twice among the \(side)")
            }
        }
        return index
    }

    private static func validate(_ parameters: PairingParameters) throws {
        let commitment = parameters.yearlyCommitment
        guard commitment.currency.isWellFormed else {
            throw PairingInputError(
                .malformedCurrency,
                "yearly commitment currency '\(commitment.currency)' is not an ISO 4217 code")
        }
        guard commitment.minorUnits > 0 else {
            throw PairingInputError(
                .invalidParameter,
                "yearly commitment must be positive, got \(commitment.minorUnits) minor units")
        }
        guard parameters.years >= 1 else {
            throw PairingInputError(
                .invalidParameter, "years must be at least 1, got \(parameters.years)")
        }
        guard parameters.partnersPerImpactedCommunity >= 0 else {
            throw PairingInputError(
                .invalidParameter,
                "partners per impacted community must not be negative, got "
                    + "\(parameters.partnersPerImpactedCommunity)")
        }
        let (_, overflow) = commitment.minorUnits.multipliedReportingOverflow(
            by: Int64(parameters.years))
        guard !overflow else {
            throw PairingInputError(
                .invalidParameter, "yearly commitment times years does not fit in 64 bits")
        }
        for factor in ScoringFactor.allCases {
            let weight = parameters.weights[factor]
            guard weight.isFinite, weight >= 0, weight <= ScoringWeights.maximum else {
                throw PairingInputError(
                    .invalidWeight,
                    "weight of \(factor.rawValue) is \(weight); weights must be finite numbers "
                        + "from 0 to \(ScoringWeights.maximum)")
            }
        }
        guard parameters.workingHours.isValid else {
            throw PairingInputError(
                .invalidWorkingHours,
                "working hours \(parameters.workingHours.startMinute)-"
                    + "\(parameters.workingHours.endMinute) must be distinct minutes within a day")
        }
    }

    private static func validate(_ community: ImpactedCommunity, currency: CurrencyCode) throws {
        let id = community.id
        if let needed = community.partnersNeeded, needed < 0 {
            throw PairingInputError(
                .invalidParameter,
                "impacted community '\(id)' needs \(needed) partners; the number must not be "
                    + "negative")
        }
        guard community.residents >= 0 else {
            throw PairingInputError(
                .invalidParameter,
                "impacted community '\(id)' has \(community.residents) residents")
        }
        try validate(community.utcOffset, of: id)
        try validate(community.languages, of: id)
        var total: Int64 = 0
        for need in community.needs {
            guard need.estimatedCost.currency == currency else {
                throw PairingInputError(
                    .currencyMismatch,
                    "need '\(need.category)' of impacted community '\(id)' is estimated in "
                        + "\(need.estimatedCost.currency), but the commitment is in \(currency); "
                        + "convert it before matching")
            }
            guard need.estimatedCost.minorUnits >= 0 else {
                throw PairingInputError(
                    .negativeCost,
                    "need '\(need.category)' of impacted community '\(id)' has a negative "
                        + "estimated cost (\(need.estimatedCost.minorUnits) minor units)")
            }
            let (sum, overflow) = total.addingReportingOverflow(need.estimatedCost.minorUnits)
            guard !overflow else {
                throw PairingInputError(
                    .invalidParameter,
                    "estimated needs of impacted community '\(id)' add up past 64 bits")
            }
            total = sum
        }
    }

    private static func validate(_ community: SupportingCommunity, currency: CurrencyCode) throws {
        let id = community.id
        guard community.pairingCapacity >= 0 else {
            throw PairingInputError(
                .negativeCapacity,
                "supporting community '\(id)' has a negative pairing capacity "
                    + "(\(community.pairingCapacity))")
        }
        guard community.yearlyBudget.currency == currency else {
            throw PairingInputError(
                .currencyMismatch,
                "yearly budget of supporting community '\(id)' is in "
                    + "\(community.yearlyBudget.currency), but the commitment is in \(currency); "
                    + "convert it before matching")
        }
        guard community.yearlyBudget.minorUnits >= 0 else {
            throw PairingInputError(
                .negativeBudget,
                "supporting community '\(id)' has a negative yearly budget "
                    + "(\(community.yearlyBudget.minorUnits) minor units)")
        }
        try validate(community.utcOffset, of: id)
        try validate(community.languages, of: id)
    }

    private static func validate(_ offset: UTCOffset, of id: CommunityID) throws {
        guard UTCOffset.validMinutes.contains(offset.minutes) else {
            throw PairingInputError(
                .invalidUTCOffset,
                "community '\(id)' has a UTC offset of \(offset.minutes) minutes; offsets run "
                    + "from -720 to +840")
        }
    }

    private static func validate(_ languages: Set<LanguageCode>, of id: CommunityID) throws {
        if languages.contains(where: { $0.code.isEmpty }) {
            throw PairingInputError(
                .invalidLanguage, "community '\(id)' lists an empty language code")
        }
    }

    private static func validate(
        _ rankings: CommunityRankings, impactedIndex: [CommunityID: Int],
        supportingIndex: [CommunityID: Int]
    ) throws {
        for (owner, ranking) in rankings.byCommunity.sorted(by: { $0.key < $1.key }) {
            let others: [CommunityID: Int]
            if impactedIndex[owner] != nil {
                others = supportingIndex
            } else if supportingIndex[owner] != nil {
                others = impactedIndex
            } else {
                throw PairingInputError(
                    .invalidRanking,
                    "there is a ranking for community '\(owner)', which is not in the request")
            }
            var seen = Set<CommunityID>()
            for candidate in ranking {
                guard others[candidate] != nil else {
                    throw PairingInputError(
                        .invalidRanking,
                        "the ranking of '\(owner)' lists '\(candidate)', which is not a "
                            + "community on the other side of the request")
                }
                guard seen.insert(candidate).inserted else {
                    throw PairingInputError(
                        .invalidRanking,
                        "the ranking of '\(owner)' lists '\(candidate)' twice")
                }
            }
        }
    }
}
