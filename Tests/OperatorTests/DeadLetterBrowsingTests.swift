import AMQP
import Contracts
import Foundation
import Operator
import Testing

/// `p2gctl dead-letters`: counting and reading parked messages leaves them where they were.
@Suite struct DeadLetterBrowsingTests {
    @Test func browsingShowsTheFirstParkedMessagesAndLeavesEveryOneInItsPlace() async throws {
        let lot = try await ParkingLot.make()
        let ids = try await lot.park(5)

        let firstThree = try await lot.parked.browse(limit: 3)
        #expect(firstThree.map(\.messageID) == Array(ids.prefix(3)))
        let first = try #require(firstThree.first)
        #expect(first.type == "registry.community-registered.v1")
        #expect(first.reason == "the body does not decode as registry.community-registered.v1: missing field name")
        #expect(first.attempts == 4)
        #expect(first.failedAt == "2025-11-21T22:10:05.120Z")
        #expect(first.originalQueue == lot.workQueue)

        // Browsing again, and past the end, finds the same messages in the same order.
        #expect(try await lot.parked.browse(limit: 10).map(\.messageID) == ids)
        #expect(try await lot.parked.count() == 5)
        #expect(try await lot.drain(lot.deadQueue).map(\.messageID) == ids)
        try await lot.tearDown()
    }

    @Test func aQueueThatWasNeverDeclaredHasNoCountAndCannotBeBrowsed() async throws {
        let connection = try await TestBroker.connect()
        let missing = DeadLetterQueue(name: TestBroker.uniqueName("never-declared"), connection: connection)
        #expect(try await missing.count() == nil)
        await #expect(throws: OperatorError.self) { try await missing.browse(limit: 1) }
        // The connection is still usable afterwards.
        let queue = TestBroker.uniqueName("after")
        try await connection.declare(AMQPQueue.quorum(queue))
        #expect(try await DeadLetterQueue(name: queue, connection: connection).count() == 0)
        try await connection.delete(queue: queue)
        await connection.close()
    }

    @Test func aMessageTheBrokerParkedShowsTheBrokersReasonAndQueue() async throws {
        // A work queue whose over-delivered messages the broker itself dead-letters, as the
        // services' work queues do after 20 deliveries.
        let connection = try await TestBroker.connect()
        let deadExchange = TestBroker.uniqueName("dead-exchange")
        let deadQueue = TestBroker.uniqueName("dead")
        let workQueue = TestBroker.uniqueName("events")
        try await connection.declare(
            AMQPTopology(
                exchanges: [.direct(deadExchange)],
                queues: [
                    .quorum(deadQueue),
                    .quorum(workQueue, deadLetterExchange: deadExchange, deadLetterRoutingKey: "svc", deliveryLimit: 1),
                ],
                bindings: [AMQPBinding(queue: deadQueue, exchange: deadExchange, routingKey: "svc")]))
        let publisher = try await connection.makePublisher()
        try await publisher.publishConfirmed(
            AMQPMessage(
                exchange: "", routingKey: workQueue, body: Array("{}".utf8),
                properties: AMQPProperties(deliveryMode: .persistent, messageID: "poison", type: "registry.community-registered.v1")))
        try await overDeliver(from: workQueue, on: connection)

        let parked = DeadLetterQueue(name: deadQueue, connection: connection)
        try await eventually("the broker parks the message") { try await parked.count() == 1 }
        let message = try #require(try await parked.browse(limit: 1).first)
        #expect(message.messageID == "poison")
        #expect(message.reason.hasPrefix("parked by the broker: delivered more times than the queue's delivery limit"))
        #expect(message.originalQueue == workQueue)
        #expect(message.failedAt != nil)
        #expect(message.attempts == nil)

        try await connection.delete(queue: workQueue)
        try await connection.delete(queue: deadQueue)
        try await connection.delete(exchange: deadExchange)
        await connection.close()
    }
}

/// Takes the message and returns it until the queue's delivery limit of 1 is passed.
func overDeliver(from queue: String, on connection: AMQPConnection) async throws {
    for _ in 0..<2 {
        var delivery: AMQPDelivery?
        try await eventually("a message in \(queue)") {
            delivery = try await connection.get(from: queue)
            return delivery != nil
        }
        try await delivery?.nack(requeue: true)
    }
}
