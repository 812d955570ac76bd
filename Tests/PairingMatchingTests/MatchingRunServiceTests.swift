import Contracts
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PairingEngine
import ServiceKit
import ServiceTestSupport
import Testing

@testable import PairingMatching

/// Matching runs through the HTTP API and the command, against the real PostgreSQL and RabbitMQ.
@Suite("Matching runs", .serialized)
struct MatchingRunServiceTests {
    /// The engine's request for the sample world, written here from what was registered and the
    /// README's rules (capacity one pairing each, $250,000 a year, partnership regions from stays).
    static func engineRequest(_ world: Communities2GetherSample, at instant: Date) -> PairingRequest {
        func id(_ community: CommunityRegistered) -> CommunityID { CommunityID(community.communityId.uuidString.lowercased()) }
        func offset(_ community: CommunityRegistered) -> UTCOffset {
            UTCOffset(timeZone: TimeZone(identifier: community.timeZone)!, at: instant)
        }
        func languages(_ community: CommunityRegistered) -> Set<LanguageCode> { Set(community.languages.map { LanguageCode($0) }) }
        let impacted = world.impacted.map { (community: CommunityRegistered) -> ImpactedCommunity in
            ImpactedCommunity(
                id: id(community), name: community.name, region: IsraeliRegion(community.region), languages: languages(community),
                utcOffset: offset(community), partnersNeeded: 1)
        }
        let supporting = [world.chicago, world.desMoines, world.melbourne, world.paris].map {
            (community: CommunityRegistered) -> SupportingCommunity in
            SupportingCommunity(
                id: id(community), name: community.name, yearlyBudget: .dollars(250_000), pairingCapacity: 1,
                partnershipRegions: community.communityId == world.chicago.communityId ? [IsraeliRegion("Western Negev")] : [],
                languages: languages(community), utcOffset: offset(community))
        }
        return PairingRequest(impacted: impacted, supporting: supporting)
    }

