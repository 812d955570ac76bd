import AMQP
import Foundation
import Synchronization
import TestSupport
import Testing

/// The connection survives what happens to brokers and networks.
@Suite struct AMQPRecoveryTests {
    /// A configuration that goes through a proxy the test controls.
    func proxied(_ proxy: TCPProxy, name: String = #function) throws -> AMQPConfiguration {
        var configuration = try TestBroker.configuration(name: name)
        configuration.port = proxy.port
        return configuration
    }

    func brokerPort() throws -> Int {
        try TestBroker.configuration().port
    }

    func message(_ queue: String, _ id: String) -> AMQPMessage {
        AMQPMessage(
            exchange: "", routingKey: queue, body: Array(id.utf8),
            properties: AMQPProperties(deliveryMode: .persistent, messageID: id))
    }

    @Test(.timeLimit(.minutes(3)))
    func publisherAndConsumerRecoverFromABrokerRestart() async throws {
        let queue = TestBroker.uniqueName("restart")
        let publishing = try await TestBroker.connect(name: "restart publisher")
        let consuming = try await TestBroker.connect(name: "restart consumer")
        try await publishing.declare(AMQPQueue.quorum(queue))
        try await consuming.declare(AMQPQueue.quorum(queue))
        guard case .connected(let publisherConnectedAt) = publishing.state,
            case .connected(let consumerConnectedAt) = consuming.state
        else {
            Issue.record("not connected at the start")
            return
        }

        let observed = RestartObservations()

        let consumer = try await consuming.consume(from: queue, prefetch: 50)
        let publisher = try await publishing.makePublisher()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                var retry: [AMQPMessage] = []
                var next = 0
                while !observed.stop.load(ordering: .relaxed) {
                    var batch = retry
                    retry = []
                    while batch.count < 20 {
                        batch.append(message(queue, "m\(next)"))
                        next += 1
                    }
                    let outcomes = await publisher.publish(batch)
                    for (message, outcome) in zip(batch, outcomes) {
                        switch outcome {
                        case .success:
                            observed.confirmed.withLock { _ = $0.insert(message.properties.messageID ?? "") }
                        case .failure(let error):
                            #expect(error.isRetryable, "\(error)")
                            retry.append(message)
                        }
                    }
                    try await Task.sleep(for: .milliseconds(10))
                }
            }
            group.addTask {
                for try await delivery in consumer {
                    let id = delivery.properties.messageID ?? ""
                    observed.received.withLock { $0[id, default: 0] += 1 }
                    let keep = observed.held.withLock { held -> Bool in
                        guard held == nil else { return false }
                        held = delivery
                        return true
                    }
                    if keep { continue }
                    do {
                        try await delivery.ack()
                    } catch {
                        // In hand while the broker restarted, it cannot be acknowledged; it comes again.
                        guard (error as? AMQPError)?.code == .staleDelivery else { throw error }
                    }
                }
            }

            try await eventually("messages flowing before the restart") {
                observed.received.withLock { $0.count } >= 100
            }
            try await LocalStack.restart(.rabbitmq)
            try await eventually(timeout: .seconds(60), "both connections back") {
                publishing.state.isConnected && consuming.state.isConnected
            }
            let confirmedAtRestart = observed.confirmed.withLock { $0.count }
            try await eventually(timeout: .seconds(60), "publishing confirmed again after the restart") {
                observed.confirmed.withLock { $0.count } >= confirmedAtRestart + 200
            }

