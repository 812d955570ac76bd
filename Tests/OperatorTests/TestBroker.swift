import AMQP
import Contracts
import Foundation
import Logging
import Operator
import TestSupport

/// The local stack's broker as these tests use it: the `p2g_test` vhost and names no other
/// test uses.
enum TestBroker {
    static let logger: Logger = {
        var logger = Logger(label: "operator-tests")
        logger.logLevel = .warning
        return logger
    }()

    /// A connection to the test vhost; throws (failing the test) when the stack is not up.
    static func connect(name: String = #function) async throws -> AMQPConnection {
        var configuration = try AMQPConfiguration(url: try LocalStack.testAMQPURL())
        configuration.connectionName = "operator test \(name)"
        return try await AMQPConnection.connect(configuration, logger: logger)
    }

    static func uniqueName(_ prefix: String) -> String {
        "test.\(prefix).\(UUID().uuidString.prefix(8).lowercased())"
    }
}

/// A consumer's queues under unique names: its work queue and its dead-letter queue.
struct ParkingLot {
    let connection: AMQPConnection
    let workQueue: String
    let deadQueue: String

    static func make(name: String = #function) async throws -> ParkingLot {
        let connection = try await TestBroker.connect(name: name)
        let lot = ParkingLot(
            connection: connection, workQueue: TestBroker.uniqueName("events"), deadQueue: TestBroker.uniqueName("dead"))
        try await connection.declare(AMQPQueue.quorum(lot.workQueue))
        try await connection.declare(AMQPQueue.quorum(lot.deadQueue))
        return lot
    }

    var parked: DeadLetterQueue { DeadLetterQueue(name: deadQueue, connection: connection) }

    /// Parks messages the way a consumer does: the body and properties it received, with the
    /// parking headers, on the dead-letter queue.
    @discardableResult
    func park(_ count: Int, originalQueue: String? = nil, prefix: String = "m") async throws -> [String] {
        let ids = (0..<count).map { "\(prefix)-\($0)-\(UUID().uuidString.lowercased())" }
        let publisher = try await connection.makePublisher()
        try await publisher.publishConfirmed(
            ids.map { id in
                AMQPMessage(
                    exchange: "", routingKey: deadQueue, body: Array(#"{"id":"\#(id)"}"#.utf8),
                    properties: AMQPProperties(
                        contentType: "application/json",
                        headers: [
                            MessagingNames.Header.error: "the body does not decode as registry.community-registered.v1: missing field name",
                            MessagingNames.Header.attempts: 4,
                            MessagingNames.Header.failedAt: "2025-11-21T22:10:05.120Z",
                            MessagingNames.Header.originalQueue: .string(originalQueue ?? workQueue),
                            MessagingNames.Header.traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                            MessagingNames.Header.causationID: "0b8f5e0c-5b8e-4b7e-9c55-3f1f1f7f4a10",
                        ],
                        deliveryMode: .persistent, correlationID: "workflow-1", messageID: id,
                        type: "registry.community-registered.v1", appID: "registry"))
            })
        return ids
    }

    /// Takes every message from a queue, acknowledging each; returns them in queue order.
    func drain(_ queue: String) async throws -> [AMQPDelivery] {
        var taken: [AMQPDelivery] = []
        while let delivery = try await connection.get(from: queue) {
            taken.append(delivery)
            try await delivery.ack()
        }
        return taken
    }

    func tearDown() async throws {
        try await connection.delete(queue: workQueue)
        try await connection.delete(queue: deadQueue)
        await connection.close()
    }
}

/// Waits until the condition holds, polling, or fails after the timeout.
func eventually(timeout: Duration = .seconds(20), _ what: String, _ condition: () async throws -> Bool) async throws {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while clock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(50))
    }
    struct Timeout: Error, CustomStringConvertible {
        let description: String
    }
    throw Timeout(description: "timed out after \(timeout) waiting for: \(what)")
}

extension AMQPDelivery {
    var messageID: String { properties.messageID ?? "" }
}
