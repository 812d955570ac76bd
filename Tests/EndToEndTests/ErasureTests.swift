import Foundation
import Testing

/// A volunteer's erasure on request reaches every service that held anything of them.
@Suite("Erasure of a volunteer")
struct ErasureTests {
    @Test(
        "a volunteer registered, changed, then erased: their name, e-mail and phone are gone from the registry, its outbox and the notifications service"
    )
    func erasureReachesEveryService() async throws {
        try await TestSystem.run { system in
            let registry = try await system.start(.registry)
            try await system.start(.notifications)
            let home = try RegistryClient.communityID(try await RegistryClient(registry).register(SampleCommunities.registration(0)))
            let email = "erase.me@desmoines.example"
            let created = try await HTTPClient.post(
                "\(registry.baseURL)/volunteers",
                body: Data(
                    """
                    {"name": "Dana Erasable", "homeCommunityId": "\(home.uuidString.lowercased())", "languages": ["en", "he"],
                     "roles": ["host-family"],
                     "contactChannels": [
                       {"kind": "email", "address": "\(email)", "consent": {"given": true, "at": "2024-05-01T09:30:00Z"}},
                       {"kind": "phone", "address": "+1 515 555 0177", "consent": {"given": true, "at": "2024-05-01T09:31:00Z"}}]}
                    """.utf8))
            #expect(created.status == 201, "\(created.text)")
            let location = try #require(created.headers["location"])
            let id = try #require(UUID(uuidString: String(location.split(separator: "/").last ?? "")))
            let changed = try await HTTPClient.send(
                "PATCH", "\(registry.baseURL)\(location)", body: Data(#"{"timeZone": "Asia/Jerusalem"}"#.utf8),
                headers: ["Content-Type": "application/json", "If-Match": created.headers["etag"] ?? ""])
            #expect(changed.status == 200, "\(changed.text)")

            let notifications = try await system.database(for: .notifications)
            let held = try await system.waitUntil(
                "notifications holds the volunteer, changed",
                probe: {
                    try await notifications.client.query(
                        "SELECT coalesce(email, ''), coalesce(phone, ''), coalesce(time_zone, '') FROM volunteer_recipients WHERE volunteer_id = \(id)"
                    ).first.map {
                        (try $0.decode(String.self, at: 0), try $0.decode(String.self, at: 1), try $0.decode(String.self, at: 2))
                    }
                }
            ) { $0?.2 == "Asia/Jerusalem" }
            #expect(held?.0 == email && held?.1 == "+15155550177")

            let erased = try await HTTPClient.send("DELETE", "\(registry.baseURL)\(location)", body: nil, headers: [:])
            #expect(erased.status == 204)
            try await system.waitUntil(
                "notifications has erased the volunteer",
                probe: {
                    try await notifications.client.query(
                        "SELECT count(*) FROM volunteer_recipients WHERE volunteer_id = \(id) AND erased_at IS NOT NULL"
                    )[0].decode(Int.self, at: 0)
                }
            ) { $0 == 1 }

            // Nowhere a trace of them: every column of every row, as text.
            let registryDatabase = try await system.database(for: .registry)
            for (database, tables) in [(notifications, ["volunteer_recipients"]), (registryDatabase, ["volunteers", "audit_trail"])] {
                for table in tables {
                    let leaks = try await database.client.query(
                        """
                        SELECT count(*) FROM \(identifier: table) t
                        WHERE t::text LIKE '%erase.me%' OR t::text LIKE '%Erasable%' OR t::text LIKE '%5550177%'
                        """)[0].decode(Int.self, at: 0)
                    #expect(leaks == 0, "\(table) still holds the volunteer's personal data")
                }
            }
            // The registry's outbox keeps no published copy of their events' personal data either.
            try await system.waitUntil(
                "the registry's outbox holds no copy of the volunteer's data",
                probe: {
                    try await registryDatabase.client.query(
                        "SELECT count(*) FROM outbox WHERE body LIKE '%erase.me%' OR body LIKE '%Erasable%'"
                    )[0].decode(Int.self, at: 0)
                }
            ) { $0 == 0 }
        }
    }
}
