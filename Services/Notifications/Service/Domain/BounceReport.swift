import Foundation

/// A delivery status notification (RFC 3464) about one of our e-mails, as a relay's inbound
/// webhook posts it: a `multipart/report; report-type=delivery-status` message with a
/// `message/delivery-status` part (the per-message fields, then per recipient its Action,
/// Status, Diagnostic-Code, Final-Recipient) and the returned message or its headers
/// (`message/rfc822`, `text/rfc822-headers`).
///
/// Pure: bytes in, the report out. It holds no address beyond the recipients it names (to be
/// compared, never shown): its diagnostic has every address in it replaced.
struct BounceReport: Sendable, Equatable {
    /// What the reporting server did with the message for the recipient (RFC 3464 §2.3.3).
    enum Action: String, Sendable {
        case failed, delayed, delivered, relayed, expanded
    }

    /// Why bytes are not a report: not a message at all (400), or a message that is not a
    /// delivery status notification (422). The reason names no address.
    enum Invalid: Error, Equatable {
        case notAMessage(String)
        case notAReport(String)
    }

    var action: Action
    /// `class.subject.detail`, e.g. `5.1.1`.
    var status: String
    /// The Diagnostic-Code (`smtp; 550 5.1.1 [address]: user unknown`), addresses replaced.
    var diagnostic: String?
    /// The SMTP reply code of the Diagnostic-Code (550), when it has one of the status's class.
    var replyCode: Int?
    /// The recipients the report names (Original-Recipient, Final-Recipient), in lower case.
    var recipients: [String]
    /// The delivery named by the return path the report was sent to (its `To:` or the
    /// envelope recipient a relay adds).
    var returnPathDelivery: UUID?
    /// The delivery named by the returned message's Message-ID.
    var messageDelivery: UUID?
    /// What tells this report from another about the same delivery, and the same report posted
    /// again from a new one.
    var identity: String

    /// The deliveries it may be about, the surest first.
    var candidates: [UUID] {
        var ids: [UUID] = []
        for id in [returnPathDelivery, messageDelivery].compactMap({ $0 }) where !ids.contains(id) { ids.append(id) }
        return ids
    }

    /// The address does not take mail: the message failed with a 5.x.x status.
    var isPermanent: Bool { action == .failed && status.hasPrefix("5.") }

    /// What came back, in words without addresses: `bounced: 5.1.1 smtp; 550 5.1.1 ...`.
    var summary: String {
        let head = action == .failed ? "bounced" : action.rawValue
        return "\(head): \(status)" + (diagnostic.map { " \($0)" } ?? "")
    }

    /// The header fields that name the address a report was sent to, in the order trusted.
    static let returnPathFields = ["x-original-to", "delivered-to", "envelope-to", "x-envelope-to", "to", "x-original-recipient"]

    /// Reads a report from the raw bytes of the message (CRLF or LF line ends).
    static func parse(_ bytes: some Collection<UInt8>) throws(Invalid) -> BounceReport {
        var lines = Self.lines(bytes)
        if let first = lines.first, first.hasPrefix("From ") { lines.removeFirst() }  // an mbox separator
        guard let first = lines.first, Self.fieldName(first) != nil, let message = Entity(lines[...], strict: true) else {
            throw .notAMessage("The body is not an e-mail message: it should begin with header fields such as Content-Type.")
        }
        var found = (status: nil as Entity?, returned: nil as Entity?)
        message.search(&found, depth: 0)
        guard let statusPart = found.status else {
            throw .notAReport(
                "The message is not a delivery status notification: it has no message/delivery-status part (RFC 3464).")
        }
        let groups = Self.groups(statusPart.decodedBody())
        let perMessage = groups.first ?? Entity(fields: [], body: [])
        let perRecipient = groups.dropFirst().compactMap(Recipient.init)
        guard
            let recipient = perRecipient.first(where: { $0.action == .failed }) ?? perRecipient.first(where: { $0.action == .delayed })
                ?? perRecipient.first
        else {
            throw .notAReport("The delivery status part names no recipient with a valid Action and Status (such as failed and 5.1.1).")
        }
        var returnPathDelivery: UUID?
        for name in returnPathFields {
            for value in message.values(name) {
                if returnPathDelivery == nil { returnPathDelivery = ReturnPath.deliveryId(in: value) }
            }
        }
        var messageDelivery: UUID?
        if let returned = found.returned {
            let original = Entity(returned.decodedBody()[...], strict: false)
            messageDelivery = original?.values("message-id").lazy.compactMap(MailMessage.delivery(inMessageID:)).first
            if returnPathDelivery == nil {
                returnPathDelivery = original?.values("return-path").lazy.compactMap(ReturnPath.deliveryId(in:)).first
            }
        }
        let identity = [
            message.values("message-id").first ?? "", perMessage.values("reporting-mta").first ?? "",
            perMessage.values("arrival-date").first ?? "", recipient.action.rawValue, recipient.status, recipient.rawDiagnostic ?? "",
            recipient.fields.values("last-attempt-date").first ?? "", recipient.fields.values("will-retry-until").first ?? "",
        ].joined(separator: "\n")
        return BounceReport(
            action: recipient.action, status: recipient.status, diagnostic: recipient.diagnostic, replyCode: recipient.replyCode,
            recipients: recipient.recipients, returnPathDelivery: returnPathDelivery, messageDelivery: messageDelivery,
            identity: identity)
    }

