import Contracts
import Foundation
import ServiceKit
import Testing

@Suite("Service settings from the environment")
struct ServiceSettingsTests {
    static let minimal = [
        "P2G_AMQP_URL": "amqp://p2g:secret@127.0.0.1:55672/p2g",
        "P2G_DATABASE_URL": "postgresql://p2g_registry:secret@127.0.0.1:55432/p2g_registry",
        "P2G_AUTH_KEY_FILE": "/run/secrets/p2g-auth-keys",
    ]

    static func settings(_ overrides: [String: String]) throws -> ServiceSettings {
        try ServiceSettings(service: .registry, environment: EnvironmentReader(minimal.merging(overrides) { $1 }))
    }

    @Test("the two URLs and the key file are enough; everything else has the documented default")
    func defaults() throws {
        let settings = try Self.settings([:])
        #expect(settings.httpHost == "127.0.0.1")
        #expect(settings.httpPort == 8081)
        #expect(settings.metricsHost == "127.0.0.1" && settings.metricsPort == 9081)
        #expect(settings.authIssuer == "p2g")
        #expect(settings.database.statementTimeout == .seconds(60))
        #expect(settings.amqp.blockedPublishTimeout == .seconds(10))
        #expect(settings.logFormat == .text)
        #expect(settings.logLevel == .info)
        #expect(settings.maximumDisconnection == .seconds(60))
        #expect(settings.consumer.retryDelays == [.seconds(5), .seconds(30), .seconds(300)])
        #expect(settings.outbox.batchSize == 500)
        #expect(settings.timers.pollInterval == .seconds(1))
        #expect(settings.timers.batchSize == 100)
        #expect(settings.failPoints.enabled.isEmpty && !settings.failPoints.inboxUnchecked)
        #expect(settings.amqp.vhost == "p2g")
        #expect(settings.amqp.acknowledgementDelay == .milliseconds(20))
        #expect(settings.outbox.linger == .zero)
        #expect(settings.consumer.linger == .zero)
    }

    @Test(
        "every setting is read",
        arguments: [
            ("P2G_HTTP_PORT", "9000"), ("P2G_LOG_FORMAT", "json"), ("P2G_LOG_LEVEL", "debug"), ("P2G_RETRY_DELAYS", "200ms, 1s ,2m"),
            ("P2G_MAX_DISCONNECTED", "90s"), ("P2G_QUICK_RETRIES", "0"), ("P2G_CONSUMER_ACK_DELAY", "0ms"),
            ("P2G_OUTBOX_LINGER", "3ms"), ("P2G_CONSUMER_LINGER", "250ms"),
        ])
    func reads(name: String, value: String) throws {
        let settings = try Self.settings([name: value])
        switch name {
        case "P2G_HTTP_PORT": #expect(settings.httpPort == 9000)
        case "P2G_LOG_FORMAT": #expect(settings.logFormat == .json)
        case "P2G_LOG_LEVEL": #expect(settings.logLevel == .debug)
        case "P2G_RETRY_DELAYS": #expect(settings.consumer.retryDelays == [.milliseconds(200), .seconds(1), .seconds(120)])
        case "P2G_MAX_DISCONNECTED": #expect(settings.maximumDisconnection == .seconds(90))
        case "P2G_CONSUMER_ACK_DELAY": #expect(settings.amqp.acknowledgementDelay == .zero)
        case "P2G_OUTBOX_LINGER": #expect(settings.outbox.linger == .milliseconds(3))
        case "P2G_CONSUMER_LINGER": #expect(settings.consumer.linger == .milliseconds(250))
        default: #expect(settings.consumer.quickRetries == 0)
        }
    }

    @Test(
        "a missing or malformed setting is one line naming it",
        arguments: [
            ("P2G_AMQP_URL", "", "P2G_AMQP_URL: is not set"),
            ("P2G_DATABASE_URL", "", "P2G_DATABASE_URL: is not set"),
            ("P2G_AMQP_URL", "http://localhost", "P2G_AMQP_URL:"),
            (
                "P2G_DATABASE_URL", "mysql://x@y/z",
                "P2G_DATABASE_URL: invalid PostgreSQL URL: expected the scheme postgresql://, got mysql://"
            ),
            ("P2G_HTTP_PORT", "eighty", "P2G_HTTP_PORT: expected a whole number from 0 to 65535, got 'eighty'"),
            ("P2G_HTTP_PORT", "70000", "P2G_HTTP_PORT: expected a whole number from 0 to 65535, got '70000'"),
            ("P2G_LOG_FORMAT", "xml", "P2G_LOG_FORMAT: expected one of text, json, got 'xml'"),
            ("P2G_RETRY_DELAYS", "5s,soon", "P2G_RETRY_DELAYS: expected durations separated by commas"),
            ("P2G_MAX_DISCONNECTED", "a minute", "P2G_MAX_DISCONNECTED: expected a duration such as 250ms, 5s, 2m, 1h or 7d"),
            ("P2G_CONSUMER_ACK_DELAY", "5s", "P2G_CONSUMER_ACK_DELAY: at most 1s"),
            ("P2G_OUTBOX_LINGER", "2s", "P2G_OUTBOX_LINGER: at most 1s"),
            ("P2G_CONSUMER_LINGER", "soon", "P2G_CONSUMER_LINGER: expected a duration"),
            ("P2G_TIMER_POLL_INTERVAL", "often", "P2G_TIMER_POLL_INTERVAL: expected a duration"),
            ("P2G_FAIL_POINTS", "relay.somewhere", "P2G_FAIL_POINTS: 'relay.somewhere' is not a list of fail points"),
            ("P2G_FAIL_POINTS", "consumer.after-commit@0", "each NAME or NAME@N (N from 1)"),
            ("P2G_AUTH_KEY_FILE", "", "P2G_AUTH_KEY_FILE: is not set"),
            ("P2G_METRICS_PORT", "nine", "P2G_METRICS_PORT: expected a whole number from 0 to 65535, got 'nine'"),
            ("P2G_DATABASE_STATEMENT_TIMEOUT", "long", "P2G_DATABASE_STATEMENT_TIMEOUT: expected a duration"),
            ("P2G_PUBLISH_BLOCKED_TIMEOUT", "long", "P2G_PUBLISH_BLOCKED_TIMEOUT: expected a duration"),
        ])
    func refusesBadSettings(name: String, value: String, expected: String) {
        let error = #expect(throws: ConfigurationError.self) { try Self.settings([name: value]) }
        #expect(error?.setting == name)
        #expect(error?.description.contains(expected) == true, "\(error?.description ?? "")")
        #expect(error?.description.contains("secret") == false)
        #expect(error?.description.contains("\n") == false)
    }

    @Test("a URL may come from the file its _FILE setting names, as a mounted secret does; an unreadable file is refused by name")
    func urlsFromFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("p2g-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("database-url")
        try "postgresql://p2g_registry:secret@db.internal:5432/p2g_registry\n".write(to: file, atomically: true, encoding: .utf8)
        var values = Self.minimal
        values["P2G_DATABASE_URL"] = nil
        values["P2G_DATABASE_URL_FILE"] = file.path
        let settings = try ServiceSettings(service: .registry, environment: EnvironmentReader(values))
        #expect(settings.database.parameter("host") == "db.internal")

        values["P2G_DATABASE_URL_FILE"] = directory.appendingPathComponent("missing").path
        let error = #expect(throws: ConfigurationError.self) {
            try ServiceSettings(service: .registry, environment: EnvironmentReader(values))
        }
        #expect(error?.setting == "P2G_DATABASE_URL_FILE")
        #expect(error?.description.contains("secret") == false)
    }
}
