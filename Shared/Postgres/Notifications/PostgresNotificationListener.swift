import CLibPQ
import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A notification sent with `NOTIFY channel, 'payload'` (or `pg_notify`).
public struct PostgresNotification: Sendable, Equatable {
    public var channel: String
    public var payload: String
    /// The backend process that sent it.
    public var senderProcessID: Int32
}

extension PostgresClient {
    /// Listens on the channels over a connection of its own (not one of the pool's) and returns
    /// the notifications as they arrive.
    ///
    /// Returns once `LISTEN` is in place, so a `NOTIFY` sent afterwards is seen. If the
    /// connection breaks, the listener reconnects with backoff and listens again; notifications
    /// sent while it was away are lost, so a consumer should also poll now and then. Stop by
    /// ending the iteration (dropping the stream).
    public func listen(to channels: [String]) async throws -> AsyncStream<PostgresNotification> {
        let (stream, continuation) = AsyncStream.makeStream(of: PostgresNotification.self, bufferingPolicy: .unbounded)
        let listener = try NotificationListener(configuration: configuration, channels: channels, logger: logger)
        try await listener.start(delivering: continuation)
        continuation.onTermination = { _ in listener.stop() }
        return stream
    }
}

/// The thread behind ``PostgresClient/listen(to:)``: waits on the connection's socket and a
/// wake-up pipe, hands notifications on, and reconnects when the connection breaks.
private final class NotificationListener: @unchecked Sendable {
    private let configuration: PostgresConfiguration
    private let channels: [String]
    private let logger: Logger
    private let stopped = Atomic<Bool>(false)
    // The pipe that wakes the thread to stop; written from any thread, read on the thread.
    private let wakeRead: Int32
    private let wakeWrite: Int32

    init(configuration: PostgresConfiguration, channels: [String], logger: Logger) throws {
        self.configuration = configuration
        self.channels = channels
        self.logger = logger
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else {
            throw PostgresError(code: .clientFailure, message: "pipe() failed: \(String(cString: strerror(errno)))")
        }
        wakeRead = descriptors[0]
        wakeWrite = descriptors[1]
        _ = fcntl(wakeRead, F_SETFL, O_NONBLOCK)
    }

    /// Starts the thread and returns once the first `LISTEN` succeeded (or throws its error).
    func start(delivering continuation: AsyncStream<PostgresNotification>.Continuation) async throws {
        try await withCheckedThrowingContinuation { (started: CheckedContinuation<Void, Error>) in
            let thread = Thread { [self] in run(continuation: continuation, started: started) }
            thread.name = "postgres listener"
            thread.start()
        }
    }

    func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    private func run(
        continuation: AsyncStream<PostgresNotification>.Continuation, started: CheckedContinuation<Void, Error>
    ) {
        var startedContinuation: CheckedContinuation<Void, Error>? = started
        var connection: OpaquePointer?
        var backoff = 0.1
        defer {
            if let connection { PQfinish(connection) }
            close(wakeRead)
            close(wakeWrite)
            continuation.finish()
        }
        while !stopped.load(ordering: .acquiring) {
            if connection == nil {
                do {
                    connection = try openAndListen()
                    if startedContinuation == nil {
                        logger.info("listening again after reconnecting", metadata: ["channels": "\(channels)"])
                    }
                    startedContinuation?.resume()
                    startedContinuation = nil
                    backoff = 0.1
                } catch {
                    if let first = startedContinuation {
                        first.resume(throwing: error)
                        return
                    }
                    logger.warning("cannot listen yet; retrying", metadata: ["error": "\(error)", "retry_in_s": "\(backoff)"])
                    waitForWake(timeoutMilliseconds: Int32(backoff * 1000))
                    backoff = min(backoff * 2, 5)
                    continue
                }
            }
            guard let current = connection else { continue }
            var descriptors = [
                pollfd(fd: PQsocket(current), events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&descriptors, 2, 1000)
            guard ready > 0, descriptors[0].revents != 0 else { continue }
            if PQconsumeInput(current) == 0 || PQstatus(current) != CONNECTION_OK {
                logger.warning("the listening connection broke; reconnecting")
                PQfinish(current)
                connection = nil
                continue
            }
            while let notification = PQnotifies(current) {
                continuation.yield(
                    PostgresNotification(
                        channel: String(cString: notification.pointee.relname),
                        payload: String(cString: notification.pointee.extra),
                        senderProcessID: notification.pointee.be_pid))
                PQfreemem(notification)
            }
        }
    }

    private func openAndListen() throws -> OpaquePointer {
        let connection = try LibPQConnection.openSession(configuration: configuration)
        for channel in channels {
            let sql = "LISTEN \"" + channel.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let result = PQexec(connection, sql)
            defer { PQclear(result) }
            guard let result, PQresultStatus(result) == PGRES_COMMAND_OK else {
                let message = LibPQConnection.errorMessage(connection)
                PQfinish(connection)
                throw PostgresError(code: .connectionFailure, message: "LISTEN failed: \(message)", query: sql)
            }
        }
        return connection
    }

    private func waitForWake(timeoutMilliseconds: Int32) {
        var descriptor = pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)
        _ = poll(&descriptor, 1, timeoutMilliseconds)
    }
}
