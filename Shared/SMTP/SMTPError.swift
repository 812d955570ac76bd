/// A message the relay did not take, or a relay that could not be reached.
///
/// Its `description` names the kind of failure, the relay's reply code and libcurl's name for
/// the error, never an address; `debugDescription` adds libcurl's own message, which may
/// quote what the relay said.
public struct SMTPError: Error, CustomStringConvertible, CustomDebugStringConvertible, Sendable {
    public enum Code: String, Sendable {
        /// A 4xx reply, or a relay that could not be reached or dropped the connection: try
        /// again later.
        case temporary
        /// A 5xx reply: the relay will not take this message; trying again changes nothing.
        case permanent
        /// The settings cannot work (bad URL, TLS required but refused...).
        case invalidConfiguration
    }

    public let code: Code
    /// The relay's reply code, when it answered (451, 550...).
    public let replyCode: Int?
    let summary: String
    let detail: String

    init(_ code: Code, _ summary: String, replyCode: Int? = nil, detail: String = "") {
        self.code = code
        self.summary = summary
        self.replyCode = replyCode
        self.detail = detail
    }

    /// Whether trying again later may succeed.
    public var isTemporary: Bool { code == .temporary }

    public var description: String {
        "smtp \(code.rawValue) failure: \(summary)" + (replyCode.map { " (reply \($0))" } ?? "")
    }

    public var debugDescription: String { detail.isEmpty ? description : "\(description): \(detail)" }
}
