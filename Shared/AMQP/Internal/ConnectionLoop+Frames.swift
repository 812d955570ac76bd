import CRabbitMQ
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

extension ConnectionLoop {
    /// How many frames one turn reads before it looks at the requests again.
    static var framesPerTurn: Int { 1024 }

    /// Reads and handles every frame that is there, without blocking; librabbitmq sends a due
    /// heartbeat and notices a missed one on the way.
    func readFrames() {
        var frame = amqp_frame_t()
        var immediately = Glibc.timeval(tv_sec: 0, tv_usec: 0)
        var handled = 0
        moreInput = false
        while let connection, handled < Self.framesPerTurn {
            let status = amqp_simple_wait_frame_noblock(connection, &frame, &immediately)
            if status == AMQP_STATUS_TIMEOUT.rawValue {
                break
            }
            handled += 1
            do throws(AMQPError) {
                try LibraryCall.check(
                    status, "amqp_simple_wait_frame_noblock", "reading from the broker at \(configuration.endpoint)")
                try handle(frame, connection)
            } catch {
                recover(from: error, channel: error.scope == .channel ? frame.channel : nil)
            }
        }
        moreInput = handled >= Self.framesPerTurn
        handOutDeliveries()
        if let connection {
            amqp_maybe_release_buffers(connection)
        }
    }

    /// Gives each consumer what this turn read for it, in one go.
    func handOutDeliveries() {
        guard !pendingDeliveries.isEmpty else { return }
        for (id, deliveries) in pendingDeliveries {
            consumers[id]?.buffer.append(deliveries)
        }
        pendingDeliveries.removeAll(keepingCapacity: true)
    }

    private func handle(_ frame: amqp_frame_t, _ connection: amqp_connection_state_t) throws(AMQPError) {
        guard frame.frame_type == UInt8(AMQP_FRAME_METHOD) else {
            logger.debug("ignored a stray content frame", metadata: ["amqp.channel": "\(frame.channel)"])
            return
        }
        let channel = frame.channel
        let method = frame.payload.method
        switch method.id {
        case AMQP_BASIC_DELIVER_METHOD:
            guard let deliver = method.decoded?.assumingMemoryBound(to: amqp_basic_deliver_t.self).pointee else {
                return
            }
            try deliverMessage(deliver, channel: channel, connection)
        case AMQP_BASIC_ACK_METHOD:
            guard let ack = method.decoded?.assumingMemoryBound(to: amqp_basic_ack_t.self).pointee else { return }
            publisherByChannel[channel]?.tracker.ack(ack.delivery_tag, multiple: ack.multiple != 0)
        case AMQP_BASIC_NACK_METHOD:
            guard let nack = method.decoded?.assumingMemoryBound(to: amqp_basic_nack_t.self).pointee else { return }
            publisherByChannel[channel]?.tracker.nack(nack.delivery_tag, multiple: nack.multiple != 0)
        case AMQP_BASIC_RETURN_METHOD:
            guard let returned = method.decoded?.assumingMemoryBound(to: amqp_basic_return_t.self).pointee else {
                return
            }
            try returnMessage(returned, channel: channel, connection)
        case AMQP_BASIC_CANCEL_METHOD:
            guard let cancel = method.decoded?.assumingMemoryBound(to: amqp_basic_cancel_t.self).pointee else {
                return
            }
            consumerCancelledByBroker(channel: channel, tag: cancel.consumer_tag, noWait: cancel.nowait != 0)
        case AMQP_CHANNEL_CLOSE_METHOD:
            let error = LibraryCall.brokerError(
                method, call: "amqp_simple_wait_frame_noblock", context: "the broker closed channel \(channel)")
            acknowledgeChannelClose(channel)
            channelClosed(channel, error)
        case AMQP_CONNECTION_CLOSE_METHOD:
            throw LibraryCall.brokerError(
                method, call: "amqp_simple_wait_frame_noblock",
                context: "the broker at \(configuration.endpoint) closed the connection")
        case AMQP_CONNECTION_BLOCKED_METHOD:
            let reason = method.decoded?.assumingMemoryBound(to: amqp_connection_blocked_t.self).pointee.reason.string
            blocked = true
            blockedSince = clock.now
            blockedPublishesFailed = false
            mailbox.setBlocked(true)
            logger.warning(
                "the broker blocks publishing on this connection; publishers wait",
                metadata: ["reason": "\(reason ?? "")"])
        case AMQP_CONNECTION_UNBLOCKED_METHOD:
            blocked = false
            blockedSince = nil
            mailbox.setBlocked(false)
            logger.info("the broker unblocked publishing on this connection")
            replayWanted = true
        default:
            logger.debug(
                "ignored an AMQP method",
                metadata: ["amqp.channel": "\(channel)", "amqp.method": "0x\(String(method.id, radix: 16))"])
        }
    }