    // MARK: - One recipient's fields

    struct Recipient {
        var fields: Entity
        var action: Action
        var status: String
        var rawDiagnostic: String?
        var diagnostic: String?
        var replyCode: Int?
        var recipients: [String]

        init?(_ fields: Entity) {
            guard let actionText = fields.values("action").first,
                let action = Action(rawValue: String(actionText.lowercased().prefix { $0.isLetter })),
                let statusText = fields.values("status").first,
                let status = statusText.split(whereSeparator: { $0.isWhitespace || $0 == "(" }).first.map(String.init),
                Self.isStatus(status)
            else { return nil }
            self.fields = fields
            self.action = action
            self.status = status
            rawDiagnostic = fields.values("diagnostic-code").first
            diagnostic = rawDiagnostic.map(Self.withoutAddresses)
            replyCode = rawDiagnostic.flatMap { Self.replyCode(in: $0, statusClass: status.first) }
            recipients = (fields.values("original-recipient") + fields.values("final-recipient")).compactMap { value in
                let address = value.split(separator: ";", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                let bare = address.trimmingCharacters(in: CharacterSet(charactersIn: "<>")).lowercased()
                return bare.contains("@") ? bare : nil
            }
        }

        /// `2.0.0`, `4.4.7`, `5.1.1`: a class of 2, 4 or 5, a subject and a detail of 1 to 3 digits.
        static func isStatus(_ text: String) -> Bool {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 3, ["2", "4", "5"].contains(parts[0]) else { return false }
            return parts.dropFirst().allSatisfy { (1...3).contains($0.count) && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
        }

        /// The reply code of an `smtp; 550 ...` diagnostic, when its class is the status's.
        static func replyCode(in diagnostic: String, statusClass: Character?) -> Int? {
            let parts = diagnostic.split(separator: ";", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "smtp" else { return nil }
            let text = parts[1].trimmingCharacters(in: .whitespaces)
            let digits = text.prefix(3)
            guard digits.count == 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.first == statusClass,
                text.dropFirst(3).first.map({ $0 == " " || $0 == "-" }) ?? true
            else { return nil }
            return Int(digits)
        }

        /// The diagnostic with every word that holds an `@` replaced, spaces collapsed, and at
        /// most 300 characters: it goes into the delivery's record and the failure event.
        static func withoutAddresses(_ text: String) -> String {
            let words = text.split(whereSeparator: \.isWhitespace).map { $0.contains("@") ? "[address]" : String($0) }
            let joined = words.joined(separator: " ")
            return joined.count > 300 ? String(joined.prefix(300)) + "..." : joined
        }
    }

    // MARK: - MIME

    /// A header block and the lines after it.
    struct Entity {
        /// The fields in order, names in lower case, folded lines unfolded.
        var fields: [(name: String, value: String)]
        var body: [String]

        init(fields: [(name: String, value: String)], body: [String]) {
            self.fields = fields
            self.body = body
        }

        /// Parses a header block up to the first empty line. `strict`: a line that is neither a
        /// field nor a folded continuation makes it not a message (nil); otherwise such a line
        /// starts the body (a MIME part may have no fields at all).
        init?(_ lines: ArraySlice<String>, strict: Bool) {
            var fields: [(name: String, value: String)] = []
            var index = lines.startIndex
            while index < lines.endIndex {
                let line = lines[index]
                if line.allSatisfy(\.isWhitespace) {
                    index += 1
                    break
                }
                if let first = line.first, first == " " || first == "\t", !fields.isEmpty {
                    fields[fields.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
                } else if let name = BounceReport.fieldName(line) {
                    let value = line.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)
                    fields.append((name, value))
                } else if strict {
                    return nil
                } else {
                    break
                }
                index += 1
            }
            self.fields = fields
            body = Array(lines[index...])
        }

        /// The values of the fields named `name` (lower case), in order.
        func values(_ name: String) -> [String] {
            fields.filter { $0.name == name }.map(\.value)
        }

        /// The Content-Type's media type (lower case) and parameters (names in lower case);
        /// `text/plain` without one.
        var mediaType: (type: String, parameters: [String: String]) {
            guard let value = values("content-type").first else { return ("text/plain", [:]) }
            var segments: [String] = []
            var current = ""
            var quoted = false
            var escaped = false
            for character in value {
                if escaped {
                    current.append(character)
                    escaped = false
                } else if quoted, character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    quoted.toggle()
                } else if character == ";", !quoted {
                    segments.append(current)
                    current = ""
                } else {
                    current.append(character)
                }
            }
            segments.append(current)
            let type = segments[0].trimmingCharacters(in: .whitespaces).lowercased()
            var parameters: [String: String] = [:]
            for segment in segments.dropFirst() {
                let pair = segment.split(separator: "=", maxSplits: 1)
                guard pair.count == 2 else { continue }
                parameters[pair[0].trimmingCharacters(in: .whitespaces).lowercased()] = pair[1].trimmingCharacters(in: .whitespaces)
            }
            return (type, parameters)
        }

        /// The body's lines with its Content-Transfer-Encoding (base64, quoted-printable) undone.
        func decodedBody() -> [String] {
            switch values("content-transfer-encoding").first?.lowercased().trimmingCharacters(in: .whitespaces) {
            case "base64":
                let text = body.joined()
                guard let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else { return [] }
                return BounceReport.lines(data)
            case "quoted-printable":
                return BounceReport.lines(BounceReport.quotedPrintable(body))
            default:
                return body
            }
        }

        /// The parts of a multipart body, or none when it is not one.
        func parts() -> [Entity] {
            let media = mediaType
            guard media.type.hasPrefix("multipart/"), let boundary = media.parameters["boundary"], !boundary.isEmpty else { return [] }
            let open = "--" + boundary
            let close = open + "--"
            var parts: [[String]] = []
            var current: [String]?
            for line in body {
                let trimmed = String(line.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
                if trimmed == close {
                    if let current { parts.append(current) }
                    current = nil
                    break
                }
                if trimmed == open {
                    if let current { parts.append(current) }
                    current = []
                    continue
                }
                current?.append(line)
            }
            if let current { parts.append(current) }
            return parts.compactMap { Entity($0[...], strict: false) }
        }

        /// Finds the first delivery-status part and the first returned message, looking into
        /// nested multiparts (a relay may wrap the report), never into a returned message.
        func search(_ found: inout (status: Entity?, returned: Entity?), depth: Int) {
            guard depth < 4 else { return }
            for part in parts() {
                let type = part.mediaType.type
                switch type {
                case "message/delivery-status", "message/global-delivery-status":
                    if found.status == nil { found.status = part }
                case "text/rfc822-headers", "message/rfc822", "message/global", "message/global-headers":
                    if found.returned == nil { found.returned = part }
                default:
                    if type.hasPrefix("multipart/") { part.search(&found, depth: depth + 1) }
                }
            }
        }
    }

    /// The groups of fields of a delivery-status body, separated by empty lines.
    static func groups(_ lines: [String]) -> [Entity] {
        var groups: [Entity] = []
        var current: [String] = []
        for line in lines + [""] {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty, let group = Entity(current[...], strict: false), !group.fields.isEmpty { groups.append(group) }
                current = []
            } else {
                current.append(line)
            }
        }
        return groups
    }

    /// The field name of a header line (lower case), or nil when it is not one: printable
    /// US-ASCII but the colon, then a colon.
    static func fieldName(_ line: String) -> String? {
        guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { return nil }
        let name = line[..<colon]
        guard name.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 }) else { return nil }
        return name.lowercased()
    }

