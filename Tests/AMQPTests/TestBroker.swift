import AMQP
import Foundation
import Logging
import TestSupport

/// The local stack's broker, as the tests use it: the `p2g_test` vhost, unique names.
enum TestBroker {
    static let logger: Logger = {
        var logger = Logger(label: "amqp-tests")
        logger.logLevel = .info
        return logger
    }()

    /// The configuration of the test vhost; throws (failing the test) when the stack is not up.
    static func configuration(name: String = #function) throws -> AMQPConfiguration {
        var configuration = try AMQPConfiguration(url: try LocalStack.testAMQPURL())
        configuration.connectionName = "test \(name)"
        configuration.reconnect = .init(initialDelay: .milliseconds(100), maxDelay: .seconds(1))
        return configuration
    }

    /// A connection to the test vhost.
    static func connect(name: String = #function) async throws -> AMQPConnection {
        try await AMQPConnection.connect(try configuration(name: name), logger: logger)
    }

    /// A name no other test uses.
    static func uniqueName(_ prefix: String) -> String {
        "test.\(prefix).\(UUID().uuidString.prefix(8).lowercased())"
    }
}

/// Waits until the condition holds, polling, or fails after the timeout.
func eventually(
    timeout: Duration = .seconds(30), _ what: String, _ condition: () async throws -> Bool
) async throws {
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
