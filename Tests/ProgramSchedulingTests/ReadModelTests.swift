import Contracts
import Foundation
import HummingbirdTesting
import ProgramScheduling
import ServiceKit
import ServiceTestSupport
import Testing

/// What the service keeps of the registry's and matching's events.
@Suite("The scheduling read model", .serialized)
struct ReadModelTests {
    @Test("a volunteer's new time zone and a community's new place are used; an erased volunteer is forgotten")
    func updatesAndErasure() async throws {
        try await InProcessService.run(ProgramSchedulingService.definition) { service, client in
            let people = try await People.threeCommunities(service)
            let id = people.desMoines.volunteerId.uuidString.lowercased()
            let before = try await client.send(.get, "/participants/\(id)/availability")
            #expect(try before.object()["workingDays"] as? [Int] == [2, 3, 4, 5, 6], "Monday to Friday abroad")
            // The Des Moines volunteer moves to Israel: Sunday to Thursday from now on.
            try await service.publish(
                VolunteerUpdated(
                    volunteerId: people.desMoines.volunteerId, version: 2, changed: ["timeZone"], timeZone: "Asia/Jerusalem",
                    updatedAt: Date()))
            var renamed = CommunityUpdated(communityId: people.communities[2].communityId, version: 2, changed: ["name"], updatedAt: Date())
            renamed.name = "Melbourne (Caulfield)"
            try await service.publish(renamed)
            try await service.waitUntil("the updates are handled") { try await service.count("SELECT count(*) FROM inbox") == 8 }
            let after = try await client.send(.get, "/participants/\(id)/availability")
            #expect(try after.object()["workingDays"] as? [Int] == [1, 2, 3, 4, 5], "Sunday to Thursday in Israel")
            let communities = try await client.send(.get, "/communities")
            #expect(communities.body.contains("Melbourne (Caulfield)"))

            try await service.publish(VolunteerErased(volunteerId: people.desMoines.volunteerId, erasedAt: Date()))
            try await service.waitUntil("the erasure is handled") { try await service.count("SELECT count(*) FROM inbox") == 9 }
            #expect(try await client.send(.get, "/participants/\(id)/availability").status == .notFound)
            let program = try await client.send(
                .post, "/programs",
                object: ProgramTests.meeting([people.desMoines], from: "2027-01-04T00:00:00Z", to: "2027-01-08T00:00:00Z"))
            #expect(program.status == .unprocessableContent, "an erased volunteer cannot be scheduled")
        }
    }

    @Test("a command for a team matching never announced is retried, then parked naming the team")
    func commandForAnUnknownTeam() async throws {
        try await InProcessService.run(ProgramSchedulingService.definition) { service, _ in
            let team = UUID()
            try await service.send(ScheduleMeeting(teamId: team, monthlyMeetings: 2))
            var parked: [(type: String?, reason: String)] = []
            try await service.waitUntil("the command is parked") {
                parked += try await service.takeParked()
                return !parked.isEmpty
            }
            #expect(parked.first?.type == ScheduleMeeting.commandType.description)
            #expect(parked.first?.reason.contains("joint team \(team.uuidString.lowercased()) is not known yet") == true)
            #expect(try await service.count("SELECT count(*) FROM programs") == 0)
        }
    }
}
