import AMQP
import Logging

/// The broker connection a command works through.
enum Broker {
    /// Connects with the settings' configuration, runs `body`, and closes the connection.
    static func withConnection<Value>(
        _ settings: OperatorSettings, _ body: (AMQPConnection) async throws -> Value
    ) async throws -> Value {
        let configuration = try settings.amqpConfiguration()
        var logger = Logger(label: "p2gctl", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = .error
        let connection: AMQPConnection
        do {
            connection = try await AMQPConnection.connect(configuration, logger: logger)
        } catch {
            throw OperatorError("cannot reach the broker at \(configuration.redactedURL): \(error)")
        }
        do {
            let value = try await body(connection)
            await connection.close()
            return value
        } catch {
            await connection.close()
            throw error
        }
    }
}
