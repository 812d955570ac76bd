import Contracts
import Foundation
import HTTPTypes
import HummingbirdTesting
import ServiceKit
import ServiceTestSupport
import Testing

@testable import PairingMatching

/// Joint teams of confirmed pairings, formed from the volunteers the registry announced.
@Suite("Joint teams", .serialized)
struct JointTeamServiceTests {
    typealias Sample = Communities2GetherSample

    @Test("confirming a pairing forms its team: two of each community and two Agency staff sharing a language")
    func teamFormedOnConfirmation() async throws {
        try await InProcessService.run(PairingMatchingService.definition) { service, client in
            let matching = MatchingTestClient(service: service, client: client)
            let world = Sample()
            try await matching.publish(world)
            let run = try await matching.optimalRun()
            let pairing = try #require(run.pairing(of: world.sderot))
            let partner = try #require(world.communities.first { $0.communityId == pairing.supportingCommunityId })
            let israelis = [
                Sample.volunteer(of: world.sderot, languages: ["he", "en"]), Sample.volunteer(of: world.sderot, languages: ["he", "en"]),
            ]
            let globals = [Sample.volunteer(of: partner, languages: ["en"]), Sample.volunteer(of: partner, languages: ["en", "he"])]
            let agency = [
                Sample.volunteer(of: world.sderot, languages: ["he", "en"], roles: ["agency-staff"]),
                Sample.volunteer(of: partner, languages: ["en"], timeZone: "America/New_York", roles: ["agency-staff"]),
            ]
            // Someone who speaks no language of the others is not chosen.
            let french = Sample.volunteer(of: partner, languages: ["fr"])
            try await matching.publish(israelis + globals + agency + [french])

            let (status, confirmed) = try await matching.decide(pairing.pairingId, "confirmation")
            #expect(status == .ok)
            #expect(confirmed?.jointTeam?.status == .formed)
            let formed = try #require(try await service.outboxEvents(JointTeamFormed.self).first)
            #expect(formed.pairingId == pairing.pairingId)
            #expect(formed.members.count == 6)
            #expect(Set(formed.members.filter { $0.delegation == .impacted }.map(\.volunteerId)) == Set(israelis.map(\.volunteerId)))
            #expect(Set(formed.members.filter { $0.delegation == .supporting }.map(\.volunteerId)) == Set(globals.map(\.volunteerId)))
            #expect(Set(formed.members.filter { $0.delegation == .agency }.map(\.volunteerId)) == Set(agency.map(\.volunteerId)))
            #expect(formed.workingLanguage == "en")
            #expect(!formed.interpreterNeeded)
            let team = try #require(try await matching.team(of: pairing.pairingId))
            #expect(team.status == .formed)
            #expect(team.teamId == formed.teamId)
            #expect(team.members.count == 6)
            #expect(try await service.outboxEvents(JointTeamIncomplete.self).isEmpty)

            // Erasure removes a member's languages and time zone from the team, and the volunteer.
            let handled = try await matching.inboxCount()
            try await service.publish(VolunteerErased(volunteerId: globals[0].volunteerId, erasedAt: Date()))
            try await matching.waitForInbox(handled + 1)
            #expect(try await service.count("SELECT count(*) FROM volunteers WHERE volunteer_id = \(globals[0].volunteerId)") == 0)
            let scrubbed = try #require(
                try await matching.team(of: pairing.pairingId)?.members.first { $0.volunteerId == globals[0].volunteerId })
            #expect(scrubbed.languages.isEmpty && scrubbed.timeZone.isEmpty)
        }
    }

    @Test("a team that cannot be formed says what is missing, and is formed when the missing volunteer registers")
    func incompleteTeamCompleted() async throws {
        try await InProcessService.run(PairingMatchingService.definition) { service, client in
            let matching = MatchingTestClient(service: service, client: client)
            let world = Sample()
            try await matching.publish(world)
            let run = try await matching.optimalRun()
            let pairing = try #require(run.pairing(of: world.sderot))
            let partner = try #require(world.communities.first { $0.communityId == pairing.supportingCommunityId })
            try await matching.publish([
                Sample.volunteer(of: world.sderot, languages: ["he", "en"]), Sample.volunteer(of: world.sderot, languages: ["he", "en"]),
                Sample.volunteer(of: partner, languages: ["en"]),
                Sample.volunteer(of: world.sderot, languages: ["he", "en"], roles: ["agency-staff"]),
                Sample.volunteer(of: world.sderot, languages: ["en"], roles: ["agency-staff"]),
            ])
            let (_, confirmed) = try await matching.decide(pairing.pairingId, "confirmation")
            #expect(confirmed?.jointTeam?.status == .incomplete)
            let incomplete = try #require(try await service.outboxEvents(JointTeamIncomplete.self).first)
            #expect(incomplete.rule == .eligibleRole)
            #expect(incomplete.delegation == .supporting)
            #expect(incomplete.missing == "supporting delegation needs 2 people with an eligible role, 1 found")
            let waiting = try #require(try await matching.team(of: pairing.pairingId))
            #expect(waiting.status == .incomplete)
            #expect(waiting.rule == .eligibleRole)
            #expect(try await service.outboxEvents(JointTeamFormed.self).isEmpty)

            // A volunteer of the partner who speaks no shared language makes it a language gap.
            try await matching.publish([Sample.volunteer(of: partner, languages: ["ru"])])
            #expect(try await matching.team(of: pairing.pairingId)?.rule == .sharedLanguage)
            let updates = try await service.outboxEvents(JointTeamIncomplete.self)
            #expect(updates.count == 2)
            #expect(updates.last?.delegation == nil)

            let missing = Sample.volunteer(of: partner, languages: ["en", "he"])
            try await matching.publish([missing])
            let formed = try #require(try await service.outboxEvents(JointTeamFormed.self).first)
            #expect(formed.pairingId == pairing.pairingId)
            #expect(formed.teamId == incomplete.teamId)
            #expect(formed.members.contains { $0.volunteerId == missing.volunteerId && $0.delegation == .supporting })
            #expect(try await matching.team(of: pairing.pairingId)?.status == .formed)
            // Later volunteers leave a formed team alone.
            try await matching.publish([Sample.volunteer(of: partner, languages: ["en"])])
            #expect(try await service.outboxEvents(JointTeamFormed.self).count == 1)
        }
    }
}
