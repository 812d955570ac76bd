import Foundation
import Postgres
import Testing

@Suite("Transient failures are retried later")
struct RetryTests {
    @Test("a handler whose database refuses the insert twice: handled once after two delayed retries, which show in the metrics")
    func transientFailureTwice() async throws {
        try await TestSystem.run { system in
            // No quick retries: both retries go through the delay queues.
            let matching = try await system.start(.matching, environment: ["P2G_QUICK_RETRIES": "0", "P2G_RETRY_DELAYS": "200ms,500ms"])
            let database = try await system.database(for: .matching)
            let event = SampleCommunities.events(1)[0]

            // The test's own database refuses this community's row until it has been tried
            // twice: a sequence counts the attempts, since a rolled-back transaction keeps nextval.
            try await database.client.query("CREATE SEQUENCE e2e_attempts")
            try await database.client.query(
                """
                CREATE FUNCTION e2e_refuse_twice() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.community_id = '\(unsafeSQL: event.communityId.uuidString.lowercased())' AND nextval('e2e_attempts') <= 2 THEN
                        RAISE EXCEPTION 'community % is locked for now', NEW.community_id USING ERRCODE = 'lock_not_available';
                    END IF;
                    RETURN NEW;
                END
                $$
                """)
            try await database.client.query(
                "CREATE TRIGGER e2e_refuse_twice BEFORE INSERT ON candidate_communities FOR EACH ROW EXECUTE FUNCTION e2e_refuse_twice()")

            let traceID = "0af7651916cd43dd8448eb211c80319c"
            try await system.publisher.publishConfirmed(
                try TestSystem.message(event, traceparent: "00-\(traceID)-b7ad6b7169203331-01"))
            try await system.waitForExactlyOnce(1, in: [.matching])

            let attempts = try await database.client.query("SELECT last_value FROM e2e_attempts")[0].decode(Int.self, at: 0)
            #expect(attempts == 3, "two refused attempts and the one that succeeded")
            let metrics = try await matching.metrics()
            #expect(metrics.value("p2g_messages_retried_total", ["stage": "1"]) == 1)
            #expect(metrics.value("p2g_messages_retried_total", ["stage": "2"]) == 1)
            #expect(metrics.value("p2g_messages_handled_total") == 1)
            #expect(metrics.value("p2g_messages_parked_total") == 0)
            #expect(try await system.messageCount(ServiceKind.matching.deadLetterQueue) == 0)
            let retries = matching.log.split(separator: "\n").filter { $0.contains("retrying later") }
            #expect(retries.count == 2)
            #expect(retries.allSatisfy { $0.contains("trace_id=\(traceID)") }, "the retries are logged under the message's trace")
        }
    }

    @Test("a handler that keeps failing: parked after the last delayed retry with its reason and the number of attempts")
    func persistentFailureIsParked() async throws {
        try await TestSystem.run { system in
            let matching = try await system.start(.matching, environment: ["P2G_QUICK_RETRIES": "1", "P2G_RETRY_DELAYS": "200ms,500ms"])
            let database = try await system.database(for: .matching)
            let events = SampleCommunities.events(2)
            try await database.client.query(
                """
                CREATE FUNCTION e2e_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.community_id = '\(unsafeSQL: events[0].communityId.uuidString.lowercased())' THEN
                        RAISE EXCEPTION 'community % is locked', NEW.community_id USING ERRCODE = 'lock_not_available';
                    END IF;
                    RETURN NEW;
                END
                $$
                """)
            try await database.client.query(
                "CREATE TRIGGER e2e_refuse BEFORE INSERT ON candidate_communities FOR EACH ROW EXECUTE FUNCTION e2e_refuse()")

            try await system.publish(events)
            try await system.waitUntil(
                "the refused message is parked",
                probe: {
                    try await system.messageCount(ServiceKind.matching.deadLetterQueue)
                }
            ) { $0 == 1 }
            #expect(try await database.communityIDs() == [events[1].communityId])

            let parked = try #require(try await system.takeDeadLetters(of: .matching).first)
            #expect(parked.properties.headers["x-p2g-attempts"]?.intValue == 3)
            let reason = parked.properties.headers["x-p2g-error"]?.stringValue ?? ""
            #expect(reason.contains("is locked"), "\(reason)")
            let metrics = try await matching.metrics()
            #expect(metrics.value("p2g_messages_retried_total") == 2)
            #expect(metrics.value("p2g_messages_parked_total", ["reason": "retries-exhausted"]) == 1)
        }
    }
}
