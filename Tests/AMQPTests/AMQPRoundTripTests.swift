import AMQP
import Foundation
import Synchronization
import Testing

/// What is published arrives once, whole.
@Suite struct AMQPRoundTripTests {
    static func contractProperties(id: UUID, at timestamp: Date) -> AMQPProperties {
        AMQPProperties(
            contentType: "application/json",
            headers: [
                "traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "causation-id": .string(UUID().uuidString.lowercased()),
                "x-p2g-attempts": 3,
                "replayed": false,
            ],
            deliveryMode: .persistent,
            correlationID: "workflow-42",
            messageID: id.uuidString.lowercased(),
            timestamp: timestamp,
            type: "registry.community-registered.v1",
            appID: "registry")
    }

    @Test func everyPropertyAndHeaderKindRoundTrips() async throws {
        let connection = try await TestBroker.connect()
        let exchange = TestBroker.uniqueName("props")
        let queue = TestBroker.uniqueName("props")
        try await connection.declare(
            AMQPTopology(
                exchanges: [.topic(exchange)], queues: [.quorum(queue)],
                bindings: [AMQPBinding(queue: queue, exchange: exchange, routingKey: "registry.#")]))

        let timestamp = Date(timeIntervalSince1970: 1_800_000_000)
        let properties = AMQPProperties(
            contentType: "application/json", contentEncoding: "identity",
            headers: [
                "string": "text with ünïcode",
                "int": -42,
                "big": .int(Int64.max),
                "bool": true,
                "double": 2.5,
                "bytes": .bytes([0, 1, 254, 255]),
                "time": .timestamp(timestamp),
                "nested": ["inner": "value", "deeper": ["n": 1]],
                "list": ["a", 1, false],
                "nothing": .void,
            ],
            deliveryMode: .persistent, priority: 5, correlationID: "corr-1", replyTo: "replies",
            expiration: "60000", messageID: "4f1c7f2e-1111-4c3a-9d6e-2b8b3c0d9e10", timestamp: timestamp,
            type: "registry.community-registered.v1", userID: "p2g", appID: "registry")
        let body = Array(#"{"communityId":"c-1","name":"Kfar Saba"}"#.utf8)
        let publisher = try await connection.makePublisher()
        try await publisher.publishConfirmed(
            AMQPMessage(
                exchange: exchange, routingKey: "registry.community-registered.v1", body: body,
                properties: properties))

        let consumer = try await connection.consume(from: queue, prefetch: 1)
        var received: AMQPDelivery?
        for try await delivery in consumer {
            received = delivery
            try await delivery.ack()
            break
        }
        let delivery = try #require(received)
        #expect(delivery.exchange == exchange)
        #expect(delivery.routingKey == "registry.community-registered.v1")
        #expect(delivery.redelivered == false)
        #expect(delivery.body == body)
        #expect(delivery.properties == properties)

        try await connection.delete(queue: queue)
        try await connection.delete(exchange: exchange)
        await connection.close()
    }

    @Test func tenThousandPersistentMessagesArriveExactlyOnceWithPropertiesIntact() async throws {
        let total = 10_000
        let batchSize = 500
        let connection = try await TestBroker.connect()
        let exchange = TestBroker.uniqueName("bulk")
        let queue = TestBroker.uniqueName("bulk")
        try await connection.declare(
            AMQPTopology(
                exchanges: [.topic(exchange)], queues: [.quorum(queue)],
                bindings: [AMQPBinding(queue: queue, exchange: exchange, routingKey: "registry.*.v1")]))

        let timestamp = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let messages = (0..<total).map { index in
            AMQPMessage(
                exchange: exchange, routingKey: "registry.community-registered.v1",
                body: Array(#"{"index":\#(index)}"#.utf8),
                properties: Self.contractProperties(id: UUID(), at: timestamp))
        }
        let expected = Dictionary(uniqueKeysWithValues: messages.map { ($0.properties.messageID ?? "", $0) })

        let consumer = try await connection.consume(from: queue, prefetch: 200)
        async let consumed: [String: Int] = {
            var seen: [String: Int] = [:]
            var count = 0
            for try await delivery in consumer {
                let id = delivery.properties.messageID ?? "missing"
                seen[id, default: 0] += 1
                if let sent = expected[id] {
                    #expect(delivery.properties == sent.properties)
                    #expect(delivery.body == sent.body)
                    #expect(delivery.routingKey == sent.routingKey)
                } else {
                    Issue.record("received a message that was not published: \(id)")
                }
                try await delivery.ack()
                count += 1
                if count == total { break }
            }
            return seen
        }()

        let publisher = try await connection.makePublisher()
        for start in stride(from: 0, to: total, by: batchSize) {
            try await publisher.publishConfirmed(Array(messages[start..<min(start + batchSize, total)]))
        }

        let seen = try await consumed
        #expect(seen.count == total)
        #expect(seen.values.allSatisfy { $0 == 1 })
        try await eventually("the queue to be empty") {
            try await connection.queueStatus(queue).messageCount == 0
        }
        try await consumer.cancel()
        try await connection.delete(queue: queue)
        try await connection.delete(exchange: exchange)
        await connection.close()
    }

    @Test func concurrentPublishersOnOneConnectionEachGetTheirOwnOutcomes() async throws {
        let connection = try await TestBroker.connect()
        let queue = TestBroker.uniqueName("concurrent")
        try await connection.declare(AMQPQueue.quorum(queue))
        let publisher = try await connection.makePublisher()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for round in 0..<10 {
                        let batch = (0..<25).map { index in
                            AMQPMessage(
                                exchange: "", routingKey: queue, body: Array("\(task)-\(round)-\(index)".utf8),
                                properties: AMQPProperties(deliveryMode: .persistent))
                        }
                        let outcomes = await publisher.publish(batch)
                        #expect(outcomes.count == 25)
                        for outcome in outcomes { try outcome.get() }
                    }
                }
            }
            try await group.waitForAll()
        }
        try await eventually("all 2,000 messages to be in the queue") {
            try await connection.queueStatus(queue).messageCount == 2_000
        }
        try await connection.delete(queue: queue)
        await connection.close()
    }
}
