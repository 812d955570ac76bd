import Foundation
import JewishCalendar
import Testing

@testable import Notifications

/// The pure rules of when a notification may go and how failures are retried.
@Suite("When a notification may go")
struct SendRulesTests {
    static let jerusalem = RecipientPlace.calendar(timeZone: "Asia/Jerusalem", coordinates: nil)
    static let zone = TimeZone(identifier: "Asia/Jerusalem") ?? .gmt

    @Test("a message due on the first day of Rosh Hashana 5787 waits for the end of both days, then goes")
    func festivalHold() throws {
        // Rosh Hashana 5787: 12-13 September 2026 (Saturday and Sunday in 2026), held as one window.
        let due = DeliveryTests.instant("2026-09-12T09:00:00Z")
        let window = SendWindow(calendar: Self.jerusalem, timeZone: Self.zone, quietHours: .standard, critical: false)
        let earliest = window.earliest(from: due)
        guard case .forbidden(let festival) = Self.jerusalem.workStatus(at: due) else {
            Issue.record("Rosh Hashana is a festival in Jerusalem")
            return
        }
        #expect(festival.days.count >= 2)
        #expect(earliest == festival.end)
        #expect(!Self.jerusalem.workStatus(at: earliest).isWorkForbidden)
    }

    @Test("quiet hours that end in Shabbat hold the message until havdalah; a critical one ignores quiet hours but not Shabbat")
    func quietHoursIntoShabbat() {
        // Friday 06:00 in Jerusalem (quiet until 08:00, then a free day until candle lighting).
        let friday = DeliveryTests.instant("2026-12-11T04:00:00Z")
        let routine = SendWindow(calendar: Self.jerusalem, timeZone: Self.zone, quietHours: .standard, critical: false)
        #expect(routine.earliest(from: friday) == DeliveryTests.instant("2026-12-11T06:00:00Z"))
        let critical = SendWindow(calendar: Self.jerusalem, timeZone: Self.zone, quietHours: .standard, critical: true)
        #expect(critical.earliest(from: friday) == friday)
        // Friday 23:00: Shabbat, then after havdalah on Saturday it is not yet quiet (before 21:00).
        let fridayNight = DeliveryTests.instant("2026-12-11T21:00:00Z")
        let afterShabbat = routine.earliest(from: fridayNight)
        #expect(afterShabbat == Self.jerusalem.workStatus(at: fridayNight).until)
        #expect(critical.earliest(from: fridayNight) == afterShabbat)
    }

    @Test("retries double from the base up to the maximum, each within half and one and a half of it, a bounded number of times")
    func backoff() {
        let retries = RetrySchedule(base: .seconds(60), maximumDelay: .seconds(3600), maximumAttempts: 6)
        #expect(retries.delay(afterAttempts: 1, jitter: 0.5) == 60)
        #expect(retries.delay(afterAttempts: 3, jitter: 0.5) == 240)
        #expect(retries.delay(afterAttempts: 10, jitter: 0.5) == 3600)
        #expect(retries.delay(afterAttempts: 2, jitter: 0) == 60)
        #expect(retries.delay(afterAttempts: 2, jitter: 0.999) < 180)
        #expect(retries.allowsAnotherTry(after: 5))
        #expect(!retries.allowsAnotherTry(after: 6))
    }

    @Test("a subject in Hebrew is written as RFC 2047 encoded words that decode back to it")
    func encodedSubject() {
        let subject = "ברוכים הבאים לשותפות2גדר, נועה, ועוד מילים רבות כדי שהנושא יהיה ארוך"
        let header = MailMessage.encodedWord(subject)
        #expect(header.split(separator: "\r\n").allSatisfy { $0.trimmingCharacters(in: .whitespaces).count <= 75 })
        #expect(Mailbox.decodeWords(header.replacingOccurrences(of: "\r\n", with: "")) == subject)
        #expect(MailMessage.encodedWord("Plain subject") == "Plain subject")
    }

    @Test("the Date header is the RFC 5322 form of the whole second, as a formatter writes it, across leap days and centuries")
    func dateHeader() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        var generator = SystemRandomNumberGenerator()
        let instants =
            [0, 951_782_400, 951_868_799, 1_709_164_800, 4_107_542_400, 4_107_628_799, 1_796_724_000]
            + (0..<2000).map { _ in Double(Int.random(in: 0..<4_200_000_000, using: &generator)) }
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(MailMessage.rfc5322Date(date) == formatter.string(from: date), "\(seconds)")
        }
    }

    @Test("a rendered message parses back to its headers, its plain text and its HTML")
    func renderedMessage() {
        let html = "<html lang=\"he\" dir=\"rtl\"><body><p>" + String(repeating: "שלום לכולם. ", count: 40) + "</p></body></html>"
        let message = MailMessage(
            from: "notifications@p2g.localhost", fromName: "Partnership2Gether", to: "reader@example.org", subject: "ברוכים הבאים",
            date: Date(timeIntervalSince1970: 1_796_724_000), messageID: "<0193e0a4-1b2c-7d3e-8f40-123456789abc@notifications.p2g>",
            language: "he", plainText: String(repeating: "שלום לכולם. ", count: 40), html: html,
            unsubscribeURL: "http://127.0.0.1:8084/unsubscribe/x?access_token=a.b.c")
        let text = String(decoding: message.rendered(), as: UTF8.self)
        #expect(text.hasSuffix("--\r\n"))
        #expect(text.split(separator: "\r\n", omittingEmptySubsequences: false).allSatisfy { $0.utf8.count <= 998 })
        let mail = Mailbox.parse(text)
        #expect(mail.subject == "ברוכים הבאים")
        #expect(mail.header("Message-ID") == "<0193e0a4-1b2c-7d3e-8f40-123456789abc@notifications.p2g>")
        #expect(mail.header("Date") == "Tue, 08 Dec 2026 10:00:00 +0000")
        #expect(mail.plainText == String(repeating: "שלום לכולם. ", count: 40))
        #expect(mail.html == html)
    }

    @Test("an announcement rendered once as a draft and given each recipient's links is what rendering it for them writes")
    func announcementDraft() throws {
        let templates = try NotificationTemplates()
        let subjects = ["en": "Spring delegation", "he": "משלחת האביב"]
        let bodies = ["en": "Host families meet on Sunday.\n\nBring <snacks> & chairs.", "he": "המשפחות נפגשות ביום ראשון.\n\nתודה!"]
        for languages in [["he"], ["en"], ["ru", "en"]] {
            let links = (
                preferences: "https://notifications.example.org/preferences/1?access_token=a.b-c_d&x='y'",
                unsubscribe: "https://notifications.example.org/unsubscribe/1?access_token=a.b-c_d"
            )
            let direct = templates.renderAnnouncement(subjects: subjects, bodies: bodies, languages: languages, links: links)
            let draft = AnnouncementDraft(
                templates.renderAnnouncement(
                    subjects: subjects, bodies: bodies, languages: languages, links: AnnouncementDraft.placeholders)
            ).with(links)
            #expect(draft.language == direct.language)
            #expect(draft.subject == direct.subject)
            #expect(draft.text == direct.text)
            #expect(draft.html == direct.html)
        }
    }
}
