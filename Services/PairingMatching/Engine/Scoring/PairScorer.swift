/// Scores candidate pairs. Totals for the optimizer and breakdowns for explanations come from
/// the same fractions, so an explanation always adds up to the score that was optimized.
struct PairScorer: Sendable {
    private struct ImpactedProfile: Sendable {
        var needCostByCategory: [(category: NeedCategory, cost: Int64)]
        var totalNeedCost: Int64
        var window: WorkingWindow
    }

    private let impacted: [ImpactedCommunity]
    private let supporting: [SupportingCommunity]
    private let impactedProfiles: [ImpactedProfile]
    private let supportingWindows: [WorkingWindow]
    private let capacityLeft: [Int]
    private let largestCapacityLeft: Int
    private let weights: ScoringWeights
    private let workingHours: WorkingHours

    /// `capacityLeft[s]` is how many pairings supporting community `s` can still take once its
    /// locked pairs are counted. Need costs must already be validated (same currency, no overflow).
    init(
        impacted: [ImpactedCommunity], supporting: [SupportingCommunity], capacityLeft: [Int],
        parameters: PairingParameters
    ) {
        self.impacted = impacted
        self.supporting = supporting
        self.weights = parameters.weights
        self.workingHours = parameters.workingHours
        self.capacityLeft = capacityLeft
        self.largestCapacityLeft = capacityLeft.max() ?? 0
        self.impactedProfiles = impacted.map { community in
            var byCategory: [NeedCategory: Int64] = [:]
            for need in community.needs {
                byCategory[need.category, default: 0] += need.estimatedCost.minorUnits
            }
            let sorted = byCategory.sorted { $0.key < $1.key }.map {
                (category: $0.key, cost: $0.value)
            }
            return ImpactedProfile(
                needCostByCategory: sorted,
                totalNeedCost: sorted.reduce(0) { $0 + $1.cost },
                window: WorkingWindow(hours: parameters.workingHours, offset: community.utcOffset))
        }
        self.supportingWindows = supporting.map {
            WorkingWindow(hours: parameters.workingHours, offset: $0.utcOffset)
        }
    }

    /// The total score of impacted community `i` with supporting community `s`.
    func total(_ i: Int, _ s: Int) -> ScorePoints {
        ScoringFactor.allCases.reduce(.zero) { sum, factor in
            sum + ScorePoints(points: weights[factor] * fraction(factor, i, s))
        }
    }

    /// The score of impacted community `i` with supporting community `s`, factor by factor.
    func score(_ i: Int, _ s: Int) -> PairScore {
        PairScore(
            contributions: ScoringFactor.allCases.map { factor in
                let fraction = fraction(factor, i, s)
                return FactorContribution(
                    factor: factor, fraction: fraction, weight: weights[factor],
                    points: ScorePoints(points: weights[factor] * fraction),
                    note: note(factor, i, s))
            })
    }

    private func fraction(_ factor: ScoringFactor, _ i: Int, _ s: Int) -> Double {
        switch factor {
        case .existingPartnership:
            return supporting[s].partnershipRegions.contains(impacted[i].region) ? 1 : 0
        case .needsFit:
            let profile = impactedProfiles[i]
            guard profile.totalNeedCost > 0 else { return 0 }
            var credited = 0.0
            for (category, cost) in profile.needCostByCategory {
                credited += Double(cost) * credit(for: category, from: supporting[s])
            }
            return credited / Double(profile.totalNeedCost)
        case .sharedLanguage:
            return impacted[i].languages.isDisjoint(with: supporting[s].languages) ? 0 : 1
        case .workingHoursOverlap:
            return Double(overlapMinutes(i, s)) / Double(workingHours.length)
        case .capacityLeft:
            guard largestCapacityLeft > 0 else { return 0 }
            return Double(capacityLeft[s]) / Double(largestCapacityLeft)
        }
    }

    /// Strengths count in full, focus areas by half: a focus area is a wish, a strength is a
    /// track record.
    private func credit(for category: NeedCategory, from community: SupportingCommunity) -> Double {
        if community.strengths.contains(category) { return 1 }
        if community.focusAreas.contains(category) { return 0.5 }
        return 0
    }

    private func overlapMinutes(_ i: Int, _ s: Int) -> Int {
        impactedProfiles[i].window.intersection(supportingWindows[s]).minuteCount
    }

    private func note(_ factor: ScoringFactor, _ i: Int, _ s: Int) -> String {
        let region = impacted[i].region
        switch factor {
        case .existingPartnership:
            return supporting[s].partnershipRegions.contains(region)
                ? "already in partnership with \(region)"
                : "no partnership with \(region) yet"
        case .needsFit:
            let profile = impactedProfiles[i]
            guard profile.totalNeedCost > 0 else { return "no assessed needs yet" }
            let strengths = profile.needCostByCategory.map(\.category).filter {
                supporting[s].strengths.contains($0)
            }
            let focus = profile.needCostByCategory.map(\.category).filter {
                !supporting[s].strengths.contains($0) && supporting[s].focusAreas.contains($0)
            }
            if strengths.isEmpty && focus.isEmpty {
                return "no assessed need in its strengths or focus areas"
            }
            var parts: [String] = []
            if !strengths.isEmpty {
                parts.append("strengths cover \(strengths.map(\.rawValue).joined(separator: ", "))")
            }
            if !focus.isEmpty {
                parts.append("focus areas cover \(focus.map(\.rawValue).joined(separator: ", "))")
            }
            let percent = Int((fraction(.needsFit, i, s) * 100).rounded())
            return parts.joined(separator: "; ") + " (\(percent)% credit on estimated need cost)"
        case .sharedLanguage:
            let shared = impacted[i].languages.intersection(supporting[s].languages).sorted()
            return shared.isEmpty
                ? "no shared language"
                : "shared languages: \(shared.map(\.code).joined(separator: ", "))"
        case .workingHoursOverlap:
            let minutes = overlapMinutes(i, s)
            let rest = minutes % 60
            return "\(minutes / 60)h\(rest < 10 ? "0" : "")\(rest) of shared working hours "
                + "(\(impacted[i].utcOffset) and \(supporting[s].utcOffset), \(workingHours) local)"
        case .capacityLeft:
            return "can take \(capacityLeft[s]) more pairing(s); the roomiest candidate can take "
                + "\(largestCapacityLeft)"
        }
    }
}
