import Foundation

/// The envelope sender (SMTP `MAIL FROM`) of every e-mail: a variable envelope return path,
/// `<local>+<delivery id>@<domain>` from the bounce address, so that a bounce that comes back
/// to it names the delivery it is about, whatever the returning server kept of the message.
struct ReturnPath: Sendable, Equatable {
    /// The part before the `@`, and the domain after it.
    var local: String
    var domain: String

    /// The return path of `address` (`bounces@example.org`); nil when it is not an address with
    /// a local part and a domain.
    init?(address: String) {
        guard let at = address.lastIndex(of: "@"), !address.contains(where: \.isWhitespace) else { return nil }
        local = String(address[..<at])
        domain = String(address[address.index(after: at)...])
        guard !local.isEmpty, !domain.isEmpty, !domain.contains("@"), !local.contains("<"), !domain.contains(">") else { return nil }
    }

    /// The envelope sender of the e-mail of `delivery`.
    func address(for delivery: UUID) -> String {
        "\(local)+\(delivery.uuidString.lowercased())@\(domain)"
    }

    /// The delivery named by the first return path in `text` (a header's value, which may hold
    /// several addresses, display names and angle brackets): a `+` followed by a UUID and `@`.
    static func deliveryId(in text: String) -> UUID? {
        let characters = Array(text.utf8)
        var index = 0
        while index < characters.count {
            defer { index += 1 }
            guard characters[index] == UInt8(ascii: "+") else { continue }
            let start = index + 1
            let end = start + 36
            guard end < characters.count, characters[end] == UInt8(ascii: "@") else { continue }
            if let id = UUID(uuidString: String(decoding: characters[start..<end], as: UTF8.self)) { return id }
        }
        return nil
    }
}
