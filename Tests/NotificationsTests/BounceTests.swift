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

/// Bounces that come back after the relay took an e-mail, posted to `POST /bounces` as a
/// relay's inbound-mail webhook would post them, about e-mails the real SMTP server stored.
@Suite("Bounces of e-mails the relay took", .serialized)
struct BounceTests {
    /// A delivery status notification as Postfix writes one, about the message `stored` (the
    /// SMTP server's file: its first two lines are the server's own), sent to `to`.
    static func report(
        to: String, returning stored: String, recipient: String, action: String = "failed", status: String = "5.1.1",
        diagnostic: String = "smtp; 550 5.1.1 <ADDRESS>: Recipient address rejected:\r\n    User unknown in virtual mailbox table",
        returnedAs part: String = "text/rfc822-headers", lineEnd: String = "\r\n"
    ) -> String {
        let original = stored.components(separatedBy: "\r\n").dropFirst(2)
        let returned =
            part == "text/rfc822-headers"
            ? Array(original.prefix { !$0.isEmpty }) : Array(original)
        let boundary = "8F2A41C0B3.1796724000/mx.example.org"
        let lines =
            [
                "X-Original-To: \(to)", "Delivered-To: \(to)", "Date: Tue,  8 Dec 2026 10:05:00 +0000 (UTC)",
                "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)", "Subject: Undelivered Mail Returned to Sender",
                "To: \(to)", "Auto-Submitted: auto-replied", "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status;", "\tboundary=\"\(boundary)\"",
                "Message-Id: <20261208100500.8F2A41C0B3.\(action)@mx.example.org>", "", "This is a MIME-encapsulated message.", "",
                "--\(boundary)", "Content-Description: Notification", "Content-Type: text/plain; charset=us-ascii", "",
                "This is the mail system at host mx.example.org.", "", "<\(recipient)>: host mx2.example.org said: 550 5.1.1", "",
                "--\(boundary)", "Content-Description: Delivery report", "Content-Type: message/delivery-status", "",
                "Reporting-MTA: dns; mx.example.org", "X-Postfix-Queue-ID: 8F2A41C0B3",
                "Arrival-Date: Tue,  8 Dec 2026 10:00:01 +0000 (UTC)",
                "", "Final-Recipient: rfc822; \(recipient)", "Original-Recipient: rfc822;\(recipient)", "Action: \(action)",
                "Status: \(status)", "Remote-MTA: dns; mx2.example.org",
                "Diagnostic-Code: \(diagnostic.replacingOccurrences(of: "ADDRESS", with: recipient))", "", "--\(boundary)",
                "Content-Description: Undelivered Message Headers", "Content-Type: \(part)", "",
            ] + returned + ["", "--\(boundary)--", ""]
        return lines.joined(separator: "\r\n").replacingOccurrences(of: "\r\n", with: lineEnd)
    }

    /// Posts `body` to `/bounces` with an automation token (the relay's webhook).
    static func post<Value: Sendable>(
        _ body: String, contentType: String = "message/rfc822", client: some TestClientProtocol,
        _ check: @Sendable @escaping (TestResponse) async throws -> Value
    ) async throws -> Value {
        let anonymous = try #require(client as? AuthorizedTestClient).anonymous
        let token = try await TestTokens.token(.automation, subject: "inbound-mail-webhook", audience: ["notifications"])
        return try await anonymous.execute(
            uri: "/bounces", method: .post, headers: [.contentType: contentType, .authorization: "Bearer \(token)"],
            body: ByteBuffer(string: body), testCallback: check)
    }

    struct Outcome: Decodable {
        var deliveryId: UUID
        var action: String
        var status: String
        var deliveryStatus: String
        var duplicate: Bool
    }

    static func outcome(_ response: TestResponse) throws -> Outcome {
        #expect(response.status == .ok)
        return try JSONDecoder().decode(Outcome.self, from: Data(buffer: response.body))
    }

