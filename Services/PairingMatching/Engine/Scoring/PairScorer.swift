/// Scores candidate pairs. Totals for the optimizer and breakdowns for explanations come from
/// the same fractions, so an explanation always adds up to the score that was optimized.
struct PairScorer: Sendable {
    private let impacted: [ImpactedCommunity]
    private let supporting: [SupportingCommunity]
    private let capacityLeft: [Int]
    private let largestCapacityLeft: Int
    private let weights: ScoringWeights
    private let workingHours: WorkingHours

    // Every set-valued attribute is turned into small integers once, so that scoring all
    // pairs does no hashing of strings.

    /// `knowsRegion[s * regionCount + regionOfImpacted[i]]`.
    private let regionOfImpacted: [Int]
    private let regionCount: Int
    private let knowsRegion: [Bool]
    /// Each impacted community's needs by category index with their cost, and the total.
    private let needCosts: [[(category: Int, cost: Double)]]
    private let totalNeedCost: [Double]
    private let categoryCount: Int
    /// `credit[s * categoryCount + category]`: 1 for a strength, 0.5 for a focus area.
    private let credit: [Double]
    /// Language sets as bit sets of `languageWords` words each.
    private let languageWords: Int
    private let impactedLanguages: [UInt64]
    private let supportingLanguages: [UInt64]
    /// Overlap minutes by distinct offset: `overlap[impactedZone[i] * zoneCount + supportingZone[s]]`.
    private let impactedZone: [Int]
    private let supportingZone: [Int]
    private let zoneCount: Int
    private let overlap: [Int]

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

        let regions = Self.numbering(impacted.map(\.region))
        regionCount = regions.count
        regionOfImpacted = impacted.map { regions[$0.region] ?? 0 }
        var knowsRegion = [Bool](repeating: false, count: supporting.count * regions.count)
        for (s, community) in supporting.enumerated() {
            for region in community.partnershipRegions {
                if let index = regions[region] { knowsRegion[s * regions.count + index] = true }
            }
        }
        self.knowsRegion = knowsRegion

        let categories = Self.numbering(impacted.flatMap { $0.needs.map(\.category) })
        categoryCount = categories.count
        needCosts = impacted.map { community in
            // Integer sums: exact, so the order of the needs cannot change the score.
            var byCategory = [Int64](repeating: 0, count: categories.count)
            var present = [Bool](repeating: false, count: categories.count)
            for need in community.needs {
                let index = categories[need.category] ?? 0
                byCategory[index] += need.estimatedCost.minorUnits
                present[index] = true
            }
            return byCategory.indices.filter { present[$0] }.map { ($0, Double(byCategory[$0])) }
        }
        totalNeedCost = impacted.map { community in
            Double(community.needs.reduce(Int64(0)) { $0 + $1.estimatedCost.minorUnits })
        }
        var credit = [Double](repeating: 0, count: supporting.count * categories.count)
        for (s, community) in supporting.enumerated() {
            for (category, index) in categories {
                credit[s * categories.count + index] = Self.credit(for: category, from: community)
            }
        }
        self.credit = credit

        let languages = Self.numbering(
            impacted.flatMap(\.languages) + supporting.flatMap(\.languages))
        let words = max(1, (languages.count + 63) / 64)
        languageWords = words
        func bits(_ set: Set<LanguageCode>) -> [UInt64] {
            var result = [UInt64](repeating: 0, count: words)
            for language in set {
                if let index = languages[language] { result[index / 64] |= 1 << UInt64(index % 64) }
            }
            return result
        }
        impactedLanguages = impacted.flatMap { bits($0.languages) }
        supportingLanguages = supporting.flatMap { bits($0.languages) }

        let zones = Self.numbering(
            impacted.map(\.utcOffset.minutes) + supporting.map(\.utcOffset.minutes))
        zoneCount = zones.count
        impactedZone = impacted.map { zones[$0.utcOffset.minutes] ?? 0 }
        supportingZone = supporting.map { zones[$0.utcOffset.minutes] ?? 0 }
        let windows = zones.sorted { $0.value < $1.value }.map {
            WorkingWindow(hours: parameters.workingHours, offset: UTCOffset(minutes: $0.key))
        }
        overlap = windows.flatMap { first in
            windows.map { first.intersection($0).minuteCount }
        }
    }

    /// Numbers distinct values in sorted order, so that the numbering does not depend on the
    /// order of the input.
    private static func numbering<Value: Hashable & Comparable>(_ values: [Value])
        -> [Value: Int]
    {
        var result: [Value: Int] = [:]
        for (index, value) in Set(values).sorted().enumerated() { result[value] = index }
        return result
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
            return knowsRegion[s * regionCount + regionOfImpacted[i]] ? 1 : 0
        case .needsFit:
            guard totalNeedCost[i] > 0 else { return 0 }
            var credited = 0.0
            let row = s * categoryCount
            for (category, cost) in needCosts[i] {
                credited += cost * credit[row + category]
            }
            return credited / totalNeedCost[i]
        case .sharedLanguage:
            for word in 0..<languageWords
            where impactedLanguages[i * languageWords + word]
                & supportingLanguages[s * languageWords + word] != 0
            {
                return 1
            }
            return 0
        case .workingHoursOverlap:
            return Double(overlapMinutes(i, s)) / Double(workingHours.length)
        case .capacityLeft:
            guard largestCapacityLeft > 0 else { return 0 }
            return Double(capacityLeft[s]) / Double(largestCapacityLeft)
        }
    }

    /// Strengths count in full, focus areas by half: a focus area is a wish, a strength is a
    /// track record.
    private static func credit(for category: NeedCategory, from community: SupportingCommunity)
        -> Double
    {
        if community.strengths.contains(category) { return 1 }
        if community.focusAreas.contains(category) { return 0.5 }
        return 0
    }

    private func overlapMinutes(_ i: Int, _ s: Int) -> Int {
        overlap[impactedZone[i] * zoneCount + supportingZone[s]]
    }

    private func note(_ factor: ScoringFactor, _ i: Int, _ s: Int) -> String {
        let region = impacted[i].region
        switch factor {
        case .existingPartnership:
            return supporting[s].partnershipRegions.contains(region)
                ? "already in partnership with \(region)"
                : "no partnership with \(region) yet"
        case .needsFit:
            guard totalNeedCost[i] > 0 else { return "no assessed needs yet" }
            let categories = Set(impacted[i].needs.map(\.category)).sorted()
            let strengths = categories.filter { supporting[s].strengths.contains($0) }
            let focus = categories.filter {
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
