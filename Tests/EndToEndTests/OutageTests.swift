import Foundation
import TestSupport
import Testing

/// Outages of any length, made with a proxy between one service and a server, so that the
/// other services and the test keep their connections.
@Suite("A service cut off from its database or its broker")
struct OutageTests {
    @Test("cut off from its database for longer than P2G_MAX_DISCONNECTED: unready, then exits non-zero so that a supervisor restarts it")
    func databaseCutOffExitsNonZero() async throws {
        try await TestSystem.run { system in
            let (proxy, environment) = try await system.databaseProxy(for: .matching)
            let matching = try await system.start(.matching, environment: environment.merging(["P2G_MAX_DISCONNECTED": "3s"]) { $1 })
            // Cut off: the open connections dropped, new ones refused.
            proxy.refuseNewConnections()
            proxy.dropAll()

            try await system.waitUntil(
                "readiness reports the database down", timeout: .seconds(30),
                probe: {
                    let answer = try await HTTPClient.get("\(matching.baseURL)/health/ready")
                    let report = try JSONSerialization.jsonObject(with: answer.body) as? [String: Any]
                    return (answer.status, (report?["database"] as? [String: Any])?["ok"] as? Bool)
                }
            ) { $0.0 == 503 && $0.1 == false }
            matching.expectExit()
            let status = try await matching.waitForExit(timeout: .seconds(60))
            #expect(status == 1)
            #expect(matching.log.contains("cut off from the database"))
        }
    }

    @Test(
        "a database outage longer than every retry delay: the messages wait in hand, none is retried or parked, each is handled once when it is back"
    )
    func databaseOutageParksNothing() async throws {
        try await TestSystem.run { system in
            let (proxy, environment) = try await system.databaseProxy(for: .matching)
            // Small batches, so that the outage comes while the stream of 300 is in progress.
            let matching = try await system.start(
                .matching,
                environment: environment.merging([
                    "P2G_QUICK_RETRIES": "0", "P2G_RETRY_DELAYS": "200ms,500ms", "P2G_CONSUMER_BATCH_SIZE": "20",
                ]) { $1 })
            let database = try await system.database(for: .matching)
            let events = SampleCommunities.events(300)
            try await system.publish(events)
            try await system.waitUntil(
                "matching has handled some of the stream", interval: .milliseconds(5),
                probe: {
                    try await database.inboxCount()
                }
            ) { $0 >= 50 }

            proxy.refuseNewConnections()
            proxy.dropAll()
            try await Task.sleep(for: .seconds(5))  // The outage itself: far longer than 200ms + 500ms.
            proxy.acceptNewConnections()

            try await system.waitForExactlyOnce(300, in: [.matching])
            let metrics = try await matching.metrics()
            #expect(metrics.value("p2g_messages_retried_total") == 0)
            #expect(metrics.value("p2g_messages_parked_total") == 0)
            #expect(try await system.messageCount(ServiceKind.matching.deadLetterQueue) == 0)
        }
    }

    @Test(
        "SIGTERM while the database is unreachable and messages are in hand: exits 0, the messages go back to the queue, and each is handled once later"
    )
    func terminatedDuringDatabaseOutage() async throws {
        try await TestSystem.run { system in
            let (proxy, environment) = try await system.databaseProxy(for: .matching)
            // Batches of 200 from a stream of 300: one batch is handled, the next is in hand
            // when the database goes away.
            let matching = try await system.start(
                .matching, environment: environment.merging(["P2G_CONSUMER_BATCH_SIZE": "200", "P2G_CONSUMER_PREFETCH": "500"]) { $1 })
            let database = try await system.database(for: .matching)
            let events = SampleCommunities.events(300)
            try await system.publish(events)
            try await system.waitUntil(
                "matching has handled some of the stream", interval: .milliseconds(5),
                probe: {
                    try await database.inboxCount()
                }
            ) { $0 >= 50 }
            proxy.refuseNewConnections()
            proxy.dropAll()
            try await system.waitUntil("matching holds its messages", probe: { matching.log }) {
                $0.contains("keeping the messages in hand")
            }

            matching.terminate()
            // Well within P2G_SHUTDOWN_TIMEOUT (20s): nothing in hand can be finished.
            #expect(try await matching.waitForExit(timeout: .seconds(15)) == 0)
            // Every message not handled is back in the queue. A batch whose COMMIT reached the
            // server just as the connection broke is handled without the consumer knowing: it
            // kept those messages in hand, so they are back in the queue too, and the inbox
            // skips them after the restart.
            let handled = try await database.inboxCount()
            try await system.waitUntil(
                "the messages not handled are back in the queue", timeout: .seconds(30),
                probe: {
                    try await handled + system.messageCount(ServiceKind.matching.workQueue)
                }
            ) { $0 >= 300 }

            proxy.acceptNewConnections()
            try await system.start(.matching)
            try await system.waitForExactlyOnce(300, in: [.matching])
        }
    }

