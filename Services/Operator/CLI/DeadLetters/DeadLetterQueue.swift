import AMQP
import Contracts

/// One service's dead-letter queue (`<service>.dead`): how many messages it holds, what they
/// are, and putting them back where they came from (``replay(_:batchSize:)``).
///
/// Reading leaves every message parked and in its order. AMQP 0-9-1 cannot show a message
/// without handing it out, so ``browse(limit:)`` takes the messages with basic.get,
/// unacknowledged, and returns them with basic.nack and requeue. Two things shape how:
///
/// - Where a returned message goes depends on the broker: RabbitMQ 3.10's quorum queues put it
///   at the back of the queue. So browsing takes every message the queue holds, not only the
///   first few, keeps them all in hand, and returns them all in the order taken: the queue ends
///   in the order it had (messages parked while it runs end up ahead of them). Taking them all
///   before returning any also keeps a message from being handed out twice.
/// - basic.nack rather than basic.reject: RabbitMQ 4 counts a reject as a failed delivery and
///   its quorum queues drop a message after 20 of them by default. (RabbitMQ 3.x counts every
///   return in `x-delivery-count`, but `<service>.dead` declares no delivery limit.)
///
/// If p2gctl dies holding messages, the broker returns them when the connection closes.
public struct DeadLetterQueue: Sendable {
    /// At most this many messages are taken in hand at once to read or replay by id.
    public static let maximumInHand = 100_000

    /// The queue's name, e.g. `notifications.dead`.
    public let name: String
    let connection: AMQPConnection

    public init(name: String, connection: AMQPConnection) {
        self.name = name
        self.connection = connection
    }

    /// The parked messages of a service.
    public init(of service: ServiceIdentity, connection: AMQPConnection) {
        self.init(name: service.deadLetterQueue, connection: connection)
    }

    /// How many messages are parked; nil when the queue does not exist (its service has never
    /// started against this broker).
    public func count() async throws -> Int? {
        do {
            return Int(try await connection.queueStatus(name).messageCount)
        } catch  where error.code == .notFound {
            return nil
        }
    }

    /// The first `limit` parked messages, in queue order, left in the queue.
    public func browse(limit: Int) async throws -> [ParkedMessage] {
        let present = try await countForReading()
        var held: [AMQPDelivery] = []
        do {
            while held.count < present, let delivery = try await connection.get(from: name) {
                held.append(delivery)
            }
        } catch {
            try await putBack(held)
            throw error
        }
        try await putBack(held)
        return held.prefix(limit).map(ParkedMessage.init)
    }

    /// The number of messages present, when the queue exists and they can all be taken in hand.
    func countForReading() async throws -> Int {
        guard let present = try await count() else { throw missingQueue() }
        guard present <= Self.maximumInHand else {
            throw OperatorError(
                "\(name) holds \(present) messages; p2gctl reads at most \(Self.maximumInHand) at once without changing their order")
        }
        return present
    }

    /// Returns deliveries in hand to the queue, in the order they were taken, and waits (a few
    /// seconds at most) until the queue counts them again: the broker applies returns after
    /// answering, and the next command should find them there.
    func putBack(_ deliveries: [AMQPDelivery]) async throws {
        guard !deliveries.isEmpty else { return }
        // One call per delivery: Swift 6.3.1's compiler does not finish a do-catch with a
        // `where` clause inside this loop.
        for delivery in deliveries {
            try await Self.returnToQueue(delivery)
        }
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline, (try await count() ?? 0) < deliveries.count {
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Returns one delivery; one whose channel has closed since was returned by the broker
    /// already.
    static func returnToQueue(_ delivery: AMQPDelivery) async throws {
        do {
            try await delivery.nack(requeue: true)
        } catch  where error.code == .staleDelivery {
            return
        }
    }

    func missingQueue() -> OperatorError {
        OperatorError("there is no queue \(name) on this broker: has its service ever started here? (check P2G_AMQP_URL and its vhost)")
    }
}
