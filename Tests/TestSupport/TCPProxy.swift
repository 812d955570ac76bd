import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP forwarder on loopback between a client and a server (the broker, PostgreSQL), so that
/// a test can cut, freeze or refuse the client's connections without touching the server.
public final class TCPProxy: Sendable {
    private struct Link {
        let client: Int32
        let upstream: Int32
    }

    /// Serializes writes to clients, so that injected bytes never land inside a forwarded chunk.
    private let clientWrites = Mutex(())

    private struct State {
        var links: [Link] = []
        var frozen: Set<Int32> = []
        /// New connections are accepted and then frozen, as on a path that went dead.
        var freezingNew = false
        var listening = true
        var accepted = 0
    }

    /// The port the proxy listens on.
    public let port: Int
    private let listener: Int32
    private let targetPort: Int
    private let state = Mutex(State())

    public init(forwardingTo targetPort: Int) throws {
        self.targetPort = targetPort
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var reuse: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard ok, listen(fd, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// How many connections the proxy has accepted so far.
    public var acceptedCount: Int { state.withLock { $0.accepted } }

    /// Cuts every current connection, as a network failure would.
    public func dropAll() {
        let links = state.withLock { state in
            defer { state.links.removeAll() }
            return state.links
        }
        for link in links {
            shutdown(link.client, Int32(SHUT_RDWR))
            shutdown(link.upstream, Int32(SHUT_RDWR))
        }
    }

    /// Stops forwarding on the current connections while keeping them open: the peers hear
    /// nothing more, as with a dead host. New connections work.
    public func freezeAll() {
        state.withLock { state in
            for link in state.links {
                state.frozen.insert(link.client)
            }
        }
    }

    /// Freezes the current connections and every new one until ``thaw()``: connecting seems to
    /// work, and then nothing more is heard, as on a network path that silently drops packets.
    public func freezeEverything() {
        state.withLock { state in
            state.freezingNew = true
            for link in state.links {
                state.frozen.insert(link.client)
            }
        }
    }

    /// New connections are forwarded again; the frozen ones stay frozen until their peers
    /// give up on them.
    public func thaw() {
        state.withLock { $0.freezingNew = false }
    }

    /// Writes raw bytes to every client, as if the broker had sent them. Only safe while the
    /// broker sends nothing else (an idle connection without heartbeats), so that the bytes
    /// fall between two frames.
    public func injectToClients(_ bytes: [UInt8]) {
        let clients = state.withLock { $0.links.map(\.client) }
        clientWrites.withLock { _ in
            for client in clients {
                _ = bytes.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            }
        }
    }

    /// Refuses new connections from now on (they are closed at once).
    public func refuseNewConnections() {
        state.withLock { $0.listening = false }
    }

    /// Accepts and forwards new connections again.
    public func acceptNewConnections() {
        state.withLock { $0.listening = true }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { return }
            let listening = state.withLock { state in
                state.accepted += 1
                return state.listening
            }
            guard listening else {
                close(client)
                continue
            }
            let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = Self.loopback(port: targetPort)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            guard connected else {
                close(client)
                close(upstream)
                continue
            }
            state.withLock { state in
                state.links.append(Link(client: client, upstream: upstream))
                if state.freezingNew { state.frozen.insert(client) }
            }
            let key = client
            Thread { [self] in pump(from: client, to: upstream, key: key) }.start()
            Thread { [self] in pump(from: upstream, to: client, key: key, lock: true) }.start()
        }
    }

    private func pump(from source: Int32, to destination: Int32, key: Int32, lock: Bool = false) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            if state.withLock({ $0.frozen.contains(key) }) {
                // Frozen: read nothing, send nothing, until the connection is dropped.
                var probe = pollfd(fd: source, events: Int16(POLLIN), revents: 0)
                _ = poll(&probe, 1, 100)
                if probe.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { break }
                var byte: UInt8 = 0
                if probe.revents & Int16(POLLIN) != 0, recv(source, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) == 0 {
                    break
                }
                continue
            }
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            // Frozen while this read waited: the bytes are lost, as on the dead path.
            if state.withLock({ $0.frozen.contains(key) }) { continue }
            let sent =
                lock
                ? clientWrites.withLock { _ in writeAll(buffer, count, to: destination) }
                : writeAll(buffer, count, to: destination)
            if sent < count { break }
        }
        shutdown(source, Int32(SHUT_RDWR))
        shutdown(destination, Int32(SHUT_RDWR))
    }

    private func writeAll(_ buffer: [UInt8], _ count: Int, to destination: Int32) -> Int {
        var sent = 0
        while sent < count {
            let written = buffer.withUnsafeBytes { bytes in
                bytes.baseAddress.map { send(destination, $0 + sent, count - sent, Int32(MSG_NOSIGNAL)) } ?? -1
            }
            if written <= 0 { break }
            sent += written
        }
        return sent
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return address
    }
}
