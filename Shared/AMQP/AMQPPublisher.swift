/// Publishes with publisher confirms on a channel of its own.
///
/// Each call publishes a batch and returns when the broker has confirmed, nacked or returned
/// every message of it, or the channel or connection went away; the outcome is per message,
/// and a failure concerns exactly the messages it names. Messages not confirmed when the
/// connection dropped fail as retryable (`.connectionLost`): publish them again, consumers
/// deduplicate by message id.
///
/// While the broker blocks publishing (connection.blocked: low memory or disk) and while the
/// connection is reconnecting, new batches wait, without a time limit other than the
/// connection's `reconnect.giveUpAfter`; task cancellation does not end the wait. Calls may
/// overlap; each gets its own outcomes.
///
/// ```swift
/// let publisher = try await connection.makePublisher()
/// let outcomes = await publisher.publish(messages)        // one Result per message
/// try await publisher.publishConfirmed(messages)          // or: throw if any failed
/// ```
public final class AMQPPublisher: Sendable {
    private let connection: AMQPConnection
    private let id: UInt64

    init(connection: AMQPConnection, id: UInt64) {
        self.connection = connection
        self.id = id
    }

    deinit {
        connection.mailbox.post(.closePublisher(id))
    }

    /// Publishes the messages in order and waits for the broker's confirms; returns one outcome
    /// per message, in the same order.
    public func publish(_ messages: [AMQPMessage]) async -> [Result<Void, AMQPPublishError>] {
        guard !messages.isEmpty else { return [] }
        return await withCheckedContinuation { continuation in
            connection.mailbox.post(.publish(id, messages, continuation))
        }
    }

    /// Publishes the messages and waits for the confirms; throws, naming each failed message,
    /// if any was not confirmed (the others were).
    public func publishConfirmed(_ messages: [AMQPMessage]) async throws(AMQPPublishBatchError) {
        let outcomes = await publish(messages)
        let failures = outcomes.compactMap { outcome -> AMQPPublishError? in
            if case .failure(let error) = outcome { return error }
            return nil
        }
        if !failures.isEmpty {
            throw AMQPPublishBatchError(failures: failures, batchSize: messages.count)
        }
    }

    /// Publishes one message and waits for its confirm.
    public func publishConfirmed(_ message: AMQPMessage) async throws(AMQPPublishError) {
        let outcomes = await publish([message])
        if case .failure(let error) = outcomes.first {
            throw error
        }
    }
}
