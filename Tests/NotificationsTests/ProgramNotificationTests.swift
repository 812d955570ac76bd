import Contracts
import Foundation
import Notifications
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing

/// What scheduling's and the registry's events owe volunteers: each becomes e-mails for the
/// right people, in their language and time zone, once however often it is delivered, read back
/// from the real SMTP server.
@Suite("Notifications of programs, registrations and funding overlaps", .serialized)
struct ProgramNotificationTests {
    static let titles = ["en": "Teachers exchange", "he": "חילופי מורים"]

    static func session(
        _ starts: String, hours: Double = 2, virtual: Bool = false, participants: [VolunteerRegistered]
    ) -> ScheduledSession {
        let startsAt = DeliveryTests.instant(starts)
        return ScheduledSession(
            sessionId: UUID(), occurrence: 0, titles: nil, startsAt: startsAt, endsAt: startsAt.addingTimeInterval(hours * 3600),
            virtual: virtual, venueId: virtual ? nil : UUID(), timeZone: "Asia/Jerusalem",
            participantVolunteerIds: participants.map(\.volunteerId))
    }

    static func program(_ sessions: [ScheduledSession], id: UUID = UUID()) -> ProgramScheduled {
        ProgramScheduled(
            programId: id, kind: "conference", partnershipId: UUID(), teamId: nil, titles: titles, timeZone: "Asia/Jerusalem",
            sessions: sessions, scheduledAt: DeliveryTests.instant("2026-12-08T09:00:00Z"))
    }

    /// The e-mails to `volunteer` other than their welcome (the narrow space some locales put
    /// before AM and PM read as a space).
    static func notices(to volunteer: VolunteerRegistered) throws -> [Mailbox.Mail] {
        try Mailbox.messages(to: volunteer.contactChannels[0].address).filter {
            !$0.subject.contains("Welcome to Partnership2Gether") && !$0.subject.contains("ברוכים הבאים")
        }.map { mail in
            var mail = mail
            mail.plainText = mail.plainText.replacingOccurrences(of: "\u{202F}", with: " ")
            return mail
        }
    }

    static func register(_ volunteers: [VolunteerRegistered], in service: InProcessService) async throws {
        for volunteer in volunteers { try await service.publish(volunteer) }
        try await service.waitUntil("the welcomes are sent") {
            try volunteers.allSatisfy { try Mailbox.messages(to: $0.contactChannels[0].address).count == 1 }
        }
    }

