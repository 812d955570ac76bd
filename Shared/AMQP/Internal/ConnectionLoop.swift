import CRabbitMQ
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// The life of one connection, on its own thread: every librabbitmq call happens here.
///
/// Each turn of the loop takes the posted requests and carries them out, reads whatever frames
/// the broker sent (deliveries, confirms, returns, closes, blocked notices) without blocking,
/// reconnects when it is time, and then sleeps in `poll` on the socket and the wake-up pipe.
/// librabbitmq sends heartbeats and notices missing ones inside the frame reads, which run at
/// least once a second.
final class ConnectionLoop {
    enum Phase {
        /// Waiting for the first connection request.
        case starting
        case connected(since: Date)
        case reconnecting(since: Date, attempts: Int, lastError: AMQPError, nextAttempt: ContinuousClock.Instant)
        case finished
    }

    final class PublisherState {
        let id: UInt64
        var channel: amqp_channel_t?
        var tracker = ConfirmTracker()
        /// Why the last channel closed, for the messages it could not send.
        var closeReason: AMQPPublishError.Reason?

        init(id: UInt64) { self.id = id }
    }

    final class ConsumerState {
        let spec: Spec
        let buffer: DeliveryBuffer
        weak var handle: ConsumerHandle?
        let tag: String
        var channel: amqp_channel_t?
        var incarnation: UInt64 = 0
        /// Cancelled by its owner: no more deliveries, but the channel stays for acknowledgements.
        var cancelled = false
        /// Which deliveries of the current channel are unacknowledged.
        var ledger = DeliveryLedger()
        /// Plain acks not sent yet; they go out together (see `sendPendingAcksIfDue`).
        var pendingAcks: [UInt64] = []

        struct Spec {
            let id: UInt64
            let queue: String
            let prefetch: UInt16
            let exclusive: Bool
            let arguments: AMQPTable
        }

        init(_ spec: ConsumerSpec, tag: String) {
            self.spec = Spec(
                id: spec.id, queue: spec.queue, prefetch: spec.prefetch, exclusive: spec.exclusive,
                arguments: spec.arguments)
            self.buffer = spec.handle.buffer
            self.handle = spec.handle
            self.tag = tag
        }
    }

    let configuration: AMQPConfiguration
    let mailbox: ConnectionMailbox
    var logger: Logger
    let arena = CArena()
    let clock = ContinuousClock()
    let backoff: ReconnectBackoff

    var connection: amqp_connection_state_t?
    var phase: Phase = .starting
    var blocked = false
    /// When the broker blocked publishing, while it does.
    var blockedSince: ContinuousClock.Instant?
    /// Whether the publishes waiting in this alarm were given up already.
    var blockedPublishesFailed = false
    /// Requests that wait for the connection to come back, or for the broker to unblock.
    var parked: [ConnectionRequest] = []

    var channelMax: amqp_channel_t = 2047
    var nextChannel: amqp_channel_t = 1
    var freeChannels: [amqp_channel_t] = []
    var managementChannel: amqp_channel_t?
    var getterChannel: amqp_channel_t?
    var getterIncarnation: UInt64 = 0
    /// Grows each time a channel opens: a delivery remembers its channel's incarnation.
    var lastIncarnation: UInt64 = 0

    var publishers: [UInt64: PublisherState] = [:]
    var publisherByChannel: [amqp_channel_t: PublisherState] = [:]
    var consumers: [UInt64: ConsumerState] = [:]
    var consumerByChannel: [amqp_channel_t: ConsumerState] = [:]
    var topology = DeclaredTopology()

