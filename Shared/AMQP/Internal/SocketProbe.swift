#if canImport(Glibc)
    import Glibc
#endif

/// Finds out why a TCP connection fails. librabbitmq reports only "a socket error" when the
/// socket would not open; this tries once more with plain sockets to learn the system's
/// reason (connection refused, host unreachable...), so that the error can name it.
enum SocketProbe {
    /// The `errno` of a fresh connection attempt to the host and port, or nil if it worked
    /// this time (or the host did not resolve).
    static func connectFailure(host: String, port: Int, timeout: Duration) -> Int32? {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return nil }
        defer { freeaddrinfo(list) }

        var sendTimeout = timeval(
            tv_sec: Int(timeout.components.seconds),
            tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000))
        var failure: Int32?
        var next: UnsafeMutablePointer<addrinfo>? = first
        while let address = next {
            next = address.pointee.ai_next
            let fd = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            guard fd >= 0 else {
                failure = errno
                continue
            }
            // A blocking connect gives up after SO_SNDTIMEO on Linux.
            _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &sendTimeout, socklen_t(MemoryLayout<timeval>.size))
            let connected = connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0
            let reason = errno
            close(fd)
            if connected { return nil }
            failure = reason
        }
        return failure
    }
}
