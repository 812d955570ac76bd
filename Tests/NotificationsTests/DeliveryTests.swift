import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JewishCalendar
import Notifications
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing

/// E-mail delivery in-process against the real PostgreSQL, RabbitMQ and the local stack's SMTP
/// server, whose stored messages the tests read back. The service's rules go by a clock the
/// test sets, never by the wall clock.
@Suite("Notification delivery by e-mail", .serialized)
struct DeliveryTests {
    /// The service's settings for these tests: the stack's SMTP server, quick retries.
    static func environment() throws -> [String: String] {
        [
            "P2G_SMTP_URL": try LocalStack.setting("P2G_SMTP_URL"), "P2G_DELIVERY_RETRY_BASE": "200ms", "P2G_DELIVERY_RETRY_MAX": "1s",
            "P2G_DELIVERY_ATTEMPTS": "3", "P2G_PUBLIC_URL": "http://notifications.test",
        ]
    }

    static func instant(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        guard let date = formatter.date(from: text) else { preconditionFailure("not an instant: \(text)") }
        return date
    }

    /// A Tuesday at noon in Jerusalem, 10:00 in London, 02:00 in Los Angeles.
    static let tuesdayNoonInJerusalem = instant("2026-12-08T10:00:00Z")

    /// A fresh address at the SMTP server, `tag` in its local part (`+fail451x2`...).
    static func address(_ tag: String = "") -> String {
        "volunteer-\(UUID().uuidString.prefix(8).lowercased())\(tag)@example.org"
    }

    static func volunteer(
        _ id: UUID = UUID(), email: String?, languages: [String], timeZone: String, name: String = "Dana"
    ) -> VolunteerRegistered {
        VolunteerRegistered(
            volunteerId: id, name: name, names: nil, homeCommunityId: UUID(), side: .israeli, languages: languages, timeZone: timeZone,
            roles: ["volunteer"],
            contactChannels: email.map { [ContactChannel(kind: .email, address: $0, consent: .init(given: true, at: Date()))] } ?? [],
            registeredAt: instant("2026-12-08T09:00:00Z"))
    }

    /// The volunteer's deliveries: status, attempts, not before, hold reason.
    static func deliveries(of volunteer: UUID, in service: InProcessService) async throws -> [(
        id: UUID, kind: String, status: String, attempts: Int, notBefore: Date?, reason: String?
    )] {
        try await service.database.query(
            "SELECT id, kind, status, attempts, not_before, hold_reason FROM deliveries WHERE recipient_id = \(volunteer) ORDER BY created_at"
        ).map { row in
            (
                try row.decode(UUID.self, at: 0), try row.decode(String.self, at: 1), try row.decode(String.self, at: 2),
                try row.decode(Int.self, at: 3), try row.decode(Date?.self, at: 4), try row.decode(String?.self, at: 5)
            )
        }
    }

    /// Time passes on the service's clock to `instant`, and the held deliveries' timers come due.
    static func advance(_ clock: SettableClock, to instant: Date, in service: InProcessService) async throws {
        clock.set(instant)
        try await service.database.query("UPDATE timers SET due_at = clock_timestamp() WHERE name = 'delivery-due'")
    }