    /// basic.deliver: reads the message that follows and queues it for its consumer.
    private func deliverMessage(
        _ deliver: amqp_basic_deliver_t, channel: amqp_channel_t, _ connection: amqp_connection_state_t
    ) throws(AMQPError) {
        let exchange = deliver.exchange.string
        let routingKey = deliver.routing_key.string
        var message = amqp_message_t()
        try LibraryCall.check(
            amqp_read_message(connection, channel, &message, 0), "amqp_read_message",
            "reading a delivery on channel \(channel)")
        defer { amqp_destroy_message(&message) }

        guard let consumer = consumerByChannel[channel] else {
            logger.debug("a delivery arrived on a channel with no consumer", metadata: ["amqp.channel": "\(channel)"])
            return
        }
        consumer.ledger.delivered(deliver.delivery_tag)
        guard !consumer.cancelled, let handle = consumer.handle else {
            consumer.ledger.settle(deliver.delivery_tag, multiple: false)
            // Cancelled meanwhile: give it back to the queue rather than hold it unacknowledged.
            try LibraryCall.check(
                amqp_basic_reject(connection, channel, deliver.delivery_tag, 1), "amqp_basic_reject",
                "returning a delivery to queue '\(consumer.spec.queue)'")
            return
        }
        let delivery = AMQPDelivery(
            exchange: exchange, routingKey: routingKey, redelivered: deliver.redelivered != 0,
            deliveryTag: deliver.delivery_tag, body: message.body.array,
            properties: AMQPProperties(message.properties),
            settler: DeliverySettler(
                mailbox: mailbox, target: .consumer(consumer.spec.id), incarnation: consumer.incarnation,
                consumer: handle))
        pendingDeliveries[consumer.spec.id, default: []].append(delivery)
    }

    /// basic.return: reads the returned message and marks the publish it belongs to.
    private func returnMessage(
        _ returned: amqp_basic_return_t, channel: amqp_channel_t, _ connection: amqp_connection_state_t
    ) throws(AMQPError) {
        let replyCode = returned.reply_code
        let replyText = returned.reply_text.string
        let exchange = returned.exchange.string
        let routingKey = returned.routing_key.string
        var message = amqp_message_t()
        try LibraryCall.check(
            amqp_read_message(connection, channel, &message, 0), "amqp_read_message",
            "reading a returned message on channel \(channel)")
        defer { amqp_destroy_message(&message) }
        let properties = AMQPProperties(message.properties)
        let matched =
            publisherByChannel[channel]?.tracker.returned(
                exchange: exchange, routingKey: routingKey, messageID: properties.messageID,
                body: message.body.array, replyCode: replyCode, replyText: replyText) ?? false
        if !matched {
            logger.warning(
                "the broker returned a message that matches no unconfirmed publish",
                metadata: ["amqp.exchange": "\(exchange)", "amqp.routingKey": "\(routingKey)"])
        }
    }
}
