import CRabbitMQ
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

extension ConnectionLoop {
    /// The first connection: succeeds, or ends the loop with one clear error.
    func start(_ reply: Reply<Void>) {
        guard case .starting = phase else {
            reply.resume(returning: .success(()))
            return
        }
        do throws(AMQPError) {
            try openSession()
        } catch {
            logger.error(
                "could not connect to the AMQP broker",
                metadata: ["amqp.url": "\(configuration.redactedURL)", "error": "\(error)"])
            finish(.failed(error), error: error)
            reply.resume(returning: .failure(error))
            return
        }
        let now = Date()
        phase = .connected(since: now)
        mailbox.setConnectionState(.connected(since: now))
        logger.info("connected to the AMQP broker", metadata: ["amqp.url": "\(configuration.redactedURL)"])
        reply.resume(returning: .success(()))
    }

    /// Opens the socket, speaks TLS if asked, logs in; on success `connection` is set.
    func openSession() throws(AMQPError) {
        let state = try LibraryCall.check(
            amqp_new_connection(), "amqp_new_connection", "connecting to \(configuration.endpoint)")
        do throws(AMQPError) {
            try logIn(state)
        } catch {
            destroy(state)
            throw error
        }
        connection = state
        let negotiated = amqp_get_channel_max(state)
        channelMax = negotiated > 0 ? amqp_channel_t(clamping: negotiated) : 2047
        nextChannel = 1
        freeChannels.removeAll()
    }

    private func logIn(_ state: amqp_connection_state_t) throws(AMQPError) {
        let endpoint = configuration.endpoint
        let socket: OpaquePointer
        if configuration.useTLS {
            socket = try LibraryCall.check(
                amqp_ssl_socket_new(state), "amqp_ssl_socket_new", "setting up TLS for \(endpoint)")
            if let caFile = configuration.tls.caFile {
                do throws(AMQPError) {
                    try LibraryCall.check(
                        amqp_ssl_socket_set_cacert(socket, caFile), "amqp_ssl_socket_set_cacert",
                        "loading the CA file '\(caFile)'")
                } catch {
                    throw error.with(
                        code: .tls,
                        message:
                            "cannot load the CA file '\(caFile)' for TLS to \(endpoint): check that it exists and holds PEM certificates"
                    )
                }
            }
            amqp_ssl_socket_set_verify_peer(socket, configuration.tls.verifyPeer ? 1 : 0)
            amqp_ssl_socket_set_verify_hostname(socket, configuration.tls.verifyHostname ? 1 : 0)
        } else {
            socket = try LibraryCall.check(
                amqp_tcp_socket_new(state), "amqp_tcp_socket_new", "setting up the socket for \(endpoint)")
        }

        var connectTimeout = Self.timeValue(configuration.connectTimeout)
        do throws(AMQPError) {
            try LibraryCall.check(
                amqp_socket_open_noblock(socket, configuration.host, Int32(configuration.port), &connectTimeout),
                "amqp_socket_open_noblock", "connecting to \(endpoint)")
        } catch {
            throw openError(error)
        }

        try LibraryCall.check(
            amqp_set_handshake_timeout(state, &connectTimeout), "amqp_set_handshake_timeout", "connecting to \(endpoint)")
        var requestTimeout = Self.timeValue(configuration.requestTimeout)
        try LibraryCall.check(
            amqp_set_rpc_timeout(state, &requestTimeout), "amqp_set_rpc_timeout", "connecting to \(endpoint)")

        defer { arena.recycle() }
        var clientProperties: AMQPTable = [
            "product": .string("p2g AMQP (librabbitmq \(String(cString: amqp_version())))"),
            "platform": "Swift",
            "capabilities": [
                "publisher_confirms": true,
                "consumer_cancel_notify": true,
                "connection.blocked": true,
                "basic.nack": true,
                "authentication_failure_close": true,
                "exchange_exchange_bindings": true,
                "per_consumer_qos": true,
            ],
        ]
        if let name = configuration.connectionName {
            clientProperties["connection_name"] = .string(name)
        }
        var properties = try arena.table(clientProperties)
        let heartbeat = configuration.heartbeat
        let heartbeatSeconds =
            heartbeat <= .zero ? 0 : Int32(clamping: max(1, heartbeat.components.seconds))
        let reply = p2g_amqp_login_plain(
            state, configuration.vhost, 0, Int32(AMQP_DEFAULT_FRAME_SIZE), heartbeatSeconds, &properties,
            configuration.user, configuration.password)
        do throws(AMQPError) {
            try LibraryCall.check(reply, "amqp_login_with_properties", "logging in to \(endpoint)")
        } catch {
            throw loginError(error)
        }
    }

