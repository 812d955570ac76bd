import Foundation
import Postgres
import TestSupport
import Testing

@Suite("LISTEN and NOTIFY")
struct NotificationTests {
    @Test("a notification reaches the listener, and listening resumes after PostgreSQL restarts")
    func notificationsSurviveRestart() async throws {
        try await TestDatabase.withClient { client in
            let channel = TestDatabase.uniqueName("outbox")
            let stream = try await client.listen(to: [channel])
            var iterator = stream.makeAsyncIterator()

            try await client.query("SELECT pg_notify(\(channel), 'first')")
            let first = await iterator.next()
            #expect(first?.channel == channel)
            #expect(first?.payload == "first")

            try await LocalStack.restart(.postgres)
            // The listener reconnects on its own; notify until it is listening again.
            let received = await withThrowingTaskGroup(of: PostgresNotification?.self) { group in
                group.addTask {
                    for attempt in 0..<100 {
                        _ = try? await client.query("SELECT pg_notify(\(channel), \("after restart \(attempt)"))")
                        try await Task.sleep(for: .milliseconds(200))
                    }
                    return nil
                }
                let next = await iterator.next()
                group.cancelAll()
                return next
            }
            #expect(received?.payload.hasPrefix("after restart") == true)
        }
    }
}
