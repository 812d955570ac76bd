import Foundation
import Postgres
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Welcome e-mails from the registry to the SMTP server")
struct NotificationDeliveryTests {
    static let volunteers = 30

    /// What the stack's SMTP server stored for `address`, each message whole.
    static func stored(to address: String) throws -> [String] {
        let folder = try LocalStack.setting("P2G_STACK_SMTP_STORE")
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".eml") }.compactMap { name in
            let text = try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)
            return text.contains("Delivered-To: \(address)\r\n") ? text : nil
        }
    }

    /// The Message-IDs of what the stack's SMTP server stored for `address`.
    static func messageIDs(to address: String) throws -> [String] {
        try stored(to: address).compactMap { text in text.components(separatedBy: "\r\n").first { $0.hasPrefix("Message-ID: ") } }
    }

    @Test(
        "volunteers registered in the registry each receive one welcome in the SMTP server's store, though notifications is killed with SIGKILL while sending"
    )
    func welcomesSurviveAKill() async throws {
        try await TestSystem.run { system in
            let registry = try await system.start(.registry)
            let environment = [
                "P2G_SMTP_URL": try LocalStack.setting("P2G_SMTP_URL"), "P2G_SMTP_RATE": "10",
                // A Tuesday at noon in Jerusalem: no Shabbat, no night, whenever the test runs.
                "P2G_NOTIFICATIONS_CLOCK": "2026-12-08T10:00:00Z", "P2G_DELIVERY_RETRY_BASE": "200ms",
            ]
            let first = try await system.start(.notifications, environment: environment)
            let home = try RegistryClient.communityID(try await RegistryClient(registry).register(SampleCommunities.registration(0)))
            let run = UUID().uuidString.prefix(8).lowercased()
            let addresses = (0..<Self.volunteers).map { "welcome-\(run)-\($0)@example.org" }
            for (index, address) in addresses.enumerated() {
                let answer = try await HTTPClient.post(
                    "\(registry.baseURL)/volunteers",
                    body: Data(
                        """
                        {"name": "Volunteer \(index)", "homeCommunityId": "\(home.uuidString.lowercased())", "languages": ["en"],
                         "timeZone": "Asia/Jerusalem", "roles": ["host-family"],
                         "contactChannels": [{"kind": "email", "address": "\(address)", "consent": {"given": true, "at": "2024-05-01T09:30:00Z"}}]}
                        """.utf8))
                #expect(answer.status == 201, "\(answer.text)")
            }
            let receivedBeforeKill = try await system.waitUntil(
                "some welcomes are received", interval: .milliseconds(20),
                probe: { try addresses.filter { try !Self.messageIDs(to: $0).isEmpty }.count }
            ) { $0 >= 5 }
            first.kill()
            #expect(try await first.waitForExit() == 128 + SIGKILL)
            #expect(receivedBeforeKill < Self.volunteers, "the kill came after every welcome was sent")

            try await system.start(.notifications, environment: environment)
            try await system.waitUntil(
                "every volunteer has a welcome",
                probe: { try addresses.filter { try !Self.messageIDs(to: $0).isEmpty }.count }
            ) { $0 == Self.volunteers }
            let database = try await system.database(for: .notifications)
            try await system.waitUntil(
                "every welcome is recorded as sent",
                probe: {
                    try await database.client.query("SELECT count(*) FROM deliveries WHERE status = 'sent'")[0].decode(Int.self, at: 0)
                }
            ) { $0 == Self.volunteers }
            for address in addresses {
                // One message each; a kill between the server's acceptance and the commit may send
                // it again, and then it is the same message (the same Message-ID).
                #expect(Set(try Self.messageIDs(to: address)).count == 1, "\(address) received two different welcomes")
            }
        }
    }
}
