import Contracts
import Foundation
import HTTPTypes
import HummingbirdTesting
import JewishCalendar
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
            try await matching.publishAndWait([VolunteerErased(volunteerId: globals[0].volunteerId, erasedAt: Date())])
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

    @Test("with no shared language a team waits, unless the coordinator flags an interpreter: then it is formed with one")
    func interpreterFlagged() async throws {
        try await InProcessService.run(PairingMatchingService.definition) { service, client in
            let matching = MatchingTestClient(service: service, client: client)
            let world = Sample()
            try await matching.publish(world)
            let run = try await matching.optimalRun()
            let withoutInterpreter = try #require(run.pairing(of: world.sderot))
            let withInterpreter = try #require(run.pairing(of: world.kfarAza))
            var volunteers: [VolunteerRegistered] = []
            for pairing in [withoutInterpreter, withInterpreter] {
                let impacted = try #require(world.communities.first { $0.communityId == pairing.impactedCommunityId })
                let partner = try #require(world.communities.first { $0.communityId == pairing.supportingCommunityId })
                volunteers += [
                    Sample.volunteer(of: impacted, languages: ["he"]), Sample.volunteer(of: impacted, languages: ["he"]),
                    Sample.volunteer(of: partner, languages: ["en"]), Sample.volunteer(of: partner, languages: ["en"]),
                ]
            }
            let agency = [
                Sample.volunteer(of: world.sderot, languages: ["he", "en"], roles: ["agency-staff"]),
                Sample.volunteer(of: world.sderot, languages: ["he", "en"], roles: ["agency-staff"]),
            ]
            try await matching.publish(volunteers + agency)

            let (_, plain) = try await matching.decide(withoutInterpreter.pairingId, "confirmation")
            #expect(plain?.jointTeam?.status == .incomplete)
            #expect(plain?.interpreterAvailable == false)
            let waiting = try #require(try await matching.team(of: withoutInterpreter.pairingId))
            #expect(waiting.rule == .sharedLanguage)
            #expect(waiting.missing?.hasSuffix("and no interpreter is flagged for the pairing") == true, "\(waiting.missing ?? "")")

            let (status, flagged) = try await matching.decide(
                withInterpreter.pairingId, "confirmation", body: #"{"interpreterAvailable":true}"#)
            #expect(status == .ok)
            #expect(flagged?.interpreterAvailable == true)
            #expect(flagged?.jointTeam?.status == .formed)
            let formed = try #require(try await service.outboxEvents(JointTeamFormed.self).first)
            #expect(formed.pairingId == withInterpreter.pairingId)
            #expect(formed.interpreterNeeded)
            #expect(formed.workingLanguage == nil)
            #expect(formed.members.count == 6)
            let team = try #require(try await matching.team(of: withInterpreter.pairingId))
            #expect(team.interpreterNeeded && team.workingLanguage == nil)
            #expect(try await service.outboxEvents(JointTeamIncomplete.self).map(\.pairingId) == [withoutInterpreter.pairingId])

            // Confirming the waiting pairing again with an interpreter flagged forms its team too.
            let (again, reflagged) = try await matching.decide(
                withoutInterpreter.pairingId, "confirmation", body: #"{"interpreterAvailable":true}"#)
            #expect(again == .ok)
            #expect(reflagged?.interpreterAvailable == true)
            #expect(reflagged?.jointTeam?.status == .formed)
            let teams = try await service.outboxEvents(JointTeamFormed.self)
            let formedFor = Set(teams.map(\.pairingId))
            #expect(formedFor == Set([withInterpreter.pairingId, withoutInterpreter.pairingId]))
            let everyOneWithAnInterpreter = teams.allSatisfy { $0.interpreterNeeded && $0.workingLanguage == nil }
            #expect(everyOneWithAnInterpreter)
            #expect(try await service.outboxEvents(PairingConfirmed.self).count == 2, "confirmed once each")
        }
    }

    @Test("a team whose working hours outside Shabbat overlap too little in a week waits, and is formed when someone closer registers")
    func tooLittleWeeklyOverlap() async throws {
        // Fifteen hours a week: more than Tokyo's afternoons leave, less than Sderot and Honolulu share.
        try await InProcessService.run(PairingMatchingService.definition, environment: ["P2G_MATCHING_MINIMUM_WEEKLY_OVERLAP": "15h"]) {
            service, client in
            let matching = MatchingTestClient(service: service, client: client)
            let world = Sample()
            try await matching.publish(world)
            let run = try await matching.optimalRun()
            let pairing = try #require(run.pairing(of: world.sderot))
            let partner = try #require(world.communities.first { $0.communityId == pairing.supportingCommunityId })
            // Sderot's mornings are Honolulu's evenings before and Tokyo's afternoons; Sderot's
            // evenings are Honolulu's mornings, when Tokyo sleeps.
            try await matching.publish([
                Sample.volunteer(of: world.sderot, languages: ["en"]), Sample.volunteer(of: world.sderot, languages: ["en"]),
                Sample.volunteer(of: partner, languages: ["en"], timeZone: "Pacific/Honolulu"),
                Sample.volunteer(of: partner, languages: ["en"], timeZone: "Pacific/Honolulu"),
                Sample.volunteer(of: world.sderot, languages: ["en"], roles: ["agency-staff"]),
                Sample.volunteer(of: world.sderot, languages: ["en"], timeZone: "Asia/Tokyo", roles: ["agency-staff"]),
            ])
            let (_, confirmed) = try await matching.decide(pairing.pairingId, "confirmation")
            #expect(confirmed?.jointTeam?.status == .incomplete)
            let incomplete = try #require(try await service.outboxEvents(JointTeamIncomplete.self).first)
            #expect(incomplete.rule == .workingHoursOverlap)
            #expect(incomplete.delegation == nil)
            #expect(
                incomplete.missing.hasPrefix(
                    "the team's working hours (07:00-22:00 local, Sunday to Thursday in Israel and Monday to Friday elsewhere) overlap "),
                "\(incomplete.missing)")
            #expect(
                incomplete.missing.hasSuffix(
                    " min a week outside Shabbat; at least 900 min are needed (impacted in Asia/Jerusalem, "
                        + "supporting in Pacific/Honolulu, agency in Asia/Jerusalem and Asia/Tokyo)"), "\(incomplete.missing)")
            #expect(try await matching.team(of: pairing.pairingId)?.rule == .workingHoursOverlap)
            #expect(try await service.outboxEvents(JointTeamFormed.self).isEmpty)

            // A second Agency staff member in Israel fills the gap: Sderot's mornings and evenings both.
            let closer = Sample.volunteer(of: world.sderot, languages: ["en"], roles: ["agency-staff"])
            try await matching.publish([closer])
            let formed = try #require(try await service.outboxEvents(JointTeamFormed.self).first)
            #expect(formed.teamId == incomplete.teamId)
            #expect(formed.members.contains { $0.volunteerId == closer.volunteerId && $0.delegation == .agency })
            #expect(!formed.members.contains { $0.timeZone == "Asia/Tokyo" })
            let team = try #require(try await matching.team(of: pairing.pairingId))
            #expect(team.status == .formed)
            let weekly = try #require(team.weeklyOverlapMinutes)
            #expect(weekly >= 900 && weekly <= 7 * 6 * 60, "\(weekly)")
        }
    }

    @Test("Shabbat comes out of a week's overlap: New York and Chicago share Friday only until candle lighting in New York")
    func shabbatLeavesTheWeek() throws {
        let newYork = TeamWorkingWeek.Member(timeZone: "America/New_York", latitude: 40.71, longitude: -74.01)
        let chicago = TeamWorkingWeek.Member(timeZone: "America/Chicago", latitude: 41.88, longitude: -87.63)
        // Sunday 6 December 2026, 00:00 UTC: a week of Monday to Friday at both.
        let sunday = Date(timeIntervalSince1970: 1_796_515_200)
        let minutes = TeamWorkingWeek.overlapMinutes(of: [newYork, chicago], from: sunday)
        // Monday to Thursday: 08:00-22:00 in New York (13:00-03:00 UTC) every day, fourteen hours.
        // Friday: from 13:00 UTC until Shabbat begins in New York, 18 minutes before sunset.
        let location = try GeoLocation(latitude: 40.71, longitude: -74.01, timeZoneIdentifier: "America/New_York")
        let candles = ObservanceCalendar(location: location).candleLighting(on: try GregorianDate(year: 2026, month: 12, day: 11))
        let friday = Int(candles.timeIntervalSince(Date(timeIntervalSince1970: 1_796_994_000)) / 60)
        #expect(friday > 7 * 60 && friday < 9 * 60, "candle lighting at \(candles)")
        #expect(minutes == 4 * 14 * 60 + friday)
        // Without Shabbat, Friday would give fourteen hours too.
        #expect(minutes < 5 * 14 * 60)
    }
}
