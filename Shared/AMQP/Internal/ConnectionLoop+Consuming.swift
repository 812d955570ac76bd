import CRabbitMQ
import Logging

extension ConnectionLoop {
    func startConsumer(_ spec: ConsumerSpec) -> Result<Void, AMQPError> {
        let consumer = ConsumerState(spec, tag: "\(configuration.connectionName ?? "p2g").consumer-\(spec.id)")
        do throws(AMQPError) {
            try subscribe(consumer)
        } catch {
            return .failure(error)
        }
        consumers[spec.id] = consumer
        return .success(())
    }

    /// Opens the consumer's channel, sets its prefetch and subscribes (basic.consume).
    /// Recovers from failures itself.
    func subscribe(_ consumer: ConsumerState) throws(AMQPError) {
        guard let connection else { throw notConnectedError() }
        let channel = try recovering(channel: nil) { () throws(AMQPError) in try openChannel() }
        try recovering(channel: channel) { () throws(AMQPError) in
            _ = amqp_basic_qos(connection, channel, 0, consumer.spec.prefetch, 0)
            try LibraryCall.check(
                amqp_get_rpc_reply(connection), "amqp_basic_qos",
                "setting the prefetch of the consumer of queue '\(consumer.spec.queue)'")
            try basicConsume(consumer, on: channel, connection)
        }
        consumer.channel = channel
        consumer.incarnation = lastIncarnation
        consumer.ledger.reset()
        consumer.pendingAcks.removeAll()
        consumer.handle?.liveIncarnation.store(lastIncarnation, ordering: .releasing)
        consumerByChannel[channel] = consumer
    }

    private func basicConsume(
        _ consumer: ConsumerState, on channel: amqp_channel_t, _ connection: amqp_connection_state_t
    ) throws(AMQPError) {
        defer { arena.recycle() }
        let context = "consuming from queue '\(consumer.spec.queue)' (declare it before consuming)"
        let queue = try arena.shortString(consumer.spec.queue, "the queue name")
        let tag = try arena.shortString(consumer.tag, "the consumer tag")
        let arguments = try arena.table(consumer.spec.arguments)
        _ = amqp_basic_consume(connection, channel, queue, tag, 0, 0, consumer.spec.exclusive ? 1 : 0, arguments)
        try LibraryCall.check(amqp_get_rpc_reply(connection), "amqp_basic_consume", context)
    }

    /// Acknowledges a delivery on the channel it came from, if that channel still lives.
    func settle(_ settlement: Settlement) -> Result<Void, AMQPError> {
        var channel: amqp_channel_t?
        switch settlement.target {
        case .consumer(let id):
            if let consumer = consumers[id], consumer.incarnation == settlement.incarnation {
                channel = consumer.channel
            }
        case .getter:
            if getterIncarnation == settlement.incarnation {
                channel = getterChannel
            }
        }
        guard let connection, isConnected, let channel else {
            return .failure(.staleDelivery(settlement.deliveryTag))
        }
        let tag = settlement.deliveryTag
        if case .consumer(let id) = settlement.target, let consumer = consumers[id] {
            switch settlement.kind {
            case .ack(let multiple), .nack(_, let multiple): consumer.ledger.settle(tag, multiple: multiple)
            case .reject: consumer.ledger.settle(tag, multiple: false)
            }
        }
        return Result { () throws(AMQPError) in
            try recovering(channel: channel) { () throws(AMQPError) in
                switch settlement.kind {
                case .ack(let multiple):
                    try LibraryCall.check(
                        amqp_basic_ack(connection, channel, tag, multiple ? 1 : 0), "amqp_basic_ack",
                        "acknowledging delivery \(tag)")
                    lastAcknowledgementSent = clock.now
                case .nack(let requeue, let multiple):
                    try LibraryCall.check(
                        amqp_basic_nack(connection, channel, tag, multiple ? 1 : 0, requeue ? 1 : 0),
                        "amqp_basic_nack", "rejecting delivery \(tag)")
                case .reject(let requeue):
                    try LibraryCall.check(
                        amqp_basic_reject(connection, channel, tag, requeue ? 1 : 0), "amqp_basic_reject",
                        "rejecting delivery \(tag)")
                }
            }
        }
    }

