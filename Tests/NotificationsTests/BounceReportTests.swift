import Foundation
import Testing

@testable import Notifications

/// Reading delivery status notifications (RFC 3464) as mail servers write them: MIME
/// boundaries, folded and case-insensitive fields, encodings, and bodies that are not reports.
@Suite("Reading bounce reports")
struct BounceReportTests {
    static let delivery = UUID(uuidString: "0193e0a4-1b2c-7d3e-8f40-123456789abc")!

    static func parse(_ text: String) throws -> BounceReport {
        try BounceReport.parse(Array(text.utf8))
    }

    @Test("a report with folded, lower- and upper-case fields, LF line ends and an unquoted boundary names its delivery and status")
    func foldedAndCaseInsensitive() throws {
        let report = try Self.parse(
            """
            to: Bounces <bounces+0193E0A4-1B2C-7D3E-8F40-123456789ABC@p2g.test>
            content-type: MULTIPART/REPORT;
             Report-Type=delivery-status; BOUNDARY=abc123

            --abc123
            Content-Type: text/plain

            Your message could not be delivered.
            --abc123
            content-type: Message/Delivery-Status

            reporting-mta: dns; mx.example.org

            FINAL-RECIPIENT: RFC822; Dana@Example.org
            ACTION: Failed
            STATUS: 5.1.1 (bad destination mailbox address)
            DIAGNOSTIC-CODE: smtp; 550-5.1.1 The email account that you tried to reach
             does not exist: dana@example.org
            --abc123--
            """)
        #expect(report.action == .failed)
        #expect(report.status == "5.1.1")
        #expect(report.isPermanent)
        #expect(report.replyCode == 550)
        #expect(report.diagnostic == "smtp; 550-5.1.1 The email account that you tried to reach does not exist: [address]")
        #expect(report.recipients == ["dana@example.org"])
        #expect(report.returnPathDelivery == Self.delivery)
        #expect(report.messageDelivery == nil)
        #expect(report.summary.hasPrefix("bounced: 5.1.1 smtp; 550-5.1.1"))
        #expect(!report.summary.contains("@"))
    }

    @Test("a report wrapped in multipart/mixed, with a base64 status part, is found by its returned Message-ID")
    func wrappedAndEncoded() throws {
        let status = Data(
            "Reporting-MTA: dns; mx\r\n\r\nFinal-Recipient: rfc822; x@example.org\r\nAction: failed\r\nStatus: 4.4.7\r\n".utf8
        )
        .base64EncodedString(options: .lineLength64Characters)
        let report = try Self.parse(
            """
            To: postmaster@p2g.test\r
            Content-Type: multipart/mixed; boundary="outer; boundary"\r
            \r
            --outer; boundary\r
            Content-Type: multipart/report; report-type=delivery-status; boundary="inner"\r
            \r
            --inner\r
            Content-Type: message/delivery-status\r
            Content-Transfer-Encoding: base64\r
            \r
            \(status)\r
            --inner\r
            Content-Type: message/rfc822\r
            \r
            From: notifications@p2g.localhost\r
            Message-ID:\r
             <0193e0a4-1b2c-7d3e-8f40-123456789abc@notifications.p2g>\r
            Subject: Welcome\r
            \r
            Hello\r
            --inner--\r
            --outer; boundary--\r

            """)
        #expect(report.action == .failed)
        #expect(report.status == "4.4.7")
        #expect(!report.isPermanent)
        #expect(report.replyCode == nil)
        #expect(report.returnPathDelivery == nil)
        #expect(report.messageDelivery == Self.delivery)
        #expect(report.candidates == [Self.delivery])
    }

    @Test("of several recipients the failed one counts; a delayed one is not permanent and keeps its diagnostic")
    func severalRecipients() throws {
        let report = try Self.parse(
            """
            To: n+0193e0a4-1b2c-7d3e-8f40-123456789abc@p2g.test
            Content-Type: multipart/report; report-type=delivery-status; boundary=b

            --b
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx

            Final-Recipient: rfc822; a@example.org
            Action: delayed
            Status: 4.4.1
            Diagnostic-Code: smtp; 421 4.4.1 try later

            Final-Recipient: rfc822; b@example.org
            Action: failed
            Status: 5.2.2
            Diagnostic-Code: X-Postfix; mailbox full
            --b--
            """)
        #expect(report.action == .failed)
        #expect(report.status == "5.2.2")
        #expect(report.replyCode == nil)
        #expect(report.diagnostic == "X-Postfix; mailbox full")
    }

    @Test("bodies that are not messages, or messages that are not reports, are told apart and never crash the reader")
    func notReports() throws {
        #expect(throws: BounceReport.Invalid.self) { try Self.parse("") }
        #expect {
            try Self.parse("just text")
        } throws: { error in
            if case .notAMessage = error as? BounceReport.Invalid { return true }
            return false
        }
        #expect {
            try Self.parse("Subject: hello\r\n\r\nNot a report.")
        } throws: { error in
            if case .notAReport = error as? BounceReport.Invalid { return true }
            return false
        }
        #expect {
            try Self.parse(
                "Content-Type: multipart/report; boundary=x\n\n--x\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx\n\nAction: failed\nStatus: 9.9\n--x--\n"
            )
        } throws: { error in
            if case .notAReport = error as? BounceReport.Invalid { return true }
            return false
        }
        // NUL bytes (which PostgreSQL's text refuses) never come out.
        let withNul = try Self.parse(
            "Content-Type: multipart/report; boundary=x\n\n--x\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; m\u{0}x\n\nAction: fai\u{0}led\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550\u{0} gone\n--x--\n"
        )
        #expect(withNul.action == .failed)
        #expect(withNul.diagnostic == "smtp; 550 gone")
        #expect(!withNul.identity.contains("\u{0}"))
        // Arbitrary bytes: an answer or an error, never a crash.
        var generator = SplitMix(seed: 27)
        let alphabet = Array("abc:;=\"-\r\n \t+@<>Content-Type: multipart/report; boundary=\n--\n=0=4".utf8) + [0, 0xFF, 0xC3]
        for _ in 0..<2000 {
            let bytes = (0..<Int(generator.next() % 300)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            _ = try? BounceReport.parse(bytes)
        }
    }

    @Test("a return path carries the delivery's id after a plus, and is read back from any address field")
    func returnPath() throws {
        let path = try #require(ReturnPath(address: "bounces@p2g.test"))
        let address = path.address(for: Self.delivery)
        #expect(address == "bounces+0193e0a4-1b2c-7d3e-8f40-123456789abc@p2g.test")
        #expect(ReturnPath.deliveryId(in: "\"Bounces\" <\(address)>, other@example.org") == Self.delivery)
        #expect(ReturnPath.deliveryId(in: "bounces@p2g.test") == nil)
        #expect(ReturnPath.deliveryId(in: "x+0193e0a4-1b2c-7d3e-8f40-123456789abc") == nil)
        #expect(ReturnPath(address: "no-at-sign") == nil)
        #expect(ReturnPath(address: "@p2g.test") == nil)
        #expect(MailMessage.delivery(inMessageID: MailMessage.messageID(for: Self.delivery)) == Self.delivery)
    }

    /// A small deterministic generator, so that the same bytes are tried on every run.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
