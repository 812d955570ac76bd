import AMQP
import Foundation
import Testing

/// Messages a consumer gives up on go to the queue's dead-letter exchange, never lost.
@Suite struct AMQPDeadLetterTests {
    struct Setup {
        let connection: AMQPConnection
        let deadExchange: String
        let deadQueue: String
        let workQueue: String

        func tearDown() async throws {
            try await connection.delete(queue: workQueue)
            try await connection.delete(queue: deadQueue)
            try await connection.delete(exchange: deadExchange)
            await connection.close()
        }
    }

    func setUp(_ work: (String, String) -> AMQPQueue, name: String = #function) async throws -> Setup {
        let connection = try await TestBroker.connect(name: name)
        let deadExchange = TestBroker.uniqueName("dead")
        let deadQueue = TestBroker.uniqueName("dead")
        let workQueue = TestBroker.uniqueName("work")
        try await connection.declare(
            AMQPTopology(
                exchanges: [.topic(deadExchange)],
                queues: [.quorum(deadQueue), work(workQueue, deadExchange)],
                bindings: [AMQPBinding(queue: deadQueue, exchange: deadExchange, routingKey: "#")]))
        return Setup(connection: connection, deadExchange: deadExchange, deadQueue: deadQueue, workQueue: workQueue)
    }

    func publish(_ bodies: [String], to queue: String, on connection: AMQPConnection) async throws {
        let publisher = try await connection.makePublisher()
        try await publisher.publishConfirmed(
            bodies.map { body in
                AMQPMessage(
                    exchange: "", routingKey: queue, body: Array(body.utf8),
                    properties: AMQPProperties(deliveryMode: .persistent, messageID: body))
            })
    }

    func take(_ count: Int, from queue: String, on connection: AMQPConnection) async throws -> [AMQPDelivery] {
        var taken: [AMQPDelivery] = []
        try await eventually("\(count) messages in \(queue)") {
            if let delivery = try await connection.get(from: queue) {
                taken.append(delivery)
            }
            return taken.count == count
        }
        return taken
    }

    @Test func nackedAndRejectedMessagesGoToTheDeadLetterExchange() async throws {
        let setup = try await setUp { name, dead in .quorum(name, deadLetterExchange: dead) }
        try await publish(["nacked", "rejected", "handled"], to: setup.workQueue, on: setup.connection)

        let consumer = try await setup.connection.consume(from: setup.workQueue, prefetch: 10)
        var settled = 0
        for try await delivery in consumer {
            switch String(decoding: delivery.body, as: UTF8.self) {
            case "nacked": try await delivery.nack(requeue: false)
            case "rejected": try await delivery.reject(requeue: false)
            default: try await delivery.ack()
            }
            settled += 1
            if settled == 3 { break }
        }

        let dead = try await take(2, from: setup.deadQueue, on: setup.connection)
        #expect(Set(dead.map { String(decoding: $0.body, as: UTF8.self) }) == ["nacked", "rejected"])
        for delivery in dead {
            #expect(delivery.routingKey == setup.workQueue)
            #expect(delivery.properties.headers["x-first-death-reason"] == "rejected")
            #expect(delivery.properties.headers["x-first-death-queue"] == .string(setup.workQueue))
            let death = delivery.properties.headers["x-death"]?.arrayValue?.first?.tableValue
            #expect(death?["reason"] == "rejected")
            try await delivery.ack()
        }
        #expect(try await setup.connection.get(from: setup.deadQueue) == nil)
        try await consumer.cancel()
        try await setup.tearDown()
    }

    @Test func aMessageOverItsDeliveryLimitIsDeadLettered() async throws {
        let setup = try await setUp { name, dead in .quorum(name, deadLetterExchange: dead, deliveryLimit: 1) }
        try await publish(["poison"], to: setup.workQueue, on: setup.connection)
        for _ in 0..<2 {
            let delivery = try #require(try await take(1, from: setup.workQueue, on: setup.connection).first)
            try await delivery.nack(requeue: true)
        }
        let dead = try await take(1, from: setup.deadQueue, on: setup.connection)
        #expect(dead.first?.body == Array("poison".utf8))
        #expect(dead.first?.properties.headers["x-first-death-reason"] == "delivery_limit")
        try await dead.first?.ack()
        try await setup.tearDown()
    }

    @Test func aDelayQueueHandsMessagesBackAfterItsTTL() async throws {
        // The retry pattern: a delay queue whose expired messages dead-letter to the work queue.
        let connection = try await TestBroker.connect()
        let workQueue = TestBroker.uniqueName("work")
        let delayQueue = TestBroker.uniqueName("delay")
        try await connection.declare(AMQPQueue.quorum(workQueue))
        try await connection.declare(
            AMQPQueue.quorum(
                delayQueue, deadLetterExchange: "", deadLetterRoutingKey: workQueue, messageTTL: .milliseconds(300)))
        let sent = ContinuousClock.now
        try await publish(["retry me"], to: delayQueue, on: connection)
        let back = try await take(1, from: workQueue, on: connection)
        #expect(ContinuousClock.now - sent >= .milliseconds(300))
        #expect(back.first?.body == Array("retry me".utf8))
        #expect(back.first?.properties.headers["x-first-death-reason"] == "expired")
        try await back.first?.ack()
        try await connection.delete(queue: delayQueue)
        try await connection.delete(queue: workQueue)
        await connection.close()
    }
}
