import AMQP
import Foundation
import Testing

/// Declarations, lookups and the operator's tools (get, purge, delete).
@Suite struct AMQPTopologyTests {
    @Test func queueStatusCountsMessagesAndConsumers() async throws {
        let connection = try await TestBroker.connect()
        let queue = TestBroker.uniqueName("status")
        let declared = try await connection.declare(AMQPQueue.quorum(queue))
        #expect(declared == AMQPQueueStatus(name: queue, messageCount: 0, consumerCount: 0))

        let publisher = try await connection.makePublisher()
        try await publisher.publishConfirmed((0..<3).map { AMQPMessage(exchange: "", routingKey: queue, body: [$0]) })
        try await eventually("three messages") { try await connection.queueStatus(queue).messageCount == 3 }

        let consumer = try await connection.consume(from: queue, prefetch: 1)
        try await eventually("one consumer") { try await connection.queueStatus(queue).consumerCount == 1 }
        try await consumer.cancel()
        try await eventually("no consumer") { try await connection.queueStatus(queue).consumerCount == 0 }

        #expect(try await connection.purge(queue: queue) == 3)
        #expect(try await connection.queueStatus(queue).messageCount == 0)
        try await connection.delete(queue: queue)
        await connection.close()
    }

    @Test func lookingUpAMissingQueueNamesItAndTheConnectionGoesOn() async throws {
        let connection = try await TestBroker.connect()
        let missing = TestBroker.uniqueName("missing")
        await #expect {
            _ = try await connection.queueStatus(missing)
        } throws: { error in
            guard let error = error as? AMQPError else { return false }
            return error.code == .notFound && error.replyCode == 404
                && error.description.contains("looking up queue '\(missing)'")
                && error.description.contains("NOT_FOUND")
        }
        let queue = TestBroker.uniqueName("after-404")
        try await connection.declare(AMQPQueue.quorum(queue))
        #expect(try await connection.queueStatus(queue).messageCount == 0)
        try await connection.delete(queue: queue)
        await connection.close()
    }

    @Test func redeclaringWithOtherArgumentsIsAPreconditionFailure() async throws {
        let connection = try await TestBroker.connect()
        let queue = TestBroker.uniqueName("conflict")
        try await connection.declare(AMQPQueue.quorum(queue))
        await #expect {
            try await connection.declare(AMQPQueue.quorum(queue, deliveryLimit: 3))
        } throws: { error in
            guard let error = error as? AMQPError else { return false }
            return error.code == .preconditionFailed && !error.isRetryable
                && error.description.contains("declaring queue '\(queue)'")
        }
        try await connection.delete(queue: queue)
        await connection.close()
    }

    @Test func consumingFromAMissingQueueSaysToDeclareIt() async throws {
        let connection = try await TestBroker.connect()
        let missing = TestBroker.uniqueName("missing")
        await #expect {
            _ = try await connection.consume(from: missing)
        } throws: { error in
            guard let error = error as? AMQPError else { return false }
            return error.code == .notFound && error.description.contains("declare it before consuming")
        }
        await connection.close()
    }

    @Test func getTakesOneMessageAtATimeForReplay() async throws {
        let connection = try await TestBroker.connect()
        let queue = TestBroker.uniqueName("get")
        try await connection.declare(AMQPQueue.quorum(queue))
        #expect(try await connection.get(from: queue) == nil)

        let publisher = try await connection.makePublisher()
        try await publisher.publishConfirmed(
            ["first", "second"].map { AMQPMessage(exchange: "", routingKey: queue, body: Array($0.utf8)) })

        let first = try #require(try await connection.get(from: queue))
        #expect(first.body == Array("first".utf8))
        #expect(!first.redelivered)
        try await first.reject(requeue: true)
        // A quorum queue puts a requeued message at its back.
        let second = try #require(try await connection.get(from: queue))
        #expect(second.body == Array("second".utf8))
        try await second.ack()
        let again = try #require(try await connection.get(from: queue))
        #expect(again.body == Array("first".utf8))
        #expect(again.redelivered)
        #expect(again.properties.headers["x-delivery-count"] == 1)
        try await again.ack()
        #expect(try await connection.get(from: queue) == nil)

        try await connection.delete(queue: queue)
        await connection.close()
    }

    @Test func directAndFanoutExchangesRoute() async throws {
        let connection = try await TestBroker.connect()
        let direct = TestBroker.uniqueName("direct")
        let fanout = TestBroker.uniqueName("fanout")
        let queue = TestBroker.uniqueName("routed")
        try await connection.declare(
            AMQPTopology(
                exchanges: [.direct(direct), .fanout(fanout)], queues: [.quorum(queue)],
                bindings: [
                    AMQPBinding(queue: queue, exchange: direct, routingKey: "exact"),
                    AMQPBinding(queue: queue, exchange: fanout, routingKey: ""),
                ]))
        let publisher = try await connection.makePublisher()
        try await publisher.publishConfirmed([
            AMQPMessage(exchange: direct, routingKey: "exact", body: [1], mandatory: true),
            AMQPMessage(exchange: fanout, routingKey: "whatever", body: [2], mandatory: true),
        ])
        try await connection.unbind(AMQPBinding(queue: queue, exchange: direct, routingKey: "exact"))
        let outcomes = await publisher.publish([
            AMQPMessage(exchange: direct, routingKey: "exact", body: [3], mandatory: true)
        ])
        #expect((try? outcomes[0].get()) == nil)
        #expect(try await connection.queueStatus(queue).messageCount == 2)
        try await connection.delete(queue: queue)
        try await connection.delete(exchange: direct)
        try await connection.delete(exchange: fanout)
        await connection.close()
    }
}
