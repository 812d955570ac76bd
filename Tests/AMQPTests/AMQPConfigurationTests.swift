import Testing

@testable import AMQP

@Suite struct AMQPConfigurationTests {
    @Test func readsEveryPartOfAFullURL() throws {
        let configuration = try AMQPConfiguration(url: "amqp://p2g:s%40cret%3A1@mq.example.org:5673/p2g_test")
        #expect(configuration.useTLS == false)
        #expect(configuration.user == "p2g")
        #expect(configuration.password == "s@cret:1")
        #expect(configuration.host == "mq.example.org")
        #expect(configuration.port == 5673)
        #expect(configuration.vhost == "p2g_test")
        #expect(configuration.heartbeat == .seconds(20))
    }

    @Test func fillsInDefaults() throws {
        let plain = try AMQPConfiguration(url: "amqp://broker")
        #expect(plain.port == 5672)
        #expect(plain.vhost == "/")
        #expect(plain.user == "guest")
        #expect(plain.password == "guest")

        let tls = try AMQPConfiguration(url: "AMQPS://u:p@broker/")
        #expect(tls.useTLS)
        #expect(tls.port == 5671)
        #expect(tls.vhost == "/")
        #expect(tls.tls.verifyPeer && tls.tls.verifyHostname)

        let empty = try AMQPConfiguration(url: "amqp://")
        #expect(empty.host == "localhost")
    }

    @Test func decodesTheSlashVhost() throws {
        #expect(try AMQPConfiguration(url: "amqp://u:p@h/%2f").vhost == "/")
        #expect(try AMQPConfiguration(url: "amqp://u:p@h/%2Fteam%20a").vhost == "/team a")
    }

    @Test func readsAnIPv6Host() throws {
        let configuration = try AMQPConfiguration(url: "amqp://u:p@[::1]:5999/v")
        #expect(configuration.host == "::1")
        #expect(configuration.port == 5999)
        #expect(configuration.endpoint == "[::1]:5999")
    }

    @Test func readsQueryOptions() throws {
        let configuration = try AMQPConfiguration(
            url:
                "amqps://u:p@h/v?heartbeat=5&connection_timeout=2500&connection_name=registry&cacertfile=%2Fetc%2Fca.pem&verify=verify_none"
        )
        #expect(configuration.heartbeat == .seconds(5))
        #expect(configuration.connectTimeout == .milliseconds(2500))
        #expect(configuration.connectionName == "registry")
        #expect(configuration.tls.caFile == "/etc/ca.pem")
        #expect(configuration.tls.verifyPeer == false)
    }

    @Test(arguments: [
        ("http://u:p@h/v", "scheme 'http'"),
        ("localhost:5672", "no scheme"),
        ("amqp://u:p@h:99999/v", "port '99999'"),
        ("amqp://u:p@h:abc/v", "port 'abc'"),
        ("amqp://u:p@h/a/b", "vhost 'a/b'"),
        ("amqp://u:p@h/v%zz", "vhost 'v%zz'"),
        ("amqp://u:p@h/v?heartbeat=soon", "heartbeat='soon'"),
        ("amqp://u:p@h/v?colour=blue", "query parameter 'colour'"),
        ("amqp://u:p@[::1/v", "IPv6 host"),
    ])
    func aBadURLNamesThePartToFix(url: String, namedPart: String) {
        #expect {
            _ = try AMQPConfiguration(url: url)
        } throws: { error in
            guard let error = error as? AMQPError else { return false }
            return error.code == .invalidURL && error.description.contains(namedPart) && !error.isRetryable
        }
    }

    @Test func aBadPasswordIsNeverShown() {
        #expect {
            _ = try AMQPConfiguration(url: "amqp://u:top%secret@h/v")
        } throws: { error in
            guard let error = error as? AMQPError else { return false }
            return error.code == .invalidURL && error.description.contains("password")
                && !error.description.contains("secret")
        }
    }

    @Test func theRedactedURLHidesThePassword() throws {
        let configuration = try AMQPConfiguration(url: "amqp://p2g:hunter2@h:1/v")
        #expect(configuration.redactedURL == "amqp://p2g:***@h:1/v")
    }

    @Test func quorumQueueArgumentsAreSpelledAsRabbitMQExpects() {
        let queue = AMQPQueue.quorum(
            "matching.retry", deadLetterExchange: "p2g.dead", deadLetterRoutingKey: "matching.dead",
            deliveryLimit: 5, messageTTL: .milliseconds(1500), singleActiveConsumer: true)
        #expect(queue.durable)
        #expect(
            queue.arguments == [
                "x-queue-type": "quorum", "x-dead-letter-exchange": "p2g.dead",
                "x-dead-letter-routing-key": "matching.dead", "x-delivery-limit": 5, "x-message-ttl": 1500,
                "x-single-active-consumer": true,
            ])
    }

    @Test func backoffDoublesUpToTheMaximum() {
        let backoff = ReconnectBackoff(initialDelay: .milliseconds(100), maxDelay: .seconds(1))
        #expect(backoff.delay(beforeAttempt: 0, jitter: 0) == .milliseconds(100))
        #expect(backoff.delay(beforeAttempt: 1, jitter: 0) == .milliseconds(200))
        #expect(backoff.delay(beforeAttempt: 3, jitter: 0) == .milliseconds(800))
        #expect(backoff.delay(beforeAttempt: 4, jitter: 0) == .seconds(1))
        #expect(backoff.delay(beforeAttempt: 40, jitter: 0) == .seconds(1))
        #expect(backoff.delay(beforeAttempt: 0, jitter: 0.2) == .milliseconds(80))
    }
}