    /// Says what failed when the socket would not open, and what to check.
    private func openError(_ error: AMQPError) -> AMQPError {
        let endpoint = configuration.endpoint
        let status = error.status ?? 0
        switch status {
        case AMQP_STATUS_HOSTNAME_RESOLUTION_FAILED.rawValue:
            return error.with(
                code: .unreachable,
                message: "cannot resolve the AMQP broker's host '\(configuration.host)': check the host in the AMQP URL")
        case AMQP_STATUS_TIMEOUT.rawValue:
            return error.with(
                code: .unreachable,
                message:
                    "no answer from the AMQP broker at \(endpoint) within \(configuration.connectTimeout): check the host and port, and that a firewall lets them through"
            )
        case AMQP_STATUS_SSL_PEER_VERIFY_FAILED.rawValue:
            return error.with(
                code: .tls,
                message:
                    "TLS to \(endpoint) failed: the broker's certificate is not signed by \(trustedAuthorities()): set the CA file (cacertfile= in the URL, or tls.caFile)"
            )
        case AMQP_STATUS_SSL_HOSTNAME_VERIFY_FAILED.rawValue:
            return error.with(
                code: .tls,
                message:
                    "TLS to \(endpoint) failed: the broker's certificate does not name the host '\(configuration.host)': connect with a name the certificate carries"
            )
        case AMQP_STATUS_SSL_CONNECTION_FAILED.rawValue, AMQP_STATUS_SSL_ERROR.rawValue:
            return error.with(
                code: .tls,
                message:
                    "TLS handshake with \(endpoint) failed: check that this port speaks TLS (amqps, usually 5671) and that \(trustedAuthorities()) signed the broker's certificate"
            )
        default:
            let reason =
                SocketProbe.connectFailure(
                    host: configuration.host, port: configuration.port, timeout: configuration.connectTimeout
                ).map { String(cString: strerror($0)).lowercased() } ?? "the connection failed"

            return error.with(
                code: .unreachable,
                message:
                    "cannot reach the AMQP broker at \(endpoint): \(reason): check that RabbitMQ runs there and that the host and port in the AMQP URL are right"
            )
        }
    }

    private func trustedAuthorities() -> String {
        configuration.tls.caFile.map { "the CA in '\($0)'" } ?? "a system-trusted CA"
    }

    /// Says what failed at login, and what to fix.
    private func loginError(_ error: AMQPError) -> AMQPError {
        let endpoint = configuration.endpoint
        let user = configuration.user
        let vhost = configuration.vhost
        let brokerText = error.message
        switch (error.code, error.replyCode) {
        case (_, 403?) where brokerText.contains("ACCESS_REFUSED - Login was refused"):
            return error.with(
                code: .authenticationFailed,
                message:
                    "authentication failed for user '\(user)' on vhost '\(vhost)' at \(endpoint): check the user name and password in the AMQP URL"
            )
        case (_, 530?) where brokerText.contains("not found"):
            return error.with(
                code: .vhostNotFound,
                message:
                    "the vhost '\(vhost)' does not exist at \(endpoint): create it (rabbitmqctl add_vhost \(vhost)) or fix the vhost in the AMQP URL"
            )
        case (_, 530?), (_, 403?):
            return error.with(
                code: .accessRefused,
                message:
                    "user '\(user)' may not use vhost '\(vhost)' at \(endpoint): grant it (rabbitmqctl set_permissions -p \(vhost) \(user) '.*' '.*' '.*') or use another vhost"
            )
        case (.connectionLost, nil):
            return error.with(
                code: .connectionLost,
                message:
                    "the server at \(endpoint) closed the connection before the AMQP handshake completed (\(brokerText)): check that this is RabbitMQ's AMQP port (5672, or 5671 for amqps)"
            )
        case (.protocolError, _):
            return error.with(
                code: .protocolError,
                message: "the server at \(endpoint) does not speak AMQP 0-9-1 (\(brokerText)): check the port in the AMQP URL")
        default:
            return error
        }
    }

    /// The connection is gone: tear it down and start reconnecting.
    func connectionLost(_ error: AMQPError) {
        guard let state = connection else { return }
        pendingDeliveries.removeAll()
        if error.replyCode != nil {
            // The broker sent connection.close: answer it before hanging up.
            var closeOK = amqp_connection_close_ok_t(dummy: 0)
            do throws(AMQPError) {
                try LibraryCall.check(
                    amqp_send_method(state, 0, AMQP_CONNECTION_CLOSE_OK_METHOD, &closeOK), "amqp_send_method",
                    "answering the broker's connection.close")
            } catch {
                logger.debug("could not answer the broker's connection.close", metadata: ["error": "\(error)"])
            }
        }
        destroy(state)
        connection = nil
        forgetChannels(reason: .connectionLost(error.message))
        if blocked {
            blocked = false
            blockedSince = nil
            mailbox.setBlocked(false)
        }
        guard !isFinished else { return }
        let now = Date()
        let delay = backoff.delay(beforeAttempt: 0)
        phase = .reconnecting(since: now, attempts: 0, lastError: error, nextAttempt: clock.now + delay)
        mailbox.setConnectionState(.reconnecting(since: now, attempts: 0, lastError: error))
        logger.warning("lost the connection to the AMQP broker; reconnecting", metadata: ["error": "\(error)"])
    }

