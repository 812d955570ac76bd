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

/// Text messages (SMS) through the HTTP provider, here a real HTTP server on loopback that the
/// test starts (`deploy/sms-sink.py`) and whose stored messages it reads back.
@Suite("Text messages through an HTTP provider", .serialized)
struct TextMessageTests {
    static let token = "sms-provider-token"

    static func environment(_ sink: SMSSink) throws -> [String: String] {
        try DeliveryTests.environment().merging([
            "P2G_SMS_URL": sink.url, "P2G_SMS_TOKEN": token, "P2G_SMS_SENDER": "P2G", "P2G_SMS_TIMEOUT": "1s",
        ]) { $1 }
    }

    static func volunteer(community: UUID, phone: String) -> VolunteerRegistered {
        var volunteer = DeliveryTests.volunteer(email: DeliveryTests.address(), languages: ["en"], timeZone: "Asia/Jerusalem")
        volunteer.homeCommunityId = community
        volunteer.contactChannels.append(ContactChannel(kind: .phone, address: phone, consent: .init(given: true, at: Date())))
        return volunteer
    }

    /// The volunteer turns text messages on, with their own preferences page's form.
    static func turnTextMessagesOn(_ volunteer: VolunteerRegistered, client: any TestClientProtocol) async throws {
        let form =
            "email=on&sms=on&subscribed=on&quietStart=21%3A00&quietEnd=08%3A00&digestHour=&kind.announcement=on&kind.registration-confirmed=on"
        try await client.execute(
            uri: "/preferences/\(volunteer.volunteerId.uuidString.lowercased())", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form)
        ) { response in
            #expect(response.status == .ok)
        }
    }

    static func announce(to community: UUID, client: any TestClientProtocol) async throws -> UUID {
        let body =
            #"{"audience": {"kind": "community", "id": "\#(community.uuidString.lowercased())"}, "subjects": {"en": "Road closed tonight"}, "bodies": {"en": "Use the north gate."}}"#
        return try await client.execute(
            uri: "/announcements", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body)
        ) { response in
            #expect(response.status == .created)
            struct Created: Decodable { var id: UUID }
            return try JSONDecoder().decode(Created.self, from: Data(buffer: response.body)).id
        }
    }

    static func textMessages(of volunteer: VolunteerRegistered, in service: InProcessService) async throws -> [(
        status: String, attempts: Int, reason: String?
    )] {
        try await service.database.query(
            "SELECT status, attempts, hold_reason FROM deliveries WHERE recipient_id = \(volunteer.volunteerId) AND channel = 'sms'"
        ).map { (try $0.decode(String.self, at: 0), try $0.decode(Int.self, at: 1), try $0.decode(String?.self, at: 2)) }
    }

    @Test("a volunteer who turned text messages on gets an announcement by SMS too, posted to the provider with its token")
    func announcementByText() async throws {
        let sink = try await SMSSink(token: Self.token)
        defer { sink.stop() }
        let clock = SettableClock(DeliveryTests.tuesdayNoonInJerusalem)
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try Self.environment(sink)) {
            service, client in
            let community = UUID()
            let texted = Self.volunteer(community: community, phone: "+972501234567")
            let notTexted = Self.volunteer(community: community, phone: "+972501234568")
            for volunteer in [texted, notTexted] { try await service.publish(volunteer) }
            try await service.waitUntil("the welcomes are sent") {
                try await service.count("SELECT count(*) FROM deliveries WHERE status = 'sent'") == 2
            }
            // A welcome goes by e-mail only: text messages were off when it was owed.
            #expect(try sink.received(to: "+972501234567").isEmpty)
            try await Self.turnTextMessagesOn(texted, client: client)
            let id = try await Self.announce(to: community, client: client)
            try await service.waitUntil("the text message is accepted") { try sink.received(to: "+972501234567").count == 1 }
            let received = try sink.received(to: "+972501234567")[0]
            #expect(received.authorization == "Bearer \(Self.token)")
            #expect(received.message.from == "P2G")
            #expect(received.message.text.hasPrefix("Road closed tonight\n\nUse the north gate."))
            let delivery = try await service.database.query(
                "SELECT id FROM deliveries WHERE recipient_id = \(texted.volunteerId) AND channel = 'sms'")[0].decode(UUID.self, at: 0)
            #expect(received.idempotencyKey == delivery.uuidString.lowercased())
            #expect(received.message.id == delivery.uuidString.lowercased())
            #expect(try sink.received(to: "+972501234568").isEmpty)
            try await service.waitUntil("its progress counts the text message as sent") {
                try await client.execute(uri: "/announcements/\(id.uuidString.lowercased())", method: .get) { response in
                    struct Progress: Decodable {
                        struct Channel: Decodable { var sent: Int }
                        var sent: Int
                        var textMessages: Channel
                    }
                    let progress = try JSONDecoder().decode(Progress.self, from: Data(buffer: response.body))
                    return progress.sent == 2 && progress.textMessages.sent == 1
                }
            }
            let succeeded = try await service.outboxEvents(DeliverySucceeded.self).filter { $0.channel == "sms" }
            #expect(succeeded.map(\.recipientId) == [texted.volunteerId])
        }
    }

    @Test("a provider's 503 or timeout is tried again until it accepts, and its 400 fails the message at once with its event")
    func retriesAndRefusals() async throws {
        let sink = try await SMSSink(token: Self.token)
        defer { sink.stop() }
        let clock = SettableClock(DeliveryTests.tuesdayNoonInJerusalem)
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try Self.environment(sink)) {
            service, client in
            let community = UUID()
            let flaky = Self.volunteer(community: community, phone: "+972500000001-fail503x2")
            let refused = Self.volunteer(community: community, phone: "+972500000002-fail400")
            let slow = Self.volunteer(community: community, phone: "+972500000003-slowx1")
            for volunteer in [flaky, refused, slow] { try await service.publish(volunteer) }
            try await service.waitUntil("the welcomes are sent") {
                try await service.count("SELECT count(*) FROM deliveries WHERE status = 'sent'") == 3
            }
            for volunteer in [flaky, refused, slow] { try await Self.turnTextMessagesOn(volunteer, client: client) }
            _ = try await Self.announce(to: community, client: client)
            try await service.waitUntil("the flaky number's message is accepted on the third try") {
                try sink.received(to: "+972500000001-fail503x2").count == 1
            }
            #expect(try sink.received(to: "+972500000001-fail503x2")[0].attempt == 3)
            // The provider that did not answer within P2G_SMS_TIMEOUT is asked again.
            try await service.waitUntil("the slow number's message is accepted on the second try") {
                try sink.received(to: "+972500000003-slowx1").count == 1
            }
            #expect(try sink.received(to: "+972500000003-slowx1")[0].attempt == 2)
            try await service.waitUntil("the flaky and the slow ones are recorded as sent") {
                let flakyDone = try await Self.textMessages(of: flaky, in: service).first?.status == "sent"
                let slowDone = try await Self.textMessages(of: slow, in: service).first?.status == "sent"
                return flakyDone && slowDone
            }
            let slowStatus = try await Self.textMessages(of: slow, in: service)
            #expect(slowStatus.map(\.status) == ["sent"])
            #expect(slowStatus.map(\.attempts) == [2])
            try await service.waitUntil("the refused one has failed") {
                try await Self.textMessages(of: refused, in: service).first?.status == "failed"
            }
            let flakyStatus = try await Self.textMessages(of: flaky, in: service)
            #expect(flakyStatus.map(\.status) == ["sent"])
            #expect(flakyStatus.map(\.attempts) == [3])
            let refusedStatus = try await Self.textMessages(of: refused, in: service)
            #expect(refusedStatus.map(\.attempts) == [1])
            #expect(refusedStatus.map(\.reason) == ["refused"])
            #expect(try sink.received(to: "+972500000002-fail400").isEmpty)
            let failed = try await service.outboxEvents(DeliveryFailed.self)
            #expect(failed.count == 1)
            #expect(failed.first?.channel == "sms")
            #expect(failed.first?.recipientId == refused.volunteerId)
            #expect(failed.first?.permanent == true)
            #expect(failed.first?.replyCode == 400)
            // Neither the number nor the text is in the event's reason.
            #expect(failed.first?.reason.contains("9725") == false)
        }
    }
}
