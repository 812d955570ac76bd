import Contracts
import Foundation
import HTTPTypes
import HummingbirdTesting
import ProgramScheduling
import ServiceKit
import ServiceTestSupport
import Testing

/// Programs placed through the HTTP API by the scheduling engine, against the real stack.
@Suite("Programs through the scheduling API", .serialized)
struct ProgramTests {
    static func meeting(_ people: [VolunteerRegistered], from earliest: String, to deadline: String) -> [String: Any] {
        [
            "kind": "committee-meeting", "titles": ["en": "Joint steering committee", "he": "ועדת היגוי משותפת"],
            "sessions": [
                ["key": "main", "durationMinutes": 60, "requiredParticipants": people.map { $0.volunteerId.uuidString.lowercased() }]
            ], "earliestStart": earliest, "deadline": deadline,
        ]
    }

    /// Melbourne's coordinator works 06:00 to 23:00, as people who meet across the world do.
    static func widenMelbourne(_ client: some TestClientProtocol, _ volunteer: VolunteerRegistered) async throws {
        let answer = try await client.send(
            .put, "/participants/\(volunteer.volunteerId.uuidString.lowercased())/availability",
            object: ["workingDays": [2, 3, 4, 5, 6], "workingFrom": "06:00", "workingTo": "23:00", "unavailable": [Any]()])
        #expect(answer.status == .ok, "\(answer.body)")
    }

