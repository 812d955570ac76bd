import Contracts
import Foundation
import HTTPTypes
import HummingbirdTesting
import ProgramScheduling
import ServiceKit
import ServiceTestSupport
import Testing

/// The iCalendar feeds, read back by Python's `icalendar` (an RFC 5545 parser independent of
/// the service's writer), and the moves that raise their SEQUENCE.
@Suite("Calendar feeds and rescheduling", .serialized)
struct CalendarFeedTests {
    /// One VEVENT as Python's icalendar reads it.
    struct ParsedEvent: Decodable {
        var uid: String
        var start: String
        var startZone: String
        var startUTC: String
        var sequence: Int
        var status: String
        var organizer: String
    }

    static let reader = """
        import json, sys
        from icalendar import Calendar
        calendar = Calendar.from_ical(sys.stdin.buffer.read())
        zones = [c.get('TZID') for c in calendar.walk('VTIMEZONE')]
        events = []
        for event in calendar.walk('VEVENT'):
            start = event.decoded('DTSTART')
            events.append({
                'uid': str(event.get('UID')), 'start': start.strftime('%Y-%m-%dT%H:%M'),
                'startZone': str(start.tzinfo), 'startUTC': start.astimezone(__import__('datetime').timezone.utc).strftime('%Y-%m-%dT%H:%M'),
                'sequence': int(event.get('SEQUENCE')), 'status': str(event.get('STATUS')), 'organizer': str(event.get('ORGANIZER'))})
        print(json.dumps({'zones': [str(z) for z in zones], 'events': events}))
        """

    struct Parsed: Decodable {
        var zones: [String]
        var events: [ParsedEvent]
    }

    /// Parses a feed with Python's icalendar, installed into `.local/icalendar` by
    /// `deploy/icalendar-venv.sh` on first use.
    static func parse(_ feed: String) throws -> Parsed {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let python = try run(root.appendingPathComponent("deploy/icalendar-venv.sh").path, [], input: Data())
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let output = try run(python, ["-c", reader], input: Data(feed.utf8))
        return try JSONDecoder().decode(Parsed.self, from: Data(output.utf8))
    }

