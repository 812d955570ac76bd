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

/// Announcements through the API, delivered to the real SMTP server.
@Suite("Announcements to the volunteers of a community", .serialized)
struct AnnouncementTests {
    struct Progress: Decodable {
        var id: UUID
        var recipients: Int
        var queued: Int
        var deferred: Int
        var sent: Int
        var failed: Int
        var suppressed: Int
    }

    static func volunteer(community: UUID, languages: [String], name: String = "Dana") -> VolunteerRegistered {
        var volunteer = DeliveryTests.volunteer(
            email: DeliveryTests.address(), languages: languages, timeZone: "Asia/Jerusalem", name: name)
        volunteer.homeCommunityId = community
        return volunteer
    }

    static let announcement = #"""
        {"communityId": "COMMUNITY", "subjects": {"en": "Steering committee on Sunday", "he": "ועדת היגוי ביום ראשון"},
         "bodies": {"en": "We meet on Sunday at 18:00.\n\nBring <your> ideas.", "he": "נפגשים ביום ראשון בשעה 18:00."}}
        """#

    @Test("an announcement reaches each volunteer of the community once, in their language, and its progress is readable")
    func announce() async throws {
        let clock = SettableClock(DeliveryTests.tuesdayNoonInJerusalem)
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try DeliveryTests.environment()) {
            service, client in
            // 23:00 in Jerusalem after the welcomes: the announcement waits for the morning.
            let community = UUID()
            let hebrew = Self.volunteer(community: community, languages: ["he", "en"])
            let english = Self.volunteer(community: community, languages: ["en"])
            let russian = Self.volunteer(community: community, languages: ["ru"])
            let erased = Self.volunteer(community: community, languages: ["en"])
            let elsewhere = Self.volunteer(community: UUID(), languages: ["en"])
            for volunteer in [hebrew, english, russian, erased, elsewhere] { try await service.publish(volunteer) }
            try await service.publish(VolunteerErased(volunteerId: erased.volunteerId, erasedAt: DeliveryTests.tuesdayNoonInJerusalem))
            try await service.waitUntil("the welcomes are handled") {
                try await service.count("SELECT count(*) FROM deliveries WHERE status IN ('sent', 'suppressed')") == 5
            }
            clock.set(DeliveryTests.instant("2026-12-08T21:00:00Z"))
            let body = ByteBuffer(string: Self.announcement.replacingOccurrences(of: "COMMUNITY", with: community.uuidString.lowercased()))
            let headers: HTTPFields = [.contentType: "application/json", HTTPField.Name("Idempotency-Key")!: "sunday-committee"]
            let created = try await client.execute(uri: "/announcements", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .created)
                return try JSONDecoder().decode(Progress.self, from: Data(buffer: response.body))
            }
            #expect(created.recipients == 3)
            try await service.waitUntil("all three are held for the night") {
                try await client.execute(uri: "/announcements/\(created.id.uuidString.lowercased())", method: .get) {
                    try JSONDecoder().decode(Progress.self, from: Data(buffer: $0.body)).deferred
                } == 3
            }
            // The same request again makes nothing new.
            let again = try await client.execute(uri: "/announcements", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .ok)
                return try JSONDecoder().decode(Progress.self, from: Data(buffer: response.body))
            }
            #expect(again.id == created.id)
            try await DeliveryTests.advance(clock, to: DeliveryTests.instant("2026-12-09T06:00:00Z"), in: service)
            try await service.waitUntil("all three are sent") {
                try await client.execute(uri: "/announcements/\(created.id.uuidString.lowercased())", method: .get) {
                    try JSONDecoder().decode(Progress.self, from: Data(buffer: $0.body)).sent
                } == 3
            }
            func announcements(to volunteer: VolunteerRegistered) throws -> [Mailbox.Mail] {
                try Mailbox.messages(to: volunteer.contactChannels[0].address).filter {
                    !$0.subject.contains("Partnership2Gether") && !$0.subject.contains("שותפות2גדר")
                }
            }
            let inHebrew = try #require(try announcements(to: hebrew).first)
            #expect(inHebrew.subject == "ועדת היגוי ביום ראשון")
            #expect(inHebrew.html.contains("<html lang=\"he\" dir=\"rtl\">"))
            let inEnglish = try #require(try announcements(to: english).first)
            #expect(inEnglish.subject == "Steering committee on Sunday")
            #expect(inEnglish.html.contains("<p>Bring &lt;your&gt; ideas.</p>"))
            // A Russian reader gets the English text.
            #expect(try announcements(to: russian).map(\.subject) == ["Steering committee on Sunday"])
            #expect(try Mailbox.messages(to: erased.contactChannels[0].address).isEmpty)
            #expect(try announcements(to: elsewhere).isEmpty)
        }
    }

    @Test("a critical announcement reaches a volunteer who unsubscribed, at night, at once")
    func criticalAnnouncement() async throws {
        // 23:00 in Jerusalem on a Tuesday.
        let clock = SettableClock(DeliveryTests.instant("2026-12-08T21:00:00Z"))
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try DeliveryTests.environment()) {
            service, client in
            let community = UUID()
            let volunteer = Self.volunteer(community: community, languages: ["en"])
            try await service.publish(volunteer)
            try await service.waitUntil("the volunteer is known") {
                try await service.count("SELECT count(*) FROM volunteer_recipients") == 1
            }
            try await client.execute(uri: "/unsubscribe/\(volunteer.volunteerId.uuidString.lowercased())", method: .post) {
                #expect($0.status == .ok)
            }
            let body = ByteBuffer(
                string:
                    #"{"communityId": "\#(community.uuidString.lowercased())", "subjects": {"en": "Road closed tonight"}, "bodies": {"en": "Stay home."}, "critical": true}"#
            )
            try await client.execute(uri: "/announcements", method: .post, headers: [.contentType: "application/json"], body: body) {
                #expect($0.status == .created)
            }
            try await service.waitUntil("the critical announcement is received") {
                try Mailbox.messages(to: volunteer.contactChannels[0].address).contains { $0.subject == "Road closed tonight" }
            }
            // The welcome, not critical, waits for the morning (and will find the volunteer unsubscribed).
            #expect(try Mailbox.messages(to: volunteer.contactChannels[0].address).count == 1)
        }
    }

    @Test("a bad announcement is refused with every bad field named; only the Agency announces")
    func badInputAndAccess() async throws {
        try await InProcessService.run(NotificationsService.definition, environment: try DeliveryTests.environment()) { service, client in
            let json: HTTPFields = [.contentType: "application/json"]
            try await client.execute(
                uri: "/announcements", method: .post, headers: json,
                body: ByteBuffer(
                    string: #"{"communityId": "\#(UUID())", "subjects": {"xx": "", "en": "two\nlines"}, "bodies": {"en": ""}}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let text = String(buffer: response.body)
                for field in ["subjects.xx", "subjects.en", "bodies.en", "bodies"] { #expect(text.contains("\"\(field)\"")) }
            }
            try await client.execute(uri: "/announcements", method: .post, headers: json, body: ByteBuffer(string: "{")) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(
                uri: "/announcements", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "hi")
            ) {
                #expect($0.status == .unsupportedMediaType)
            }
            try await client.execute(uri: "/announcements/nope", method: .get) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/announcements/\(UUID())", method: .get) { #expect($0.status == .notFound) }
            let anonymous = try #require(client as? AuthorizedTestClient).anonymous
            try await anonymous.execute(uri: "/announcements", method: .post, headers: json, body: ByteBuffer(string: "{}")) {
                #expect($0.status == .unauthorized)
            }
            for role in [Role.partnershipCoordinator, .volunteer, .operator, .automation] {
                let token = try await TestTokens.token(role, volunteer: role == .volunteer ? UUID() : nil)
                var headers = json
                headers[.authorization] = "Bearer \(token)"
                try await anonymous.execute(uri: "/announcements", method: .post, headers: headers, body: ByteBuffer(string: "{}")) {
                    #expect($0.status == .forbidden)
                }
                try await anonymous.execute(uri: "/announcements/\(UUID())", method: .get, headers: headers) {
                    #expect($0.status == .forbidden)
                }
            }
        }
    }
}
