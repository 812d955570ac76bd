import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Notifications
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing

/// Announcements to the people of a partnership, a committee or a program, who the service knows
/// from the registry's and scheduling's events; delivered to the real SMTP server.
@Suite("Announcements to a partnership, a committee or a program", .serialized)
struct AudienceTests {
    struct Progress: Decodable {
        struct Audience: Decodable {
            var kind: String
            var id: UUID
        }
        var id: UUID
        var audience: Audience
        var communityId: UUID?
        var recipients: Int
        var sent: Int
    }

    static func announcement(_ kind: String, _ id: UUID, subject: String) -> ByteBuffer {
        ByteBuffer(
            string:
                #"{"audience": {"kind": "\#(kind)", "id": "\#(id.uuidString.lowercased())"}, "subjects": {"en": "\#(subject)"}, "bodies": {"en": "Details inside."}}"#
        )
    }

    static func announce(_ body: ByteBuffer, client: any TestClientProtocol) async throws -> Progress {
        try await client.execute(uri: "/announcements", method: .post, headers: [.contentType: "application/json"], body: body) {
            response in
            #expect(response.status == .created)
            return try JSONDecoder().decode(Progress.self, from: Data(buffer: response.body))
        }
    }

    static func received(_ subject: String, by volunteer: VolunteerRegistered) throws -> Int {
        try Mailbox.messages(to: volunteer.contactChannels[0].address).filter { $0.subject == subject }.count
    }