    static func team(_ volunteer: VolunteerRegistered) -> JointTeamFormed {
        JointTeamFormed(
            teamId: UUID(), pairingId: UUID(), program: .communities2gether, impactedCommunityId: UUID(), supportingCommunityId: UUID(),
            members: [.init(volunteerId: volunteer.volunteerId, delegation: .agency, timeZone: "Asia/Jerusalem", languages: ["en"])],
            workingLanguage: "en", interpreterNeeded: false, formedAt: DeliveryTests.tuesdayNoonInJerusalem)
    }

    @Test(
        "a permanent bounce of a sent e-mail makes it bounced with one failure event, and the address is not written to again until it changes"
    )
    func permanentBounce() async throws {
        let clock = SettableClock(DeliveryTests.tuesdayNoonInJerusalem)
        var environment = try DeliveryTests.environment()
        environment["P2G_MAIL_BOUNCE_ADDRESS"] = "bounces@p2g.test"
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: environment) { service, client in
            let volunteer = DeliveryTests.volunteer(email: DeliveryTests.address(), languages: ["en"], timeZone: "Asia/Jerusalem")
            let address = volunteer.contactChannels[0].address
            try await service.publish(volunteer)
            try await service.waitUntil("the welcome is received") { try Mailbox.messages(to: address).count == 1 }
            let welcome = try #require(try await DeliveryTests.deliveries(of: volunteer.volunteerId, in: service).first)
            #expect(welcome.status == "sent")
            let id = welcome.id.uuidString.lowercased()
            // The envelope sender names the delivery; the From the reader sees does not change.
            let mail = try Mailbox.messages(to: address)[0]
            #expect(mail.header("Return-Path") == "<bounces+\(id)@p2g.test>")
            #expect(mail.header("From")?.hasSuffix("<notifications@p2g.localhost>") == true)

            // The remote server refuses it later: its bounce comes back to the return path.
            let stored = try #require(try Mailbox.stored(to: address).first)
            let bounce = Self.report(to: "bounces+\(id)@p2g.test", returning: stored, recipient: address)
            let first = try await Self.post(bounce, client: client) { try Self.outcome($0) }
            #expect(first.deliveryId == welcome.id)
            #expect(first.action == "failed")
            #expect(first.status == "5.1.1")
            #expect(first.deliveryStatus == "bounced")
            #expect(!first.duplicate)
            let bounced = try await service.database.query(
                "SELECT status, last_error FROM deliveries WHERE id = \(welcome.id)")[0]
            #expect(try bounced.decode(String.self, at: 0) == "bounced")
            let recorded = try bounced.decode(String.self, at: 1)
            #expect(recorded.hasPrefix("bounced: 5.1.1 smtp; 550 5.1.1"))
            #expect(recorded.contains("User unknown in virtual mailbox table"))
            #expect(!recorded.contains("@"))

            // Posted again, it changes nothing and publishes nothing more.
            let second = try await Self.post(bounce, client: client) { try Self.outcome($0) }
            #expect(second.duplicate)
            #expect(second.deliveryStatus == "bounced")
            let failed = try await service.outboxEvents(DeliveryFailed.self)
            #expect(failed.count == 1)
            let event = try #require(failed.first)
            #expect(event.deliveryId == welcome.id)
            #expect(event.recipientId == volunteer.volunteerId)
            #expect(event.permanent)
            #expect(event.replyCode == 550)
            #expect(event.kind == "volunteer-welcome")
            #expect(event.reason.hasPrefix("bounced: 5.1.1"))
            #expect(!event.reason.contains("@"))

            // The next notice to the volunteer is suppressed: nothing new reaches the server.
            try await service.publish(Self.team(volunteer))
            try await service.waitUntil("the team notice is suppressed") {
                let deliveries = try await DeliveryTests.deliveries(of: volunteer.volunteerId, in: service)
                return deliveries.count == 2 && deliveries.last?.status == "suppressed"
            }
            #expect(try await DeliveryTests.deliveries(of: volunteer.volunteerId, in: service).last?.reason == "undeliverable-address")
            #expect(try Mailbox.messages(to: address).count == 1)

            // A new address from the registry is written to again.
            let changed = DeliveryTests.address()
            try await service.publish(
                VolunteerUpdated(
                    volunteerId: volunteer.volunteerId, version: 2, changed: ["contactChannels"],
                    contactChannels: [ContactChannel(kind: .email, address: changed, consent: .init(given: true, at: Date()))],
                    updatedAt: DeliveryTests.tuesdayNoonInJerusalem))
            try await service.waitUntil("the new address is recorded") {
                try await service.count(
                    "SELECT count(*) FROM volunteer_recipients WHERE email = \(changed) AND undeliverable_email IS NULL") == 1
            }
            try await service.publish(Self.team(volunteer))
            try await service.waitUntil("the next notice reaches the new address") { try Mailbox.messages(to: changed).count == 1 }
            #expect(try await DeliveryTests.deliveries(of: volunteer.volunteerId, in: service).last?.status == "sent")
            #expect(try Mailbox.messages(to: address).count == 1)
        }
    }

    @Test("a delayed report, found by the returned Message-ID, is recorded once and changes nothing else")
    func delayedReport() async throws {
        let clock = SettableClock(DeliveryTests.tuesdayNoonInJerusalem)
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try DeliveryTests.environment()) {
            service, client in
            let volunteer = DeliveryTests.volunteer(email: DeliveryTests.address(), languages: ["en"], timeZone: "Asia/Jerusalem")
            let address = volunteer.contactChannels[0].address
            try await service.publish(volunteer)
            try await service.waitUntil("the welcome is received") { try Mailbox.messages(to: address).count == 1 }
            let welcome = try #require(try await DeliveryTests.deliveries(of: volunteer.volunteerId, in: service).first)
            // Without P2G_MAIL_BOUNCE_ADDRESS the return path is the sender's.
            #expect(
                try Mailbox.messages(to: address)[0].header("Return-Path")
                    == "<notifications+\(welcome.id.uuidString.lowercased())@p2g.localhost>")

            // A relay that rewrote the envelope: only the returned message names the delivery.
            let stored = try #require(try Mailbox.stored(to: address).first)
            let delay = Self.report(
                to: "postmaster@p2g.localhost", returning: stored, recipient: address, action: "delayed", status: "4.4.7",
                diagnostic: "smtp; 451 4.4.7 Greylisted, try again later", returnedAs: "message/rfc822", lineEnd: "\n")
            for duplicate in [false, true] {
                let outcome = try await Self.post(delay, contentType: "text/plain; charset=us-ascii", client: client) {
                    try Self.outcome($0)
                }
                #expect(outcome.deliveryId == welcome.id)
                #expect(outcome.action == "delayed")
                #expect(outcome.deliveryStatus == "sent")
                #expect(outcome.duplicate == duplicate)
            }
            let reports = try await service.database.query(
                "SELECT action, status, diagnostic FROM delivery_reports WHERE delivery_id = \(welcome.id)")
            #expect(reports.count == 1)
            #expect(try reports.first?.decode(String.self, at: 0) == "delayed")
            #expect(try reports.first?.decode(String.self, at: 1) == "4.4.7")
            #expect(try reports.first?.decode(String.self, at: 2) == "smtp; 451 4.4.7 Greylisted, try again later")
            #expect(try await DeliveryTests.deliveries(of: volunteer.volunteerId, in: service).first?.status == "sent")
            #expect(try await service.outboxEvents(DeliveryFailed.self).isEmpty)

            // The address still takes mail.
            try await service.publish(Self.team(volunteer))
            try await service.waitUntil("the team notice is received") { try Mailbox.messages(to: address).count == 2 }
        }
    }

    @Test("an announcement's progress counts a bounced e-mail as failed")
    func announcementProgress() async throws {
        let clock = SettableClock(DeliveryTests.tuesdayNoonInJerusalem)
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try DeliveryTests.environment()) {
            service, client in
            let community = UUID()
            let kept = AnnouncementTests.volunteer(community: community, languages: ["en"])
            let lost = AnnouncementTests.volunteer(community: community, languages: ["en"])
            for volunteer in [kept, lost] { try await service.publish(volunteer) }
            try await service.waitUntil("the welcomes are sent") {
                try await service.count("SELECT count(*) FROM deliveries WHERE status = 'sent'") == 2
            }
            let body = ByteBuffer(
                string: AnnouncementTests.announcement.replacingOccurrences(of: "COMMUNITY", with: community.uuidString.lowercased()))
            let created = try await client.execute(
                uri: "/announcements", method: .post, headers: [.contentType: "application/json"], body: body
            ) { try JSONDecoder().decode(AnnouncementTests.Progress.self, from: Data(buffer: $0.body)) }
            let uri = "/announcements/\(created.id.uuidString.lowercased())"
            try await service.waitUntil("both are sent") {
                try await client.execute(uri: uri, method: .get) {
                    try JSONDecoder().decode(AnnouncementTests.Progress.self, from: Data(buffer: $0.body)).sent
                } == 2
            }
            let address = lost.contactChannels[0].address
            let delivery = try #require(
                try await DeliveryTests.deliveries(of: lost.volunteerId, in: service).first { $0.kind == "announcement" })
            let stored = try #require(
                try Mailbox.stored(to: address).first { $0.contains(delivery.id.uuidString.lowercased()) })
            let bounce = Self.report(
                to: "notifications+\(delivery.id.uuidString.lowercased())@p2g.localhost", returning: stored, recipient: address)
            #expect(try await Self.post(bounce, client: client) { try Self.outcome($0) }.deliveryStatus == "bounced")
            let progress = try await client.execute(uri: uri, method: .get) {
                try JSONDecoder().decode(AnnouncementTests.Progress.self, from: Data(buffer: $0.body))
            }
            #expect(progress.sent == 1)
            #expect(progress.failed == 1)
        }
    }

    @Test("the bounce of a daily digest makes every delivery it carried bounced, each with its failure event")
    func digestBounce() async throws {
        let clock = SettableClock(DeliveryTests.tuesdayNoonInJerusalem)
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try DeliveryTests.environment()) {
            service, client in
            let volunteer = DeliveryTests.volunteer(email: DeliveryTests.address(), languages: ["en"], timeZone: "Asia/Jerusalem")
            let address = volunteer.contactChannels[0].address
            try await service.publish(volunteer)
            try await service.waitUntil("the welcome is received") { try Mailbox.messages(to: address).count == 1 }
            try await client.execute(
                uri: "/preferences/\(volunteer.volunteerId.uuidString.lowercased())", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(
                    string: "email=on&quietStart=21%3A00&quietEnd=08%3A00&subscribed=on&kind.joint-team-formed=on&digestHour=9")
            ) { #expect($0.status == .ok) }
            try await service.publish(Self.team(volunteer))
            try await service.publish(Self.team(volunteer))
            try await service.waitUntil("both notices wait for the digest") {
                try await DeliveryTests.deliveries(of: volunteer.volunteerId, in: service).filter { $0.reason == "digest" }.count == 2
            }
            try await DeliveryTests.advance(clock, to: DeliveryTests.instant("2026-12-09T07:00:00Z"), in: service)
            try await service.waitUntil("the digest is sent") {
                try await DeliveryTests.deliveries(of: volunteer.volunteerId, in: service).allSatisfy { $0.status == "sent" }
                    && Mailbox.messages(to: address).count == 2
            }
            let welcome = try #require(try await DeliveryTests.deliveries(of: volunteer.volunteerId, in: service).first).id
            let stored = try #require(try Mailbox.stored(to: address).first { !$0.contains(welcome.uuidString.lowercased()) })
            let returnPath = try #require(Mailbox.parse(stored).header("Return-Path"))
            let bounce = Self.report(to: String(returnPath.dropFirst().dropLast()), returning: stored, recipient: address)
            #expect(try await Self.post(bounce, client: client) { try Self.outcome($0) }.deliveryStatus == "bounced")
            let notices = try await DeliveryTests.deliveries(of: volunteer.volunteerId, in: service).filter {
                $0.kind == "joint-team-formed"
            }
            #expect(notices.count == 2)
            #expect(notices.allSatisfy { $0.status == "bounced" })
            #expect(try await DeliveryTests.deliveries(of: volunteer.volunteerId, in: service).first?.status == "sent")
            let failed = try await service.outboxEvents(DeliveryFailed.self)
            #expect(Set(failed.map(\.deliveryId)) == Set(notices.map(\.id)))
            #expect(failed.count == 2)
        }
    }

    @Test("only an automation token or a coordinator posts bounces; malformed, foreign and unknown reports get 4xx problems")
    func accessAndBadReports() async throws {
        let clock = SettableClock(DeliveryTests.tuesdayNoonInJerusalem)
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try DeliveryTests.environment()) {
            service, client in
            let volunteer = DeliveryTests.volunteer(email: DeliveryTests.address(), languages: ["en"], timeZone: "Asia/Jerusalem")
            let address = volunteer.contactChannels[0].address
            try await service.publish(volunteer)
            try await service.waitUntil("the welcome is received") { try Mailbox.messages(to: address).count == 1 }
            let welcome = try #require(try await DeliveryTests.deliveries(of: volunteer.volunteerId, in: service).first)
            let stored = try #require(try Mailbox.stored(to: address).first)
            let bounce = Self.report(
                to: "notifications+\(welcome.id.uuidString.lowercased())@p2g.localhost", returning: stored, recipient: address)
            let anonymous = try #require(client as? AuthorizedTestClient).anonymous
            let rfc822: HTTPFields = [.contentType: "message/rfc822"]
            try await anonymous.execute(uri: "/bounces", method: .post, headers: rfc822, body: ByteBuffer(string: bounce)) {
                #expect($0.status == .unauthorized)
            }
            let own = try await TestTokens.token(.volunteer, volunteer: volunteer.volunteerId, audience: ["notifications"])
            for token in [own, try await TestTokens.token(.operator), try await TestTokens.token(.partnershipCoordinator)] {
                var headers = rfc822
                headers[.authorization] = "Bearer \(token)"
                try await anonymous.execute(uri: "/bounces", method: .post, headers: headers, body: ByteBuffer(string: bounce)) {
                    #expect($0.status == .forbidden)
                }
            }
            #expect(try await DeliveryTests.deliveries(of: volunteer.volunteerId, in: service).first?.status == "sent")

            let plainMail = try #require(try Mailbox.stored(to: address).first).components(separatedBy: "\r\n").dropFirst(2)
                .joined(separator: "\r\n")
            let noRecipient = bounce.replacingOccurrences(of: "Action: failed", with: "Action: exploded")
            let unknown = Self.report(
                to: "notifications+\(UUID().uuidString.lowercased())@p2g.localhost", returning: "a\r\nb\r\n", recipient: address,
                diagnostic: "smtp; 550 5.1.1 \u{0}gone")
            let cases: [(body: String, contentType: String, status: HTTPResponse.Status)] = [
                ("", "message/rfc822", .badRequest), ("not a message at all", "text/plain", .badRequest),
                ("\u{0}\u{1}:\u{2}", "text/plain", .badRequest), (plainMail, "message/rfc822", .unprocessableContent),
                (noRecipient, "message/rfc822", .unprocessableContent), (unknown, "message/rfc822", .notFound),
                (bounce, "application/json", .unsupportedMediaType),
            ]
            for (body, contentType, status) in cases {
                try await client.execute(
                    uri: "/bounces", method: .post, headers: [.contentType: contentType], body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == status)
                    #expect(response.headers[.contentType] == "application/problem+json")
                    #expect(!String(buffer: response.body).contains("@"))
                }
            }
            #expect(try await DeliveryTests.deliveries(of: volunteer.volunteerId, in: service).first?.status == "sent")
            #expect(try await service.count("SELECT count(*) FROM delivery_reports") == 0)
            // An Agency coordinator may post one too.
            let outcome = try await client.execute(uri: "/bounces", method: .post, headers: rfc822, body: ByteBuffer(string: bounce)) {
                try Self.outcome($0)
            }
            #expect(outcome.deliveryStatus == "bounced")
        }
    }
}