    /// The lines of `bytes`, split at LF with a CR before it dropped, decoded as UTF-8 (bad
    /// bytes replaced, NUL dropped: no text that PostgreSQL would refuse comes out).
    static func lines(_ bytes: some Collection<UInt8>) -> [String] {
        var lines: [String] = []
        var line: [UInt8] = []
        for byte in bytes where byte != 0 {
            if byte == 0x0A {
                if line.last == 0x0D { line.removeLast() }
                lines.append(String(decoding: line, as: UTF8.self))
                line.removeAll(keepingCapacity: true)
            } else {
                line.append(byte)
            }
        }
        if !line.isEmpty {
            if line.last == 0x0D { line.removeLast() }
            lines.append(String(decoding: line, as: UTF8.self))
        }
        return lines
    }

    /// Quoted-printable lines decoded to bytes (RFC 2045 §6.7): `=XX` octets, `=` at the end of
    /// a line a soft break.
    static func quotedPrintable(_ lines: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        for line in lines {
            var text = Array(line.utf8)
            while let last = text.last, last == 0x20 || last == 0x09 { text.removeLast() }
            var soft = false
            if text.last == UInt8(ascii: "=") {
                soft = true
                text.removeLast()
            }
            var index = 0
            while index < text.count {
                if text[index] == UInt8(ascii: "="), index + 3 <= text.count,
                    let value = UInt8(String(decoding: text[(index + 1)..<(index + 3)], as: UTF8.self), radix: 16)
                {
                    bytes.append(value)
                    index += 3
                    continue
                }
                bytes.append(text[index])
                index += 1
            }
            if !soft { bytes += [0x0D, 0x0A] }
        }
        return bytes
    }
}