    @Test("a Hebrew speaker's welcome is right to left and an English speaker's left to right, both parsed back from the SMTP server")
    func hebrewAndEnglish() async throws {
        let clock = SettableClock(Self.tuesdayNoonInJerusalem)
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try Self.environment()) { service, _ in
            let hebrew = Self.volunteer(email: Self.address(), languages: ["he", "en"], timeZone: "Asia/Jerusalem", name: "נועה")
            let english = Self.volunteer(email: Self.address(), languages: ["en"], timeZone: "Europe/London", name: "Daniel")
            try await service.publish(hebrew)
            try await service.publish(english)
            let hebrewAddress = hebrew.contactChannels[0].address
            let englishAddress = english.contactChannels[0].address
            try await service.waitUntil("both welcomes are received") {
                try Mailbox.messages(to: hebrewAddress).count == 1 && Mailbox.messages(to: englishAddress).count == 1
            }
            let inHebrew = try Mailbox.messages(to: hebrewAddress)[0]
            #expect(inHebrew.subject.contains("ברוכים הבאים"))
            #expect(inHebrew.subject.contains("נועה"))
            #expect(inHebrew.html.contains("<html lang=\"he\" dir=\"rtl\">"))
            #expect(inHebrew.plainText.contains("שלום נועה"))
            #expect(inHebrew.header("Content-Language") == "he")
            // Written in Jerusalem's time and with the Hebrew date.
            #expect(inHebrew.plainText.contains("Asia/Jerusalem"))
            #expect(inHebrew.plainText.contains("בכסלו") || inHebrew.plainText.contains("בטבת"))
            let inEnglish = try Mailbox.messages(to: englishAddress)[0]
            #expect(inEnglish.subject == "Welcome to Partnership2Gether, Daniel")
            #expect(inEnglish.html.contains("<html lang=\"en\" dir=\"ltr\">"))
            #expect(inEnglish.plainText.contains("Hello Daniel"))
            #expect(inEnglish.plainText.contains("Europe/London"))

            // The Message-ID is the delivery's id; one-click unsubscribe with a signed link.
            let delivery = try #require(try await Self.deliveries(of: english.volunteerId, in: service).first)
            #expect(delivery.status == "sent")
            #expect(inEnglish.header("Message-ID") == "<\(delivery.id.uuidString.lowercased())@notifications.p2g>")
            let unsubscribe = try #require(inEnglish.header("List-Unsubscribe"))
            #expect(
                unsubscribe.hasPrefix("<http://notifications.test/unsubscribe/\(english.volunteerId.uuidString.lowercased())?access_token=")
            )
            #expect(inEnglish.header("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click")
            let succeeded = try await service.outboxEvents(DeliverySucceeded.self)
            #expect(Set(succeeded.map(\.recipientId)) == [hebrew.volunteerId, english.volunteerId])
        }
    }

    @Test("the same joint team announced three times makes one e-mail for each member")
    func sameEventThreeTimes() async throws {
        let clock = SettableClock(Self.tuesdayNoonInJerusalem)
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try Self.environment()) { service, _ in
            let members = (0..<6).map { index in
                Self.volunteer(email: Self.address(), languages: index % 2 == 0 ? ["he"] : ["en"], timeZone: "Asia/Jerusalem")
            }
            for member in members { try await service.publish(member) }
            let team = JointTeamFormed(
                teamId: UUID(), pairingId: UUID(), program: .communities2gether, impactedCommunityId: UUID(), supportingCommunityId: UUID(),
                members: members.enumerated().map { index, member in
                    .init(
                        volunteerId: member.volunteerId, delegation: [.impacted, .supporting, .agency][index / 2],
                        timeZone: "Asia/Jerusalem",
                        languages: member.languages)
                }, workingLanguage: "en", interpreterNeeded: false, formedAt: Self.instant("2026-12-08T09:30:00Z"))
            let messageID = UUID()
            for _ in 0..<3 { try await service.publish(team, messageID: messageID) }
            try await service.waitUntil("every member has a welcome and a team notice") {
                try members.allSatisfy { try Mailbox.messages(to: $0.contactChannels[0].address).count == 2 }
            }
            try await service.waitUntil("the queue is drained") {
                try await service.amqp.queueStatus("notifications.events").messageCount == 0
            }
            #expect(try await service.count("SELECT count(*) FROM deliveries WHERE kind = 'joint-team-formed'") == 6)
            for member in members {
                let mails = try Mailbox.messages(to: member.contactChannels[0].address)
                #expect(mails.count == 2)
                let notice = try #require(
                    mails.first { $0.subject == "You are on a joint team" || $0.subject == "צירפנו אותך לצוות משותף" })
                #expect(notice.plainText.contains(member.languages == ["he"] ? "קהילות2גדר" : "Communities2Gether"))
            }
        }
    }

    @Test("a message due during Shabbat in Jerusalem waits for havdalah, while Los Angeles gets it before its own Shabbat begins")
    func shabbatHold() async throws {
        // Friday 18:30 in Jerusalem (after candle lighting), 08:30 in Los Angeles.
        let friday = Self.instant("2026-12-11T16:30:00Z")
        let clock = SettableClock(friday)
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try Self.environment()) { service, _ in
            let jerusalem = Self.volunteer(email: Self.address(), languages: ["he"], timeZone: "Asia/Jerusalem")
            let losAngeles = Self.volunteer(email: Self.address(), languages: ["en"], timeZone: "America/Los_Angeles")
            try await service.publish(jerusalem)
            try await service.publish(losAngeles)
            try await service.waitUntil("Los Angeles's welcome is received") {
                try Mailbox.messages(to: losAngeles.contactChannels[0].address).count == 1
            }
            let laCalendar = ObservanceCalendar(
                location: try GeoLocation(latitude: 34.0522, longitude: -118.2437, timeZoneIdentifier: "America/Los_Angeles"))
            #expect(!laCalendar.workStatus(at: friday).isWorkForbidden)

            try await service.waitUntil("Jerusalem's welcome is held") {
                try await Self.deliveries(of: jerusalem.volunteerId, in: service).first?.status == "deferred"
            }
            let held = try #require(try await Self.deliveries(of: jerusalem.volunteerId, in: service).first)
            let jerusalemCalendar = ObservanceCalendar(
                location: try GeoLocation(latitude: 31.7683, longitude: 35.2137, timeZoneIdentifier: "Asia/Jerusalem"), policy: .jerusalem)
            guard case .forbidden(let shabbat) = jerusalemCalendar.workStatus(at: friday) else {
                Issue.record("Friday 18:30 in Jerusalem is Shabbat")
                return
            }
            #expect(held.reason == "shabbat-or-festival")
            #expect(abs((held.notBefore ?? .distantPast).timeIntervalSince(shabbat.end)) < 0.001)
            #expect(try Mailbox.messages(to: jerusalem.contactChannels[0].address).isEmpty)

            // The timer firing early (Saturday noon) sends nothing: it is still Shabbat.
            try await Self.advance(clock, to: Self.instant("2026-12-12T10:00:00Z"), in: service)
            try await service.waitUntil("the early timer is set again") {
                try await service.count(
                    "SELECT count(*) FROM timers WHERE name = 'delivery-due' AND due_at > clock_timestamp() + interval '1 hour'")
                    == 1
            }
            #expect(try Mailbox.messages(to: jerusalem.contactChannels[0].address).isEmpty)

            // After havdalah it goes.
            try await Self.advance(clock, to: shabbat.end.addingTimeInterval(60), in: service)
            try await service.waitUntil("Jerusalem's welcome is received after havdalah") {
                try Mailbox.messages(to: jerusalem.contactChannels[0].address).count == 1
            }
            #expect(try await Self.deliveries(of: jerusalem.volunteerId, in: service).first?.status == "sent")
        }
    }

    @Test("a message due at 23:00 in Melbourne waits for the end of quiet hours, 08:00 there")
    func quietHoursInMelbourne() async throws {
        // 23:00 in Melbourne (UTC+11 in December) on a Tuesday.
        let clock = SettableClock(Self.instant("2026-12-08T12:00:00Z"))
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try Self.environment()) { service, _ in
            let melbourne = Self.volunteer(email: Self.address(), languages: ["en"], timeZone: "Australia/Melbourne")
            try await service.publish(melbourne)
            try await service.waitUntil("the welcome is held") {
                try await Self.deliveries(of: melbourne.volunteerId, in: service).first?.status == "deferred"
            }
            let held = try #require(try await Self.deliveries(of: melbourne.volunteerId, in: service).first)
            #expect(held.reason == "quiet-hours")
            #expect(held.notBefore == Self.instant("2026-12-08T21:00:00Z"))
            #expect(try Mailbox.messages(to: melbourne.contactChannels[0].address).isEmpty)
            try await Self.advance(clock, to: Self.instant("2026-12-08T21:00:00Z"), in: service)
            try await service.waitUntil("the welcome is received at 08:00 in Melbourne") {
                try Mailbox.messages(to: melbourne.contactChannels[0].address).count == 1
            }
        }
    }

    @Test("a temporary SMTP failure is tried again and then sent; a permanent one fails with its event, naming no address")
    func temporaryAndPermanentFailures() async throws {
        let clock = SettableClock(Self.tuesdayNoonInJerusalem)
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try Self.environment()) { service, _ in
            let flaky = Self.volunteer(email: Self.address("+fail451x2"), languages: ["en"], timeZone: "Asia/Jerusalem")
            let refused = Self.volunteer(email: Self.address("+fail550"), languages: ["en"], timeZone: "Asia/Jerusalem")
            try await service.publish(flaky)
            try await service.publish(refused)
            try await service.waitUntil("the flaky address gets its welcome") {
                try Mailbox.messages(to: flaky.contactChannels[0].address).count == 1
            }
            let sent = try #require(try await Self.deliveries(of: flaky.volunteerId, in: service).first)
            #expect(sent.status == "sent")
            #expect(sent.attempts == 3)
            try await service.waitUntil("the refused welcome has failed") {
                try await Self.deliveries(of: refused.volunteerId, in: service).first?.status == "failed"
            }
            #expect(try await Self.deliveries(of: refused.volunteerId, in: service).first?.attempts == 1)
            let failed = try await service.outboxEvents(DeliveryFailed.self)
            #expect(failed.count == 1)
            #expect(failed.first?.recipientId == refused.volunteerId)
            #expect(failed.first?.permanent == true)
            #expect(failed.first?.replyCode == 550)
            #expect(failed.first?.reason.contains("@") == false)
            #expect(try await service.outboxEvents(DeliverySucceeded.self).first { $0.recipientId == flaky.volunteerId }?.attempts == 3)
            let errors = try await service.database.query("SELECT coalesce(string_agg(last_error, ' '), '') FROM deliveries")[0]
                .decode(String.self, at: 0)
            #expect(!errors.contains("@"))
        }
    }

    @Test("an erased volunteer is never written to, not even what was owed before the erasure")
    func erasedNeverWritten() async throws {
        // 23:00 in Jerusalem: the welcome waits for the morning.
        let clock = SettableClock(Self.instant("2026-12-08T21:00:00Z"))
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try Self.environment()) { service, _ in
            let volunteer = Self.volunteer(email: Self.address(), languages: ["en"], timeZone: "Asia/Jerusalem")
            try await service.publish(volunteer)
            try await service.waitUntil("the welcome is held") {
                try await Self.deliveries(of: volunteer.volunteerId, in: service).first?.status == "deferred"
            }
            try await service.publish(VolunteerErased(volunteerId: volunteer.volunteerId, erasedAt: Self.instant("2026-12-08T21:05:00Z")))
            try await service.waitUntil("the erasure is handled") { try await service.count("SELECT count(*) FROM inbox") == 2 }
            try await Self.advance(clock, to: Self.instant("2026-12-09T07:00:00Z"), in: service)
            try await service.waitUntil("the welcome is suppressed") {
                try await Self.deliveries(of: volunteer.volunteerId, in: service).first?.status == "suppressed"
            }
            // A registration that arrives late stores nothing again, and sends nothing.
            try await service.publish(volunteer)
            try await service.waitUntil("the late registration is handled") { try await service.count("SELECT count(*) FROM inbox") == 3 }
            try await service.waitUntil("its delivery is suppressed too") {
                try await Self.deliveries(of: volunteer.volunteerId, in: service).allSatisfy { $0.status == "suppressed" }
            }
            #expect(try Mailbox.messages(to: volunteer.contactChannels[0].address).isEmpty)
        }
    }

    @Test("one-click unsubscribe from an e-mail's link is honoured by the next notification")
    func oneClickUnsubscribe() async throws {
        let clock = SettableClock(Self.tuesdayNoonInJerusalem)
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try Self.environment()) {
            service, client in
            let volunteer = Self.volunteer(email: Self.address(), languages: ["en"], timeZone: "Asia/Jerusalem")
            let address = volunteer.contactChannels[0].address
            try await service.publish(volunteer)
            try await service.waitUntil("the welcome is received") { try Mailbox.messages(to: address).count == 1 }
            let anonymous = try #require(client as? AuthorizedTestClient).anonymous
            let link = try #require(try Mailbox.messages(to: address)[0].header("List-Unsubscribe"))
            let uri = String(link.dropFirst("<http://notifications.test".count).dropLast())
            // What a mail client does for RFC 8058: POST the link, no other credentials.
            try await anonymous.execute(
                uri: uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "List-Unsubscribe=One-Click")
            ) { response in
                #expect(response.status == .ok)
            }
            let team = JointTeamFormed(
                teamId: UUID(), pairingId: UUID(), program: .partnership2gether, impactedCommunityId: UUID(), supportingCommunityId: UUID(),
                members: [.init(volunteerId: volunteer.volunteerId, delegation: .agency, timeZone: "Asia/Jerusalem", languages: ["en"])],
                workingLanguage: "en", interpreterNeeded: false, formedAt: Self.tuesdayNoonInJerusalem)
            try await service.publish(team)
            try await service.waitUntil("the team notice is suppressed") {
                try await Self.deliveries(of: volunteer.volunteerId, in: service).last?.status == "suppressed"
            }
            #expect(try Mailbox.messages(to: address).count == 1)
        }
    }

    @Test("a volunteer who takes a daily digest at 09:00 gets two joint team notices in one e-mail at 09:00 in their time zone")
    func dailyDigest() async throws {
        let clock = SettableClock(Self.tuesdayNoonInJerusalem)
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try Self.environment()) {
            service, client in
            let volunteer = Self.volunteer(email: Self.address(), languages: ["en"], timeZone: "Asia/Jerusalem")
            let address = volunteer.contactChannels[0].address
            try await service.publish(volunteer)
            try await service.waitUntil("the welcome is received") { try Mailbox.messages(to: address).count == 1 }
            let id = volunteer.volunteerId.uuidString.lowercased()
            try await client.execute(
                uri: "/preferences/\(id)", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(
                    string:
                        "email=on&quietStart=21%3A00&quietEnd=08%3A00&subscribed=on&kind.joint-team-formed=on&kind.announcement=on&digestHour=9"
                )
            ) { #expect($0.status == .ok) }
            for program in [PartnershipProgram.communities2gether, .partnership2gether] {
                try await service.publish(
                    JointTeamFormed(
                        teamId: UUID(), pairingId: UUID(), program: program, impactedCommunityId: UUID(), supportingCommunityId: UUID(),
                        members: [
                            .init(volunteerId: volunteer.volunteerId, delegation: .agency, timeZone: "Asia/Jerusalem", languages: ["en"])
                        ],
                        workingLanguage: "en", interpreterNeeded: false, formedAt: Self.tuesdayNoonInJerusalem))
            }
            try await service.waitUntil("both notices wait for the digest") {
                try await Self.deliveries(of: volunteer.volunteerId, in: service).filter { $0.reason == "digest" }.count == 2
            }
            // 09:00 on Wednesday in Jerusalem is 07:00 UTC.
            #expect(
                try await Self.deliveries(of: volunteer.volunteerId, in: service).filter { $0.reason == "digest" }.allSatisfy {
                    $0.notBefore == Self.instant("2026-12-09T07:00:00Z")
                })
            try await Self.advance(clock, to: Self.instant("2026-12-09T07:00:00Z"), in: service)
            try await service.waitUntil("the digest is received") { try Mailbox.messages(to: address).count == 2 }
            // The store's files are named to the second: find the digest by its subject.
            let digest = try #require(try Mailbox.messages(to: address).first { $0.subject == "Your daily digest: 2 notifications" })
            #expect(digest.plainText.contains("Communities2Gether") && digest.plainText.contains("Partnership2Gether pairing"))
            try await service.waitUntil("both are recorded as sent") {
                try await Self.deliveries(of: volunteer.volunteerId, in: service).allSatisfy { $0.status == "sent" }
            }
            #expect(try Mailbox.messages(to: address).count == 2)
        }
    }

    @Test("the preferences page is the volunteer's own: 401 without a token, 403 with another's, their language and direction with theirs")
    func preferencesAccess() async throws {
        let clock = SettableClock(Self.tuesdayNoonInJerusalem)
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try Self.environment()) {
            service, client in
            let volunteer = Self.volunteer(email: Self.address(), languages: ["he"], timeZone: "Asia/Jerusalem", name: "נועה")
            try await service.publish(volunteer)
            try await service.waitUntil("the volunteer is known") {
                try await service.count("SELECT count(*) FROM volunteer_recipients") == 1
            }
            let id = volunteer.volunteerId.uuidString.lowercased()
            let anonymous = try #require(client as? AuthorizedTestClient).anonymous
            try await anonymous.execute(uri: "/preferences/\(id)", method: .get) { #expect($0.status == .unauthorized) }
            let other = try await TestTokens.token(.volunteer, volunteer: UUID(), audience: ["notifications"])
            try await anonymous.execute(uri: "/preferences/\(id)?access_token=\(other)", method: .get) {
                #expect($0.status == .forbidden)
            }
            for role in [Role.operator, .automation, .partnershipCoordinator] {
                let token = try await TestTokens.token(role)
                try await anonymous.execute(uri: "/unsubscribe/\(id)", method: .post, headers: [.authorization: "Bearer \(token)"]) {
                    #expect($0.status == .forbidden)
                }
            }
            let own = try await TestTokens.token(.volunteer, volunteer: volunteer.volunteerId, audience: ["notifications"])
            try await anonymous.execute(uri: "/preferences/\(id)?access_token=\(own)", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("<html lang=\"he\" dir=\"rtl\">"))
                #expect(page.contains("נועה"))
            }
            try await anonymous.execute(
                uri: "/preferences/\(id)?access_token=\(own)", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "email=on&quietStart=25:00&quietEnd=07:00&subscribed=on")
            ) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/preferences/not-a-uuid", method: .get) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/preferences/\(UUID().uuidString.lowercased())", method: .get) {
                #expect($0.status == .notFound)
            }
        }
    }
}
