extension AMQPConfiguration {
    /// Reads `amqp://user:password@host:port/vhost` or `amqps://...`.
    ///
    /// User, password and vhost are percent-decoded (`%2f` is the vhost `/`, which is also
    /// what an absent or empty vhost means); the port defaults to 5672, or 5671 for `amqps`.
    /// These query parameters are understood: `heartbeat` (seconds), `connection_timeout`
    /// (milliseconds), `connection_name`, `cacertfile` and `verify` (`verify_peer` or
    /// `verify_none`). A malformed URL throws an ``AMQPError`` of kind `.invalidURL` naming the
    /// part at fault, without the password.
    public init(url: String) throws(AMQPError) {
        var rest = Substring(url)

        guard let schemeEnd = rest.range(of: "://") else {
            throw Self.urlError("it has no scheme: it must start with amqp:// or amqps://")
        }
        let scheme = rest[..<schemeEnd.lowerBound].lowercased()
        let useTLS: Bool
        switch scheme {
        case "amqp": useTLS = false
        case "amqps": useTLS = true
        default: throw Self.urlError("the scheme '\(scheme)' is not amqp or amqps")
        }
        rest = rest[schemeEnd.upperBound...]

        var query: Substring = ""
        if let question = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: question)...]
            rest = rest[..<question]
        }
        if let hash = rest.firstIndex(of: "#") {
            rest = rest[..<hash]
        }

        var path: Substring? = nil
        if let slash = rest.firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }

        var user = "guest"
        var password = "guest"
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                user = try Self.percentDecode(userInfo[..<colon], part: "user name")
                password = try Self.percentDecode(userInfo[userInfo.index(after: colon)...], part: "password")
            } else {
                user = try Self.percentDecode(userInfo, part: "user name")
                password = ""
            }
        }

        var host: String
        var portText: Substring? = nil
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else {
                throw Self.urlError("the IPv6 host '\(rest)' lacks its closing ']'")
            }
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") {
                portText = after.dropFirst()
            } else if !after.isEmpty {
                throw Self.urlError("unexpected '\(after)' after the host [\(host)]")
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = String(rest[..<colon])
            portText = rest[rest.index(after: colon)...]
        } else {
            host = String(rest)
        }
        host = try Self.percentDecode(Substring(host), part: "host")
        if host.isEmpty {
            host = "localhost"
        }

        var port = useTLS ? 5671 : 5672
        if let portText {
            guard let value = Int(portText), (1...65535).contains(value) else {
                throw Self.urlError("the port '\(portText)' is not a number from 1 to 65535")
            }
            port = value
        }

        var vhost = "/"
        if let path, !path.isEmpty {
            if path.contains("/") {
                throw Self.urlError(
                    "the vhost '\(path)' contains '/': percent-encode it (a vhost named '/' is written %2f)")
            }
            vhost = try Self.percentDecode(path, part: "vhost")
        }

        self.init(host: host, port: port, user: user, password: password, vhost: vhost, useTLS: useTLS)
        if !query.isEmpty {
            try applyQuery(query)
        }
    }

    private mutating func applyQuery(_ query: Substring) throws(AMQPError) {
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let name: Substring
            let rawValue: Substring
            if let equals = pair.firstIndex(of: "=") {
                name = pair[..<equals]
                rawValue = pair[pair.index(after: equals)...]
            } else {
                name = pair
                rawValue = ""
            }
            let value = try Self.percentDecode(rawValue, part: "query parameter \(name)")
            switch name {
            case "heartbeat":
                guard let seconds = Int(value), seconds >= 0 else {
                    throw Self.urlError("the query parameter heartbeat='\(value)' is not a number of seconds")
                }
                heartbeat = .seconds(seconds)
            case "connection_timeout":
                guard let milliseconds = Int(value), milliseconds > 0 else {
                    throw Self.urlError(
                        "the query parameter connection_timeout='\(value)' is not a number of milliseconds")
                }
                connectTimeout = .milliseconds(milliseconds)
            case "connection_name":
                connectionName = value
            case "cacertfile":
                tls.caFile = value
            case "verify":
                switch value {
                case "verify_peer":
                    tls.verifyPeer = true
                    tls.verifyHostname = true
                case "verify_none":
                    tls.verifyPeer = false
                    tls.verifyHostname = false
                default:
                    throw Self.urlError("the query parameter verify='\(value)' is not verify_peer or verify_none")
                }
            default:
                throw Self.urlError(
                    "the query parameter '\(name)' is not one of heartbeat, connection_timeout, connection_name, cacertfile, verify"
                )
            }
        }
    }

    private static func urlError(_ problem: String) -> AMQPError {
        AMQPError(.invalidURL, "invalid AMQP URL: \(problem) (expected amqp://user:password@host:port/vhost)")
    }

    private static func percentDecode(_ text: Substring, part: String) throws(AMQPError) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var index = text.utf8.startIndex
        let end = text.utf8.endIndex
        while index < end {
            let byte = text.utf8[index]
            if byte == UInt8(ascii: "%") {
                let first = text.utf8.index(after: index)
                guard first < end, text.utf8.index(after: first) < end,
                    let high = hexValue(text.utf8[first]),
                    let low = hexValue(text.utf8[text.utf8.index(after: first)])
                else {
                    // The password is never echoed, even when it is the malformed part.
                    let shown = part == "password" ? "" : " '\(text)'"
                    throw urlError("the \(part)\(shown) has a '%' that is not followed by two hex digits")
                }
                bytes.append(high << 4 | low)
                index = text.utf8.index(index, offsetBy: 3)
            } else {
                bytes.append(byte)
                index = text.utf8.index(after: index)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw urlError("the \(part) does not decode to UTF-8 text")
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