    @Test("an announcement to a partnership reaches the volunteers of its current members, not of one that left")
    func partnership() async throws {
        let clock = SettableClock(DeliveryTests.tuesdayNoonInJerusalem)
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try DeliveryTests.environment()) {
            service, client in
            let (first, second, joined, outside) = (UUID(), UUID(), UUID(), UUID())
            let volunteers = [first, second, joined, outside].map { AnnouncementTests.volunteer(community: $0, languages: ["en"]) }
            for volunteer in volunteers { try await service.publish(volunteer) }
            let partnership = UUID()
            let day = try #require(CalendarDate(parsing: "2020-01-01"))
            let leaving = UUID()
            try await service.publish(
                PartnershipFormed(
                    partnershipId: partnership, name: "Western Galilee – Central Area Consortium", names: nil, program: .partnership2gether,
                    formedOn: day,
                    members: [
                        .init(membershipId: UUID(), communityId: first, side: .israeli, joinedOn: day),
                        .init(membershipId: leaving, communityId: second, side: .global, joinedOn: day),
                    ], recordedAt: DeliveryTests.tuesdayNoonInJerusalem))
            try await service.publish(
                PartnershipMemberJoined(partnershipId: partnership, membershipId: UUID(), communityId: joined, side: .global, joinedOn: day)
            )
            try await service.publish(
                PartnershipMemberLeft(
                    partnershipId: partnership, membershipId: leaving, communityId: second, side: .global, joinedOn: day,
                    leftOn: try #require(CalendarDate(parsing: "2026-12-01"))))
            try await service.waitUntil("the members and volunteers are known") {
                let members = try await service.count("SELECT count(*) FROM partnership_members WHERE partnership_id = \(partnership)")
                let left = try await service.count(
                    "SELECT count(*) FROM partnership_members WHERE left_on IS NOT NULL AND community_id = \(second)")
                let known = try await service.count(
                    "SELECT count(*) FROM volunteer_recipients WHERE home_community_id = ANY(\([first, second, joined, outside])::uuid[])")
                return members == 3 && left == 1 && known == 4
            }
            let progress = try await Self.announce(
                Self.announcement("partnership", partnership, subject: "Consortium assembly"), client: client)
            #expect(progress.audience.kind == "partnership")
            #expect(progress.audience.id == partnership)
            #expect(progress.communityId == nil)
            #expect(progress.recipients == 2)
            try await service.waitUntil("both are sent") {
                try Self.received("Consortium assembly", by: volunteers[0]) == 1
                    && Self.received("Consortium assembly", by: volunteers[2]) == 1
            }
            #expect(try Self.received("Consortium assembly", by: volunteers[1]) == 0)
            #expect(try Self.received("Consortium assembly", by: volunteers[3]) == 0)
        }
    }

    @Test(
        "an announcement to a committee reaches those holding a seat today: not a term that ended, even when its end came first, nor one yet to start"
    )
    func committee() async throws {
        let clock = SettableClock(DeliveryTests.tuesdayNoonInJerusalem)
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try DeliveryTests.environment()) {
            service, client in
            let volunteers = (0..<5).map { _ in AnnouncementTests.volunteer(community: UUID(), languages: ["en"]) }
            for volunteer in volunteers { try await service.publish(volunteer) }
            let (partnership, steering, education) = (UUID(), UUID(), UUID())
            let seats = (0..<5).map { _ in UUID() }
            func taken(_ index: Int, committee: UUID, role: String, from start: String, to end: String?) throws -> CommitteeSeatTaken {
                CommitteeSeatTaken(
                    seatId: seats[index], committeeId: committee, partnershipId: partnership,
                    committeeName: committee == steering ? "Joint Steering Committee" : "Education", committeeKind: "jointSteering",
                    volunteerId: volunteers[index].volunteerId, side: .israeli, role: role,
                    termStart: try #require(CalendarDate(parsing: start)), termEnd: try end.map { try #require(CalendarDate(parsing: $0)) },
                    seatedAt: DeliveryTests.tuesdayNoonInJerusalem)
            }
            func ended(_ index: Int, committee: UUID, on end: String) throws -> CommitteeSeatEnded {
                CommitteeSeatEnded(
                    seatId: seats[index], committeeId: committee, partnershipId: partnership, volunteerId: volunteers[index].volunteerId,
                    termEnd: try #require(CalendarDate(parsing: end)), recordedAt: DeliveryTests.tuesdayNoonInJerusalem)
            }
            // 0: the chair since 2020, no end; 1: a member whose term ended early in 2023, its end
            // arriving before its seat; 2: a member from 2099; 3: on another committee; 4: a member
            // until 2099, whose seat is announced twice.
            try await service.publish(try taken(0, committee: steering, role: "chair", from: "2020-01-01", to: nil))
            try await service.publish(try ended(1, committee: steering, on: "2023-06-01"))
            try await service.publish(try taken(1, committee: steering, role: "member", from: "2021-01-01", to: "2025-01-01"))
            try await service.publish(try taken(2, committee: steering, role: "member", from: "2099-01-01", to: nil))
            try await service.publish(try taken(3, committee: education, role: "member", from: "2020-01-01", to: nil))
            try await service.publish(try taken(4, committee: steering, role: "co-chair", from: "2022-01-01", to: "2099-01-01"))
            try await service.publish(try taken(4, committee: steering, role: "co-chair", from: "2022-01-01", to: "2099-01-01"))
            try await service.waitUntil("the seats and volunteers are known") {
                let seated = try await service.count("SELECT count(*) FROM committee_seats WHERE term_start IS NOT NULL")
                let known = try await service.count(
                    "SELECT count(*) FROM volunteer_recipients WHERE volunteer_id = ANY(\(volunteers.map(\.volunteerId))::uuid[])")
                return seated == 5 && known == 5
            }
            #expect(
                try await service.count("SELECT count(*) FROM committee_seats WHERE seat_id = \(seats[1]) AND term_end = '2023-06-01'") == 1
            )
            let progress = try await Self.announce(
                Self.announcement("committee", steering, subject: "Steering committee meets Sunday"), client: client)
            #expect(progress.audience.kind == "committee")
            #expect(progress.audience.id == steering)
            #expect(progress.recipients == 2)
            try await service.waitUntil("both are sent") {
                try Self.received("Steering committee meets Sunday", by: volunteers[0]) == 1
                    && Self.received("Steering committee meets Sunday", by: volunteers[4]) == 1
            }
            for index in [1, 2, 3] { #expect(try Self.received("Steering committee meets Sunday", by: volunteers[index]) == 0) }
        }
    }

    @Test("an announcement to a program reaches those expected at its sessions and those with a seat, not those waiting")
    func program() async throws {
        let clock = SettableClock(DeliveryTests.tuesdayNoonInJerusalem)
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try DeliveryTests.environment()) {
            service, client in
            let volunteers = (0..<5).map { _ in AnnouncementTests.volunteer(community: UUID(), languages: ["en"]) }
            for volunteer in volunteers { try await service.publish(volunteer) }
            let program = ProgramNotificationTests.program([
                ProgramNotificationTests.session("2026-12-15T08:00:00Z", participants: [volunteers[0]]),
                ProgramNotificationTests.session("2026-12-16T08:00:00Z", participants: [volunteers[0], volunteers[1]]),
            ])
            try await service.publish(program)
            try await service.publish(
                RegistrationConfirmed(
                    registrationId: UUID(), programId: program.programId, sessionId: nil, volunteerId: volunteers[2].volunteerId,
                    confirmedAt: DeliveryTests.tuesdayNoonInJerusalem))
            try await service.publish(
                RegistrationWaitlisted(
                    registrationId: UUID(), programId: program.programId, sessionId: nil, volunteerId: volunteers[3].volunteerId,
                    position: 1,
                    waitlistedAt: DeliveryTests.tuesdayNoonInJerusalem))
            try await service.waitUntil("the program's people are known") {
                try await service.count(
                    "SELECT count(*) FROM deliveries WHERE kind IN ('program-scheduled', 'registration-confirmed', 'registration-waitlisted')"
                ) == 4
            }
            let progress = try await Self.announce(
                Self.announcement("program", program.programId, subject: "Bus leaves at 7"), client: client)
            #expect(progress.recipients == 3)
            try await service.waitUntil("the three are sent") {
                try volunteers[0..<3].allSatisfy { try Self.received("Bus leaves at 7", by: $0) == 1 }
            }
            #expect(try Self.received("Bus leaves at 7", by: volunteers[3]) == 0)
            #expect(try Self.received("Bus leaves at 7", by: volunteers[4]) == 0)
        }
    }

    @Test("an announcement to an audience the service does not have, or to none, is refused naming the field")
    func invalidAudience() async throws {
        try await InProcessService.run(NotificationsService.definition, environment: try DeliveryTests.environment()) { _, client in
            let bodies = [
                (
                    #"{"audience": {"kind": "household", "id": "\#(UUID())"}, "subjects": {"en": "x"}, "bodies": {"en": "y"}}"#,
                    "audience.kind"
                ),
                (#"{"subjects": {"en": "x"}, "bodies": {"en": "y"}}"#, "audience"),
                (
                    #"{"communityId": "\#(UUID())", "audience": {"kind": "program", "id": "\#(UUID())"}, "subjects": {"en": "x"}, "bodies": {"en": "y"}}"#,
                    "communityId"
                ),
            ]
            for (body, field) in bodies {
                try await client.execute(
                    uri: "/announcements", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == .unprocessableContent)
                    #expect(String(buffer: response.body).contains("\"\(field)\""))
                }
            }
        }
    }
}
