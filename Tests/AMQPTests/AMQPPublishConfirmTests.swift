import AMQP
import Foundation
import Testing

/// A failed publish is reported for exactly the messages it concerns.
@Suite struct AMQPPublishConfirmTests {
    func failedIndexes(_ outcomes: [Result<Void, AMQPPublishError>]) -> [Int] {
        outcomes.enumerated().compactMap { index, outcome in
            if case .failure = outcome { return index }
            return nil
        }
    }

    @Test func anUnroutableMandatoryMessageIsReportedAndOnlyIt() async throws {
        let connection = try await TestBroker.connect()
        let exchange = TestBroker.uniqueName("routes")
        let queue = TestBroker.uniqueName("routes")
        try await connection.declare(
            AMQPTopology(
                exchanges: [.topic(exchange)], queues: [.quorum(queue)],
                bindings: [AMQPBinding(queue: queue, exchange: exchange, routingKey: "known.*")]))
        let publisher = try await connection.makePublisher()

        let batch = (0..<20).map { index in
            AMQPMessage(
                exchange: exchange, routingKey: [3, 11].contains(index) ? "unknown.event" : "known.event",
                body: Array("same body".utf8), properties: AMQPProperties(deliveryMode: .persistent),
                mandatory: true)
        }
        let outcomes = await publisher.publish(batch)
        #expect(failedIndexes(outcomes) == [3, 11])
        if case .failure(let error) = outcomes[3] {
            #expect(error.reason == .returned(replyCode: 312, replyText: "NO_ROUTE"))
            #expect(error.index == 3)
            #expect(error.routingKey == "unknown.event")
            #expect(!error.isRetryable)
            #expect(error.description.contains("returned as unroutable"))
        }
        try await eventually("the 18 routable messages in the queue") {
            try await connection.queueStatus(queue).messageCount == 18
        }

        // The throwing form names the same messages.
        do {
            try await publisher.publishConfirmed(batch)
            Issue.record("publishConfirmed did not throw for unroutable messages")
        } catch {
            #expect(error.failedIndexes == [3, 11])
            #expect(error.batchSize == 20)
            #expect(error.description.hasPrefix("2 of 20 messages were not confirmed"))
        }

        // Without mandatory, an unroutable message is confirmed (and dropped by the broker).
        try await publisher.publishConfirmed(
            AMQPMessage(exchange: exchange, routingKey: "unknown.event", body: [1], mandatory: false))

        try await connection.delete(queue: queue)
        try await connection.delete(exchange: exchange)
        await connection.close()
    }

    @Test func messagesTheBrokerNacksFailAndTheOthersAreConfirmed() async throws {
        let connection = try await TestBroker.connect()
        let queue = TestBroker.uniqueName("full")
        // A queue that refuses publishes beyond two messages answers them with basic.nack.
        try await connection.declare(
            AMQPQueue(name: queue, arguments: ["x-max-length": 2, "x-overflow": "reject-publish"]))
        let publisher = try await connection.makePublisher()
        let batch = (0..<5).map { index in
            AMQPMessage(exchange: "", routingKey: queue, body: [UInt8(index)])
        }
        let outcomes = await publisher.publish(batch)
        #expect(failedIndexes(outcomes) == [2, 3, 4])
        if case .failure(let error) = outcomes[4] {
            #expect(error.reason == .nacked)
            #expect(error.isRetryable)
        }
        try await connection.delete(queue: queue)
        await connection.close()
    }

    @Test func aClosedChannelFailsItsUnconfirmedMessagesAndTheNextBatchWorks() async throws {
        let connection = try await TestBroker.connect()
        let queue = TestBroker.uniqueName("after-close")
        try await connection.declare(AMQPQueue.quorum(queue))
        let publisher = try await connection.makePublisher()

        let missing = TestBroker.uniqueName("missing-exchange")
        let outcomes = await publisher.publish([AMQPMessage(exchange: missing, routingKey: "any", body: [1])])
        #expect(failedIndexes(outcomes) == [0])
        if case .failure(let error) = outcomes[0] {
            guard case .channelClosed(let code, let text) = error.reason else {
                Issue.record("expected a closed channel, got \(error)")
                return
            }
            #expect(code == 404)
            #expect(text.contains("no exchange '\(missing)'"))
            #expect(!error.isRetryable)
        }

        try await publisher.publishConfirmed(
            (0..<10).map { AMQPMessage(exchange: "", routingKey: queue, body: [UInt8($0)]) })
        #expect(try await connection.queueStatus(queue).messageCount == 10)
        try await connection.delete(queue: queue)
        await connection.close()
    }

    @Test func anInvalidMessageFailsAloneWithoutSendingIt() async throws {
        let connection = try await TestBroker.connect()
        let queue = TestBroker.uniqueName("invalid")
        try await connection.declare(AMQPQueue.quorum(queue))
        let publisher = try await connection.makePublisher()
        let tooLong = String(repeating: "x", count: 300)
        let outcomes = await publisher.publish([
            AMQPMessage(exchange: "", routingKey: queue, body: [0]),
            AMQPMessage(exchange: "", routingKey: queue, body: [1], properties: AMQPProperties(messageID: tooLong)),
            AMQPMessage(exchange: "", routingKey: queue, body: [2]),
        ])
        #expect(failedIndexes(outcomes) == [1])
        if case .failure(let error) = outcomes[1] {
            #expect(error.description.contains("the message id is 300 bytes long"))
        }
        #expect(try await connection.queueStatus(queue).messageCount == 2)
        try await connection.delete(queue: queue)
        await connection.close()
    }
}
