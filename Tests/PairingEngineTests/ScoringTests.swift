import Foundation
import PairingEngine
import Testing

@Suite("Scoring factors")
struct ScoringTests {
    func score(
        _ impacted: ImpactedCommunity, _ supporting: SupportingCommunity,
        others: [SupportingCommunity] = [], weights: ScoringWeights = ScoringWeights()
    ) throws -> PairScore {
        let request = PairingRequest(
            impacted: [impacted], supporting: [supporting] + others,
            parameters: PairingParameters(weights: weights),
            locked: [CommunityPair(impacted: impacted.id, supporting: supporting.id)])
        return try #require(try OptimalPairing.run(request).pairings.first?.score)
    }

    @Test("working hours overlap across time zones, including across midnight UTC")
    func workingHoursOverlap() throws {
        let cases: [(UTCOffset, Double)] = [
            (Fixtures.newYorkSummer, 60.0 / 480),  // 13:00-21:00 UTC against 06:00-14:00
            (Fixtures.londonSummer, 360.0 / 480),  // 08:00-16:00 UTC
            (Fixtures.melbourneWinter, 60.0 / 480),  // 23:00-07:00 UTC, wraps midnight
            (Fixtures.losAngelesSummer, 0),  // 16:00-24:00 UTC
            (UTCOffset(minutes: 180), 1),
        ]
        for (offset, expected) in cases {
            let breakdown = try score(
                Fixtures.impacted("A"), Fixtures.supporting("S", offset: offset))
            #expect(breakdown[.workingHoursOverlap]?.fraction == expected, "\(offset)")
        }
    }

    @Test("offsets come from a time zone at a given instant, never from the clock")
    func offsetFromTimeZone() throws {
        let jerusalem = try #require(TimeZone(identifier: "Asia/Jerusalem"))
        let july = Date(timeIntervalSince1970: 1_719_835_200)  // 2024-07-01T12:00:00Z
        let january = Date(timeIntervalSince1970: 1_704_110_400)  // 2024-01-01T12:00:00Z
        #expect(UTCOffset(timeZone: jerusalem, at: july).minutes == 180)
        #expect(UTCOffset(timeZone: jerusalem, at: january).minutes == 120)
        #expect(UTCOffset(hours: -4).description == "UTC-04:00")
        #expect(UTCOffset(hours: 5, minutes: 45).minutes == 345)
    }

    @Test("needs fit gives full credit to strengths and half to focus areas, by cost")
    func needsFit() throws {
        let impacted = Fixtures.impacted(
            "A",
            needs: [
                Fixtures.need(.housing, dollars: 300_000),
                Fixtures.need(.education, dollars: 100_000),
            ])
        let supporting = Fixtures.supporting(
            "S", strengths: [.housing], focusAreas: [.education, .youth])
        let fit = try #require(try score(impacted, supporting)[.needsFit])
        #expect(fit.fraction == 0.875)
        #expect(fit.points == ScorePoints(points: 2.625))
        #expect(fit.note.contains("strengths cover housing"))
        #expect(fit.note.contains("focus areas cover education"))
    }

    @Test("shared language, partnership and capacity left each add their weight")
    func otherFactors() throws {
        let impacted = Fixtures.impacted("A", region: "Eshkol", languages: [.hebrew, .russian])
        let supporting = Fixtures.supporting(
            "S", capacity: 1, regions: ["Eshkol"], languages: [.russian, .english])
        let roomier = Fixtures.supporting("T", capacity: 4, budgetDollars: 1_000_000)
        let breakdown = try score(impacted, supporting, others: [roomier])
        #expect(breakdown[.sharedLanguage]?.points == ScorePoints(points: 2))
        #expect(breakdown[.sharedLanguage]?.note == "shared languages: ru")
        #expect(breakdown[.existingPartnership]?.points == ScorePoints(points: 4))
        // Capacity left counts locks: S has 0 of 1 left, the roomiest has 4.
        #expect(breakdown[.capacityLeft]?.fraction == 0)
        #expect(
            breakdown.total
                == breakdown.contributions.reduce(ScorePoints.zero) { $0 + $1.points })
    }

    @Test("weights scale contributions and zero weights remove a factor")
    func weights() throws {
        let weights = ScoringWeights(
            existingPartnership: 0, needsFit: 0, sharedLanguage: 7.5, workingHoursOverlap: 0,
            capacityLeft: 0)
        let breakdown = try score(
            Fixtures.impacted("A"), Fixtures.supporting("S", regions: ["Eshkol"]),
            weights: weights)
        #expect(breakdown.total == ScorePoints(points: 7.5))
        #expect(breakdown[.existingPartnership]?.fraction == 1)
        #expect(breakdown[.existingPartnership]?.points == .zero)
    }

    @Test("score points print exactly")
    func scorePoints() {
        #expect(ScorePoints(points: 2.625).description == "2.625000")
        #expect(ScorePoints(micropoints: -1).description == "-0.000001")
    }
}
