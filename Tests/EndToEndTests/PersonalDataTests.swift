import Foundation
import Testing

/// Personal data stays where it belongs: a volunteer's e-mail address and phone number reach
/// the registry's database and the responses of those who may see them, never a log line.
@Suite("Personal data in the logs")
struct PersonalDataTests {
    static func volunteer(_ index: Int, home: UUID, phone: String? = nil) -> Data {
        Data(
            """
            {"name": "Volunteer \(index)", "homeCommunityId": "\(home.uuidString.lowercased())", "languages": ["en"],
             "roles": ["host-family"],
             "contactChannels": [
               {"kind": "email", "address": "leak.check.\(index)@desmoines.example", "consent": {"given": true, "at": "2024-05-01T09:30:00Z"}},
               {"kind": "phone", "address": "\(phone ?? "+1 515 555 01\(String(format: "%02d", index))")", "consent": {"given": true, "at": "2024-05-01T09:31:00Z"}}]}
            """.utf8)
    }

    @Test(
        "volunteers registered, refused, changed with a stale version and erased: the registry's log holds none of their e-mail addresses or phone numbers"
    )
    func contactDetailsNeverLogged() async throws {
        try await TestSystem.run { system in
            let registry = try await system.start(.registry, environment: ["P2G_LOG_LEVEL": "debug"])
            let client = RegistryClient(registry)
            let home = try RegistryClient.communityID(try await client.register(SampleCommunities.registration(0)))
            var created: [String] = []
            for index in 0..<10 {
                let answer = try await HTTPClient.post("\(registry.baseURL)/volunteers", body: Self.volunteer(index, home: home))
                #expect(answer.status == 201, "\(answer.text)")
                if let location = answer.headers["location"] { created.append(location) }
            }
            // Refused: a phone that is not a number, an e-mail address where the phone goes.
            for (index, phone) in [(20, "+1 515 CALL NOW"), (21, "leak.check.21.phone@desmoines.example")] {
                let answer = try await HTTPClient.post(
                    "\(registry.baseURL)/volunteers", body: Self.volunteer(index, home: home, phone: phone))
                #expect(answer.status == 422, "\(answer.text)")
                #expect(!answer.text.contains("leak.check"), "a problem repeats a contact detail: \(answer.text)")
            }
            let first = try #require(created.first)
            let stale = try await HTTPClient.send(
                "PATCH", "\(registry.baseURL)\(first)", body: Data(#"{"contactChannels": []}"#.utf8),
                headers: ["Content-Type": "application/json", "If-Match": "\"99\""])
            #expect(stale.status == 412)
            let erased = try await HTTPClient.send("DELETE", "\(registry.baseURL)\(created[1])", body: nil, headers: [:])
            #expect(erased.status == 204)

            let log = registry.log
            #expect(log.contains("volunteer") || log.contains("starting"), "the log was read")
            #expect(!log.contains("leak.check"), "an e-mail address is in the registry's log")
            #expect(!log.contains("555 01") && !log.contains("555501"), "a phone number is in the registry's log")
        }
    }
}
