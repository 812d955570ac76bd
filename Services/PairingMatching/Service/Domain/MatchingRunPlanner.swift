import Contracts
import Foundation
import PairingEngine

/// Turns the read model and a run's parameters into the engine's request, runs the engine and
/// writes down the whole run. Pure: the instant and the ids come in.
///
/// The rules the service adds to the engine's (README, "pairing matching"):
/// - every Israeli locality is an impacted community needing one partner (more when it already
///   has more confirmed pairings); every global community is a supporting one that can take
///   one new pairing (or as many as it already has confirmed) and whose budget pays for it;
/// - Communities2Gether: funding a global community committed beyond the program's confirmed
///   pairings (`registry.funding-committed.v1`, in the commitment's currency, while it runs: a
///   pairing's yearly amount for its years, any other flow for a year from its day) comes off
///   that budget, so a community whose commitments already use it is proposed for nothing new,
///   and the run's unpaired reasons say so (`budgetBelowCommitment`, `budgetExhausted`);
/// - needs assessments (`registry.needs-assessment-submitted.v1`) are recorded in the run's
///   inputs; they name no need categories, so the engine's needs-fit factor scores nothing;
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
        let confirmedPairingIDs = Set(snapshot.confirmed.map(\.pairingId))
        let regionsOf = partnershipRegions(snapshot: snapshot, byID: byID, on: day)

        var inputImpacted: [MatchingRun.Community] = []
        var engineImpacted: [ImpactedCommunity] = []
        for community in impactedCommunities {
            let offset = utcOffset(community.timeZone, at: instant)
            let needed = max(1, lockedPerImpacted[community.id] ?? 0)
            inputImpacted.append(
                MatchingRun.Community(
                    communityId: community.id, name: community.name, region: community.region, timeZone: community.timeZone,
                    utcOffsetMinutes: offset.minutes, languages: community.languages, partnersNeeded: needed,
                    needsAssessment: snapshot.needs[community.id]))
            engineImpacted.append(
                ImpactedCommunity(
                    id: communityID(community.id), name: community.name, region: IsraeliRegion(community.region),
                    languages: languageCodes(community.languages), utcOffset: offset, partnersNeeded: needed))
        }
        var inputSupporting: [MatchingRun.Community] = []
        var engineSupporting: [SupportingCommunity] = []
        for community in supportingCommunities {
            let offset = utcOffset(community.timeZone, at: instant)
            let lockedHere = lockedPerSupporting[community.id] ?? 0
            let capacity = max(1, lockedHere)
            let committed =
                parameters.program == .communities2gether
                ? committedElsewhere(
                    snapshot.commitments, by: community.id, currency: commitment.currency.rawValue, excluding: confirmedPairingIDs,
                    on: day) : 0
            // Locked pairings are always paid for; commitments elsewhere take the rest.
            let budget = Money(
                minorUnits: max(commitment.minorUnits * Int64(lockedHere), commitment.minorUnits * Int64(capacity) - committed),
                currency: commitment.currency)
            let regions = (regionsOf[community.id] ?? []).sorted()
            inputSupporting.append(
                MatchingRun.Community(
                    communityId: community.id, name: community.name, region: community.region, timeZone: community.timeZone,
                    utcOffsetMinutes: offset.minutes, languages: community.languages, partnershipRegions: regions,
                    pairingCapacity: capacity,
                    yearlyBudget: Contracts.Money(amount: Int(budget.minorUnits), currency: budget.currency.rawValue),
                    committedFunding: committed > 0 ? Contracts.Money(amount: Int(committed), currency: commitment.currency.rawValue) : nil)
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
                    rejected: snapshot.rejected, previousRunId: snapshot.previousRunId?.uuidString.lowercased(),
                    previous: snapshot.previous,
                    needsSubmitted: impactedCommunities.filter { snapshot.needs[$0.id] != nil }.map { $0.id.uuidString.lowercased() }
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
                        reason: unpaired.reason.rawValue, explanation: fundingExplanation(unpaired, prepared: prepared),
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

    /// Yearly funding (minor units of `currency`) that `funder` has committed and that runs on
    /// `day`, leaving out the pairings in `excluding` (the program's confirmed ones, which the run
    /// counts already): a pairing's yearly amount while its years last, any other flow's amount
    /// for a year from its day. Flows in other currencies are not converted, and not counted.
    static func committedElsewhere(
        _ commitments: [ReadModelSnapshot.Commitment], by funder: UUID, currency: String, excluding: Set<UUID>, on day: CalendarDate?
    ) -> Int64 {
        guard let day else { return 0 }
        func runs(from start: CalendarDate, years: Int) -> Bool {
            let end =
                CalendarDate(year: start.year + years, month: start.month, day: start.day)
                ?? CalendarDate(year: start.year + years, month: start.month, day: 28)
            return start <= day && end.map { day < $0 } ?? false
        }
        let flows = commitments.filter { $0.funderCommunityId == funder && $0.currency == currency }
        var total: Int64 = 0
        for flow in flows where flow.pairingId == nil && runs(from: flow.committedOn, years: 1) {
            total += flow.amount
        }
        let pairings = Dictionary(grouping: flows.filter { $0.pairingId != nil }, by: { $0.pairingId ?? UUID() })
        for (pairing, years) in pairings where !excluding.contains(pairing) {
            guard let start = years.map(\.committedOn).min() else { continue }
            let count = max(years.count, years.compactMap(\.pairingYear).max() ?? 1)
            if runs(from: start, years: count) { total += years.map(\.amount).max() ?? 0 }
        }
        return total
    }

    /// Why committed funding leaves a community unpaired, in words; nil when it does not.
    static func fundingExplanation(_ unpaired: UnpairedCommunity, prepared: Prepared) -> String? {
        let supporting = Dictionary(
            prepared.inputs.supporting.map { ($0.communityId, $0) }, uniquingKeysWith: { first, _ in first })
        let commitment = prepared.parameters.yearlyCommitment
        switch unpaired.side {
        case .supporting:
            guard unpaired.reason == .budgetBelowCommitment, let community = supporting[uuid(unpaired.community)],
                let committed = community.committedFunding, let left = community.yearlyBudget
            else { return nil }
            return "the funding it has already committed (\(amount(committed)) a year) leaves \(amount(left)) a year, "
                + "less than the \(amount(commitment)) a year a pairing commits"
        case .impacted:
            let tiedUp = unpaired.candidates.filter { candidate in
                candidate.state == .budgetExhausted && supporting[uuid(candidate.candidate)]?.committedFunding != nil
            }
            guard !tiedUp.isEmpty else { return nil }
            return "\(tiedUp.count) of its candidates have already committed the funding a new pairing would need"
        }
    }

    /// `250,000.00 USD`.
    static func amount(_ money: Contracts.Money) -> String {
        let units = money.amount / 100
        let cents = abs(money.amount % 100)
        var digits = String(abs(units))
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = (money.amount < 0 ? "-" : "") + digits + grouped
        return "\(grouped).\(cents < 10 ? "0" : "")\(cents) \(money.currency)"
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
