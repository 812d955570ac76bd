import Foundation
import TestSupport
import Testing

/// A network path that goes dead without closing anything: the proxy keeps every connection
/// open, accepts new ones, and forwards nothing. No error ever arrives; the clients must give up
/// on their own, in a bounded time, and say so in readiness.
@Suite("A network path that silently drops everything")
struct FrozenPathTests {
    /// What `GET /health/ready` says of one dependency: the status and its `ok`.
    static func readiness(of service: ServiceProcess, dependency: String) async throws -> (status: Int, ok: Bool?) {
        let answer = try await HTTPClient.get("\(service.baseURL)/health/ready")
        let report = try JSONSerialization.jsonObject(with: answer.body) as? [String: Any]
        return (answer.status, (report?[dependency] as? [String: Any])?["ok"] as? Bool)
    }

    @Test(
        "the path to the database goes dead mid-stream: statements give up after P2G_DATABASE_STATEMENT_TIMEOUT, readiness says the database is down, nothing is retried or parked, and each event is handled once when the path is back"
    )
    func databasePathFrozen() async throws {
        try await TestSystem.run { system in
            let (proxy, environment) = try await system.databaseProxy(for: .matching)
            let matching = try await system.start(
                .matching,
                environment: environment.merging([
                    "P2G_DATABASE_STATEMENT_TIMEOUT": "2s", "P2G_QUICK_RETRIES": "0", "P2G_RETRY_DELAYS": "200ms,500ms",
                    "P2G_CONSUMER_BATCH_SIZE": "20",
                ]) { $1 })
            let database = try await system.database(for: .matching)
            let events = SampleCommunities.events(300)
            try await system.publish(events)
            let handledAtFreeze = try await system.waitUntil(
                "matching has handled some of the stream", interval: .milliseconds(5), probe: { try await database.inboxCount() }
            ) { $0 >= 50 }
            proxy.freezeEverything()

            try await system.waitUntil(
                "readiness reports the database down", timeout: .seconds(60),
                probe: {
                    try await Self.readiness(of: matching, dependency: "database")
                }
            ) { $0.status == 503 && $0.ok == false }
            #expect(matching.log.contains("did not answer within"), "a statement gave up on the silent server")
            #expect(try await database.inboxCount() < events.count, "the path went dead after the stream had been handled")
            print("frozen database path: \(handledAtFreeze) events handled when the path went dead")

            proxy.thaw()
            try await system.waitUntil(
                "readiness recovers", timeout: .seconds(60),
                probe: {
                    try await Self.readiness(of: matching, dependency: "database")
                }
            ) { $0.status == 200 }
            try await system.waitForExactlyOnce(events.count, in: [.matching])
            let metrics = try await matching.metrics()
            #expect(metrics.value("p2g_messages_retried_total") == 0)
            #expect(metrics.value("p2g_messages_parked_total") == 0)
        }
    }

    @Test(
        "the path to the broker goes dead mid-stream: missed heartbeats end the connection, readiness says the broker is down, and after the path is back each event is handled once"
    )
    func brokerPathFrozen() async throws {
        try await TestSystem.run { system in
            let (proxy, environment) = try system.brokerProxy()
            // Heartbeats every 2s: the connection is given up after two missed ones.
            let url = try #require(environment["P2G_AMQP_URL"]) + "?heartbeat=2"
            let matching = try await system.start(
                .matching, environment: ["P2G_AMQP_URL": url, "P2G_CONSUMER_BATCH_SIZE": "20", "P2G_CONSUMER_PREFETCH": "40"])
            let database = try await system.database(for: .matching)
            let events = SampleCommunities.events(3000)
            try await system.publish(events)
            try await system.waitUntil(
                "matching has handled some of the stream", interval: .milliseconds(5), probe: { try await database.inboxCount() }
            ) { $0 >= 50 }
            proxy.freezeEverything()

            try await system.waitUntil(
                "readiness reports the broker down", timeout: .seconds(60),
                probe: {
                    try await Self.readiness(of: matching, dependency: "broker")
                }
            ) { $0.status == 503 && $0.ok == false }
            #expect(try await database.inboxCount() < events.count, "the path went dead after the stream had been handled")

            proxy.thaw()
            try await system.waitForExactlyOnce(events.count, in: [.matching])
            try await system.waitUntil(
                "readiness recovers", timeout: .seconds(60),
                probe: {
                    try await Self.readiness(of: matching, dependency: "broker")
                }
            ) { $0.status == 200 }
            #expect(try await matching.metrics().value("p2g_messages_parked_total") == 0)
        }
    }
}
