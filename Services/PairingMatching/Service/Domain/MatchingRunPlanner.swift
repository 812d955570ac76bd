import Contracts
import Foundation
import PairingEngine

/// Turns the read model and a run's parameters into the engine's request, runs the engine and
/// writes down the whole run. Pure: the instant and the ids come in.
///
/// The rules the service adds to the engine's (README, "pairing matching"):
/// - every Israeli locality is an impacted community needing one partner (more when it already
///   has more confirmed pairings); every global community is a supporting one that can take
///   one new pairing (or as many as it already has confirmed) and whose budget pays for it:
///   the registry does not announce needs or funding yet, so needs-fit scores nothing and
///   budgets never bind;
/// - a global community's partnership regions are the regions of the Israeli communities it
///   shares a partnership with on the reference day (stays that began and have not ended);
/// - confirmed pairings and the run's `keep` pairs are locked; rejected pairs not released and
///   the run's `forbid` pairs are forbidden; the previous run's pairs are kept where the
///   optimum allows, so a new run moves as few proposals as it can.
enum MatchingRunPlanner {
    /// What Communities2Gether asks of a supporting community: $250,000 a year.
    static let communities2GetherCommitment = Money(minorUnits: 25_000_000, currency: .usd)
    /// Partnership2Gether pairings commit no money; the engine still counts pairings against a
    /// budget, which the service sets so that it never binds.
    static let noCommitment = Money(minorUnits: 1, currency: .usd)
    static let years = 3

    /// The request the engine gets, with the communities as they entered it.
    struct Prepared: Sendable {
        var request: PairingRequest
        var inputs: MatchingRun.Inputs
        var parameters: MatchingRun.Parameters
    }