    static func run(_ executable: String, _ arguments: [String], input: Data) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(executable) failed: \(String(decoding: errors, as: UTF8.self))")
        return String(decoding: output, as: UTF8.self)
    }

    @Test("each participant's feed has the meeting in their own zone; a new unavailability moves it with SEQUENCE 1")
    func feedsAndReschedule() async throws {
        try await InProcessService.run(ProgramSchedulingService.definition) { service, client in
            let people = try await People.threeCommunities(service)
            try await ProgramTests.widenMelbourne(client, people.melbourne)
            let created = try await client.send(
                .post, "/programs",
                object: ProgramTests.meeting(
                    [people.sderot, people.desMoines, people.melbourne], from: "2027-01-03T00:00:00Z", to: "2027-01-15T00:00:00Z"))
            #expect(created.status == .created, "\(created.body)")
            let program = try created.decode(ProgramAnswer.self)
            let session = try #require(program.sessions.first)

            // The volunteer's signed link: their own token in the query.
            let melbourneID = people.melbourne.volunteerId.uuidString.lowercased()
            let token = try await TestTokens.token(.volunteer, volunteer: people.melbourne.volunteerId)
            let anonymous = try #require(client as? AuthorizedTestClient).anonymous
            let feed = try await anonymous.send(.get, "/calendars/participants/\(melbourneID)?access_token=\(token)")
            #expect(feed.status == .ok)
            #expect(feed.headers[.contentType]?.hasPrefix("text/calendar") == true)
            let parsed = try Self.parse(feed.body)
            #expect(parsed.zones == ["Australia/Melbourne"])
            let event = try #require(parsed.events.first)
            #expect(parsed.events.count == 1)
            #expect(event.start == "2027-01-05T06:00", "Tuesday 06:00 in Melbourne")
            #expect(event.startZone == "Australia/Melbourne")
            #expect(event.startUTC == "2027-01-04T19:00")
            #expect(event.uid == "\(session.id.uuidString.lowercased())@p2g.jewishagency.org")
            #expect(event.sequence == 0 && event.status == "CONFIRMED")
            #expect(event.organizer.hasPrefix("mailto:"))
            // Another volunteer's link does not open it.
            let other = try await TestTokens.token(.volunteer, volunteer: people.sderot.volunteerId)
            #expect(try await anonymous.send(.get, "/calendars/participants/\(melbourneID)?access_token=\(other)").status == .forbidden)

            let communityFeed = try await client.send(
                .get, "/calendars/communities/\(people.communities[1].communityId.uuidString.lowercased())")
            let community = try Self.parse(communityFeed.body)
            #expect(community.zones == ["America/Chicago"])
            #expect(community.events.map(\.start) == ["2027-01-04T13:00"], "Monday 13:00 in Des Moines")

            // Sderot's member cannot on Monday: the meeting moves, and only it.
            let sderotID = people.sderot.volunteerId.uuidString.lowercased()
            let busy = try await client.send(
                .put, "/participants/\(sderotID)/availability",
                object: [
                    "workingDays": [1, 2, 3, 4, 5], "workingFrom": "07:00", "workingTo": "22:00",
                    "unavailable": [["start": "2027-01-04T00:00:00Z", "end": "2027-01-05T00:00:00Z"]],
                ])
            #expect(busy.status == .ok, "\(busy.body)")
            let moved = try await client.send(.get, "/programs/\(program.id.uuidString.lowercased())")
            let movedSession = try #require(try moved.decode(ProgramAnswer.self).sessions.first)
            #expect(movedSession.id == session.id)
            #expect(movedSession.startsAt == (try instant("2027-01-05T19:00:00Z")), "the next common hour, Tuesday")
            #expect(movedSession.sequence == 1)
            let rescheduled = try await service.outboxEvents(SessionRescheduled.self)
            #expect(rescheduled.count == 1)
            #expect(rescheduled.first?.previousStartsAt == session.startsAt)
            #expect(rescheduled.first?.session.startsAt == movedSession.startsAt)
            #expect(rescheduled.first?.sequence == 1 && rescheduled.first?.reason == "participant-unavailable")

            let programFeed = try await client.send(.get, "/calendars/programs/\(program.id.uuidString.lowercased())")
            let after = try Self.parse(programFeed.body)
            #expect(after.events.map(\.uid) == [event.uid], "the same UID")
            #expect(after.events.first?.sequence == 1)
            #expect(after.events.first?.startUTC == "2027-01-05T19:00")
            #expect(after.zones == [program.timeZone])
        }
    }

    @Test("a closed venue moves its sessions; one that fits nowhere is cancelled and shown CANCELLED")
    func closedVenue() async throws {
        try await InProcessService.run(ProgramSchedulingService.definition) { service, client in
            let people = try await People.threeCommunities(service)
            let venue = try await client.send(
                .post, "/venues",
                object: [
                    "name": "Tulane University Medical Center, Hall A", "location": ["latitude": 29.955, "longitude": -90.077],
                    "timeZone": "America/Chicago", "capacity": 120,
                    "openingHours": ["days": [2, 3, 4, 5, 6], "from": "08:00", "to": "18:00"],
                ])
            #expect(venue.status == .created, "\(venue.body)")
            let venueID = try #require(try venue.object()["id"] as? String)
            var request = ProgramTests.meeting([people.desMoines], from: "2027-03-08T00:00:00Z", to: "2027-03-10T00:00:00Z")
            request["kind"] = "conference"
            request["format"] = "in-person"
            request["venueIds"] = [venueID]
            let created = try await client.send(.post, "/programs", object: request)
            #expect(created.status == .created, "\(created.body)")
            let program = try created.decode(ProgramAnswer.self)
            let session = try #require(program.sessions.first)
            #expect(session.venueId == venueID && session.capacity == 120 && program.capacity == 120)
            // Closed for the whole window: nothing fits, so it is cancelled.
            let closed = try await client.send(
                .post, "/venues/\(venueID)/closures", object: ["start": "2027-03-07T00:00:00Z", "end": "2027-03-11T00:00:00Z"])
            #expect(closed.status == .ok, "\(closed.body)")
            let after = try await client.send(.get, "/programs/\(program.id.uuidString.lowercased())")
            let cancelled = try #require(try after.decode(ProgramAnswer.self).sessions.first)
            #expect(cancelled.status == "cancelled" && cancelled.sequence == 1)
            let feed = try Self.parse(try await client.send(.get, "/calendars/programs/\(program.id.uuidString.lowercased())").body)
            #expect(feed.events.first?.status == "CANCELLED")
            #expect(try await service.outboxEvents(SessionRescheduled.self).first?.reason.contains("cancelled") == true)
        }
    }
}
