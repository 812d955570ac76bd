import Foundation
import Postgres
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Registering volunteers in the registry and forming their joint team through matching reach
/// each volunteer as e-mails in the SMTP server's store, once each, across the four executables,
/// though the notifications service is killed in the middle.
@Suite("E-mails for registered volunteers and their formed team")
struct TeamNotificationTests {
    /// One message in the SMTP server's store: who it was delivered to and its Message-ID.
    struct StoredMail: Hashable {
        let recipient: String
        let messageID: String
    }

    /// What the stack's SMTP server stored for `addresses`: one entry per file.
    static func stored(for addresses: Set<String>) throws -> [StoredMail] {
        let folder = try LocalStack.setting("P2G_STACK_SMTP_STORE")
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".eml") }.compactMap { name in
            guard let text = try? String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8) else { return nil }
            let lines = text.components(separatedBy: "\r\n")
            guard let recipient = lines.first(where: { $0.hasPrefix("Delivered-To: ") })?.dropFirst("Delivered-To: ".count),
                addresses.contains(String(recipient)),
                let messageID = lines.first(where: { $0.hasPrefix("Message-ID: ") })?.dropFirst("Message-ID: ".count)
            else { return nil }
            return StoredMail(recipient: String(recipient), messageID: String(messageID))
        }
    }

    struct Run: Decodable {
        struct Pairing: Decodable {
            let pairingId: UUID
            let impactedCommunityId: UUID
            let supportingCommunityId: UUID
        }
        struct Result: Decodable { let pairings: [Pairing] }
        let result: Result
    }

    struct Created: Decodable { let id: UUID }

    @Test(
        "six volunteers registered through the registry and formed into a joint team through matching each receive one welcome, one team notice and one invitation to the team's meetings in the SMTP server's store, though notifications is killed with SIGKILL in the middle"
    )
    func welcomesAndTeamNoticesSurviveAKill() async throws {
        try await TestSystem.run { system in
            let registry = RegistryClient(try await system.start(.registry))
            let matching = try await system.start(.matching)
            try await system.start(.scheduling)
            let environment = [
                "P2G_SMTP_URL": try LocalStack.setting("P2G_SMTP_URL"), "P2G_SMTP_RATE": "2",
                // A Tuesday at noon in Jerusalem: no Shabbat, no night, whenever the test runs.
                "P2G_NOTIFICATIONS_CLOCK": "2026-12-08T10:00:00Z", "P2G_DELIVERY_RETRY_BASE": "200ms",
            ]
            let first = try await system.start(.notifications, environment: environment)

            var communities: [UUID] = []
            for index in 0..<4 {
                let answer = try await registry.register(SampleCommunities.registration(index, prefix: "Team mail"))
                #expect(answer.status == 201)
                communities.append(try RegistryClient.communityID(answer))
            }
            let matchingDatabase = try await system.database(for: .matching).client
            try await system.waitUntil("the matching service holds the four communities") {
                try await matchingDatabase.query("SELECT count(*) FROM candidate_communities")[0].decode(Int.self, at: 0)
            } _: {
                $0 == 4
            }
            let started = try await HTTPClient.post(
                "\(matching.baseURL)/matching-runs", body: Data(#"{"program":"communities2gether","mode":"optimal"}"#.utf8))
            #expect(started.status == 201)
            let pairing = try #require(try started.json(Run.self).result.pairings.first)

            // Two volunteers of each community of the pair and two Agency staff, each with an
            // address they consented to be written at; they share English and Hebrew (a team
            // needs a working language), half of them reading Hebrew first.
            let run = UUID().uuidString.prefix(8).lowercased()
            let people: [(community: UUID, role: String)] = [
                (pairing.impactedCommunityId, "steering-committee"), (pairing.impactedCommunityId, "educator"),
                (pairing.supportingCommunityId, "steering-committee"), (pairing.supportingCommunityId, "host-family"),
                (pairing.impactedCommunityId, "agency-staff"), (pairing.supportingCommunityId, "agency-staff"),
            ]
            var addressOf: [UUID: String] = [:]
            for (index, person) in people.enumerated() {
                let address = "team-\(run)-\(index)@example.org"
                let answer = try await HTTPClient.post(
                    "\(registry.baseURL)/volunteers",
                    body: Data(
                        """
                        {"name": "Volunteer \(index)", "homeCommunityId": "\(person.community.uuidString.lowercased())",
                         "languages": [\(index % 2 == 0 ? "\"en\", \"he\"" : "\"he\", \"en\"")], "timeZone": "Asia/Jerusalem", "roles": ["\(person.role)"],
                         "contactChannels": [{"kind": "email", "address": "\(address)", "consent": {"given": true, "at": "2024-05-01T09:30:00Z"}}]}
                        """.utf8))
                #expect(answer.status == 201, "\(String(decoding: answer.body, as: UTF8.self))")
                addressOf[try answer.json(Created.self).id] = address
            }
            let addresses = Set(addressOf.values)
            #expect(addresses.count == 6)

            // The kill lands while the welcomes go out (two a second).
            let receivedBeforeKill = try await system.waitUntil(
                "a first welcome is received", interval: .milliseconds(20),
                probe: { Set(try Self.stored(for: addresses).map(\.recipient)).count }
            ) { $0 >= 1 }
            first.kill()
            #expect(try await first.waitForExit() == 128 + SIGKILL)
            #expect(receivedBeforeKill < 6, "the kill came after every welcome was sent")

            // The team forms while notifications is down: its event waits on the broker.
            try await system.waitUntil("the matching service holds the six volunteers") {
                try await matchingDatabase.query("SELECT count(*) FROM volunteers")[0].decode(Int.self, at: 0)
            } _: {
                $0 == 6
            }
            let confirmed = try await HTTPClient.post(
                "\(matching.baseURL)/proposals/\(pairing.pairingId.uuidString.lowercased())/confirmation", body: Data())
            #expect(confirmed.status == 200, "\(String(decoding: confirmed.body, as: UTF8.self))")
            try await system.waitUntil("matching's team is published") {
                try await matchingDatabase.query(
                    "SELECT count(*) FROM outbox WHERE message_type = 'matching.joint-team-formed.v1' AND sent_at IS NOT NULL"
                )[0].decode(Int.self, at: 0)
            } _: {
                $0 == 1
            }

            try await system.start(.notifications, environment: environment)
            let notifications = try await system.database(for: .notifications).client
            let deliveries = try await system.waitUntil(
                "a welcome, a team notice and an invitation to the team's meetings to each volunteer are recorded as sent",
                probe: {
                    try await notifications.query("SELECT id, recipient_id, kind, status, hold_reason FROM deliveries").map { row in
                        (
                            id: try row.decode(UUID.self, at: 0), recipient: try row.decode(UUID.self, at: 1),
                            kind: try row.decode(String.self, at: 2), status: try row.decode(String.self, at: 3),
                            reason: try row.decode(String?.self, at: 4)
                        )
                    }
                }
            ) { $0.filter { $0.status == "sent" }.count == 18 }
            // The scheduling service places the team's meetings as soon as it is formed: each
            // member is invited to them too.
            #expect(
                Dictionary(grouping: deliveries, by: { $0.kind }).mapValues { $0.count } == [
                    "volunteer-welcome": 6, "joint-team-formed": 6, "program-scheduled": 6,
                ])
            #expect(Set(deliveries.map { $0.recipient }) == Set(addressOf.keys))

            // Each delivery is in the store under its own Message-ID, to its volunteer's address,
            // and nothing else reached these addresses. A message that the server took just
            // before the kill, and that was not yet recorded as sent, goes again with the same
            // Message-ID: the same e-mail, which a mail system recognises.
            let expected = Set(
                deliveries.compactMap { delivery in
                    addressOf[delivery.recipient].map {
                        StoredMail(recipient: $0, messageID: "<\(delivery.id.uuidString.lowercased())@notifications.p2g>")
                    }
                })
            #expect(expected.count == 18)
            let stored = try Self.stored(for: addresses)
            #expect(Set(stored) == expected)
            for address in addresses {
                #expect(Set(stored.filter { $0.recipient == address }.map(\.messageID)).count == 3, "\(address) did not get one of each")
            }
        }
    }
}
