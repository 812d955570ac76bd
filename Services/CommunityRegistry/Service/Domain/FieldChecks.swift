import Contracts
import Foundation

/// The rules every request's fields follow, gathering each problem instead of stopping at the
/// first, so that a caller learns about every bad field at once. Each check returns the
/// value it accepted (trimmed, in canonical form), or nil.
struct FieldChecks {
    private(set) var problems: [InvalidInput.InvalidField] = []

    /// Records a problem with `field`.
    mutating func refuse(_ field: String, _ reason: String) {
        problems.append(.init(name: field, reason: reason))
    }

    /// The checks' verdict: `value` when nothing was refused.
    func verdict<Value>(_ subject: String, _ value: () -> Value?) -> Result<Value, InvalidInput> {
        guard problems.isEmpty, let accepted = value() else {
            return .failure(
                InvalidInput(subject, invalidFields: problems.isEmpty ? [.init(name: "body", reason: "is incomplete")] : problems))
        }
        return .success(accepted)
    }

    /// `value`, or a problem when it is missing.
    mutating func require<Value>(_ value: Value?, _ field: String) -> Value? {
        if value == nil { refuse(field, "is required") }
        return value
    }

    /// A line of text such as a name: trimmed, 1 to `maximumLength` characters, no control
    /// characters (a NUL among them, which PostgreSQL cannot store in text).
    mutating func text(_ value: String?, _ field: String, required: Bool = true, maximumLength: Int = 200) -> String? {
        guard let value else {
            if required { refuse(field, "is required") }
            return nil
        }
        // Surrounding white space goes first: a line break that ends a pasted name is not a
        // control character inside it.
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if Self.hasControlCharacters(trimmed) {
            refuse(field, "must not contain control characters such as NUL (U+0000)")
            return nil
        }
        guard !trimmed.isEmpty, trimmed.count <= maximumLength else {
            refuse(field, "must have 1 to \(maximumLength) characters")
            return nil
        }
        return trimmed
    }

    /// A BCP 47 language tag in canonical case (`pt-br` → `pt-BR`).
    mutating func languageTag(_ tag: String, _ field: String) -> String? {
        guard !Self.hasControlCharacters(tag) else {
            refuse(field, "must not contain control characters such as NUL (U+0000)")
            return nil
        }
        guard Self.isLanguageTag(tag) else {
            refuse(field, "'\(tag)' is not a BCP 47 language tag such as he, en or pt-BR")
            return nil
        }
        return Self.canonicalLanguageTag(tag)
    }

    /// Language tags in order of preference: at least one, each BCP 47, none twice.
    mutating func languages(_ tags: [String]?, _ field: String, required: Bool = true) -> [String]? {
        guard let tags else {
            if required { refuse(field, "is required") }
            return nil
        }
        if tags.isEmpty { refuse(field, "must name at least one language") }
        var accepted: [String] = []
        for (index, tag) in tags.enumerated() {
            guard let canonical = languageTag(tag, "\(field)[\(index)]") else { continue }
            if accepted.contains(canonical) {
                refuse("\(field)[\(index)]", "'\(canonical)' is already in the list")
            } else {
                accepted.append(canonical)
            }
        }
        return accepted.count == tags.count && !tags.isEmpty ? accepted : nil
    }

    /// Names in several languages, language tag → name, e.g. `{"en": "Sderot", "he": "שדרות"}`.
    mutating func names(_ names: [String: String]?, _ field: String) -> [String: String]? {
        guard let names else { return nil }
        var accepted: [String: String] = [:]
        var valid = true
        for (tag, name) in names.sorted(by: { $0.key < $1.key }) {
            guard let canonical = languageTag(tag, "\(field).\(tag)") else {
                valid = false
                continue
            }
            guard let text = text(name, "\(field).\(tag)") else {
                valid = false
                continue
            }
            guard accepted[canonical] == nil else {
                refuse("\(field).\(tag)", "names the language \(canonical) a second time")
                valid = false
                continue
            }
            accepted[canonical] = text
        }
        return valid ? accepted : nil
    }

