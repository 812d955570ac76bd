import Foundation
import Testing

@Suite("Configuration from the environment")
struct ConfigurationTests {
    @Test(
        "a missing or malformed setting stops the service at start with exit status 78 and one line naming it",
        arguments: [
            ("P2G_AMQP_URL", ""),
            ("P2G_DATABASE_URL", "mysql://localhost/p2g"),
            ("P2G_HTTP_PORT", "eighty"),
            ("P2G_RETRY_DELAYS", "5s,soon"),
            ("P2G_LOG_FORMAT", "xml"),
            ("P2G_AUTH_KEY_FILE", "/nonexistent/p2g-auth-keys"),
        ])
    func badSettingStopsTheService(setting: String, value: String) async throws {
        try await TestSystem.run("badSetting-\(setting)") { system in
            let process = try await system.start(.matching, environment: [setting: value], waitUntilReady: false)
            process.expectExit()
            #expect(try await process.waitForExit(timeout: .seconds(30)) == 78)
            let lines = process.log.split(separator: "\n")
            #expect(lines.count == 1, "one line: \(lines)")
            #expect(lines.first?.contains(setting) == true, "\(lines)")
        }
    }
}
