import Foundation
import Postgres
import TestSupport
import Testing

/// A partnership's steering committee, seated through the registry, is an audience the
/// notifications service knows from the registry's events alone: an announcement to it reaches
/// those holding a seat today, once each, in the SMTP server's store.
@Suite("An announcement to a steering committee seated in the registry")
struct CommitteeAnnouncementTests {
    struct Created: Decodable { let id: UUID }
    struct Seat: Decodable { let seatId: UUID }
    struct Committees: Decodable {
        struct Committee: Decodable {
            let id: UUID
            let kind: String
        }
        let committees: [Committee]
    }
    struct Progress: Decodable {
        let id: UUID
        let recipients: Int
        let sent: Int
    }

    @Test(
        "the current chair and co-chair of a joint steering committee receive its announcement once each; a member whose term ended early and one on another committee do not"
    )
    func steeringCommitteeAnnouncement() async throws {
        try await TestSystem.run { system in
            let registry = try await system.start(.registry)
            let notifications = try await system.start(
                .notifications,
                environment: [
                    "P2G_SMTP_URL": try LocalStack.setting("P2G_SMTP_URL"),
                    // A Tuesday at noon in Jerusalem: no Shabbat, no night, whenever the test runs.
                    "P2G_NOTIFICATIONS_CLOCK": "2026-12-08T10:00:00Z",
                ])
            let client = RegistryClient(registry)
            let israeli = try RegistryClient.communityID(try await client.register(SampleCommunities.registration(0, prefix: "Seats")))
            let global = try RegistryClient.communityID(try await client.register(SampleCommunities.registration(1, prefix: "Seats")))
            func text(_ id: UUID) -> String { id.uuidString.lowercased() }
            let formed = try await HTTPClient.post(
                "\(registry.baseURL)/partnerships",
                body: Data(
                    """
                    {"name": "Seats partnership", "program": "partnership2gether", "formedOn": "2010-01-01",
                     "israeli": [{"communityId": "\(text(israeli))", "joinedOn": "2010-01-01"}],
                     "global": [{"communityId": "\(text(global))", "joinedOn": "2010-01-01"}]}
                    """.utf8))
            #expect(formed.status == 201, "\(formed.text)")
            let partnership = try formed.json(Created.self).id
            let committees = "\(registry.baseURL)/partnerships/\(text(partnership))/committees"
            let steering = try #require(
                try await HTTPClient.get(committees).json(Committees.self).committees.first { $0.kind == "jointSteering" }?.id)
            let education = try await HTTPClient.post(committees, body: Data(#"{"name": "Education"}"#.utf8))
            #expect(education.status == 201, "\(education.text)")
            let educationId = try education.json(Created.self).id

            // Four volunteers: the Israeli chair, the global co-chair, a member who steps down
            // early, and the education subcommittee's member.
            let run = UUID().uuidString.prefix(8).lowercased()
            let people = [
                (israeli, "chair", steering), (global, "co-chair", steering), (israeli, "member", steering),
                (global, "member", educationId),
            ]
            var addresses: [String] = []
            var seats: [UUID] = []
            for (index, (community, role, committee)) in people.enumerated() {
                let address = "seat-\(run)-\(index)@example.org"
                let volunteer = try await HTTPClient.post(
                    "\(registry.baseURL)/volunteers",
                    body: Data(
                        """
                        {"name": "Volunteer \(index)", "homeCommunityId": "\(text(community))", "languages": ["en"],
                         "timeZone": "Asia/Jerusalem", "roles": ["steering-committee"],
                         "contactChannels": [{"kind": "email", "address": "\(address)", "consent": {"given": true, "at": "2024-05-01T09:30:00Z"}}]}
                        """.utf8))
                #expect(volunteer.status == 201, "\(volunteer.text)")
                let seat = try await HTTPClient.post(
                    "\(committees)/\(text(committee))/members",
                    body: Data(
                        #"{"volunteerId": "\#(text(try volunteer.json(Created.self).id))", "role": "\#(role)", "termStart": "2020-01-01"}"#
                            .utf8))
                #expect(seat.status == 201, "\(seat.text)")
                addresses.append(address)
                seats.append(try seat.json(Seat.self).seatId)
            }
            let departure = try await HTTPClient.post(
                "\(committees)/\(text(steering))/departures", body: Data(#"{"seatId": "\#(text(seats[2]))", "termEnd": "2023-06-01"}"#.utf8)
            )
            #expect(departure.status == 200, "\(departure.text)")

            let database = try await system.database(for: .notifications)
            try await system.waitUntil(
                "the four seats, the early end and the volunteers reach notifications",
                probe: {
                    try await database.client.query(
                        """
                        SELECT (SELECT count(*) FROM committee_seats WHERE term_start IS NOT NULL)
                             + (SELECT count(*) FROM committee_seats WHERE term_end = '2023-06-01')
                             + (SELECT count(*) FROM volunteer_recipients)
                        """)[0].decode(Int.self, at: 0)
                }
            ) { $0 == 9 }
            let announced = try await HTTPClient.post(
                "\(notifications.baseURL)/announcements",
                body: Data(
                    #"{"audience": {"kind": "committee", "id": "\#(text(steering))"}, "subjects": {"en": "Steering committee \#(run)"}, "bodies": {"en": "We meet on Sunday."}}"#
                        .utf8))
            #expect(announced.status == 201, "\(announced.text)")
            let progress = try announced.json(Progress.self)
            #expect(progress.recipients == 2)
            try await system.waitUntil(
                "both are sent",
                probe: {
                    try await HTTPClient.get("\(notifications.baseURL)/announcements/\(text(progress.id))").json(Progress.self).sent
                }
            ) { $0 == 2 }
            let subject = "Subject: Steering committee \(run)"
            let received = try addresses.map { address in
                try NotificationDeliveryTests.stored(to: address).filter { $0.contains("\r\n\(subject)\r\n") }.count
            }
            #expect(received == [1, 1, 0, 0])
        }
    }
}
