/// Where the broker is and how to talk to it.
///
/// Usually made from the service's `P2G_AMQP_URL` with ``init(url:)`` and then adjusted:
/// ```swift
/// var configuration = try AMQPConfiguration(url: "amqps://p2g:secret@mq.example.org/p2g")
/// configuration.connectionName = "registry"
/// configuration.tls.caFile = "/etc/p2g/ca.pem"
/// ```
public struct AMQPConfiguration: Sendable, Equatable {
    /// Certificate checks for `amqps://` connections.
    public struct TLS: Sendable, Equatable {
        /// A PEM file of the certificate authorities to trust; nil trusts the system's.
        public var caFile: String?
        /// Whether the broker's certificate must chain to a trusted authority.
        public var verifyPeer: Bool
        /// Whether the broker's certificate must name the host in the URL.
        public var verifyHostname: Bool

        /// Checks on, with the given authorities.
        public init(caFile: String? = nil, verifyPeer: Bool = true, verifyHostname: Bool = true) {
            self.caFile = caFile
            self.verifyPeer = verifyPeer
            self.verifyHostname = verifyHostname
        }
    }

    /// How the connection retries after it was lost.
    public struct Reconnect: Sendable, Equatable {
        /// The wait before the first attempt; each failed attempt doubles it.
        public var initialDelay: Duration
        /// The longest wait between two attempts.
        public var maxDelay: Duration
        /// After being cut off from the broker this long, the connection stops trying, fails
        /// everything waiting on it and ends in `AMQPConnectionState.failed`; nil tries forever.
        public var giveUpAfter: Duration?

        /// The defaults: 100 ms, doubling up to 5 s, trying forever.
        public init(
            initialDelay: Duration = .milliseconds(100), maxDelay: Duration = .seconds(5), giveUpAfter: Duration? = nil
        ) {
            self.initialDelay = initialDelay
            self.maxDelay = maxDelay
            self.giveUpAfter = giveUpAfter
        }
    }

    /// The broker's host name or address.
    public var host: String
    /// The broker's port (5672 for `amqp`, 5671 for `amqps` unless the URL says otherwise).
    public var port: Int
    /// The user name.
    public var user: String
    /// The password; never logged nor shown in errors.
    public var password: String
    /// The virtual host (`/` when the URL names none).
    public var vhost: String
    /// Whether to speak TLS (`amqps://`).
    public var useTLS: Bool
    /// Certificate checks when `useTLS` is on.
    public var tls: TLS
    /// The heartbeat interval asked of the broker; zero turns heartbeats off. Default 20 s.
    public var heartbeat: Duration
    /// A name that shows in the broker's management UI and in this client's logs.
    public var connectionName: String?
    /// How long opening the socket, the TLS handshake and the login may take.
    public var connectTimeout: Duration
    /// How long the broker may take to answer a declaration or another request; past it the
    /// connection is dropped and opened again.
    public var requestTimeout: Duration
    /// How the connection retries after it was lost.
    public var reconnect: Reconnect
    /// How long a consumer's acknowledgements may wait to go out together. Zero (the default)
    /// sends them as soon as they are made. A quorum queue records every acknowledgement frame
    /// in its log, so at a trickle of deliveries, where each is acknowledged alone, waiting a
    /// few milliseconds saves the broker much of that work. They go out earlier when half a
    /// consumer's prefetch is waiting (so deliveries never stall on them), before any other
    /// request of the connection, and when it closes. Acknowledgements still waiting when the
    /// connection is lost are lost with it, and the broker delivers those messages again.
    public var acknowledgementDelay: Duration
    /// How long a publish waits while the broker blocks publishing (its memory or disk alarm)
    /// before its unconfirmed messages fail as ``AMQPPublishError/Reason/blocked(_:)``, so that
    /// a caller holding something while it waits (a database transaction) can let go and try
    /// again after the alarm. Nil (the default): publishes wait for the alarm to clear.
    public var blockedPublishTimeout: Duration?

    /// A configuration for the given broker with the default options.
    public init(
        host: String = "localhost", port: Int? = nil, user: String = "guest", password: String = "guest",
        vhost: String = "/", useTLS: Bool = false
    ) {
        self.host = host
        self.port = port ?? (useTLS ? 5671 : 5672)
        self.user = user
        self.password = password
        self.vhost = vhost
        self.useTLS = useTLS
        self.tls = TLS()
        self.heartbeat = .seconds(20)
        self.connectionName = nil
        self.connectTimeout = .seconds(10)
        self.requestTimeout = .seconds(30)
        self.reconnect = Reconnect()
        self.acknowledgementDelay = .zero
        self.blockedPublishTimeout = nil
    }

    /// `host:port`, as errors and logs show the broker.
    public var endpoint: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// The URL this configuration connects to, with the password left out, for logs.
    public var redactedURL: String {
        "\(useTLS ? "amqps" : "amqp")://\(user):***@\(endpoint)/\(vhost == "/" ? "%2f" : vhost)"
    }
}