    /// Deliveries read in this turn, handed to their consumers together at its end.
    var pendingDeliveries: [UInt64: [AMQPDelivery]] = [:]
    /// Whether the last read stopped early with frames possibly left to read.
    var moreInput = false
    /// Whether the parked requests should be carried out again (the broker unblocked).
    var replayWanted = false
    /// Consumers with acks waiting in `pendingAcks`.
    var consumersWithPendingAcks: [ConsumerState] = []
    /// When the oldest ack waiting in `pendingAcks` was made; they go out by
    /// `configuration.acknowledgementDelay` after it.
    var acknowledgementsWaitingSince: ContinuousClock.Instant?
    /// A consumer has half its prefetch waiting: the acks go out this turn.
    var acknowledgementsDue = false
    /// When acknowledgements last went out; a close waits for the broker to apply them.
    var lastAcknowledgementSent: ContinuousClock.Instant?

    /// How long a close waits after the latest acknowledgements. A quorum queue applies
    /// acknowledgements asynchronously: a connection closed right after them can have the
    /// broker return those messages to the queue, to be delivered (and skipped) again.
    static let acknowledgementGrace = Duration.milliseconds(500)

    init(configuration: AMQPConfiguration, mailbox: ConnectionMailbox, logger: Logger) {
        self.configuration = configuration
        self.mailbox = mailbox
        self.logger = logger
        self.logger[metadataKey: "amqp.broker"] = "\(configuration.endpoint)"
        if let name = configuration.connectionName {
            self.logger[metadataKey: "amqp.connection"] = "\(name)"
        }
        self.backoff = ReconnectBackoff(
            initialDelay: configuration.reconnect.initialDelay, maxDelay: configuration.reconnect.maxDelay)
    }

    var isFinished: Bool {
        if case .finished = phase { return true }
        return false
    }

    var isConnected: Bool {
        if case .connected = phase { return connection != nil }
        return false
    }

    func run() {
        while !isFinished {
            for request in mailbox.takeRequests() {
                if isFinished {
                    request.fail(closedError("the connection is closed"))
                } else {
                    handle(request)
                }
            }
            sendPendingAcksIfDue()
            if isFinished { break }
            if connection != nil {
                readFrames()
            }
            failPublishesBlockedTooLong()
            if replayWanted, isConnected, !blocked {
                replayWanted = false
                replayParked()
            }
            reconnectIfDue()
            if isFinished { break }
            sleep()
        }
        for request in mailbox.takeRequests() {
            request.fail(closedError("the connection is closed"))
        }
    }

    // MARK: Requests

    func handle(_ request: ConnectionRequest) {
        if case .acknowledge(let settlement) = request, collectAck(settlement) {
            return
        }
        // Anything else goes out after the acks that came before it.
        sendPendingAcks()
        switch request {
        case .start(let reply):
            start(reply)
        case .close(let continuation):
            if let sent = lastAcknowledgementSent, isConnected {
                let remaining = Self.acknowledgementGrace - (clock.now - sent)
                if remaining > .zero {
                    Thread.sleep(forTimeInterval: Double(remaining.components.seconds) + Double(remaining.components.attoseconds) * 1e-18)
                }
            }
            finish(.closed, error: closedError("the connection was closed"))
            continuation?.resume()
        case .publish(let id, let messages, let continuation):
            publish(request, id: id, messages: messages, continuation: continuation)
        case .settle(let settlement, let reply):
            reply.resume(returning: settle(settlement))
        case .acknowledge(let settlement):
            if case .failure(let error) = settle(settlement) {
                logger.debug(
                    "an acknowledgement could not be sent; the broker delivers the message again",
                    metadata: ["error": "\(error)"])
            }
        case .closePublisher(let id):
            closePublisher(id)
        case .releaseConsumer(let id):
            releaseConsumer(id)
        case .cancelConsumer(let id, let reply):
            reply.resume(returning: cancelConsumer(id))
        case .openPublisher(let id, let reply):
            guard isConnected else { return park(request) }
            reply.resume(returning: openPublisher(id))
        case .consume(let spec, let reply):
            guard isConnected else { return park(request) }
            reply.resume(returning: startConsumer(spec))
        case .declareExchange(let exchange, let reply):
            guard isConnected else { return park(request) }
            reply.resume(returning: declare(exchange))
        case .declareQueue(let queue, let reply):
            guard isConnected else { return park(request) }
            reply.resume(returning: declare(queue))
        case .bind(let binding, let reply):
            guard isConnected else { return park(request) }
            reply.resume(returning: bind(binding))
        case .unbind(let binding, let reply):
            guard isConnected else { return park(request) }
            reply.resume(returning: unbind(binding))
        case .queueStatus(let queue, let reply):
            guard isConnected else { return park(request) }
            reply.resume(returning: queueStatus(queue))
        case .get(let queue, let reply):
            guard isConnected else { return park(request) }
            reply.resume(returning: get(queue))
        case .purge(let queue, let reply):
            guard isConnected else { return park(request) }
            reply.resume(returning: purge(queue))
        case .deleteQueue(let queue, let reply):
            guard isConnected else { return park(request) }
            reply.resume(returning: deleteQueue(queue))
        case .deleteExchange(let exchange, let reply):
            guard isConnected else { return park(request) }
            reply.resume(returning: deleteExchange(exchange))
        }
    }

