import Foundation
import SMTP
import ServiceKit

/// The notifications service's own settings, read once at start from the environment.
struct NotificationSettings: Sendable {
    /// The relay: `P2G_SMTP_URL` (default the local stack's, smtp://127.0.0.1:55025),
    /// `P2G_SMTP_SECURITY` (required, opportunistic or off; default opportunistic),
    /// `P2G_SMTP_USERNAME`, `P2G_SMTP_PASSWORD` (or `P2G_SMTP_PASSWORD_FILE`), `P2G_SMTP_CA_FILE`.
    var smtp: SMTPConfiguration
    /// `P2G_SMTP_RATE`: at most this many messages a second towards the relay (default 50).
    var messagesPerSecond: Int
    /// `P2G_SMTP_CONNECTIONS`: how many connections to the relay carry messages at once, each
    /// kept open between messages (default 4).
    var smtpConnections: Int
    /// `P2G_MAIL_FROM` and `P2G_MAIL_FROM_NAME`: the sender.
    var sender: String
    var senderName: String
    /// `P2G_MAIL_BOUNCE_ADDRESS` (default the sender): where bounces go. Each e-mail's envelope
    /// sender is this address with the delivery's id after a `+` in its local part
    /// (`notifications+<id>@example.org`), so that a bounce names the delivery it is about.
    var returnPath: ReturnPath
    /// `P2G_PUBLIC_URL`: where recipients reach this service, for the links in e-mails.
    var publicURL: String
    /// `P2G_LINK_LIFETIME`: how long an unsubscribe or preferences link works (default 180d).
    var linkLifetime: Duration
    /// `P2G_DELIVERY_ATTEMPTS`, `P2G_DELIVERY_RETRY_BASE`, `P2G_DELIVERY_RETRY_MAX`: temporary
    /// failures are tried again after about 1m, 2m, 4m... up to 1h, 6 tries in all.
    var retries: RetrySchedule
    /// `P2G_NOTIFICATIONS_CLOCK`, for tests only: the instant (RFC 3339) the rules' clock starts
    /// at when the service starts; it runs at the system's pace from there.
    var clockStart: Date?

    init(environment: EnvironmentReader, httpPort: Int) throws {
        let url = environment.string("P2G_SMTP_URL", default: "smtp://127.0.0.1:55025")
        let securityText = environment.string("P2G_SMTP_SECURITY", default: "opportunistic")
        guard let security = SMTPConfiguration.TransportSecurity(rawValue: securityText) else {
            throw ConfigurationError(
                setting: "P2G_SMTP_SECURITY", problem: "expected required, opportunistic or off, got '\(securityText)'")
        }
        let username = environment.string("P2G_SMTP_USERNAME", default: "")
        var password = environment.string("P2G_SMTP_PASSWORD", default: "")
        if password.isEmpty, !environment.string("P2G_SMTP_PASSWORD_FILE", default: "").isEmpty {
            password = try environment.required("P2G_SMTP_PASSWORD", example: "a password")
        }
        let caFile = environment.string("P2G_SMTP_CA_FILE", default: "")
        do {
            smtp = try SMTPConfiguration(
                url: url, security: security, username: username.isEmpty ? nil : username, password: password.isEmpty ? nil : password,
                caFile: caFile.isEmpty ? nil : caFile)
        } catch {
            throw ConfigurationError(setting: "P2G_SMTP_URL", problem: "\(error)")
        }
        messagesPerSecond = try environment.integer("P2G_SMTP_RATE", default: 50, in: 1...100_000)
        smtpConnections = try environment.integer("P2G_SMTP_CONNECTIONS", default: 4, in: 1...64)
        sender = environment.string("P2G_MAIL_FROM", default: "notifications@p2g.localhost")
        guard sender.contains("@"), !sender.contains(" ") else {
            throw ConfigurationError(setting: "P2G_MAIL_FROM", problem: "expected an e-mail address such as notifications@example.org")
        }
        senderName = environment.string("P2G_MAIL_FROM_NAME", default: "Partnership2Gether")
        let bounceAddress = environment.string("P2G_MAIL_BOUNCE_ADDRESS", default: sender)
        guard let returnPath = ReturnPath(address: bounceAddress) else {
            throw ConfigurationError(
                setting: "P2G_MAIL_BOUNCE_ADDRESS", problem: "expected an e-mail address such as bounces@example.org")
        }
        self.returnPath = returnPath
        publicURL = environment.string("P2G_PUBLIC_URL", default: "http://127.0.0.1:\(httpPort)")
        while publicURL.hasSuffix("/") { publicURL.removeLast() }
        guard let components = URLComponents(string: publicURL), ["http", "https"].contains(components.scheme ?? "") else {
            throw ConfigurationError(
                setting: "P2G_PUBLIC_URL", problem: "expected an http(s) URL such as https://notifications.example.org")
        }
        linkLifetime = try environment.duration("P2G_LINK_LIFETIME", default: .seconds(180 * 86_400))
        retries = RetrySchedule(
            base: try environment.duration("P2G_DELIVERY_RETRY_BASE", default: .seconds(60)),
            maximumDelay: try environment.duration("P2G_DELIVERY_RETRY_MAX", default: .seconds(3600)),
            maximumAttempts: try environment.integer("P2G_DELIVERY_ATTEMPTS", default: 6, in: 1...50))
        let clockText = environment.string("P2G_NOTIFICATIONS_CLOCK", default: "")
        if clockText.isEmpty {
            clockStart = nil
        } else {
            guard let start = ISO8601DateFormatter().date(from: clockText) else {
                throw ConfigurationError(
                    setting: "P2G_NOTIFICATIONS_CLOCK", problem: "expected an instant such as 2026-12-08T10:00:00Z, got '\(clockText)'")
            }
            clockStart = start
        }
    }
}
