import CRabbitMQ
import Logging

extension ConnectionLoop {
    /// Runs a synchronous request on the management channel (opened when needed); a failure
    /// is recovered from and returned.
    private func onManagementChannel<Value>(
        _ body: (amqp_connection_state_t, amqp_channel_t) throws(AMQPError) -> Value
    ) -> Result<Value, AMQPError> {
        guard let connection else { return .failure(notConnectedError()) }
        defer { arena.recycle() }
        return Result { () throws(AMQPError) in
            let channel: amqp_channel_t
            if let open = managementChannel {
                channel = open
            } else {
                channel = try recovering(channel: nil) { () throws(AMQPError) in try openChannel() }
                managementChannel = channel
            }
            return try recovering(channel: channel) { () throws(AMQPError) in try body(connection, channel) }
        }
    }

    func declare(_ exchange: AMQPExchange) -> Result<Void, AMQPError> {
        let result = onManagementChannel { connection, channel throws(AMQPError) in
            try declareExchange(exchange, connection, channel)
        }
        if case .success = result {
            topology.record(.exchange(exchange))
        }
        return result
    }

    func declare(_ queue: AMQPQueue) -> Result<AMQPQueueStatus, AMQPError> {
        let result = onManagementChannel { connection, channel throws(AMQPError) in
            try declareQueue(queue, passive: false, connection, channel)
        }
        if case .success = result {
            topology.record(.queue(queue))
        }
        return result
    }

    func bind(_ binding: AMQPBinding) -> Result<Void, AMQPError> {
        let result = onManagementChannel { connection, channel throws(AMQPError) in
            try bindQueue(binding, connection, channel)
        }
        if case .success = result {
            topology.record(.binding(binding))
        }
        return result
    }

    func unbind(_ binding: AMQPBinding) -> Result<Void, AMQPError> {
        let result = onManagementChannel { connection, channel throws(AMQPError) in
            let queue = try arena.shortString(binding.queue, "the queue name")
            let exchange = try arena.shortString(binding.exchange, "the exchange name")
            let key = try arena.shortString(binding.routingKey, "the routing key")
            _ = amqp_queue_unbind(connection, channel, queue, exchange, key, try arena.table(binding.arguments))
            try LibraryCall.check(
                amqp_get_rpc_reply(connection), "amqp_queue_unbind",
                "unbinding queue '\(binding.queue)' from exchange '\(binding.exchange)'")
        }
        if case .success = result {
            topology.forgetBinding(binding)
        }
        return result
    }

    func queueStatus(_ name: String) -> Result<AMQPQueueStatus, AMQPError> {
        onManagementChannel { connection, channel throws(AMQPError) in
            try declareQueue(AMQPQueue(name: name), passive: true, connection, channel)
        }
    }

    func purge(_ name: String) -> Result<UInt32, AMQPError> {
        onManagementChannel { connection, channel throws(AMQPError) in
            let queue = try arena.shortString(name, "the queue name")
            let ok = amqp_queue_purge(connection, channel, queue)
            try LibraryCall.check(amqp_get_rpc_reply(connection), "amqp_queue_purge", "purging queue '\(name)'")
            return ok?.pointee.message_count ?? 0
        }
    }

    func deleteQueue(_ name: String) -> Result<UInt32, AMQPError> {
        let result = onManagementChannel { connection, channel throws(AMQPError) in
            let queue = try arena.shortString(name, "the queue name")
            let ok = amqp_queue_delete(connection, channel, queue, 0, 0)
            try LibraryCall.check(amqp_get_rpc_reply(connection), "amqp_queue_delete", "deleting queue '\(name)'")
            return ok?.pointee.message_count ?? 0
        }
        if case .success = result {
            topology.forgetQueue(name)
        }
        return result
    }

    func deleteExchange(_ name: String) -> Result<Void, AMQPError> {
        let result = onManagementChannel { connection, channel throws(AMQPError) in
            let exchange = try arena.shortString(name, "the exchange name")
            _ = amqp_exchange_delete(connection, channel, exchange, 0)
            try LibraryCall.check(
                amqp_get_rpc_reply(connection), "amqp_exchange_delete", "deleting exchange '\(name)'")
        }
        if case .success = result {
            topology.forgetExchange(name)
        }
        return result
    }