    /// Keeps a plain ack of a live delivery for `sendPendingAcks`; false for anything else,
    /// which is settled at once.
    func collectAck(_ settlement: Settlement) -> Bool {
        guard case .ack(multiple: false) = settlement.kind, case .consumer(let id) = settlement.target,
            let consumer = consumers[id], consumer.incarnation == settlement.incarnation, consumer.channel != nil
        else { return false }
        if consumer.pendingAcks.isEmpty {
            consumersWithPendingAcks.append(consumer)
        }
        consumer.pendingAcks.append(settlement.deliveryTag)
        if acknowledgementsWaitingSince == nil {
            acknowledgementsWaitingSince = clock.now
        }
        // The broker stops delivering when the prefetch is all unacknowledged: go before that.
        if consumer.spec.prefetch > 0, consumer.pendingAcks.count * 2 >= Int(consumer.spec.prefetch) {
            acknowledgementsDue = true
        }
        return true
    }

    /// Sends the acks collected so far once the oldest has waited the acknowledgement delay,
    /// or a consumer has half its prefetch waiting.
    func sendPendingAcksIfDue() {
        guard let since = acknowledgementsWaitingSince else { return }
        if acknowledgementsDue || clock.now - since >= configuration.acknowledgementDelay {
            sendPendingAcks()
        }
    }

    /// Sends the acks collected so far, as few frames as the ledger allows.
    func sendPendingAcks() {
        acknowledgementsWaitingSince = nil
        acknowledgementsDue = false
        guard !consumersWithPendingAcks.isEmpty else { return }
        let waiting = consumersWithPendingAcks
        consumersWithPendingAcks.removeAll(keepingCapacity: true)
        for consumer in waiting {
            let acks = consumer.pendingAcks
            consumer.pendingAcks.removeAll(keepingCapacity: true)
            guard let connection, let channel = consumer.channel else { continue }
            do throws(AMQPError) {
                try recovering(channel: channel) { () throws(AMQPError) in
                    for frame in consumer.ledger.plan(acks: acks) {
                        guard case .ack(let tag, let multiple) = frame else { continue }
                        try LibraryCall.check(
                            amqp_basic_ack(connection, channel, tag, multiple ? 1 : 0), "amqp_basic_ack",
                            "acknowledging delivery \(tag)")
                    }
                    lastAcknowledgementSent = clock.now
                }
            } catch {
                logger.debug(
                    "acknowledgements could not be sent; the broker delivers the messages again",
                    metadata: ["error": "\(error)"])
            }
        }
    }

    /// The owner cancels: basic.cancel; deliveries not yet handed out go back to the queue;
    /// the channel stays open so that those in hand can still be acknowledged.
    func cancelConsumer(_ id: UInt64) -> Result<Void, AMQPError> {
        guard let consumer = consumers[id], !consumer.cancelled else { return .success(()) }
        consumer.cancelled = true
        let undelivered = consumer.buffer.finish(nil)
        guard let connection, let channel = consumer.channel else { return .success(()) }
        return Result { () throws(AMQPError) in
            try recovering(channel: channel) { () throws(AMQPError) in
                defer { arena.recycle() }
                let tag = try arena.shortString(consumer.tag, "the consumer tag")
                _ = amqp_basic_cancel(connection, channel, tag)
                try LibraryCall.check(
                    amqp_get_rpc_reply(connection), "amqp_basic_cancel",
                    "cancelling the consumer of queue '\(consumer.spec.queue)'")
                for delivery in undelivered where delivery.settler.incarnation == consumer.incarnation {
                    consumer.ledger.settle(delivery.deliveryTag, multiple: false)
                    try LibraryCall.check(
                        amqp_basic_reject(connection, channel, delivery.deliveryTag, 1), "amqp_basic_reject",
                        "returning an undelivered message to queue '\(consumer.spec.queue)'")
                }
            }
        }
    }

