import AMQP
import Foundation
import Testing

@Suite("Closing right after acknowledging")
struct AMQPCloseAfterAcksTests {
    /// A quorum queue applies acknowledgements asynchronously: without the close waiting for
    /// them, a few runs in ten had a batch acknowledged just before the close come back to
    /// the queue.
    @Test("a consumer cancelled mid-stream that acknowledges its last batch and closes: no acknowledged message returns to the queue")
    func acknowledgedMessagesStayAcknowledged() async throws {
        let setup = try await TestBroker.connect()
        for round in 0..<3 {
            let queue = TestBroker.uniqueName("close-after-acks")
            _ = try await setup.declare(AMQPQueue.quorum(queue))
            let publisher = try await setup.makePublisher()
            let messages = (0..<3000).map { index in
                AMQPMessage(
                    exchange: "", routingKey: queue, body: Array("event \(index)".utf8),
                    properties: AMQPProperties(deliveryMode: .persistent, messageID: "m-\(index)"))
            }
            for start in stride(from: 0, to: messages.count, by: 500) {
                try await publisher.publishConfirmed(Array(messages[start..<start + 500]))
            }

            let connection = try await TestBroker.connect()
            let consumer = try await connection.consume(from: queue, prefetch: 1000)
            var acknowledged = 0
            var batches = 0
            while true {
                let batch = try await consumer.next(upTo: 500)
                if batch.isEmpty { break }
                batches += 1
                // As a service does on SIGTERM: stop taking deliveries, finish the batch in hand.
                if batches == 3 { try await consumer.cancel() }
                for delivery in batch { try await delivery.ack() }
                acknowledged += batch.count
            }
            await connection.close()

            // Whatever the broker would return comes back as the connection goes.
            try await Task.sleep(for: .seconds(1))
            let ready = Int(try await setup.queueStatus(queue).messageCount)
            #expect(acknowledged + ready == messages.count, "round \(round): \(acknowledged) acknowledged, \(ready) ready")
            _ = try await setup.delete(queue: queue)
        }
        await setup.close()
    }
}
