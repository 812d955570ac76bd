import Contracts
import Foundation
import Notifications
import ServiceTestSupport
import TestSupport
import Testing

/// The preferences page in a real browser: headless Chromium driven through the DevTools
/// protocol by `Browser/preferences_in_chromium.py`, against the service listening on loopback.
@Suite("The preferences page in headless Chromium", .serialized)
struct PreferencesPageBrowserTests {
    struct PageState: Decodable {
        var lang: String
        var dir: String
        var direction: String
        var title: String
        var team: Bool
        var saved: Bool
    }

    @Test("opened from a Hebrew e-mail's link it is right to left; joint team notices turned off there are not sent")
    func changeSavedInTheBrowserIsHonoured() async throws {
        let clock = SettableClock(DeliveryTests.tuesdayNoonInJerusalem)
        try await InProcessService.run(
            NotificationsService.definition(clock: clock), environment: try DeliveryTests.environment(), testing: .live
        ) { service, client in
            let port = try #require(client.port)
            let volunteer = DeliveryTests.volunteer(
                email: DeliveryTests.address(), languages: ["he"], timeZone: "Asia/Jerusalem", name: "נועה")
            let address = volunteer.contactChannels[0].address
            try await service.publish(volunteer)
            try await service.waitUntil("the welcome is received") { try Mailbox.messages(to: address).count == 1 }
            // The link as the e-mail gives it, pointed at where the test's service listens.
            let html = try Mailbox.messages(to: address)[0].html
            let start = try #require(html.range(of: "href=\"http://notifications.test/preferences/"))
            let link = html[start.upperBound...].prefix { $0 != "\"" }
            let url = "http://127.0.0.1:\(port)/preferences/" + link.replacingOccurrences(of: "&amp;", with: "&")

            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
                "Browser/preferences_in_chromium.py")
            let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: profile) }
            let run = try await ChildProcess.run(["/usr/bin/python3", script.path, url, profile.path])
            #expect(run.status == 0, "\(run.output)")
            let states = try run.output.split(separator: "\n").filter { $0.hasPrefix("{") }.map {
                try JSONDecoder().decode(PageState.self, from: Data($0.utf8))
            }
            try #require(states.count == 2, "\(run.output)")
            #expect(states[0].lang == "he")
            #expect(states[0].dir == "rtl")
            #expect(states[0].direction == "rtl")
            #expect(states[0].title == "העדפות ההתראות שלך")
            #expect(states[0].team)
            #expect(states[1].saved)
            #expect(!states[1].team)

            // The next joint team notice is not sent.
            let team = JointTeamFormed(
                teamId: UUID(), pairingId: UUID(), program: .communities2gether, impactedCommunityId: UUID(), supportingCommunityId: UUID(),
                members: [.init(volunteerId: volunteer.volunteerId, delegation: .impacted, timeZone: "Asia/Jerusalem", languages: ["he"])],
                workingLanguage: "he", interpreterNeeded: false, formedAt: DeliveryTests.tuesdayNoonInJerusalem)
            try await service.publish(team)
            try await service.waitUntil("the team notice is suppressed") {
                try await DeliveryTests.deliveries(of: volunteer.volunteerId, in: service).last?.status == "suppressed"
            }
            #expect(try Mailbox.messages(to: address).count == 1)
        }
    }
}