    @Test("a scheduled program tells each participant of their own sessions once, in their language and time zone")
    func programScheduled() async throws {
        let clock = SettableClock(DeliveryTests.tuesdayNoonInJerusalem)
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try DeliveryTests.environment()) {
            service, _ in
            let hebrew = DeliveryTests.volunteer(
                email: DeliveryTests.address(), languages: ["he"], timeZone: "Asia/Jerusalem", name: "נועה")
            let english = DeliveryTests.volunteer(email: DeliveryTests.address(), languages: ["en"], timeZone: "Europe/London", name: "Tom")
            let absent = DeliveryTests.volunteer(email: DeliveryTests.address(), languages: ["en"], timeZone: "Europe/London")
            try await Self.register([hebrew, english, absent], in: service)
            let program = Self.program([
                Self.session("2026-12-15T08:00:00Z", participants: [hebrew, english]),
                Self.session("2026-12-16T14:00:00Z", hours: 1, virtual: true, participants: [english]),
            ])
            let messageID = UUID()
            for _ in 0..<3 { try await service.publish(program, messageID: messageID) }
            try await service.waitUntil("both participants are told") {
                try Self.notices(to: hebrew).count == 1 && Self.notices(to: english).count == 1
            }
            try await service.waitUntil("the queue is drained") {
                try await service.amqp.queueStatus("notifications.events").messageCount == 0
            }
            #expect(try await service.count("SELECT count(*) FROM deliveries WHERE kind = 'program-scheduled' AND status = 'sent'") == 2)
            let inHebrew = try Self.notices(to: hebrew)[0]
            #expect(inHebrew.subject == "המפגשים שלך בחילופי מורים")
            #expect(inHebrew.html.contains("<html lang=\"he\" dir=\"rtl\">"))
            #expect(inHebrew.plainText.contains("שלום נועה"))
            #expect(inHebrew.plainText.contains("ב־1 מפגשים"))
            // 08:00 UTC is 10:00 in Jerusalem; the Hebrew date of the first session.
            #expect(inHebrew.plainText.contains("10:00"))
            #expect(inHebrew.plainText.contains("Asia/Jerusalem"))
            #expect(inHebrew.plainText.contains("בטבת") || inHebrew.plainText.contains("בכסלו"))
            let inEnglish = try Self.notices(to: english)[0]
            #expect(inEnglish.subject == "Your sessions of Teachers exchange")
            #expect(inEnglish.plainText.contains("You take part in 2 session(s)"))
            #expect(inEnglish.plainText.contains("- December 15, 2026 at 8:00 AM (Europe/London) to 10:00 AM"))
            #expect(inEnglish.plainText.contains("- December 16, 2026 at 2:00 PM (Europe/London) to 3:00 PM, online"))
            #expect(try Self.notices(to: absent).isEmpty)
        }
    }

    @Test("a moved session tells the participants of that session its new time and its old one, and no one else")
    func sessionRescheduled() async throws {
        let clock = SettableClock(DeliveryTests.tuesdayNoonInJerusalem)
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try DeliveryTests.environment()) {
            service, _ in
            let english = DeliveryTests.volunteer(email: DeliveryTests.address(), languages: ["en"], timeZone: "Europe/London")
            let hebrew = DeliveryTests.volunteer(email: DeliveryTests.address(), languages: ["he"], timeZone: "Asia/Jerusalem")
            let other = DeliveryTests.volunteer(email: DeliveryTests.address(), languages: ["en"], timeZone: "Europe/London")
            try await Self.register([english, hebrew, other], in: service)
            var session = Self.session("2026-12-15T08:00:00Z", participants: [english, hebrew])
            let previous = (session.startsAt, session.endsAt)
            session.startsAt = DeliveryTests.instant("2026-12-17T09:00:00Z")
            session.endsAt = DeliveryTests.instant("2026-12-17T11:00:00Z")
            let move = SessionRescheduled(
                programId: UUID(), titles: Self.titles, session: session, previousStartsAt: previous.0, previousEndsAt: previous.1,
                sequence: 1, reason: "participant-unavailable", rescheduledAt: DeliveryTests.tuesdayNoonInJerusalem)
            let messageID = UUID()
            for _ in 0..<2 { try await service.publish(move, messageID: messageID) }
            try await service.waitUntil("both participants are told") {
                try Self.notices(to: english).count == 1 && Self.notices(to: hebrew).count == 1
            }
            let inEnglish = try Self.notices(to: english)[0]
            #expect(inEnglish.subject == "A session of Teachers exchange moved")
            #expect(inEnglish.plainText.contains("(a participant cannot come)"))
            #expect(inEnglish.plainText.contains("It was: December 15, 2026 at 8:00 AM (Europe/London)."))
            #expect(inEnglish.plainText.contains("It is now: December 17, 2026 at 9:00 AM (Europe/London) to 11:00 AM"))
            let inHebrew = try Self.notices(to: hebrew)[0]
            #expect(inHebrew.subject == "מפגש של חילופי מורים הוזז")
            #expect(inHebrew.plainText.contains("אחד המשתתפים אינו יכול להגיע"))
            // 09:00 UTC on the 17th is 11:00 in Jerusalem.
            #expect(inHebrew.plainText.contains("11:00"))
            #expect(try await service.count("SELECT count(*) FROM deliveries WHERE kind = 'session-rescheduled'") == 2)
            #expect(try Self.notices(to: other).isEmpty)
        }
    }

    @Test("a registrant is told their registration is confirmed, their place on the waiting list, and when a seat comes free")
    func registrations() async throws {
        let clock = SettableClock(DeliveryTests.tuesdayNoonInJerusalem)
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try DeliveryTests.environment()) {
            service, _ in
            let english = DeliveryTests.volunteer(email: DeliveryTests.address(), languages: ["en"], timeZone: "Europe/London")
            let hebrew = DeliveryTests.volunteer(email: DeliveryTests.address(), languages: ["he", "en"], timeZone: "Asia/Jerusalem")
            try await Self.register([english, hebrew], in: service)
            let session = Self.session("2026-12-15T08:00:00Z", participants: [])
            let program = Self.program([session])
            try await service.publish(program)
            try await service.waitUntil("the program is known") {
                try await service.count("SELECT count(*) FROM program_sessions WHERE program_id = \(program.programId)") == 1
            }
            let confirmed = RegistrationConfirmed(
                registrationId: UUID(), programId: program.programId, sessionId: session.sessionId, volunteerId: english.volunteerId,
                confirmedAt: DeliveryTests.tuesdayNoonInJerusalem)
            let waitlisted = RegistrationWaitlisted(
                registrationId: UUID(), programId: program.programId, sessionId: session.sessionId, volunteerId: hebrew.volunteerId,
                position: 3, waitlistedAt: DeliveryTests.tuesdayNoonInJerusalem)
            // A participant the registry does not know is not written to here.
            let named = RegistrationConfirmed(
                registrationId: UUID(), programId: program.programId, sessionId: session.sessionId, volunteerId: nil,
                confirmedAt: DeliveryTests.tuesdayNoonInJerusalem)
            let confirmedID = UUID()
            for _ in 0..<3 { try await service.publish(confirmed, messageID: confirmedID) }
            try await service.publish(waitlisted)
            try await service.publish(named)
            try await service.waitUntil("both registrants are told") {
                try Self.notices(to: english).count == 1 && Self.notices(to: hebrew).count == 1
            }
            let inEnglish = try Self.notices(to: english)[0]
            #expect(inEnglish.subject == "Your registration for Teachers exchange is confirmed")
            #expect(inEnglish.plainText.contains("The session: December 15, 2026 at 8:00 AM (Europe/London) to 10:00 AM."))
            let inHebrew = try Self.notices(to: hebrew)[0]
            #expect(inHebrew.subject == "את/ה במקום 3 ברשימת ההמתנה לחילופי מורים")
            #expect(inHebrew.html.contains("<strong>3</strong>"))

            let promoted = RegistrationPromoted(
                registrationId: waitlisted.registrationId, programId: program.programId, sessionId: session.sessionId,
                volunteerId: hebrew.volunteerId, promotedAt: DeliveryTests.tuesdayNoonInJerusalem)
            let promotedID = UUID()
            for _ in 0..<2 { try await service.publish(promoted, messageID: promotedID) }
            try await service.waitUntil("the promoted registrant is told") { try Self.notices(to: hebrew).count == 2 }
            #expect(try Self.notices(to: hebrew)[1].subject == "התפנה מקום בחילופי מורים: הוא שלך")
            try await service.waitUntil("the queue is drained") {
                try await service.amqp.queueStatus("notifications.events").messageCount == 0
            }
            #expect(try Self.notices(to: english).count == 1)
            #expect(try await service.count("SELECT count(*) FROM deliveries WHERE kind LIKE 'registration-%'") == 3)
            // Those with a seat are the program's people.
            #expect(
                try await service.count("SELECT count(*) FROM program_participants WHERE program_id = \(program.programId)") == 2)
        }
    }

    @Test("a funding overlap reaches the Agency staff and the coordinators of the community and its partners, once each")
    func fundingOverlap() async throws {
        let clock = SettableClock(DeliveryTests.tuesdayNoonInJerusalem)
        try await InProcessService.run(NotificationsService.definition(clock: clock), environment: try DeliveryTests.environment()) {
            service, _ in
            let (community, partner, unrelated) = (UUID(), UUID(), UUID())
            func volunteer(_ home: UUID, roles: [String], languages: [String] = ["en"]) -> VolunteerRegistered {
                var volunteer = DeliveryTests.volunteer(email: DeliveryTests.address(), languages: languages, timeZone: "Asia/Jerusalem")
                volunteer.homeCommunityId = home
                volunteer.roles = roles
                return volunteer
            }
            let agency = volunteer(UUID(), roles: ["agency-staff"])
            let coordinator = volunteer(community, roles: ["coordinator", "educator"], languages: ["he"])
            let partnerCoordinator = volunteer(partner, roles: ["partnership-coordinator"])
            let unrelatedCoordinator = volunteer(unrelated, roles: ["coordinator"])
            let host = volunteer(community, roles: ["host-family"])
            try await Self.register([agency, coordinator, partnerCoordinator, unrelatedCoordinator, host], in: service)
            let day = try #require(CalendarDate(parsing: "2020-01-01"))
            try await service.publish(
                PartnershipFormed(
                    partnershipId: UUID(), name: "Western Galilee – Central Area Consortium", names: nil, program: .partnership2gether,
                    formedOn: day,
                    members: [
                        .init(membershipId: UUID(), communityId: community, side: .israeli, joinedOn: day),
                        .init(membershipId: UUID(), communityId: partner, side: .global, joinedOn: day),
                    ], recordedAt: DeliveryTests.tuesdayNoonInJerusalem))
            try await service.waitUntil("the partnership is known") {
                try await service.count("SELECT count(*) FROM partnership_members WHERE community_id = \(partner)") == 1
            }
            let overlap = FundingOverlapDetected(
                needItemId: UUID(), communityId: community, estimatedCost: Money(amount: 36_000_000, currency: "ILS"),
                pledgedAndCommitted: 51_000_000,
                flows: [
                    .init(
                        flowId: UUID(), funderKind: "governmentBody", funderName: "Tekuma Authority", status: "committed",
                        amount: 36_000_000),
                    .init(
                        flowId: UUID(), funderKind: "otherDonor", funderName: "Friends of Kfar Aza", status: "pledged", amount: 15_000_000),
                ], detectedAt: DeliveryTests.tuesdayNoonInJerusalem, needDescription: "Mattresses for 120 families")
            let messageID = UUID()
            for _ in 0..<3 { try await service.publish(overlap, messageID: messageID) }
            try await service.waitUntil("the three coordinators are told") {
                try [agency, coordinator, partnerCoordinator].allSatisfy { try Self.notices(to: $0).count == 1 }
            }
            try await service.waitUntil("the queue is drained") {
                try await service.amqp.queueStatus("notifications.events").messageCount == 0
            }
            let inEnglish = try Self.notices(to: agency)[0]
            #expect(inEnglish.subject == "Possible double funding: Mattresses for 120 families")
            #expect(
                inEnglish.plainText.contains("come to 510,000.00 ILS, more than its estimated cost of 360,000.00 ILS, from 2 funder(s)"))
            let inHebrew = try Self.notices(to: coordinator)[0]
            #expect(inHebrew.subject == "חשש למימון כפול: Mattresses for 120 families")
            #expect(inHebrew.html.contains("dir=\"rtl\""))
            #expect(try Self.notices(to: unrelatedCoordinator).isEmpty)
            #expect(try Self.notices(to: host).isEmpty)
            #expect(try await service.count("SELECT count(*) FROM deliveries WHERE kind = 'funding-overlap'") == 3)
        }
    }
}
