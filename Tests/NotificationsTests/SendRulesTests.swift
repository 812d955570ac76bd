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
}
