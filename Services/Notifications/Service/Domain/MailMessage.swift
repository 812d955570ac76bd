import Foundation

/// An e-mail as it goes to the relay: RFC 5322 headers, and a multipart/alternative body of
/// plain text and HTML, both UTF-8 in base64. Pure: everything it writes is given.
struct MailMessage: Sendable {
    var from: String
    var fromName: String
    var to: String
    var subject: String
    var date: Date
    /// `<deliveryId@domain>`: the same delivery always has the same Message-ID, so that a message
    /// sent again after a crash is recognisably the same one.
    var messageID: String
    var language: String
    var plainText: String
    var html: String
    /// The one-click unsubscribe link (RFC 8058), signed.
    var unsubscribeURL: String?

    /// The Message-ID of the e-mail of `delivery`.
    static func messageID(for delivery: UUID) -> String {
        "<\(delivery.uuidString.lowercased())@\(messageIDDomain)>"
    }

    /// The delivery whose e-mail has the Message-ID `value` (as a returned message's header
    /// gives it), or nil when it is not one of ours.
    static func delivery(inMessageID value: String) -> UUID? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        let suffix = "@\(messageIDDomain)>"
        guard trimmed.hasPrefix("<"), trimmed.lowercased().hasSuffix(suffix) else { return nil }
        return UUID(uuidString: String(trimmed.dropFirst().dropLast(suffix.count)))
    }

    static let messageIDDomain = "notifications.p2g"

    /// The whole message, CRLF line ends. Written straight into bytes: a large announcement
    /// renders hundreds of thousands of these.
    func rendered() -> [UInt8] {
        let boundary = "p2g-" + String(decoding: messageID.utf8.filter(Self.isAlphanumeric).prefix(40), as: UTF8.self)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1024 + (plainText.utf8.count + html.utf8.count) * 14 / 10)
        func line(_ text: String) {
            bytes += text.utf8
            bytes += Self.lineEnd
        }
        line("From: \(Self.encodedWord(fromName)) <\(from)>")
        line("To: <\(to)>")
        line("Subject: \(Self.encodedWord(subject))")
        line("Date: \(Self.rfc5322Date(date))")
        line("Message-ID: \(messageID)")
        line("Content-Language: \(language)")
        line("MIME-Version: 1.0")
        line("Auto-Submitted: auto-generated")
        if let unsubscribeURL {
            line("List-Unsubscribe: <\(unsubscribeURL)>")
            line("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
        }
        line("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
        line("")
        line("--\(boundary)")
        line("Content-Type: text/plain; charset=utf-8")
        line("Content-Transfer-Encoding: base64")
        line("")
        Self.appendBase64Lines(plainText, to: &bytes)
        line("--\(boundary)")
        line("Content-Type: text/html; charset=utf-8")
        line("Content-Transfer-Encoding: base64")
        line("")
        Self.appendBase64Lines(html, to: &bytes)
        line("--\(boundary)--")
        return bytes
    }

    static let lineEnd: [UInt8] = [13, 10]

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// A header value in RFC 2047 form when it is not plain ASCII.
    static func encodedWord(_ text: String) -> String {
        let printable = text.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 32 && $0.value < 127 }
        if printable { return text }
        // Encoded words are at most 75 characters: split the text into pieces of whole characters.
        var words: [String] = []
        var piece = ""
        var pieceLength = 0
        for character in text {
            let length = character.utf8.count
            if pieceLength + length > 45 {
                words.append(piece)
                piece = ""
                pieceLength = 0
            }
            piece.append(character)
            pieceLength += length
        }
        if !piece.isEmpty { words.append(piece) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    /// `text` in base64, in lines of 76 characters, each ended by CRLF.
    static func appendBase64Lines(_ text: String, to bytes: inout [UInt8]) {
        let encoded = Data(text.utf8).base64EncodedData()
        var start = encoded.startIndex
        while start < encoded.endIndex {
            let end = min(start + 76, encoded.endIndex)
            bytes += encoded[start..<end]
            bytes += lineEnd
            start = end
        }
    }

    static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Tue, 08 Dec 2026 10:00:00 +0000`, computed from the seconds since 1970 (the civil-from-days
    /// algorithm of the proleptic Gregorian calendar), without a formatter for each message.
    static func rfc5322Date(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let weekday = weekdays[((days % 7) + 7) % 7]
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return
            "\(weekday), \(two(day)) \(months[month - 1]) \(year) \(two(secondOfDay / 3600)):\(two(secondOfDay % 3600 / 60)):\(two(secondOfDay % 60)) +0000"
    }
}