    @Test("a run over the sample Communities2Gether communities is stored whole and equals the engine's result on the same inputs")
    func runEqualsTheEngine() async throws {
        try await InProcessService.run(PairingMatchingService.definition) { service, client in
            let matching = MatchingTestClient(service: service, client: client)
            let world = Communities2GetherSample()
            try await matching.publish(world)
            let run = try await matching.optimalRun()

            #expect(run.engineVersion == EngineVersion.current)
            #expect(run.inputs.impacted.map(\.name) == ["Sderot", "Kfar Aza", "Nir Oz"])
            #expect(run.inputs.supporting.map(\.name) == ["Chicago", "Des Moines", "Melbourne", "Paris"])
            #expect(run.inputs.supporting.first?.partnershipRegions == ["Western Negev"])
            #expect(run.parameters.yearlyCommitment == Money(amount: 25_000_000, currency: "USD"))

            let expected = try OptimalPairing.run(Self.engineRequest(world, at: run.inputs.referenceInstant))
            let pairs = Set(
                run.result.pairings.map {
                    "\($0.impactedCommunityId.uuidString.lowercased())|\($0.supportingCommunityId.uuidString.lowercased())"
                })
            #expect(pairs == Set(expected.pairs.map { "\($0.impacted)|\($0.supporting)" }))
            #expect(run.result.totalScore == expected.totalScore.points)
            #expect(run.result.pairings.count == 3)
            // The program leans on the existing partnership.
            #expect(run.pairing(of: world.sderot)?.supportingCommunityId == world.chicago.communityId)
            #expect(run.pairing(of: world.sderot)?.factors.first { $0.factor == "existingPartnership" }?.fraction == 1)
            for pairing in run.result.pairings {
                #expect(pairing.factors.count == ScoringFactor.allCases.count)
                #expect(abs(pairing.factors.map(\.points).reduce(0, +) - pairing.score) < 1e-6)
            }
            // The supporting community left over says why.
            let unpaired = run.result.unpaired.filter { $0.side == "supporting" }
            #expect(unpaired.count == 1)
            #expect(unpaired.first?.reason == "impactedCommunitiesComplete")

            // Stored whole: reading it back gives the same run; each proposal was announced.
            let stored = try #require(try await matching.run(run.id))
            // (Instants travel to the millisecond; their last digit may round differently.)
            #expect(abs(stored.startedAt.timeIntervalSince(run.startedAt)) < 0.002)
            var sameInstants = stored
            sameInstants.startedAt = run.startedAt
            sameInstants.inputs.referenceInstant = run.inputs.referenceInstant
            #expect(try ContractCoding.encode(sameInstants) == ContractCoding.encode(run))
            let proposed = try await service.outboxEvents(PairingProposed.self)
            #expect(proposed.count == 3)
            #expect(Set(proposed.map(\.pairingId)) == Set(run.result.pairings.map(\.pairingId)))
            #expect(proposed.allSatisfy { $0.runId == run.id && $0.origin == .new })

            // Stable mode shows that no blocking pair exists, and equals the engine's too.
            let (status, stable) = try await matching.startRun(#"{"program":"communities2gether","mode":"stable"}"#)
            #expect(status == .created)
            let stableRun = try #require(stable)
            #expect(stableRun.proposing == .impacted)
            #expect(stableRun.result.noBlockingPairs && stableRun.result.blockingPairs.isEmpty)
            let expectedStable = try StablePairing.run(
                Self.engineRequest(world, at: stableRun.inputs.referenceInstant), proposing: .impacted)
            #expect(stableRun.result.totalScore == expectedStable.totalScore.points)
            // The second run measures its churn against the first.
            #expect(stableRun.inputs.previousRunId == run.id.uuidString.lowercased())
            #expect(stableRun.result.churn.kept.count + stableRun.result.churn.removed.count == 3)
            #expect(try await service.takeParked().isEmpty)
        }
    }

    @Test("the same command delivered twice makes one run, and so does the same run key under two message ids")
    func commandOnce() async throws {
        try await InProcessService.run(PairingMatchingService.definition) { service, client in
            let matching = MatchingTestClient(service: service, client: client)
            let world = Communities2GetherSample()
            try await matching.publish(world)
            let handled = try await matching.inboxCount()
            let command = RunMatching(program: .communities2gether, mode: .optimal)
            let messageID = UUID()
            try await service.send(command, messageID: messageID)
            try await service.send(command, messageID: messageID)
            let keyed = RunMatching(runKey: "weekly-2024-12-02", program: .communities2gether, mode: .stable)
            try await service.send(keyed)
            try await service.send(keyed)
            try await matching.waitForInbox(handled + 3)
            try await service.waitUntil("the commands queue is drained") {
                try await service.amqp.queueStatus("matching.commands").messageCount == 0
            }
            #expect(try await service.count("SELECT count(*) FROM matching_runs") == 2)
            #expect(try await service.outboxEvents(PairingProposed.self).count == 6)
            // An automation follows its command's effects by its correlation id.
            let correlated = try await service.count(
                """
                SELECT count(*) FROM outbox WHERE message_type = 'matching.pairing-proposed.v1'
                  AND correlation_id = \("test-\(messageID.uuidString.lowercased())")
                """)
            #expect(correlated == 3)

            let page = try await client.execute(uri: "/matching-runs?limit=1", method: .get) { response in
                #expect(response.status == .ok)
                return try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            }
            let next = try #require(page?["next"] as? String)
            let second = try await client.execute(uri: "/matching-runs?limit=1&after=\(next)", method: .get) { response in
                try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            }
            let items = try #require(second?["items"] as? [[String: Any]])
            #expect(items.first?["mode"] as? String == "stable")
            #expect((items.first?["startedBy"] as? String)?.hasPrefix("command ") == true)

            // A command the service refuses is parked with the reason, and makes no run.
            try await service.send(RunMatching(program: .communities2gether, mode: .optimal, weights: .init(needsFit: -1)))
            try await service.waitUntil("the refused command is parked") {
                try await service.amqp.queueStatus("matching.dead").messageCount == 1
            }
            let parked = try await service.takeParked()
            #expect(parked.first?.reason.contains("weights.needsFit") == true)
            #expect(try await service.count("SELECT count(*) FROM matching_runs") == 2)
        }
    }

    @Test("an Idempotency-Key used again answers with the run it made")
    func idempotentRun() async throws {
        try await InProcessService.run(PairingMatchingService.definition) { service, client in
            let matching = MatchingTestClient(service: service, client: client)
            try await matching.publish(Communities2GetherSample())
            let body = #"{"program":"communities2gether","mode":"optimal"}"#
            let (first, run) = try await matching.startRun(body, idempotencyKey: "monday")
            let (again, same) = try await matching.startRun(body, idempotencyKey: "monday")
            #expect(first == .created)
            #expect(again == .ok)
            #expect(same?.id == run?.id)
            #expect(try await service.count("SELECT count(*) FROM matching_runs") == 1)
        }
    }

    @Test("a confirmed pairing is kept by the next run, and carries $250,000 a year for three years")
    func confirmedPairKept() async throws {
        try await InProcessService.run(PairingMatchingService.definition) { service, client in
            let matching = MatchingTestClient(service: service, client: client)
            let world = Communities2GetherSample()
            try await matching.publish(world)
            let first = try await matching.optimalRun()
            let sderot = try #require(first.pairing(of: world.sderot))
            let (status, confirmed) = try await matching.decide(sderot.pairingId, "confirmation")
            #expect(status == .ok)
            #expect(confirmed?.status == .confirmed)
            #expect(confirmed?.decidedBy == "test-agency-coordinator")
            let event = try #require(try await service.outboxEvents(PairingConfirmed.self).first)
            #expect(event.pairingId == sderot.pairingId)
            #expect(event.runId == first.id)
            #expect(event.commitment?.amountPerYear == Money(amount: 25_000_000, currency: "USD"))
            #expect(event.commitment?.years == 3)
            // Confirming again changes nothing.
            #expect(try await matching.decide(sderot.pairingId, "confirmation").0 == .ok)
            #expect(try await service.outboxEvents(PairingConfirmed.self).count == 1)

            // Another supporter is made more attractive to Sderot; the confirmed pairing stays.
            let second = try await matching.optimalRun(#","weights":{"existingPartnership":0,"sharedLanguage":50}"#)
            let kept = try #require(second.pairing(of: world.sderot))
            #expect(kept.supportingCommunityId == world.chicago.communityId)
            #expect(kept.origin == "confirmed")
            #expect(kept.pairingId == sderot.pairingId)
            #expect(
                second.inputs.confirmed.contains(
                    .init(impactedCommunityId: world.sderot.communityId, supportingCommunityId: world.chicago.communityId)))
            // The first run's other proposals were superseded: they can no longer be confirmed.
            let other = try #require(first.pairing(of: world.kfarAza))
            #expect(try await matching.decide(other.pairingId, "confirmation").0 == .conflict)

            // A commitment stated in the request replaces the usual one.
            let nirOz = try #require(second.pairing(of: world.nirOz))
            let (_, stated) = try await matching.decide(
                nirOz.pairingId, "confirmation",
                body: #"{"commitment":{"amountPerYear":{"amount":30000000,"currency":"USD"},"years":5,"startsOn":"2025-01-01"}}"#)
            #expect(stated?.commitment?.years == 5)
            #expect(stated?.commitment?.startsOn == CalendarDate(year: 2025, month: 1, day: 1))
            #expect(try await service.outboxEvents(PairingConfirmed.self).last?.commitment?.amountPerYear.amount == 30_000_000)
        }
    }

    @Test("a rejected pair is not proposed again until it is released")
    func rejectedPairForbidden() async throws {
        try await InProcessService.run(PairingMatchingService.definition) { service, client in
            let matching = MatchingTestClient(service: service, client: client)
            let world = Communities2GetherSample()
            try await matching.publish(world)
            let first = try await matching.optimalRun()
            let sderot = try #require(first.pairing(of: world.sderot))
            let (status, rejected) = try await matching.decide(
                sderot.pairingId, "rejection", body: #"{"reason":"Funds the same school already."}"#)
            #expect(status == .ok)
            #expect(rejected?.status == .rejected)
            let event = try #require(try await service.outboxEvents(PairingRejected.self).first)
            #expect(event.reason == "Funds the same school already.")
            #expect(try await matching.decide(sderot.pairingId, "confirmation").0 == .conflict)

            let second = try await matching.optimalRun()
            #expect(second.pairing(of: world.sderot)?.supportingCommunityId != world.chicago.communityId)
            #expect(
                second.inputs.rejected == [
                    .init(impactedCommunityId: world.sderot.communityId, supportingCommunityId: world.chicago.communityId)
                ])
            // Keeping a rejected pair is refused.
            let keep =
                #","keep":[{"impactedCommunityId":"\#(world.sderot.communityId.uuidString.lowercased())","supportingCommunityId":"\#(world.chicago.communityId.uuidString.lowercased())"}]"#
            #expect(try await matching.startRun(#"{"program":"communities2gether","mode":"optimal"\#(keep)}"#).0 == .unprocessableContent)

            let (released, proposal) = try await matching.decide(sderot.pairingId, "release")
            #expect(released == .ok)
            #expect(proposal?.status == .released)
            let third = try await matching.optimalRun()
            #expect(third.inputs.rejected.isEmpty)
            #expect(third.pairing(of: world.sderot)?.supportingCommunityId == world.chicago.communityId)
        }
    }
}
