/// The continuation through which the connection's thread answers a request.
typealias Reply<Value: Sendable> = CheckedContinuation<Result<Value, AMQPError>, Never>

/// Which channel a delivery came from, so that its acknowledgement goes back there.
enum SettleTarget: Sendable, Equatable {
    /// The channel of consumer `id`.
    case consumer(UInt64)
    /// The channel `AMQPConnection.get(from:)` uses.
    case getter
}

/// An acknowledgement of a delivery.
struct Settlement: Sendable {
    enum Kind: Sendable, Equatable {
        case ack(multiple: Bool)
        case nack(requeue: Bool, multiple: Bool)
        case reject(requeue: Bool)
    }

    let target: SettleTarget
    /// The channel incarnation the delivery came from; a different one means it is stale.
    let incarnation: UInt64
    let deliveryTag: UInt64
    let kind: Kind
}

/// What a consumer asks of the broker.
struct ConsumerSpec: Sendable {
    let id: UInt64
    let queue: String
    let prefetch: UInt16
    let exclusive: Bool
    let arguments: AMQPTable
    let handle: ConsumerHandle
}

/// A request from any task to the connection's thread.
enum ConnectionRequest: Sendable {
    case start(Reply<Void>)
    case declareExchange(AMQPExchange, Reply<Void>)
    case declareQueue(AMQPQueue, Reply<AMQPQueueStatus>)
    case bind(AMQPBinding, Reply<Void>)
    case unbind(AMQPBinding, Reply<Void>)
    case queueStatus(String, Reply<AMQPQueueStatus>)
    case get(String, Reply<AMQPDelivery?>)
    case purge(String, Reply<UInt32>)
    case deleteQueue(String, Reply<UInt32>)
    case deleteExchange(String, Reply<Void>)
    case openPublisher(UInt64, Reply<Void>)
    case publish(UInt64, [AMQPMessage], CheckedContinuation<[Result<Void, AMQPPublishError>], Never>)
    case closePublisher(UInt64)
    case consume(ConsumerSpec, Reply<Void>)
    case cancelConsumer(UInt64, Reply<Void>)
    case releaseConsumer(UInt64)
    case settle(Settlement, Reply<Void>)
    /// An acknowledgement nobody waits for (see `DeliverySettler`).
    case acknowledge(Settlement)
    case close(CheckedContinuation<Void, Never>?)

    /// Answers the request with a failure, without doing it.
    func fail(_ error: AMQPError) {
        switch self {
        case .start(let reply), .declareExchange(_, let reply), .bind(_, let reply), .unbind(_, let reply),
            .deleteExchange(_, let reply), .openPublisher(_, let reply), .consume(_, let reply),
            .cancelConsumer(_, let reply), .settle(_, let reply):
            reply.resume(returning: .failure(error))
        case .declareQueue(_, let reply), .queueStatus(_, let reply):
            reply.resume(returning: .failure(error))
        case .get(_, let reply):
            reply.resume(returning: .failure(error))
        case .purge(_, let reply), .deleteQueue(_, let reply):
            reply.resume(returning: .failure(error))
        case .publish(_, let messages, let continuation):
            let reason: AMQPPublishError.Reason =
                error.isRetryable ? .connectionLost(error.message) : .connectionClosed(error.message)
            continuation.resume(
                returning: messages.enumerated().map { index, message in
                    .failure(AMQPPublishError(reason, index: index, message: message))
                })
        case .close(let continuation):
            continuation?.resume()
        case .closePublisher, .releaseConsumer, .acknowledge:
            break
        }
    }
}