    @Test("the registry sent SIGTERM while the broker is unreachable: exits 0, keeps the unsent events, and publishes them after a restart")
    func registryStopsWithBrokerUnreachable() async throws {
        try await TestSystem.run { system in
            try await system.start(.matching)
            let (proxy, environment) = try system.brokerProxy()
            let registry = try await system.start(.registry, environment: environment.merging(["P2G_SHUTDOWN_TIMEOUT": "5s"]) { $1 })
            proxy.refuseNewConnections()
            proxy.dropAll()

            let ids = try await RegistryClient(registry).registerAll(0..<20)
            // What an operator sees meanwhile: the backlog in the metrics and in readiness.
            try await system.waitUntil(
                "the registry reports its outbox backlog",
                probe: {
                    let metrics = try await registry.metrics()
                    return (metrics.value("p2g_outbox_backlog"), metrics.value("p2g_outbox_oldest_age_seconds"))
                }
            ) { backlog, age in backlog == 20 && age > 0 }
            let readiness = try await HTTPClient.get("\(registry.baseURL)/health/ready")
            #expect(readiness.status == 503)
            let report = try JSONSerialization.jsonObject(with: readiness.body) as? [String: Any]
            #expect((report?["outbox"] as? [String: Any])?["backlog"] as? Int == 20, "\(readiness.text)")
            registry.terminate()
            // Nothing can be flushed: the relay stops at once, or, if a batch was already
            // waiting for the broker when the connection broke, when P2G_SHUTDOWN_TIMEOUT is up.
            #expect(try await registry.waitForExit(timeout: .seconds(30)) == 0)
            #expect(registry.log.contains("unsent events stay in the outbox"))

            let registryDatabase = try await system.database(for: .registry)
            let unsent = try await registryDatabase.client.query("SELECT count(*) FROM outbox WHERE sent_at IS NULL")[0].decode(
                Int.self, at: 0)
            #expect(unsent == 20)

            try await system.start(.registry)
            try await system.waitForExactlyOnce(20, in: [.matching])
            #expect(try await system.database(for: .matching).communityIDs() == Set(ids))
        }
    }

    @Test(
        "a consumer sent SIGTERM while a retry waits for an unreachable broker: exits when P2G_SHUTDOWN_TIMEOUT has passed, and the message is handled once after a restart"
    )
    func consumerStopsWhileWaitingForTheBroker() async throws {
        try await TestSystem.run { system in
            let (brokerProxy, brokerEnvironment) = try system.brokerProxy()
            let database = try await system.database(for: .matching)
            try await database.client.query("SELECT 1")
            let matching = try await system.start(
                .matching,
                environment: brokerEnvironment.merging(["P2G_QUICK_RETRIES": "0", "P2G_RETRY_DELAYS": "1s", "P2G_SHUTDOWN_TIMEOUT": "3s"]) {
                    $1
                })
            // The handler fails until the test lets it succeed; the consumer wants to schedule a
            // retry and must wait for the broker, which is gone by then.
            try await database.client.query(
                """
                CREATE FUNCTION e2e_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'e2e_open') THEN
                        PERFORM pg_sleep(1);
                        RAISE EXCEPTION 'not yet' USING ERRCODE = 'lock_not_available';
                    END IF;
                    RETURN NEW;
                END
                $$
                """)
            try await database.client.query(
                "CREATE TRIGGER e2e_refuse BEFORE INSERT ON candidate_communities FOR EACH ROW EXECUTE FUNCTION e2e_refuse()")
            let event = SampleCommunities.events(1)
            try await system.publish(event)
            // The handler is running (it sleeps a second before it fails): cut the broker now.
            try await system.waitUntil(
                "the handler runs", interval: .milliseconds(20),
                probe: {
                    try await database.client.query(
                        "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'INSERT INTO candidate_communities%' AND state = 'active'"
                    )[0].decode(Int.self, at: 0)
                }
            ) { $0 > 0 }
            brokerProxy.refuseNewConnections()
            brokerProxy.dropAll()
            try await Task.sleep(for: .seconds(2))  // the handler fails and the retry waits for the broker
            matching.terminate()
            let status = try await matching.waitForExit(timeout: .seconds(30))
            #expect(matching.log.contains("shutdown time is up"), "the retry was waiting for the broker when SIGTERM came")
            print("consumer exited with \(status)")

            try await database.client.query("CREATE TABLE e2e_open ()")
            try await system.start(.matching)
            try await system.waitForExactlyOnce(1, in: [.matching])
        }
    }
}