    /// Keeps a request until the connection is back (or the broker unblocks).
    func park(_ request: ConnectionRequest) {
        parked.append(request)
    }

    /// Past `blockedPublishTimeout` of a memory or disk alarm: the batches waiting to be sent
    /// and the messages waiting for their confirms fail as `.blocked`, and so do batches that
    /// come later in the same alarm, so that their callers stop waiting.
    func failPublishesBlockedTooLong() {
        guard blocked, let limit = configuration.blockedPublishTimeout, let since = blockedSince, clock.now - since >= limit else {
            return
        }
        let reason = AMQPPublishError.Reason.blocked(
            "the broker at \(configuration.endpoint) has blocked publishing (memory or disk alarm) for longer than \(limit)")
        if !blockedPublishesFailed {
            blockedPublishesFailed = true
            logger.warning("publishing blocked too long; failing the waiting publishes", metadata: ["limit": "\(limit)"])
            for publisher in publishers.values {
                publisher.tracker.failUnsettled(reason)
            }
        }
        parked.removeAll { request in
            guard case .publish(_, let messages, let continuation) = request else { return false }
            continuation.resume(returning: messages.indices.map { .failure(AMQPPublishError(reason, index: $0, message: messages[$0])) })
            return true
        }
    }

    /// Carries out the parked requests again, once the reason they waited is gone.
    func replayParked() {
        let waiting = parked
        parked.removeAll()
        for request in waiting {
            handle(request)
        }
    }

    func closedError(_ message: String) -> AMQPError {
        AMQPError(.connectionClosed, "\(message) (\(configuration.endpoint))", scope: .connection)
    }

    // MARK: Sleeping

    /// Sleeps until the socket has data, a request arrives, or it is time for heartbeats,
    /// waiting acknowledgements or a reconnection attempt.
    func sleep() {
        var timeout: Int32 = 1000
        if let since = acknowledgementsWaitingSince {
            timeout = Self.milliseconds(until: since + configuration.acknowledgementDelay, from: clock.now)
        }
        if moreInput {
            timeout = 0
        } else if let connection, amqp_frames_enqueued(connection) != 0 || amqp_data_in_buffer(connection) != 0 {
            timeout = 0
        } else if case .reconnecting(_, _, _, let nextAttempt) = phase {
            timeout = min(timeout, Self.milliseconds(until: nextAttempt, from: clock.now))
        }
        guard timeout > 0, mailbox.prepareToSleep() else { return }
        var fds = [pollfd(fd: mailbox.wakeReadFD, events: Int16(POLLIN), revents: 0)]
        if let connection {
            let socket = amqp_get_sockfd(connection)
            if socket >= 0 {
                fds.append(pollfd(fd: socket, events: Int16(POLLIN), revents: 0))
            }
        }
        _ = poll(&fds, nfds_t(fds.count), timeout)
        mailbox.wokeUp()
    }

