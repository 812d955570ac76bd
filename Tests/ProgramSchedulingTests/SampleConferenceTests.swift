import Contracts
import Foundation
import HummingbirdTesting
import ProgramScheduling
import ServiceKit
import ServiceTestSupport
import Testing

/// The sample New Orleans conference (deploy/sample-data/new-orleans-conference.json), loaded
/// through the API as `deploy/run.sh` loads it.
@Suite("The sample New Orleans conference", .serialized)
struct SampleConferenceTests {
    @Test("its workshops run in parallel in rooms of their size, and the site visit goes to the emergency department")
    func conference() async throws {
        try await InProcessService.run(ProgramSchedulingService.definition) { service, client in
            let people = try await People.threeCommunities(service)
            let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("deploy/sample-data/new-orleans-conference.json")
            let sample = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
            var venueIDs: [String: String] = [:]
            var capacities: [String: Int] = [:]
            for var venue in try #require(sample["venues"] as? [[String: Any]]) {
                let key = try #require(venue.removeValue(forKey: "key") as? String)
                let created = try await client.send(.post, "/venues", object: venue)
                #expect(created.status == .created, "\(created.body)")
                let id = try #require(try created.object()["id"] as? String)
                venueIDs[key] = id
                capacities[id] = venue["capacity"] as? Int
            }
            var program = try #require(sample["program"] as? [String: Any])
            program["organiserVolunteerId"] = people.desMoines.volunteerId.uuidString.lowercased()
            // As deploy/run.sh loads it: on the first Monday at least 60 days ahead, at the file's time of day.
            let earliest = try instant(try #require(program["earliestStart"] as? String))
            let deadline = try instant(try #require(program["deadline"] as? String))
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = .gmt
            var day = calendar.startOfDay(for: Date().addingTimeInterval(60 * 86_400))
            while calendar.component(.weekday, from: day) != 2 { day = day.addingTimeInterval(86_400) }
            let start = day.addingTimeInterval(earliest.timeIntervalSince(calendar.startOfDay(for: earliest)))
            program["earliestStart"] = ContractCoding.formatInstant(start)
            program["deadline"] = ContractCoding.formatInstant(start.addingTimeInterval(deadline.timeIntervalSince(earliest)))
            program["venueIds"] = (program["venueIds"] as? [String])?.compactMap { venueIDs[$0] }
            program["sessions"] = (program["sessions"] as? [[String: Any]])?.map { session in
                var session = session
                session["venueIds"] = (session["venueIds"] as? [String])?.compactMap { venueIDs[$0] }
                return session
            }
            let created = try await client.send(.post, "/programs", object: program)
            #expect(created.status == .created, "\(created.body)")
            let conference = try created.decode(ProgramAnswer.self)
            #expect(conference.sessions.count == 6)
            let sessions = Dictionary(uniqueKeysWithValues: conference.sessions.map { ($0.key, $0) })
            let expected = [
                "opening-plenary": 350, "workshop-triage": 110, "workshop-evacuation": 55, "workshop-paediatrics": 45, "site-visit": 25,
            ]
            for (key, attendance) in expected {
                let session = try #require(sessions[key])
                let venue = try #require(session.venueId)
                #expect((capacities[venue] ?? 0) >= attendance, "\(key) fits its room")
            }
            #expect(sessions["site-visit"]?.venueId == venueIDs["umc-ed"])
            // Workshops in different rooms at the same time: at least two of them overlap.
            let workshops = conference.sessions.filter { $0.key.hasPrefix("workshop-") }
            let overlapping = workshops.enumerated().contains { index, first in
                workshops.dropFirst(index + 1).contains { second in
                    first.startsAt < second.endsAt && second.startsAt < first.endsAt && first.venueId != second.venueId
                }
            }
            #expect(overlapping, "parallel workshops")
            // No room holds two sessions at once.
            for (index, first) in conference.sessions.enumerated() {
                for second in conference.sessions.dropFirst(index + 1) where first.venueId == second.venueId {
                    #expect(!(first.startsAt < second.endsAt && second.startsAt < first.endsAt), "\(first.key) and \(second.key)")
                }
            }
        }
    }
}
