import Foundation
import ServiceKit

/// Where text messages (SMS) go: an HTTP provider that takes one JSON POST per message. Read
/// once at start from the environment.
struct TextMessageSettings: Sendable {
    /// `P2G_SMS_URL`: the provider's endpoint (http or https); empty (the default) for none, and
    /// then text messages owed are recorded as suppressed (`no-sms-provider`).
    var url: URL?
    /// `P2G_SMS_TOKEN` (or `P2G_SMS_TOKEN_FILE`): sent as `Authorization: Bearer <token>`.
    var token: String?
    /// `P2G_SMS_SENDER`: the sender the provider shows (default `P2G`).
    var sender: String
    /// `P2G_SMS_TIMEOUT`: how long one request may take before it counts as a temporary failure
    /// (default 10s).
    var timeout: Duration

    init(environment: EnvironmentReader) throws {
        let text = environment.string("P2G_SMS_URL", default: "")
        if text.isEmpty {
            url = nil
        } else {
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw ConfigurationError(
                    setting: "P2G_SMS_URL", problem: "expected an http(s) URL such as https://sms.example.org/messages")
            }
            self.url = url
        }
        let hasToken =
            !environment.string("P2G_SMS_TOKEN", default: "").isEmpty || !environment.string("P2G_SMS_TOKEN_FILE", default: "").isEmpty
        token = hasToken ? try environment.required("P2G_SMS_TOKEN", example: "a provider's API token") : nil
        sender = environment.string("P2G_SMS_SENDER", default: "P2G")
        timeout = try environment.duration("P2G_SMS_TIMEOUT", default: .seconds(10))
    }
}