    /// Nothing refers to the consumer any more: close its channel, which returns whatever it
    /// still held unacknowledged to the queue.
    func releaseConsumer(_ id: UInt64) {
        guard let consumer = consumers.removeValue(forKey: id) else { return }
        consumer.buffer.finish(nil)
        if let channel = consumer.channel {
            consumerByChannel[channel] = nil
            closeChannel(channel)
        }
    }

    /// Ends a consumer's sequence with an error and forgets it.
    func endConsumer(_ consumer: ConsumerState, _ error: AMQPError) {
        consumer.buffer.finish(error)
        consumer.cancelled = true
        if consumer.channel == nil {
            consumers[consumer.spec.id] = nil
        }
    }

    /// The broker closed a consumer's channel (a bad acknowledgement, for one): deliveries in
    /// hand are stale; subscribe again on a new channel.
    func consumerChannelClosed(_ consumer: ConsumerState, _ error: AMQPError) {
        consumer.channel = nil
        consumer.handle?.liveIncarnation.store(0, ordering: .releasing)
        guard !consumer.cancelled, consumer.handle != nil else {
            consumers[consumer.spec.id] = nil
            return
        }
        logger.warning(
            "the broker closed a consumer's channel; subscribing again",
            metadata: ["amqp.queue": "\(consumer.spec.queue)", "error": "\(error)"])
        do throws(AMQPError) {
            try subscribe(consumer)
        } catch {
            guard isConnected else { return }
            endConsumer(consumer, error)
        }
    }

    /// basic.cancel from the broker (the queue was deleted, or failed over): declare the
    /// topology again and resubscribe if this connection declared the queue; otherwise end
    /// the consumer's sequence with an error.
    func consumerCancelledByBroker(channel: amqp_channel_t, tag: amqp_bytes_t, noWait: Bool) {
        if !noWait, let connection {
            var cancelOK = amqp_basic_cancel_ok_t(consumer_tag: tag)
            do throws(AMQPError) {
                try LibraryCall.check(
                    amqp_send_method(connection, channel, AMQP_BASIC_CANCEL_OK_METHOD, &cancelOK), "amqp_send_method",
                    "answering the broker's basic.cancel")
            } catch {
                recover(from: error, channel: channel)
                return
            }
        }
        guard let consumer = consumerByChannel[channel], !consumer.cancelled else { return }
        let queue = consumer.spec.queue
        guard topology.knowsQueue(queue) else {
            logger.warning(
                "the broker cancelled a consumer whose queue this connection did not declare; its sequence ends",
                metadata: ["amqp.queue": "\(queue)"])
            endConsumer(
                consumer,
                AMQPError(
                    .consumerCancelled,
                    "the broker cancelled the consumer of queue '\(queue)' (was the queue deleted?): declare the queue through this connection so that it can be declared again and the consumer resumed"
                ))
            return
        }
        logger.warning(
            "the broker cancelled a consumer (was its queue deleted?); declaring the topology again and resubscribing",
            metadata: ["amqp.queue": "\(queue)"])
        redeclareTopology()
        guard isConnected, let connection, consumer.channel == channel else { return }
        do throws(AMQPError) {
            try recovering(channel: channel) { () throws(AMQPError) in
                try basicConsume(consumer, on: channel, connection)
            }
        } catch {
            guard isConnected else { return }
            endConsumer(
                consumer,
                AMQPError(
                    .consumerCancelled,
                    "the broker cancelled the consumer of queue '\(queue)' and it could not be resumed: \(error.message)"
                ))
        }
    }
}
