import PairingEngine
import Testing

@Suite("Bad input is a thrown error naming what is wrong")
struct InputValidationTests {
    static let base = PairingRequest(
        impacted: [Fixtures.impacted("A"), Fixtures.impacted("B")],
        supporting: [Fixtures.supporting("S1"), Fixtures.supporting("S2")])

    func expectError(
        _ code: PairingInputError.Code, mentioning text: String,
        sourceLocation: SourceLocation = #_sourceLocation, _ change: (inout PairingRequest) -> Void
    ) {
        var request = Self.base
        change(&request)
        for run in [
            { try OptimalPairing.run(request) },
            { try StablePairing.run(request, proposing: .impacted) },
        ] {
            do {
                _ = try run()
                Issue.record("expected \(code)", sourceLocation: sourceLocation)
            } catch let error as PairingInputError {
                #expect(error.code == code, sourceLocation: sourceLocation)
                #expect(error.message.contains(text), "\(error)", sourceLocation: sourceLocation)
            } catch {
                Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func negativeCapacity() {
        expectError(.negativeCapacity, mentioning: "'S1'") { $0.supporting[0].pairingCapacity = -1 }
    }

    @Test func negativeBudget() {
        expectError(.negativeBudget, mentioning: "'S2'") {
            $0.supporting[1].yearlyBudget = .dollars(-5)
        }
    }

    @Test func duplicateIDs() {
        expectError(.duplicateID, mentioning: "'S1'") {
            $0.supporting.append(Fixtures.supporting("S1"))
        }
        expectError(.duplicateID, mentioning: "'A'") {
            $0.supporting.append(Fixtures.supporting("A"))
        }
    }

    @Test func nanAndNegativeWeights() {
        expectError(.invalidWeight, mentioning: "needsFit") {
            $0.parameters.weights.needsFit = .nan
        }
        expectError(.invalidWeight, mentioning: "sharedLanguage") {
            $0.parameters.weights.sharedLanguage = -1
        }
        expectError(.invalidWeight, mentioning: "capacityLeft") {
            $0.parameters.weights.capacityLeft = .infinity
        }
    }

    @Test func lockOnForbiddenPair() {
        expectError(.lockOnForbiddenPair, mentioning: "(A, S1)") {
            $0.locked = [CommunityPair(impacted: "A", supporting: "S1")]
            $0.forbidden = [CommunityPair(impacted: "A", supporting: "S1")]
        }
    }

    @Test func lockBeyondCapacity() {
        expectError(.lockExceedsCapacity, mentioning: "'S1'") {
            $0.locked = [
                CommunityPair(impacted: "A", supporting: "S1"),
                CommunityPair(impacted: "B", supporting: "S1"),
            ]
        }
    }

    @Test func lockBeyondBudget() {
        expectError(.lockExceedsBudget, mentioning: "'S1'") {
            $0.supporting[0].pairingCapacity = 2
            $0.locked = [
                CommunityPair(impacted: "A", supporting: "S1"),
                CommunityPair(impacted: "B", supporting: "S1"),
            ]
        }
    }

    @Test func lockBeyondPartnersNeeded() {
        expectError(.lockExceedsPartnersNeeded, mentioning: "'A'") {
            $0.locked = [
                CommunityPair(impacted: "A", supporting: "S1"),
                CommunityPair(impacted: "A", supporting: "S2"),
            ]
        }
    }

    @Test func unknownIDInLock() {
        expectError(.unknownID, mentioning: "'nowhere'") {
            $0.locked = [CommunityPair(impacted: "nowhere", supporting: "S1")]
        }
    }

    @Test func duplicatePairs() {
        expectError(.duplicatePair, mentioning: "(B, S2)") {
            $0.forbidden = Array(repeating: CommunityPair(impacted: "B", supporting: "S2"), count: 2)
        }
    }

    @Test func currencies() {
        expectError(.currencyMismatch, mentioning: "'S2'") {
            $0.supporting[1].yearlyBudget = Money(minorUnits: 100, currency: "EUR")
        }
        expectError(.currencyMismatch, mentioning: "'A'") {
            $0.impacted[0].needs = [
                NeedItem(category: .housing, estimatedCost: Money(minorUnits: 5, currency: "ILS"))
            ]
        }
        expectError(.malformedCurrency, mentioning: "usd") {
            $0.parameters.yearlyCommitment = Money(minorUnits: 100, currency: "usd")
        }
    }

    @Test func parameters() {
        expectError(.invalidParameter, mentioning: "commitment") {
            $0.parameters.yearlyCommitment = .dollars(0)
        }
        expectError(.invalidParameter, mentioning: "years") { $0.parameters.years = 0 }
        expectError(.invalidParameter, mentioning: "'B'") { $0.impacted[1].partnersNeeded = -1 }
        expectError(.invalidUTCOffset, mentioning: "'A'") {
            $0.impacted[0].utcOffset = UTCOffset(minutes: 900)
        }
        expectError(.invalidWorkingHours, mentioning: "540-540") {
            $0.parameters.workingHours = WorkingHours(startMinute: 540, endMinute: 540)
        }
    }

    @Test func rankings() {
        expectError(.invalidRanking, mentioning: "'S9'") {
            $0.rankings = CommunityRankings(["A": ["S1", "S9"]])
        }
        expectError(.invalidRanking, mentioning: "twice") {
            $0.rankings = CommunityRankings(["S1": ["A", "A"]])
        }
        expectError(.invalidRanking, mentioning: "'B'") {
            $0.rankings = CommunityRankings(["A": ["B"]])
        }
    }

    @Test("a cost matrix with NaN is refused")
    func costMatrix() {
        #expect(throws: PairingInputError.self) {
            try CostMatrix(rowCount: 2, columnCount: 2, entries: [1, .nan, 3, 4])
        }
        #expect(throws: PairingInputError.self) {
            try CostMatrix(rowCount: 2, columnCount: 2, entries: [1, 2, 3])
        }
    }
}
