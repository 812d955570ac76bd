import AMQP
import Foundation
import Testing

@Suite("Taking deliveries in batches")
struct AMQPBatchConsumeTests {
    @Test("next(upTo:) waits for one delivery, then takes those already received, never more than asked")
    func batchesTakeWhatIsThere() async throws {
        let connection = try await TestBroker.connect()
        let queue = TestBroker.uniqueName("batches")
        _ = try await connection.declare(AMQPQueue.quorum(queue))
        let publisher = try await connection.makePublisher()
        let messages = (0..<250).map { index in
            AMQPMessage(
                exchange: "", routingKey: queue, body: Array("event \(index)".utf8),
                properties: AMQPProperties(deliveryMode: .persistent, messageID: "m-\(index)"))
        }
        try await publisher.publishConfirmed(messages)
        let consumer = try await connection.consume(from: queue, prefetch: 300)
        var received: [String] = []
        var largestBatch = 0
        while received.count < 250 {
            let batch = try await consumer.next(upTo: 100)
            #expect(!batch.isEmpty)
            #expect(batch.count <= 100)
            largestBatch = max(largestBatch, batch.count)
            received += batch.compactMap(\.properties.messageID)
            for delivery in batch { try await delivery.ack() }
        }
        #expect(received == (0..<250).map { "m-\($0)" })
        #expect(largestBatch > 1)
        try await consumer.cancel()
        #expect(try await consumer.next(upTo: 10).isEmpty)
        _ = try await connection.delete(queue: queue)
        await connection.close()
    }
}
