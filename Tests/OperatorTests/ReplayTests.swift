import AMQP
import Contracts
import Foundation
import Operator
import Testing

/// `p2gctl replay`: parked messages go back to their original queue without the parking
/// headers, and none is lost or left behind.
@Suite struct ReplayTests {
    @Test func replayingOneMessageMovesItBackWithoutTheParkingHeadersAndLeavesTheOthers() async throws {
        let lot = try await ParkingLot.make()
        let ids = try await lot.park(3)
        // Reading them first: the broker now counts a delivery of each (x-delivery-count).
        #expect(try await lot.parked.browse(limit: 3).count == 3)

        let report = try await lot.parked.replay(.message(id: ids[1]))
        #expect(report.replayed.map(\.message.messageID) == [ids[1]])
        #expect(report.replayed.first?.queue == lot.workQueue)
        #expect(report.isComplete)

        let back = try await lot.drain(lot.workQueue)
        #expect(back.map(\.messageID) == [ids[1]])
        let message = try #require(back.first)
        #expect(message.body == Array(#"{"id":"\#(ids[1])"}"#.utf8))
        #expect(message.properties.type == "registry.community-registered.v1")
        #expect(message.properties.correlationID == "workflow-1")
        #expect(message.properties.appID == "registry")
        #expect(message.properties.contentType == "application/json")
        #expect(message.properties.deliveryMode == .persistent)
        #expect(message.properties.headers[MessagingNames.Header.traceparent] != nil)
        #expect(message.properties.headers[MessagingNames.Header.causationID] != nil)
        // Nothing of its parking comes back with it; the broker adds a fresh delivery count.
        #expect(message.properties.headers.keys.filter { $0.hasPrefix("x-") && $0 != "x-delivery-count" }.isEmpty)
        #expect((message.properties.headers["x-delivery-count"]?.intValue ?? 0) == 0)

        // The other two are still parked, in their order.
        #expect(try await lot.drain(lot.deadQueue).map(\.messageID) == [ids[0], ids[2]])
        try await lot.tearDown()
    }

    @Test func replayingAllMovesEveryMessageBackExactlyOnceAcrossBatches() async throws {
        let lot = try await ParkingLot.make()
        let ids = try await lot.park(250)

        let report = try await lot.parked.replay(.all, batchSize: 40)
        #expect(report.replayed.count == 250)
        #expect(report.examined == 250)
        #expect(report.isComplete)

        #expect(try await lot.drain(lot.workQueue).map(\.messageID) == ids)
        #expect(try await lot.parked.count() == 0)
        try await lot.tearDown()
    }

    @Test func messagesWhoseQueueIsGoneStayParkedInTheirOrder() async throws {
        let lot = try await ParkingLot.make()
        let first = try await lot.park(2, prefix: "ok")
        let orphans = try await lot.park(3, originalQueue: TestBroker.uniqueName("deleted"), prefix: "orphan")
        let last = try await lot.park(2, prefix: "ok-too")

        let report = try await lot.parked.replay(.all, batchSize: 4)
        #expect(report.replayed.map(\.message.messageID) == first + last)
        #expect(report.kept.map(\.message.messageID) == orphans)
        #expect(report.kept.allSatisfy { $0.why.contains("does not exist") })
        #expect(!report.isComplete)

        #expect(try await lot.drain(lot.workQueue).map(\.messageID) == first + last)
        let stillParked = try await lot.drain(lot.deadQueue)
        #expect(stillParked.map(\.messageID) == orphans)
        // Left parked as they were: the parking headers are still there.
        #expect(stillParked.allSatisfy { $0.properties.headers[MessagingNames.Header.error] != nil })
        try await lot.tearDown()
    }

    @Test func anUnknownMessageIDReplaysNothingAndDisturbsNothing() async throws {
        let lot = try await ParkingLot.make()
        let ids = try await lot.park(4)

        let report = try await lot.parked.replay(.message(id: "no-such-message"))
        #expect(report.replayed.isEmpty)
        #expect(report.kept.isEmpty)
        #expect(report.examined == 4)

        #expect(try await lot.drain(lot.workQueue).isEmpty)
        #expect(try await lot.drain(lot.deadQueue).map(\.messageID) == ids)
        try await lot.tearDown()
    }

    @Test func aMessageTheBrokerParkedCanBeReplayedAndStillComesBackFromADelayedRetry() async throws {
        // The services' topology in miniature: a work queue whose over-delivered messages the
        // broker parks, and a delay queue that hands retries back to the work queue.
        let connection = try await TestBroker.connect()
        let deadExchange = TestBroker.uniqueName("dead-exchange")
        let retryExchange = TestBroker.uniqueName("retry-exchange")
        let deadQueue = TestBroker.uniqueName("dead")
        let workQueue = TestBroker.uniqueName("events")
        let delayQueue = TestBroker.uniqueName("retry-200ms")
        try await connection.declare(
            AMQPTopology(
                exchanges: [.direct(deadExchange), .direct(retryExchange)],
                queues: [
                    .quorum(deadQueue),
                    .quorum(workQueue, deadLetterExchange: deadExchange, deadLetterRoutingKey: "svc", deliveryLimit: 1),
                    .quorum(
                        delayQueue, deadLetterExchange: retryExchange, deadLetterRoutingKey: workQueue, messageTTL: .milliseconds(200),
                        arguments: ["x-dead-letter-strategy": "at-least-once", "x-overflow": "reject-publish"]),
                ],
                bindings: [
                    AMQPBinding(queue: deadQueue, exchange: deadExchange, routingKey: "svc"),
                    AMQPBinding(queue: workQueue, exchange: retryExchange, routingKey: workQueue),
                ]))
        let publisher = try await connection.makePublisher()
        try await publisher.publishConfirmed(
            AMQPMessage(
                exchange: "", routingKey: workQueue, body: Array("{}".utf8),
                properties: AMQPProperties(deliveryMode: .persistent, messageID: "crashed-its-consumer")))
        try await overDeliver(from: workQueue, on: connection)
        let parked = DeadLetterQueue(name: deadQueue, connection: connection)
        try await eventually("the broker parks the message") { try await parked.count() == 1 }

        let report = try await parked.replay(.all)
        #expect(report.replayed.map(\.queue) == [workQueue])

        // The consumer fails it once more and schedules a delayed retry, copying its properties.
        var replayed: AMQPDelivery?
        try await eventually("the replayed message in the work queue") {
            replayed = try await connection.get(from: workQueue)
            return replayed != nil
        }
        let delivery = try #require(replayed)
        var properties = delivery.properties
        properties.headers[MessagingNames.Header.attempts] = 1
        try await publisher.publishConfirmed(
            AMQPMessage(exchange: "", routingKey: delayQueue, body: delivery.body, properties: properties, mandatory: true))
        try await delivery.ack()

        // Had the replay kept the broker's x-death entry for the work queue, the broker would
        // take the delay queue's hand-back for a dead-letter cycle and drop the message.
        var retried: AMQPDelivery?
        try await eventually(timeout: .seconds(10), "the retry back in the work queue") {
            retried = try await connection.get(from: workQueue)
            return retried != nil
        }
        #expect(retried?.properties.messageID == "crashed-its-consumer")
        try await retried?.ack()

        try await connection.delete(queue: delayQueue)
        try await connection.delete(queue: workQueue)
        try await connection.delete(queue: deadQueue)
        try await connection.delete(exchange: deadExchange)
        try await connection.delete(exchange: retryExchange)
        await connection.close()
    }
}