    @Test("a joint meeting of Sderot, Des Moines and Melbourne is placed inside everyone's hours and outside Shabbat")
    func jointMeetingOfThreePlaces() async throws {
        try await InProcessService.run(ProgramSchedulingService.definition) { service, client in
            let people = try await People.threeCommunities(service)
            try await Self.widenMelbourne(client, people.melbourne)
            // Sunday 3 January 2027 to Friday 15 January.
            let answer = try await client.send(
                .post, "/programs",
                object: Self.meeting(
                    [people.sderot, people.desMoines, people.melbourne], from: "2027-01-03T00:00:00Z", to: "2027-01-15T00:00:00Z"))
            #expect(answer.status == .created, "\(answer.body)")
            let program = try answer.decode(ProgramAnswer.self)
            let session = try #require(program.sessions.first)
            #expect(program.sessions.count == 1)
            // Sunday is no working day abroad: Monday 21:00 in Sderot, 13:00 in Des Moines, Tuesday 06:00 in Melbourne.
            #expect(session.startsAt == (try instant("2027-01-04T19:00:00Z")))
            #expect(session.endsAt == (try instant("2027-01-04T20:00:00Z")))
            for (zone, from, to) in [("Asia/Jerusalem", 7, 22), ("America/Chicago", 7, 22), ("Australia/Melbourne", 6, 23)] {
                let start = try local(session.startsAt, zone)
                let end = try local(session.endsAt, zone)
                let (startHour, endHour) = (start.hour ?? -1, end.hour ?? 99)
                #expect(startHour >= from && (endHour < to || endHour == to && end.minute == 0), "\(zone)")
                // Not Friday evening or Saturday anywhere.
                #expect(start.weekday != 7 && !(start.weekday == 6 && startHour >= 15), "\(zone)")
            }
            #expect(
                Set(session.participants)
                    == Set([people.sderot, people.desMoines, people.melbourne].map { $0.volunteerId.uuidString.lowercased() }))
            let events = try await service.outboxEvents(ProgramScheduled.self)
            #expect(events.count == 1)
            #expect(events.first?.sessions.first?.startsAt == session.startsAt)
            #expect(events.first?.titles["he"] == "ועדת היגוי משותפת")

            let again = try await client.send(.get, "/programs/\(program.id.uuidString.lowercased())")
            #expect(again.status == .ok)
            #expect(try again.decode(ProgramAnswer.self).sessions.first?.startsAt == session.startsAt)
        }
    }

    @Test("a quarterly series over three years keeps every occurrence, moving the one that falls on Pesach")
    func quarterlySeries() async throws {
        try await InProcessService.run(ProgramSchedulingService.definition) { service, client in
            let people = try await People.threeCommunities(service)
            var request = Self.meeting([people.sderot, people.desMoines], from: "2027-04-22T13:00:00Z", to: "2027-05-01T13:00:00Z")
            request["kind"] = "committee-meeting"
            request["recurrence"] = ["every": "quarterly", "years": 3]
            request["sessions"] = [
                [
                    "key": "review", "durationMinutes": 90,
                    "requiredParticipants": [people.sderot, people.desMoines].map { $0.volunteerId.uuidString.lowercased() },
                ]
            ]
            let answer = try await client.send(
                .post, "/programs", object: request, headers: [HTTPField.Name("Idempotency-Key")!: "quarterly-1"])
            #expect(answer.status == .created, "\(answer.body)")
            let program = try answer.decode(ProgramAnswer.self)
            #expect(program.sessions.map(\.occurrence) == Array(0..<12), "none dropped")
            // Thursday 22 April 2027 is the first day of Pesach (and 23 April the second abroad): the
            // first review moves to a later day of its window, not off the series.
            let first = try local(try #require(program.sessions.first).startsAt, "Asia/Jerusalem")
            #expect(first.month == 4 && (first.day ?? 0) > 23, "\(first)")
            // Each occurrence within its own window: the first's moved by three months at a time on
            // Sderot's calendar, nine days long.
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = try #require(TimeZone(identifier: "Asia/Jerusalem"))
            for session in program.sessions {
                let opens = try #require(
                    calendar.date(byAdding: .month, value: 3 * session.occurrence, to: try instant("2027-04-22T13:00:00Z")))
                #expect(
                    session.startsAt >= opens && session.endsAt <= opens.addingTimeInterval(9 * 86_400), "occurrence \(session.occurrence)")
            }
            let replay = try await client.send(
                .post, "/programs", object: request, headers: [HTTPField.Name("Idempotency-Key")!: "quarterly-1"])
            #expect(replay.status == .ok)
            #expect(try replay.decode(ProgramAnswer.self).id == program.id)
        }
    }

    @Test("a program no time fits is refused with the engine's explanation: which rules, which places, which dates")
    func infeasibleProgram() async throws {
        try await InProcessService.run(ProgramSchedulingService.definition) { service, client in
            let people = try await People.threeCommunities(service)
            // Saturday 9 January 2027 only: Shabbat, and no working day in Sderot or abroad.
            let answer = try await client.send(
                .post, "/programs",
                object: Self.meeting([people.sderot, people.desMoines], from: "2027-01-09T00:00:00Z", to: "2027-01-09T20:00:00Z"))
            #expect(answer.status == .unprocessableContent)
            let problem = try answer.object()
            #expect(problem["title"] as? String == "Program cannot be placed")
            let detail = try #require(problem["detail"] as? String)
            #expect(detail.contains("no 60-minute slot"), "\(detail)")
            #expect(detail.contains("Sderot") || detail.contains("Des Moines"), "\(detail)")
            #expect(detail.contains("2027-01-09"), "\(detail)")
            // And in each participant's own time: the window opens at 02:00 in Sderot, 18:00 the evening before in Des Moines.
            #expect(detail.contains("in Sderot (Asia/Jerusalem)") && detail.contains("in Des Moines (America/Chicago)"), "\(detail)")
            #expect(detail.contains("02:00"), "\(detail)")
            #expect(try await service.count("SELECT count(*) FROM programs") == 0)
            #expect(try await service.outboxEvents(ProgramScheduled.self).isEmpty)
        }
    }

    @Test("a window Yom Kippur closes at every place is explained with the festival named at each place, in its local time")
    func festivalEverywhere() async throws {
        try await InProcessService.run(ProgramSchedulingService.definition) { service, client in
            let people = try await People.threeCommunities(service)
            // Monday 11 October 2027, 10:00 to 14:00 UTC: Yom Kippur in Sderot and in Des Moines.
            let answer = try await client.send(
                .post, "/programs",
                object: Self.meeting([people.sderot, people.desMoines], from: "2027-10-11T10:00:00Z", to: "2027-10-11T14:00:00Z"))
            #expect(answer.status == .unprocessableContent)
            let detail = try #require(try answer.object()["detail"] as? String)
            #expect(detail.contains("Yom Kippur in Des Moines, Sun 2027-10-10 18:"), "\(detail)")
            #expect(detail.contains("Yom Kippur in Sderot, Sun 2027-10-10 17:"), "\(detail)")
        }
    }

    @Test("a program that weighs Chol HaMoed avoids the intermediate days of Pesach that an unweighted one takes")
    func softWeightsAvoidCholHamoed() async throws {
        try await InProcessService.run(ProgramSchedulingService.definition) { service, client in
            let people = try await People.threeCommunities(service)
            // Monday 26 April 2027 to Monday 3 May: Pesach's intermediate days on the 26th and 27th
            // in Sderot and in Des Moines, its last day on the 28th (and the 29th abroad).
            var request = Self.meeting([people.sderot, people.desMoines], from: "2027-04-26T00:00:00Z", to: "2027-05-04T00:00:00Z")
            let unweighted = try await client.send(.post, "/programs", object: request)
            #expect(unweighted.status == .created, "\(unweighted.body)")
            let plain = try #require(try unweighted.decode(ProgramAnswer.self).sessions.first)
            let plainDay = try local(plain.startsAt, "Asia/Jerusalem")
            #expect(plainDay.month == 4 && [26, 27].contains(plainDay.day ?? 0), "the first good time is on Chol HaMoed: \(plainDay)")

            request["softWeights"] = ["cholHamoed": 10, "festivalEveAfternoon": 5, "absenceWeight": 1]
            let weighted = try await client.send(.post, "/programs", object: request)
            #expect(weighted.status == .created, "\(weighted.body)")
            let program = try weighted.decode(ProgramAnswer.self)
            let session = try #require(program.sessions.first)
            for zone in ["Asia/Jerusalem", "America/Chicago"] {
                for instant in [session.startsAt, session.endsAt.addingTimeInterval(-1)] {
                    let day = try local(instant, zone)
                    #expect(!(day.month == 4 && (22...27).contains(day.day ?? 0)), "not on Pesach's intermediate days in \(zone): \(day)")
                }
            }
            // Stored with the program and shown with it.
            let stored = try await client.send(.get, "/programs/\(program.id.uuidString.lowercased())")
            let weights = try #require(try stored.object()["softWeights"] as? [String: Any])
            #expect(weights["cholHamoed"] as? Double == 10)
            #expect(weights["festivalEveAfternoon"] as? Double == 5)
            #expect(weights["absenceWeight"] as? Double == 1)
        }
    }

    @Test("soft weights that are negative, too large or not numbers are refused with a problem naming them")
    func badSoftWeights() async throws {
        try await InProcessService.run(ProgramSchedulingService.definition) { service, client in
            let people = try await People.threeCommunities(service)
            var request = Self.meeting([people.sderot], from: "2027-01-10T00:00:00Z", to: "2027-01-13T00:00:00Z")
            request["softWeights"] = ["cholHamoed": -1, "festivalEveAfternoon": 1e12, "absenceWeight": 0]
            let answer = try await client.send(.post, "/programs", object: request)
            #expect(answer.status == .unprocessableContent, "\(answer.body)")
            let problem = try answer.object()
            #expect((answer.headers[.contentType] ?? "").hasPrefix("application/problem+json"))
            let fields = (problem["invalid-params"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(Set(fields) == ["softWeights.cholHamoed", "softWeights.festivalEveAfternoon"], "\(fields)")
            request["softWeights"] = ["cholHamoed": "high"]
            let text = try await client.send(.post, "/programs", object: request)
            #expect(text.status.code >= 400 && text.status.code < 500, "\(text.body)")
            #expect(try await service.count("SELECT count(*) FROM programs") == 0)
        }
    }

    @Test("bad programs are refused with 4xx naming the fields, never 5xx")
    func badInput() async throws {
        try await InProcessService.run(ProgramSchedulingService.definition) { service, client in
            let people = try await People.threeCommunities(service)
            var request = Self.meeting([people.sderot], from: "2027-01-10T00:00:00Z", to: "2027-01-03T00:00:00Z")
            request["kind"] = "picnic"
            let answer = try await client.send(.post, "/programs", object: request)
            #expect(answer.status == .unprocessableContent)
            let fields = (try answer.object()["invalid-params"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(Set(fields).isSuperset(of: ["kind", "deadline"]), "\(fields)")
            #expect(try await client.send(.post, "/programs", json: "{").status == .badRequest)
            #expect(try await client.send(.get, "/programs/not-an-id").status == .badRequest)
            #expect(try await client.send(.get, "/programs/\(UUID().uuidString)").status == .notFound)
            let stranger = Self.meeting(
                [People.volunteer(of: people.communities[0], side: .israeli)], from: "2027-01-10T00:00:00Z", to: "2027-01-13T00:00:00Z")
            #expect(try await client.send(.post, "/programs", object: stranger).status == .unprocessableContent)
            #expect(try await client.send(.get, "/programs?limit=0").status == .badRequest)
            #expect(try await client.send(.get, "/programs?after=x").status == .badRequest)
        }
    }

    @Test("a joint team formed by matching gets its needs-assessment meetings without a request")
    func teamFormedGetsItsMeeting() async throws {
        try await InProcessService.run(ProgramSchedulingService.definition) { service, client in
            let sderot = SampleCommunities.sderot()
            let desMoines = SampleCommunities.desMoines()
            try await service.publish(sderot)
            try await service.publish(desMoines)
            func member(_ delegation: JointTeamFormed.Delegation, _ zone: String) -> JointTeamFormed.Member {
                .init(volunteerId: UUID(), delegation: delegation, timeZone: zone, languages: ["en"])
            }
            let team = JointTeamFormed(
                teamId: UUID(), pairingId: UUID(), program: .communities2gether, impactedCommunityId: sderot.communityId,
                supportingCommunityId: desMoines.communityId,
                members: [
                    member(.impacted, "Asia/Jerusalem"), member(.impacted, "Asia/Jerusalem"), member(.supporting, "America/Chicago"),
                    member(.supporting, "America/Chicago"), member(.agency, "Asia/Jerusalem"), member(.agency, "America/New_York"),
                ], workingLanguage: "en", interpreterNeeded: false, formedAt: Date())
            let sent = Date()
            try await service.publish(team)
            try await service.waitUntil("the meeting is scheduled") { try await service.count("SELECT count(*) FROM programs") == 1 }
            let page = try await client.send(.get, "/programs")
            let programs = try #require(try page.object()["programs"] as? [Any])
            #expect(programs.count == 1)
            let events = try await service.outboxEvents(ProgramScheduled.self)
            let event = try #require(events.first)
            #expect(event.teamId == team.teamId.uuidString.lowercased())
            #expect(event.kind == "joint-team-meeting")
            #expect(event.sessions.count == 12, "the first meeting and eleven monthly ones")
            let first = try #require(event.sessions.first)
            #expect(first.virtual)
            #expect(Set(first.participantVolunteerIds) == Set(team.members.map { $0.volunteerId.uuidString.lowercased() }))
            #expect(first.startsAt > sent && first.endsAt <= sent.addingTimeInterval(14 * 86_400 + 60))
            for zone in ["Asia/Jerusalem", "America/Chicago", "America/New_York"] {
                let clock = try local(first.startsAt, zone)
                let hour = clock.hour ?? -1
                #expect(hour >= 7 && hour < 22, "\(zone)")
                #expect(clock.weekday != 7 && !(clock.weekday == 6 && hour >= 15), "\(zone)")
            }
            // The workflow's command for the same team keeps the meetings it has.
            try await service.send(ScheduleMeeting(teamId: team.teamId))
            try await service.waitUntil("the command is handled") { try await service.count("SELECT count(*) FROM inbox") == 4 }
            #expect(try await service.count("SELECT count(*) FROM programs") == 1)
            #expect(try await service.takeParked().isEmpty)
        }
    }

    @Test("500 concurrent registrations for 300 seats: exactly 300 confirmed, 200 waitlisted in order; a cancellation promotes the first")
    func registrationsUnderConcurrency() async throws {
        try await InProcessService.run(ProgramSchedulingService.definition) { service, client in
            let people = try await People.threeCommunities(service)
            var request = Self.meeting([people.sderot, people.desMoines], from: "2027-02-01T00:00:00Z", to: "2027-02-12T00:00:00Z")
            request["kind"] = "conference"
            request["capacity"] = 300
            let created = try await client.send(.post, "/programs", object: request)
            #expect(created.status == .created, "\(created.body)")
            let program = try created.decode(ProgramAnswer.self)
            let uri = "/programs/\(program.id.uuidString.lowercased())/registrations"
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<500 {
                    group.addTask { try await client.send(.post, uri, object: ["volunteerId": UUID().uuidString.lowercased()]).status }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .created })
            var registrations: [RegistrationAnswer] = []
            var after: String?
            repeat {
                let page = try await client.send(.get, uri + "?limit=1000" + (after.map { "&after=\($0)" } ?? ""))
                struct Page: Decodable {
                    var registrations: [RegistrationAnswer]
                    var next: String?
                }
                let decoded = try page.decode(Page.self)
                registrations += decoded.registrations
                after = decoded.next
            } while after != nil
            #expect(registrations.count == 500)
            #expect(registrations.filter { $0.status == "confirmed" }.count == 300)
            let waitlisted = registrations.filter { $0.status == "waitlisted" }
            #expect(waitlisted.map(\.position) == Array(1...200).map { Optional($0) }, "in the order they came")
            #expect(registrations.prefix(300).allSatisfy { $0.status == "confirmed" }, "the first 300 to arrive hold the seats")
            #expect(try await service.outboxEvents(RegistrationConfirmed.self).count == 300)
            let waitlistedEvents = try await service.outboxEvents(RegistrationWaitlisted.self)
            #expect(waitlistedEvents.map(\.position).sorted() == Array(1...200))

            let leaving = try #require(registrations.first)
            let cancelled = try await client.send(.delete, "\(uri)/\(leaving.id.uuidString.lowercased())")
            #expect(cancelled.status == .ok, "\(cancelled.body)")
            struct Cancellation: Decodable {
                var cancelled: RegistrationAnswer
                var promoted: RegistrationAnswer?
            }
            let cancellation = try cancelled.decode(Cancellation.self)
            #expect(cancellation.cancelled.status == "cancelled")
            #expect(cancellation.promoted?.id == waitlisted.first?.id)
            #expect(cancellation.promoted?.status == "confirmed")
            let promotedEvents = try await service.outboxEvents(RegistrationPromoted.self)
            #expect(promotedEvents.map(\.registrationId) == [try #require(waitlisted.first).id])
            let next = try await client.send(.get, "\(uri)/\(waitlisted[1].id.uuidString.lowercased())")
            #expect(try next.decode(RegistrationAnswer.self).position == 1, "the second in line is now first")
            let programNow = try await client.send(.get, "/programs/\(program.id.uuidString.lowercased())")
            #expect(try programNow.decode(ProgramAnswer.self).confirmed == 300)
        }
    }
}
