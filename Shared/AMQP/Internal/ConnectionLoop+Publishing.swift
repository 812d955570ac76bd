import CRabbitMQ
import Logging

#if canImport(Glibc)
    import Glibc
#endif

extension ConnectionLoop {
    /// How many messages a batch publishes between two reads of the broker's answers, so that
    /// confirms of a long batch do not pile up unread.
    static var publishesBetweenReads: Int { 256 }
    /// How many messages a batch holds back at most before they go out together.
    static var publishesPerSegment: Int { 32 }

    func openPublisher(_ id: UInt64) -> Result<Void, AMQPError> {
        let publisher = PublisherState(id: id)
        publishers[id] = publisher
        do throws(AMQPError) {
            _ = try publisherChannel(publisher)
            return .success(())
        } catch {
            publishers[id] = nil
            return .failure(error)
        }
    }

    func closePublisher(_ id: UInt64) {
        guard let publisher = publishers.removeValue(forKey: id) else { return }
        publisher.tracker.failAll(.connectionClosed("the publisher was released"))
        if let channel = publisher.channel {
            publisherByChannel[channel] = nil
            closeChannel(channel)
        }
    }

    /// The publisher's channel in confirm mode, opened if it has none (first use, or after a
    /// reconnect or a channel error). Recovers from failures itself.
    private func publisherChannel(_ publisher: PublisherState) throws(AMQPError) -> amqp_channel_t {
        if let channel = publisher.channel {
            return channel
        }
        guard let connection else { throw notConnectedError() }
        let channel = try recovering(channel: nil) { () throws(AMQPError) in try openChannel() }
        try recovering(channel: channel) { () throws(AMQPError) in
            _ = amqp_confirm_select(connection, channel)
            try LibraryCall.check(
                amqp_get_rpc_reply(connection), "amqp_confirm_select", "putting channel \(channel) in confirm mode")
        }
        publisher.tracker.reset(failingPendingWith: .connectionLost("the channel was reopened"))
        publisher.channel = channel
        publisher.closeReason = nil
        publisherByChannel[channel] = publisher
        return channel
    }

    /// Publishes a batch and registers its messages for confirms; the continuation is resumed
    /// when the last one is settled.
    func publish(
        _ request: ConnectionRequest, id: UInt64, messages: [AMQPMessage],
        continuation: CheckedContinuation<[Result<Void, AMQPPublishError>], Never>
    ) {
        guard let publisher = publishers[id] else {
            request.fail(closedError("the publisher was released"))
            return
        }
        guard isConnected, !blocked else {
            park(request)
            return
        }
        let channel: amqp_channel_t
        do throws(AMQPError) {
            channel = try publisherChannel(publisher)
        } catch {
            // Nothing was sent: after a lost connection the batch can wait for the next one.
            if !isConnected, !isFinished {
                park(request)
            } else {
                request.fail(error)
            }
            return
        }
        let batch = PublishBatch(messages: messages) { outcomes in
            continuation.resume(returning: outcomes)
        }
        // librabbitmq writes each message as it goes (three frames, the last one pushed):
        // holding back the socket's partial packets sends the batch in a few large segments,
        // which spares the kernel and the broker most of the per-message packets.
        cork(true)
        defer { cork(false) }
        for index in messages.indices {
            guard let connection, publisher.channel == channel else {
                batch.failRemaining(
                    from: index,
                    publisher.closeReason ?? .connectionLost("the connection to \(configuration.endpoint) dropped"))
                break
            }
            do throws(AMQPError) {
                try send(messages[index], on: channel, connection)
                publisher.tracker.track(batch, index: index)
            } catch {
                if error.scope == .request {
                    // Nothing went out: only this message fails.
                    batch.fail(index, .invalidMessage(error.message))
                } else {
                    batch.fail(index, .connectionLost(error.message))
                    recover(from: error, channel: channel)
                }
            }
            if index % Self.publishesBetweenReads == Self.publishesBetweenReads - 1 {
                cork(false)
                readFrames()
                cork(true)
            } else if index % Self.publishesPerSegment == Self.publishesPerSegment - 1 {
                // Let the broker start on the batch while the rest is written.
                cork(false)
                cork(true)
            }
        }
    }

    /// Holds back (or releases) partial TCP segments on the connection's socket.
    private func cork(_ on: Bool) {
        #if os(Linux)
            guard let connection else { return }
            let socket = amqp_get_sockfd(connection)
            guard socket >= 0 else { return }
            var value: Int32 = on ? 1 : 0
            _ = setsockopt(socket, Int32(IPPROTO_TCP), TCP_CORK, &value, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    /// Sends one message (basic.publish, its header and body frames).
    private func send(_ message: AMQPMessage, on channel: amqp_channel_t, _ connection: amqp_connection_state_t)
        throws(AMQPError)
    {
        defer { arena.recycle() }
        let exchange = try arena.shortString(message.exchange, "the exchange name '\(message.exchange.prefix(40))...'")
        let routingKey = try arena.shortString(
            message.routingKey, "the routing key '\(message.routingKey.prefix(40))...'")
        var properties = try arena.properties(message.properties)
        let status = message.body.withUnsafeBytes { body in
            amqp_basic_publish(
                connection, channel, exchange, routingKey, message.mandatory ? 1 : 0, 0, &properties,
                amqp_bytes_t(len: body.count, bytes: UnsafeMutableRawPointer(mutating: body.baseAddress)))
        }
        do throws(AMQPError) {
            try LibraryCall.check(
                status, "amqp_basic_publish", "publishing to exchange '\(message.exchange)' on channel \(channel)")
        } catch {
            // Part of the message may have gone out: the connection cannot be trusted any more.
            throw error.with(scope: .connection)
        }
    }

    /// The broker closed a publisher's channel: its unconfirmed messages fail with the reason;
    /// the next batch opens a new channel.
    func publisherChannelClosed(_ publisher: PublisherState, _ error: AMQPError) {
        publisher.channel = nil
        let reason = AMQPPublishError.Reason.channelClosed(replyCode: error.replyCode ?? 0, replyText: error.message)
        publisher.closeReason = reason
        logger.warning(
            "the broker closed a publishing channel; its unconfirmed messages fail",
            metadata: ["error": "\(error)", "unconfirmed": "\(publisher.tracker.pendingCount)"])
        publisher.tracker.reset(failingPendingWith: reason)
    }

    /// Runs `body`; when it fails, puts the connection right (see `recover`) and rethrows the
    /// failure, which the caller then only has to report.
    func recovering<Value>(channel: amqp_channel_t?, _ body: () throws(AMQPError) -> Value) throws(AMQPError)
        -> Value
    {
        do throws(AMQPError) {
            return try body()
        } catch {
            recover(from: error, channel: channel)
            throw error.with(scope: .request)
        }
    }
}