    static func prepare(_ parameters: RunParameters, snapshot: ReadModelSnapshot, at instant: Date) -> Result<Prepared, InvalidInput> {
        let commitment = parameters.program == .communities2gether ? communities2GetherCommitment : noCommitment
        let byID = Dictionary(snapshot.communities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let impactedCommunities = snapshot.communities.filter { $0.kind == .israeliLocality }
        let supportingCommunities = snapshot.communities.filter { $0.kind == .globalCommunity }

        var invalid: [InvalidInput.InvalidField] = []
        for (name, pairs) in [("keep", parameters.keep), ("forbid", parameters.forbid)] {
            for (index, pair) in pairs.enumerated() {
                if byID[pair.impactedCommunityId]?.kind != .israeliLocality {
                    invalid.append(
                        .init(name: "\(name)[\(index)].impactedCommunityId", reason: "is not an Israeli community the service knows"))
                }
                if byID[pair.supportingCommunityId]?.kind != .globalCommunity {
                    invalid.append(
                        .init(name: "\(name)[\(index)].supportingCommunityId", reason: "is not a global community the service knows"))
                }
            }
        }
        let rejected = Set(snapshot.rejected)
        let confirmed = Set(snapshot.confirmed.map(\.pair))
        for (index, pair) in parameters.keep.enumerated() where rejected.contains(pair) {
            invalid.append(.init(name: "keep[\(index)]", reason: "was rejected; release it before keeping it"))
        }
        for (index, pair) in parameters.forbid.enumerated() where confirmed.contains(pair) {
            invalid.append(.init(name: "forbid[\(index)]", reason: "is a confirmed pairing"))
        }
        guard invalid.isEmpty else { return .failure(InvalidInput("the matching cannot be run", invalidFields: invalid)) }

        let locked = uniqued(snapshot.confirmed.map(\.pair) + parameters.keep)
        let forbidden = uniqued(snapshot.rejected + parameters.forbid)
        let lockedPerImpacted = Dictionary(grouping: locked, by: \.impactedCommunityId).mapValues(\.count)
        let lockedPerSupporting = Dictionary(grouping: locked, by: \.supportingCommunityId).mapValues(\.count)

        let day = calendarDay(of: instant)
        let regionsOf = partnershipRegions(snapshot: snapshot, byID: byID, on: day)

        var inputImpacted: [MatchingRun.Community] = []
        var engineImpacted: [ImpactedCommunity] = []
        for community in impactedCommunities {
            let offset = utcOffset(community.timeZone, at: instant)
            let needed = max(1, lockedPerImpacted[community.id] ?? 0)
            inputImpacted.append(
                MatchingRun.Community(
                    communityId: community.id, name: community.name, region: community.region, timeZone: community.timeZone,
                    utcOffsetMinutes: offset.minutes, languages: community.languages, partnersNeeded: needed))
            engineImpacted.append(
                ImpactedCommunity(
                    id: communityID(community.id), name: community.name, region: IsraeliRegion(community.region),
                    languages: languageCodes(community.languages), utcOffset: offset, partnersNeeded: needed))
        }
        var inputSupporting: [MatchingRun.Community] = []
        var engineSupporting: [SupportingCommunity] = []
        for community in supportingCommunities {
            let offset = utcOffset(community.timeZone, at: instant)
            let capacity = max(1, lockedPerSupporting[community.id] ?? 0)
            let budget = Money(minorUnits: commitment.minorUnits * Int64(capacity), currency: commitment.currency)
            let regions = (regionsOf[community.id] ?? []).sorted()
            inputSupporting.append(
                MatchingRun.Community(
                    communityId: community.id, name: community.name, region: community.region, timeZone: community.timeZone,
                    utcOffsetMinutes: offset.minutes, languages: community.languages, partnershipRegions: regions,
                    pairingCapacity: capacity,
                    yearlyBudget: Contracts.Money(amount: Int(budget.minorUnits), currency: budget.currency.rawValue))
            )
            engineSupporting.append(
                SupportingCommunity(
                    id: communityID(community.id), name: community.name, yearlyBudget: budget, pairingCapacity: capacity,
                    partnershipRegions: Set(regions.map(IsraeliRegion.init)), languages: languageCodes(community.languages),
                    utcOffset: offset))
        }

        let engineParameters = PairingParameters(
            yearlyCommitment: commitment, years: years, partnersPerImpactedCommunity: 1, weights: parameters.weights)
        let request = PairingRequest(
            impacted: engineImpacted, supporting: engineSupporting, parameters: engineParameters, locked: locked.map(communityPair),
            forbidden: forbidden.map(communityPair), previous: snapshot.previous.map(communityPair))
        let weights = parameters.weights
        return .success(
            Prepared(
                request: request,
                inputs: MatchingRun.Inputs(
                    referenceInstant: instant, impacted: inputImpacted, supporting: inputSupporting,
                    confirmed: snapshot.confirmed.map(\.pair),
                    rejected: snapshot.rejected, previousRunId: snapshot.previousRunId?.uuidString.lowercased(), previous: snapshot.previous
                ),
                parameters: MatchingRun.Parameters(
                    weights: RunMatching.Weights(
                        existingPartnership: weights.existingPartnership, needsFit: weights.needsFit,
                        sharedLanguage: weights.sharedLanguage,
                        workingHoursOverlap: weights.workingHoursOverlap, capacityLeft: weights.capacityLeft),
                    keep: parameters.keep, forbid: parameters.forbid,
                    yearlyCommitment: Contracts.Money(amount: Int(commitment.minorUnits), currency: commitment.currency.rawValue),
                    years: years,
                    partnersPerImpactedCommunity: 1, workingHours: engineParameters.workingHours.description)))
    }

    /// Runs the engine on `prepared` and writes down the run; each pairing that is not already
    /// confirmed gets a new pairing id from `newPairingID`.
    static func run(
        _ prepared: Prepared, parameters: RunParameters, snapshot: ReadModelSnapshot, id: UUID, startedBy: String, at instant: Date,
        newPairingID: () -> UUID
    ) throws -> MatchingRun {
        let result: PairingResult
        switch parameters.mode {
        case .optimal: result = try OptimalPairing.run(prepared.request)
        case .stable:
            result = try StablePairing.run(prepared.request, proposing: parameters.proposing == .impacted ? .impacted : .supporting)
        }
        let confirmedIDs = Dictionary(snapshot.confirmed.map { ($0.pair, $0.pairingId) }, uniquingKeysWith: { first, _ in first })
        let requested = Set(parameters.keep)
        let pairings = result.pairings.map { pairing -> MatchingRun.ProposedPairing in
            let pair = runPair(pairing.pair)
            let confirmedID = confirmedIDs[pair]
            let origin =
                if confirmedID != nil { "confirmed" } else if requested.contains(pair) { "requested" } else {
                    pairing.origin == .kept ? "kept" : "new"
                }
            return MatchingRun.ProposedPairing(
                pairingId: confirmedID ?? newPairingID(), impactedCommunityId: pair.impactedCommunityId,
                supportingCommunityId: pair.supportingCommunityId, origin: origin, score: pairing.score.total.points,
                factors: pairing.score.contributions.map {
                    MatchingRun.Factor(
                        factor: $0.factor.rawValue, fraction: $0.fraction, weight: $0.weight, points: $0.points.points, note: $0.note)
                })
        }
        return MatchingRun(
            id: id, runKey: parameters.runKey, program: parameters.program, mode: parameters.mode,
            proposing: parameters.mode == .stable ? parameters.proposing : nil, engineVersion: EngineVersion.current, startedBy: startedBy,
            startedAt: instant, parameters: prepared.parameters, inputs: prepared.inputs,
            result: MatchingRun.Outcome(
                pairings: pairings, totalScore: result.totalScore.points,
                unpaired: result.unpaired.map { unpaired in
                    MatchingRun.Unpaired(
                        communityId: uuid(unpaired.community), side: unpaired.side.rawValue, partnersMissing: unpaired.partnersMissing,
                        reason: unpaired.reason.rawValue,
                        candidates: unpaired.candidates.map {
                            MatchingRun.Candidate(communityId: uuid($0.candidate), state: $0.state.rawValue)
                        })
                },
                blockingPairs: result.blockingPairs.map { blocking in
                    MatchingRun.Blocking(
                        impactedCommunityId: uuid(blocking.pair.impacted), supportingCommunityId: uuid(blocking.pair.supporting),
                        score: blocking.score.points, impactedWouldDrop: blocking.impactedWouldDrop?.rawValue,
                        supportingWouldDrop: blocking.supportingWouldDrop?.rawValue)
                },
                noBlockingPairs: result.blockingPairs.isEmpty,
                churn: MatchingRun.Churn(
                    kept: result.changes.kept.map(runPair), added: result.changes.added.map(runPair),
                    removed: result.changes.removed.map(runPair))))
    }

    static func communityID(_ id: UUID) -> CommunityID { CommunityID(id.uuidString.lowercased()) }

    /// Ids the engine got from `communityID`, so always UUIDs.
    static func uuid(_ id: CommunityID) -> UUID { UUID(uuidString: id.rawValue) ?? UUID() }

    static func communityPair(_ pair: RunMatching.Pair) -> CommunityPair {
        CommunityPair(impacted: communityID(pair.impactedCommunityId), supporting: communityID(pair.supportingCommunityId))
    }

    static func runPair(_ pair: CommunityPair) -> RunMatching.Pair {
        RunMatching.Pair(impactedCommunityId: uuid(pair.impacted), supportingCommunityId: uuid(pair.supporting))
    }

    /// Language tags as the engine compares them: the primary subtag, `en-US` → `en`.
    static func languageCodes(_ tags: [String]) -> Set<LanguageCode> {
        Set(tags.compactMap { tag in tag.split(separator: "-").first.map { LanguageCode(String($0)) } })
    }

    /// The offset of an IANA time zone at `instant`; UTC for a zone this system does not know.
    static func utcOffset(_ timeZone: String, at instant: Date) -> UTCOffset {
        TimeZone(identifier: timeZone).map { UTCOffset(timeZone: $0, at: instant) } ?? .utc
    }

    /// The day of `instant` in UTC.
    static func calendarDay(of instant: Date) -> CalendarDate? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// For each global community, the regions of the Israeli communities it shares a
    /// partnership with on `day`.
    static func partnershipRegions(
        snapshot: ReadModelSnapshot, byID: [UUID: ReadModelSnapshot.Community], on day: CalendarDate?
    ) -> [UUID: Set<String>] {
        guard let day else { return [:] }
        let current = snapshot.stays.filter { $0.joinedOn <= day && ($0.leftOn.map { day < $0 } ?? true) }
        let members = Dictionary(grouping: current, by: \.partnershipId)
        var regions: [UUID: Set<String>] = [:]
        for stays in members.values {
            let israeli = stays.compactMap { byID[$0.communityId] }.filter { $0.kind == .israeliLocality }.map(\.region)
            for stay in stays where byID[stay.communityId]?.kind == .globalCommunity {
                regions[stay.communityId, default: []].formUnion(israeli)
            }
        }
        return regions
    }

    private static func uniqued(_ pairs: [RunMatching.Pair]) -> [RunMatching.Pair] {
        var seen: Set<RunMatching.Pair> = []
        return pairs.filter { seen.insert($0).inserted }
    }
}
