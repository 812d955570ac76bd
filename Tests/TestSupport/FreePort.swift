import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// TCP ports for the services' HTTP servers: free on loopback now, from 20000 to 29999 (away
/// from the services' defaults, 8081 to 8084, and from the ephemeral range).
public enum FreePort {
    public struct NoneFree: Error, CustomStringConvertible {
        public var description: String { "no free TCP port between 20000 and 29999 on 127.0.0.1" }
    }

    public static func next() throws -> Int {
        for _ in 0..<200 {
            let port = Int.random(in: 20000...29999)
            if isFree(port) { return port }
        }
        throw NoneFree()
    }

    private static func isFree(_ port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return bound == 0
    }
}