    /// basic.get on a channel kept for it, so that a failed passive declaration on the
    /// management channel does not make the messages taken stale.
    func get(_ name: String) -> Result<AMQPDelivery?, AMQPError> {
        guard let connection else { return .failure(notConnectedError()) }
        defer { arena.recycle() }
        return Result { () throws(AMQPError) -> AMQPDelivery? in
            let channel: amqp_channel_t
            if let open = getterChannel {
                channel = open
            } else {
                channel = try recovering(channel: nil) { () throws(AMQPError) in try openChannel() }
                getterChannel = channel
                getterIncarnation = lastIncarnation
            }
            return try recovering(channel: channel) { () throws(AMQPError) -> AMQPDelivery? in
                let queue = try arena.shortString(name, "the queue name")
                let reply = amqp_basic_get(connection, channel, queue, 0)
                try LibraryCall.check(reply, "amqp_basic_get", "getting a message from queue '\(name)'")
                guard reply.reply.id == AMQP_BASIC_GET_OK_METHOD,
                    let ok = reply.reply.decoded?.assumingMemoryBound(to: amqp_basic_get_ok_t.self).pointee
                else {
                    return nil
                }
                let exchange = ok.exchange.string
                let routingKey = ok.routing_key.string
                var message = amqp_message_t()
                try LibraryCall.check(
                    amqp_read_message(connection, channel, &message, 0), "amqp_read_message",
                    "reading the message got from queue '\(name)'")
                defer { amqp_destroy_message(&message) }
                return AMQPDelivery(
                    exchange: exchange, routingKey: routingKey, redelivered: ok.redelivered != 0,
                    deliveryTag: ok.delivery_tag, body: message.body.array,
                    properties: AMQPProperties(message.properties),
                    settler: DeliverySettler(
                        mailbox: mailbox, target: .getter, incarnation: getterIncarnation, consumer: nil))
            }
        }
    }

    /// Declares again everything recorded, in order; a declaration that fails is logged and
    /// skipped, the others go on.
    func redeclareTopology() {
        for declaration in topology.declarations {
            guard isConnected else { return }
            let result: Result<Void, AMQPError>
            switch declaration {
            case .exchange(let exchange):
                result = onManagementChannel { connection, channel throws(AMQPError) in
                    try declareExchange(exchange, connection, channel)
                }
            case .queue(let queue):
                result = onManagementChannel { connection, channel throws(AMQPError) in
                    _ = try declareQueue(queue, passive: false, connection, channel)
                }
            case .binding(let binding):
                result = onManagementChannel { connection, channel throws(AMQPError) in
                    try bindQueue(binding, connection, channel)
                }
            }
            if case .failure(let error) = result, isConnected {
                logger.error("could not declare again after reconnecting", metadata: ["error": "\(error)"])
            }
        }
    }

    private func declareExchange(
        _ exchange: AMQPExchange, _ connection: amqp_connection_state_t, _ channel: amqp_channel_t
    ) throws(AMQPError) {
        let name = try arena.shortString(exchange.name, "the exchange name")
        let kind = try arena.shortString(exchange.kind.rawValue, "the exchange type")
        _ = amqp_exchange_declare(
            connection, channel, name, kind, 0, exchange.durable ? 1 : 0, exchange.autoDelete ? 1 : 0,
            exchange.internal ? 1 : 0, try arena.table(exchange.arguments))
        try LibraryCall.check(
            amqp_get_rpc_reply(connection), "amqp_exchange_declare", "declaring exchange '\(exchange.name)'")
    }

    private func declareQueue(
        _ queue: AMQPQueue, passive: Bool, _ connection: amqp_connection_state_t, _ channel: amqp_channel_t
    ) throws(AMQPError) -> AMQPQueueStatus {
        let name = try arena.shortString(queue.name, "the queue name")
        let ok = amqp_queue_declare(
            connection, channel, name, passive ? 1 : 0, queue.durable ? 1 : 0, queue.exclusive ? 1 : 0,
            queue.autoDelete ? 1 : 0, try arena.table(queue.arguments))
        try LibraryCall.check(
            amqp_get_rpc_reply(connection), "amqp_queue_declare",
            passive ? "looking up queue '\(queue.name)'" : "declaring queue '\(queue.name)'")
        let declared = try LibraryCall.check(ok, "amqp_queue_declare", "declaring queue '\(queue.name)'").pointee
        return AMQPQueueStatus(
            name: declared.queue.string, messageCount: declared.message_count, consumerCount: declared.consumer_count)
    }

    private func bindQueue(_ binding: AMQPBinding, _ connection: amqp_connection_state_t, _ channel: amqp_channel_t)
        throws(AMQPError)
    {
        let queue = try arena.shortString(binding.queue, "the queue name")
        let exchange = try arena.shortString(binding.exchange, "the exchange name")
        let key = try arena.shortString(binding.routingKey, "the routing key")
        _ = amqp_queue_bind(connection, channel, queue, exchange, key, try arena.table(binding.arguments))
        try LibraryCall.check(
            amqp_get_rpc_reply(connection), "amqp_queue_bind",
            "binding queue '\(binding.queue)' to exchange '\(binding.exchange)' with '\(binding.routingKey)'")
    }
}