    /// An IANA time zone such as `Asia/Jerusalem`, or `UTC`.
    mutating func timeZone(_ identifier: String?, _ field: String, required: Bool = true) -> String? {
        guard let identifier else {
            if required { refuse(field, "is required") }
            return nil
        }
        guard !Self.hasControlCharacters(identifier), TimeZone(identifier: identifier) != nil,
            identifier.contains("/") || identifier == "UTC"
        else {
            refuse(field, "'\(identifier.filter { !Self.isControl($0) })' is not an IANA time zone such as Asia/Jerusalem")
            return nil
        }
        return identifier
    }

    /// An e-mail address. The reason never repeats the address: it is personal data.
    mutating func email(_ address: String?, _ field: String, required: Bool = true) -> String? {
        guard let address else {
            if required { refuse(field, "is required") }
            return nil
        }
        let trimmed = address.trimmingCharacters(in: .whitespaces)
        guard !Self.hasControlCharacters(trimmed) else {
            refuse(field, "must not contain control characters such as NUL (U+0000)")
            return nil
        }
        guard Self.isEmailAddress(trimmed) else {
            refuse(field, "is not an email address")
            return nil
        }
        return trimmed
    }

    /// A country: ISO 3166-1 alpha-2 in upper case.
    mutating func country(_ code: String?, _ field: String, required: Bool = true) -> String? {
        guard let code else {
            if required { refuse(field, "is required") }
            return nil
        }
        guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            refuse(field, "must be an ISO 3166-1 alpha-2 code such as IL or US, got '\(code.filter { !Self.isControl($0) })'")
            return nil
        }
        return code
    }

    /// A phone number for SMS in E.164 form, `+972501234567`; spaces, dots, dashes and
    /// brackets are dropped. The reason never repeats the number: it is personal data.
    mutating func phone(_ number: String, _ field: String) -> String? {
        let compact = number.filter { !" .-()".contains($0) }
        guard compact.hasPrefix("+"), (9...16).contains(compact.count), compact.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }),
            compact.dropFirst().first != "0"
        else {
            refuse(field, "is not a phone number in international form such as +972 50 123 4567")
            return nil
        }
        return compact
    }

    /// Roles such as `host-family` or `educator`: lower-case words joined by hyphens, each once.
    mutating func roles(_ roles: [String]?, _ field: String) -> [String]? {
        guard let roles else { return nil }
        var accepted: [String] = []
        for (index, role) in roles.enumerated() {
            let valid =
                (2...40).contains(role.count) && role.first?.isLetter == true
                && role.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
            if !valid {
                refuse("\(field)[\(index)]", "must be lower-case words joined by hyphens, such as host-family, 2 to 40 characters")
            } else if accepted.contains(role) {
                refuse("\(field)[\(index)]", "'\(role)' is already in the list")
            } else {
                accepted.append(role)
            }
        }
        return accepted.count == roles.count ? accepted : nil
    }

    /// An RFC 3339 instant, `2024-05-01T09:30:00Z`, kept to the millisecond.
    mutating func instant(_ text: String?, _ field: String) -> Date? {
        guard let text = require(text, field) else { return nil }
        guard let date = ContractCoding.parseInstant(text) else {
            refuse(field, "must be an RFC 3339 instant such as 2024-05-01T09:30:00Z")
            return nil
        }
        return Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    static func isControl(_ character: Character) -> Bool {
        character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// `pt-br` → `pt-BR`, `EN` → `en`.
    static func canonicalLanguageTag(_ tag: String) -> String {
        let parts = tag.split(separator: "-")
        return parts.enumerated().map { index, part in
            index == 0 ? part.lowercased() : part.count == 2 ? part.uppercased() : part.lowercased()
        }.joined(separator: "-")
    }

    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64, text.count <= 254 else { return false }
        let domain = parts[1]
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
            && domain.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
            && !text.contains(where: \.isWhitespace)
    }
}