            // The delivery held over the restart cannot be acknowledged; it was delivered again.
            let stale = try #require(observed.held.withLock { $0 })
            await #expect {
                try await stale.ack()
            } throws: { error in
                (error as? AMQPError)?.code == .staleDelivery && "\(error)".contains("delivers it again")
            }

            observed.stop.store(true, ordering: .relaxed)
            let allConfirmed = observed.confirmed.withLock { $0 }
            try await eventually(timeout: .seconds(60), "every confirmed message consumed") {
                observed.received.withLock { received in allConfirmed.allSatisfy { received[$0] != nil } }
            }
            let staleID = stale.properties.messageID ?? ""
            #expect(observed.received.withLock { $0[staleID] ?? 0 } >= 2)
            try await consumer.cancel()
            group.cancelAll()
        }

        if case .connected(let since) = publishing.state {
            #expect(since > publisherConnectedAt)
        }
        if case .connected(let since) = consuming.state {
            #expect(since > consumerConnectedAt)
        }
        try await consuming.delete(queue: queue)
        await publishing.close()
        await consuming.close()
    }

    @Test func aDroppedSocketIsReopenedAndTheConsumerResumes() async throws {
        let proxy = try TCPProxy(forwardingTo: try brokerPort())
        let connection = try await AMQPConnection.connect(try proxied(proxy), logger: TestBroker.logger)
        let direct = try await TestBroker.connect()
        let queue = TestBroker.uniqueName("dropped")
        try await connection.declare(AMQPQueue.quorum(queue))
        let consumer = try await connection.consume(from: queue, prefetch: 10)

        proxy.dropAll()
        try await eventually("the connection to notice and reconnect") {
            proxy.acceptedCount >= 2 && connection.state.isConnected
        }
        try await eventually("the consumer to be back") {
            try await direct.queueStatus(queue).consumerCount == 1
        }
        let publisher = try await direct.makePublisher()
        try await publisher.publishConfirmed(message(queue, "after the drop"))
        for try await delivery in consumer {
            #expect(delivery.properties.messageID == "after the drop")
            try await delivery.ack()
            break
        }
        try await direct.delete(queue: queue)
        await connection.close()
        await direct.close()
    }

    @Test func aSilentBrokerIsNoticedThroughHeartbeats() async throws {
        let proxy = try TCPProxy(forwardingTo: try brokerPort())
        var configuration = try proxied(proxy)
        configuration.heartbeat = .seconds(1)
        let connection = try await AMQPConnection.connect(configuration, logger: TestBroker.logger)
        guard case .connected(let firstSince) = connection.state else {
            Issue.record("not connected")
            return
        }
        proxy.freezeAll()
        try await eventually(timeout: .seconds(15), "a new connection after the heartbeat timeout") {
            if case .connected(let since) = connection.state { return since > firstSince }
            return false
        }
        #expect(proxy.acceptedCount >= 2)
        await connection.close()
    }

    @Test func publishesMadeWhileReconnectingWaitAndSucceed() async throws {
        let proxy = try TCPProxy(forwardingTo: try brokerPort())
        var configuration = try proxied(proxy)
        configuration.reconnect = .init(initialDelay: .milliseconds(500), maxDelay: .seconds(1))
        let connection = try await AMQPConnection.connect(configuration, logger: TestBroker.logger)
        let queue = TestBroker.uniqueName("waiting")
        try await connection.declare(AMQPQueue.quorum(queue))
        let publisher = try await connection.makePublisher()

        proxy.dropAll()
        try await eventually("the drop noticed") { !connection.state.isConnected }
        #expect(connection.state.disconnectedSince != nil)
        try await publisher.publishConfirmed((0..<5).map { message(queue, "waited-\($0)") })
        #expect(connection.state.isConnected)
        #expect(try await connection.queueStatus(queue).messageCount == 5)
        try await connection.delete(queue: queue)
        await connection.close()
    }

    @Test func unconfirmedPublishesFailRetryablyWhenTheConnectionDrops() async throws {
        let proxy = try TCPProxy(forwardingTo: try brokerPort())
        let connection = try await AMQPConnection.connect(try proxied(proxy), logger: TestBroker.logger)
        let queue = TestBroker.uniqueName("in-flight")
        try await connection.declare(AMQPQueue.quorum(queue))
        let publisher = try await connection.makePublisher()

        let body = [UInt8](repeating: 7, count: 2048)
        let batch = (0..<20_000).map {
            AMQPMessage(
                exchange: "", routingKey: queue, body: body,
                properties: AMQPProperties(deliveryMode: .persistent, messageID: "m\($0)"))
        }
        async let outcomes = publisher.publish(batch)
        try await Task.sleep(for: .milliseconds(30))
        proxy.dropAll()
        let results = await outcomes
        let failures = results.compactMap { outcome -> AMQPPublishError? in
            if case .failure(let error) = outcome { return error }
            return nil
        }
        #expect(!failures.isEmpty, "the drop came after the whole batch was confirmed; make the batch larger")
        for failure in failures {
            guard case .connectionLost = failure.reason else {
                Issue.record("unexpected failure: \(failure)")
                continue
            }
            #expect(failure.isRetryable)
        }
        let confirmedCount = results.count - failures.count
        try await eventually("reconnected") { connection.state.isConnected }
        #expect(try await connection.queueStatus(queue).messageCount >= UInt32(confirmedCount))
        try await connection.delete(queue: queue)
        await connection.close()
    }

    @Test func theConnectionGivesUpAfterTheCutOffAndSaysSo() async throws {
        let proxy = try TCPProxy(forwardingTo: try brokerPort())
        var configuration = try proxied(proxy)
        configuration.reconnect = .init(initialDelay: .milliseconds(100), maxDelay: .milliseconds(200), giveUpAfter: .seconds(1))
        let connection = try await AMQPConnection.connect(configuration, logger: TestBroker.logger)
        let queue = TestBroker.uniqueName("cut-off")
        try await connection.declare(AMQPQueue(name: queue, durable: false, exclusive: true))
        let consumer = try await connection.consume(from: queue)

        proxy.refuseNewConnections()
        proxy.dropAll()
        await #expect {
            try await connection.waitUntilClosed()
        } throws: { error in
            (error as? AMQPError)?.code == .cutOff && "\(error)".contains("gave up on the AMQP broker")
        }
        guard case .failed(let error) = connection.state else {
            Issue.record("expected the failed state, got \(connection.state)")
            return
        }
        #expect(error.code == .cutOff)
        await #expect {
            for try await _ in consumer {}
        } throws: { error in
            (error as? AMQPError)?.code == .cutOff
        }
        await #expect {
            try await connection.queueStatus(queue)
        } throws: { error in
            (error as? AMQPError)?.code == .cutOff
        }
    }

    @Test func publishersWaitWhileTheBrokerBlocksTheConnection() async throws {
        let proxy = try TCPProxy(forwardingTo: try brokerPort())
        var configuration = try proxied(proxy)
        // No heartbeats, so that nothing else the broker sends can meet the injected frames.
        configuration.heartbeat = .zero
        let connection = try await AMQPConnection.connect(configuration, logger: TestBroker.logger)
        let direct = try await TestBroker.connect()
        let queue = TestBroker.uniqueName("blocked")
        try await direct.declare(AMQPQueue.quorum(queue))
        let publisher = try await connection.makePublisher()

        // connection.blocked ("low on memory") and connection.unblocked, as the broker sends them.
        let reason = Array("low on memory".utf8)
        let blocked: [UInt8] =
            [1, 0, 0] + Self.bigEndian(UInt32(5 + reason.count)) + [0, 10, 0, 60, UInt8(reason.count)] + reason + [0xCE]
        let unblocked: [UInt8] = [1, 0, 0, 0, 0, 0, 4, 0, 10, 0, 61, 0xCE]

        proxy.injectToClients(blocked)
        try await eventually("the connection to report itself blocked") { connection.isBlocked }
        async let published: Void = publisher.publishConfirmed(message(queue, "waited for unblock"))
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await direct.queueStatus(queue).messageCount == 0)
        proxy.injectToClients(unblocked)
        try await published
        #expect(!connection.isBlocked)
        #expect(try await direct.queueStatus(queue).messageCount == 1)
        try await direct.delete(queue: queue)
        await connection.close()
        await direct.close()
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }

    @Test func aConsumerResumesWhenItsQueueIsDeletedElsewhere() async throws {
        let connection = try await TestBroker.connect()
        let other = try await TestBroker.connect(name: "other")
        let queue = TestBroker.uniqueName("deleted")
        try await connection.declare(AMQPQueue.quorum(queue))
        let consumer = try await connection.consume(from: queue)

        try await other.delete(queue: queue)
        try await eventually("the queue declared again and consumed from") {
            (try? await other.queueStatus(queue).consumerCount) == 1
        }
        let publisher = try await other.makePublisher()
        try await publisher.publishConfirmed(message(queue, "after deletion"))
        for try await delivery in consumer {
            #expect(delivery.properties.messageID == "after deletion")
            try await delivery.ack()
            break
        }
        try await connection.delete(queue: queue)
        await connection.close()
        await other.close()
    }

    @Test func aConsumerOfAQueueItDidNotDeclareEndsWithAnErrorWhenTheQueueGoes() async throws {
        let connection = try await TestBroker.connect()
        let other = try await TestBroker.connect(name: "other")
        let queue = TestBroker.uniqueName("foreign")
        try await other.declare(AMQPQueue.quorum(queue))
        let consumer = try await connection.consume(from: queue)
        try await other.delete(queue: queue)
        await #expect {
            for try await _ in consumer {}
        } throws: { error in
            (error as? AMQPError)?.code == .consumerCancelled && "\(error)".contains("'\(queue)'")
        }
        await connection.close()
        await other.close()
    }
}

/// What the restart test's publisher and consumer saw, shared between their tasks.
final class RestartObservations: Sendable {
    let confirmed = Mutex(Set<String>())
    let received = Mutex([String: Int]())
    let held = Mutex<AMQPDelivery?>(nil)
    let stop = Atomic(false)
}
