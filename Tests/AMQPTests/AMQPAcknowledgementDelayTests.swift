import AMQP
import Foundation
import TestSupport
import Testing

/// A consumer's acknowledgements may wait `acknowledgementDelay` to go out together. What the
/// broker holds as unacknowledged shows when the connection is cut: those messages come back
/// to the queue.
@Suite("Acknowledgements that wait to go out together")
struct AMQPAcknowledgementDelayTests {
    /// A connection with the given delay, through `proxy` when the test is to cut it.
    func connect(through proxy: TCPProxy? = nil, delay: Duration, name: String = #function) async throws -> AMQPConnection {
        var configuration = try TestBroker.configuration(name: name)
        if let proxy { configuration.port = proxy.port }
        configuration.acknowledgementDelay = delay
        return try await AMQPConnection.connect(configuration, logger: TestBroker.logger)
    }

    /// A quorum queue holding `count` persistent messages, `m-0`, `m-1`…
    func queue(with count: Int, on connection: AMQPConnection) async throws -> String {
        let queue = TestBroker.uniqueName("ack-delay")
        _ = try await connection.declare(AMQPQueue.quorum(queue))
        let publisher = try await connection.makePublisher()
        try await publisher.publishConfirmed(
            (0..<count).map { index in
                AMQPMessage(
                    exchange: "", routingKey: queue, body: Array("event \(index)".utf8),
                    properties: AMQPProperties(deliveryMode: .persistent, messageID: "m-\(index)"))
            })
        return queue
    }

    /// Consumes and acknowledges one message with the given delay, waits `pause`, then cuts
    /// the connection and keeps it from coming back; returns the messages that are back in the
    /// queue once the broker has let the consumer go.
    func acknowledgeThenCut(delay: Duration, pause: Duration) async throws -> Int {
        let direct = try await TestBroker.connect()
        let queue = try await queue(with: 1, on: direct)
        let proxy = try TCPProxy(forwardingTo: try TestBroker.configuration().port)
        let connection = try await connect(through: proxy, delay: delay)
        let consumer = try await connection.consume(from: queue, prefetch: 100)
        let delivery = try #require(try await consumer.next(upTo: 1).first)
        try await delivery.ack()
        try await Task.sleep(for: pause)

        proxy.refuseNewConnections()
        proxy.dropAll()
        try await eventually("the broker to drop the cut consumer") {
            try await direct.queueStatus(queue).consumerCount == 0
        }
        let returned = Int(try await direct.queueStatus(queue).messageCount)
        _ = try await direct.delete(queue: queue)
        await connection.close()
        await direct.close()
        return returned
    }

    @Test("an acknowledgement goes out once the delay has passed: cut off after it, the message stays acknowledged")
    func sentAfterTheDelay() async throws {
        #expect(try await acknowledgeThenCut(delay: .milliseconds(200), pause: .seconds(1)) == 0)
    }

    @Test("before the delay has passed the acknowledgement has not gone out: cut off then, the message comes back")
    func heldUntilTheDelay() async throws {
        #expect(try await acknowledgeThenCut(delay: .seconds(3600), pause: .milliseconds(300)) == 1)
    }

    @Test("closing the connection sends the acknowledgements still waiting")
    func sentOnClose() async throws {
        let direct = try await TestBroker.connect()
        let queue = try await queue(with: 10, on: direct)
        let connection = try await connect(delay: .seconds(3600))
        let consumer = try await connection.consume(from: queue, prefetch: 100)
        var acknowledged = 0
        while acknowledged < 10 {
            for delivery in try await consumer.next(upTo: 10) {
                try await delivery.ack()
                acknowledged += 1
            }
        }
        await connection.close()

        try await eventually("the broker to drop the closed consumer") {
            try await direct.queueStatus(queue).consumerCount == 0
        }
        #expect(try await direct.queueStatus(queue).messageCount == 0)
        _ = try await direct.delete(queue: queue)
        await direct.close()
    }

    @Test("deliveries never stall on waiting acknowledgements: with a prefetch of 4 and an hour's delay, all 40 messages arrive one by one")
    func halfThePrefetchSendsThem() async throws {
        let direct = try await TestBroker.connect()
        let queue = try await queue(with: 40, on: direct)
        let connection = try await connect(delay: .seconds(3600))
        let consumer = try await connection.consume(from: queue, prefetch: 4)
        // Stalled deliveries would wait forever: after 30 s the consumer is cancelled, which
        // ends the loop with what arrived.
        let watchdog = Task {
            try await Task.sleep(for: .seconds(30))
            try await consumer.cancel()
        }
        var received: [String] = []
        while received.count < 40 {
            let batch = try await consumer.next(upTo: 1)
            if batch.isEmpty { break }
            for delivery in batch {
                received.append(delivery.properties.messageID ?? "")
                try await delivery.ack()
            }
        }
        watchdog.cancel()

        #expect(received == (0..<40).map { "m-\($0)" })
        _ = try await direct.delete(queue: queue)
        await connection.close()
        await direct.close()
    }
}