    /// Every channel died with the connection: publishers fail what was unconfirmed,
    /// consumers' deliveries in hand become stale.
    func forgetChannels(reason: AMQPPublishError.Reason) {
        managementChannel = nil
        getterChannel = nil
        for publisher in publishers.values {
            publisher.channel = nil
            publisher.tracker.reset(failingPendingWith: reason)
        }
        publisherByChannel.removeAll()
        for consumer in consumers.values {
            consumer.channel = nil
            consumer.handle?.liveIncarnation.store(0, ordering: .releasing)
        }
        consumerByChannel.removeAll()
        nextChannel = 1
        freeChannels.removeAll()
    }

    /// Tries to reconnect when the backoff has passed; gives up past the cut-off.
    func reconnectIfDue() {
        guard case .reconnecting(let since, let attempts, let lastError, let nextAttempt) = phase else { return }
        if let giveUpAfter = configuration.reconnect.giveUpAfter,
            Date().timeIntervalSince(since) >= Self.seconds(giveUpAfter)
        {
            let error = AMQPError(
                .cutOff,
                "gave up on the AMQP broker at \(configuration.endpoint) after \(attempts) reconnection attempts in \(giveUpAfter) (last: \(lastError.message))",
                scope: .connection)
            logger.error("giving up reconnecting to the AMQP broker", metadata: ["error": "\(error)"])
            finish(.failed(error), error: error)
            return
        }
        guard clock.now >= nextAttempt else { return }
        do throws(AMQPError) {
            try openSession()
        } catch {
            let delay = backoff.delay(beforeAttempt: attempts + 1)
            phase = .reconnecting(
                since: since, attempts: attempts + 1, lastError: error, nextAttempt: clock.now + delay)
            mailbox.setConnectionState(.reconnecting(since: since, attempts: attempts + 1, lastError: error))
            logger.warning(
                "reconnection attempt \(attempts + 1) failed; next in \(Int(Self.seconds(delay) * 1000)) ms",
                metadata: ["error": "\(error)"])
            return
        }
        let now = Date()
        phase = .connected(since: now)
        mailbox.setConnectionState(.connected(since: now))
        logger.info(
            "reconnected to the AMQP broker",
            metadata: [
                "attempts": "\(attempts + 1)",
                "cutOffSeconds": "\(String(format: "%.1f", now.timeIntervalSince(since)))",
            ])
        restore()
        if isConnected {
            replayParked()
        }
    }

    /// After a reconnect: declares the topology again and resubscribes the consumers.
    func restore() {
        redeclareTopology()
        for consumer in consumers.values.sorted(by: { $0.spec.id < $1.spec.id }) where !consumer.cancelled {
            guard isConnected else { return }
            do throws(AMQPError) {
                try subscribe(consumer)
            } catch {
                guard isConnected else { return }
                logger.error(
                    "could not resume a consumer after reconnecting; its sequence ends",
                    metadata: ["amqp.queue": "\(consumer.spec.queue)", "error": "\(error)"])
                endConsumer(consumer, error)
            }
        }
    }

    /// Stops the loop for good: consumers end, unconfirmed publishes and waiting requests
    /// fail, the connection is closed.
    func finish(_ finalState: AMQPConnectionState, error: AMQPError) {
        guard !isFinished else { return }
        let failure: AMQPError?
        if case .failed = finalState { failure = error } else { failure = nil }
        for consumer in consumers.values {
            consumer.handle?.liveIncarnation.store(0, ordering: .releasing)
            consumer.buffer.finish(failure)
        }
        consumers.removeAll()
        consumerByChannel.removeAll()
        for publisher in publishers.values {
            publisher.tracker.failAll(.connectionClosed(error.message))
        }
        publishers.removeAll()
        publisherByChannel.removeAll()
        let waiting = parked
        parked.removeAll()
        for request in waiting {
            request.fail(error)
        }
        if let state = connection {
            // A broker that stopped answering should not hold up the close for long.
            var closeTimeout = Self.timeValue(min(configuration.requestTimeout, .seconds(5)))
            do throws(AMQPError) {
                try LibraryCall.check(
                    amqp_set_rpc_timeout(state, &closeTimeout), "amqp_set_rpc_timeout", "closing the connection")
                try LibraryCall.check(
                    amqp_connection_close(state, AMQP_REPLY_SUCCESS), "amqp_connection_close",
                    "closing the connection to \(configuration.endpoint)")
            } catch {
                logger.debug("the connection did not close cleanly", metadata: ["error": "\(error)"])
            }
            destroy(state)
            connection = nil
        }
        phase = .finished
        if case .closed = finalState {
            logger.info("closed the connection to the AMQP broker")
        }
        for request in mailbox.finish(finalState, error: error) {
            request.fail(error)
        }
    }

    func destroy(_ state: amqp_connection_state_t) {
        do throws(AMQPError) {
            try LibraryCall.check(
                amqp_destroy_connection(state), "amqp_destroy_connection", "releasing the connection's resources")
        } catch {
            logger.debug("librabbitmq reported an error while releasing a connection", metadata: ["error": "\(error)"])
        }
    }

    static func timeValue(_ duration: Duration) -> timeval {
        let (seconds, attoseconds) = duration.components
        return Glibc.timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
