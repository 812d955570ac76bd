import AMQP
import Foundation
import TestSupport
import Testing

/// The broker's memory alarm blocks every publishing connection until it clears.
@Suite("Publishing while the broker's memory alarm is raised", .serialized)
struct AMQPMemoryAlarmTests {
    @Test(
        "with blockedPublishTimeout, a publish fails as blocked and retryable once the alarm has lasted that long; after it clears, publishing works"
    )
    func blockedPublishesGiveUp() async throws {
        var configuration = try TestBroker.configuration()
        configuration.blockedPublishTimeout = .milliseconds(500)
        let connection = try await AMQPConnection.connect(configuration, logger: TestBroker.logger)
        let queue = TestBroker.uniqueName("alarm")
        try await connection.declare(AMQPQueue.quorum(queue))
        let publisher = try await connection.makePublisher()
        let message = { (id: String) in
            AMQPMessage(exchange: "", routingKey: queue, body: Array(id.utf8), properties: AMQPProperties(messageID: id))
        }
        try await publisher.publishConfirmed(message("before"))

        try await LocalStack.raiseMemoryAlarm()
        // The broker blocks a connection when it next publishes: this publish is caught.
        let started = ContinuousClock.now
        let outcomes = await publisher.publish([message("during-1"), message("during-2")])
        let waited = ContinuousClock.now - started
        let failures = outcomes.compactMap { outcome -> AMQPPublishError? in
            if case .failure(let error) = outcome { return error }
            return nil
        }
        #expect(failures.count == 2, "\(outcomes)")
        #expect(failures.allSatisfy { $0.code == .blocked && $0.isRetryable })
        #expect(waited >= .milliseconds(500), "gave up after \(waited)")
        #expect(connection.isBlocked)
        try await LocalStack.clearMemoryAlarm()
        try await eventually("the broker unblocks the connection") { !connection.isBlocked }
        try await publisher.publishConfirmed(message("after"))
        // The blocked messages may or may not have reached the queue; the one after did.
        let status = try await connection.queueStatus(queue)
        #expect(status.messageCount >= 2)
        _ = try await connection.delete(queue: queue)
        await connection.close()
    }
}