    /// Whole milliseconds from `now` to `instant`, rounded up so that the wait does not end
    /// just before it, between 0 and 1000.
    static func milliseconds(until instant: ContinuousClock.Instant, from now: ContinuousClock.Instant) -> Int32 {
        let wait = now.duration(to: instant)
        guard wait > .zero else { return 0 }
        let (seconds, attoseconds) = wait.components
        let rounded = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(min(1000, rounded))
    }

    // MARK: Channels

    func allocateChannel() throws(AMQPError) -> amqp_channel_t {
        if let channel = freeChannels.popLast() {
            return channel
        }
        guard nextChannel <= channelMax else {
            throw AMQPError(
                .invalidArgument,
                "all \(channelMax) channels of the connection to \(configuration.endpoint) are in use: close publishers and consumers that are no longer needed"
            )
        }
        defer { nextChannel += 1 }
        return nextChannel
    }

    func releaseChannelNumber(_ channel: amqp_channel_t) {
        freeChannels.append(channel)
    }

    /// Opens a channel: a new number, channel.open.
    func openChannel() throws(AMQPError) -> amqp_channel_t {
        guard let connection else { throw notConnectedError() }
        let channel = try allocateChannel()
        _ = amqp_channel_open(connection, channel)
        do throws(AMQPError) {
            try LibraryCall.check(amqp_get_rpc_reply(connection), "amqp_channel_open", "opening channel \(channel)")
        } catch {
            // A refused channel is dealt with here; the caller only has to react to a lost connection.
            switch error.scope {
            case .connection:
                throw error
            case .channel:
                acknowledgeChannelClose(channel)
                releaseChannelNumber(channel)
            case .request:
                releaseChannelNumber(channel)
            }
            throw error.with(scope: .request)
        }
        lastIncarnation += 1
        return channel
    }

    /// Closes a channel we no longer need (channel.close), freeing its number.
    func closeChannel(_ channel: amqp_channel_t) {
        guard let connection else { return }
        let reply = amqp_channel_close(connection, channel, AMQP_REPLY_SUCCESS)
        do throws(AMQPError) {
            try LibraryCall.check(reply, "amqp_channel_close", "closing channel \(channel)")
            releaseChannelNumber(channel)
        } catch {
            recover(from: error, channel: channel)
        }
    }

    /// Answers a channel.close from the broker with channel.close-ok, after which the number
    /// is free again.
    func acknowledgeChannelClose(_ channel: amqp_channel_t) {
        guard let connection else { return }
        var closeOK = amqp_channel_close_ok_t(dummy: 0)
        do throws(AMQPError) {
            try LibraryCall.check(
                amqp_send_method(connection, channel, AMQP_CHANNEL_CLOSE_OK_METHOD, &closeOK), "amqp_send_method",
                "answering the broker's close of channel \(channel)")
        } catch {
            recover(from: error, channel: nil)
        }
    }

    func notConnectedError() -> AMQPError {
        AMQPError(.connectionLost, "not connected to \(configuration.endpoint)", scope: .connection)
    }

    /// Puts things right after a failed call: a channel the broker closed is acknowledged and
    /// forgotten by whoever used it; a lost connection is torn down for reconnection.
    func recover(from error: AMQPError, channel: amqp_channel_t?) {
        switch error.scope {
        case .request:
            break
        case .channel:
            guard let channel else { break }
            acknowledgeChannelClose(channel)
            channelClosed(channel, error)
        case .connection:
            connectionLost(error)
        }
    }

    /// A channel is gone (the broker closed it, close-ok already sent): its user reacts.
    func channelClosed(_ channel: amqp_channel_t, _ error: AMQPError) {
        releaseChannelNumber(channel)
        if channel == managementChannel {
            managementChannel = nil
        } else if channel == getterChannel {
            getterChannel = nil
        } else if let publisher = publisherByChannel.removeValue(forKey: channel) {
            publisherChannelClosed(publisher, error)
        } else if let consumer = consumerByChannel.removeValue(forKey: channel) {
            consumerChannelClosed(consumer, error)
        }
    }
}
