import Foundation

/// Where and how to hand e-mail to an SMTP relay.
public struct SMTPConfiguration: Sendable {
    /// When to speak TLS with a relay reached by `smtp://` (an `smtps://` URL is TLS from the start).
    public enum TransportSecurity: String, Sendable, CaseIterable {
        /// STARTTLS, or no mail at all.
        case required
        /// STARTTLS when the relay offers it, plain otherwise (the local stack's server).
        case opportunistic
        /// Never: plain text, for a relay on loopback only.
        case off
    }

    /// `smtp://host:port` or `smtps://host:port`.
    public var url: String
    public var security: TransportSecurity
    /// Login, when the relay asks for one.
    public var username: String?
    public var password: String?
    /// The certificate authorities that vouch for the relay, when not the system's.
    public var caFile: String?
    /// The name this client gives in EHLO.
    public var clientName: String
    /// How long a connection attempt, and a whole message, may take.
    public var connectTimeout: Duration
    public var messageTimeout: Duration

    public init(
        url: String, security: TransportSecurity = .opportunistic, username: String? = nil, password: String? = nil,
        caFile: String? = nil, clientName: String = "p2g-notifications", connectTimeout: Duration = .seconds(10),
        messageTimeout: Duration = .seconds(60)
    ) throws {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            ["smtp", "smtps"].contains(scheme), let host = components.host, !host.isEmpty
        else {
            throw SMTPError(.invalidConfiguration, "the relay URL is not smtp://HOST:PORT or smtps://HOST:PORT")
        }
        self.url = url
        self.security = security
        self.username = username
        self.password = password
        self.caFile = caFile
        self.clientName = clientName
        self.connectTimeout = connectTimeout
        self.messageTimeout = messageTimeout
    }

    /// The URL without any login in it, for logs.
    public var safeDescription: String {
        guard var components = URLComponents(string: url) else { return "smtp relay" }
        components.user = nil
        components.password = nil
        return components.string ?? "smtp relay"
    }
}
