import Logging

/// W3C trace context (`traceparent: 00-<trace-id>-<span-id>-<flags>`), carried from an HTTP
/// request to the outbox row it writes, to the AMQP message the relay publishes, to the
/// consumer that handles it, so that one workflow shows under one trace id in every service.
public struct TraceContext: Sendable, Hashable, CustomStringConvertible {
    /// 32 lower-case hex digits.
    public let traceID: String
    /// 16 lower-case hex digits: this span.
    public let spanID: String
    /// 2 hex digits; `01` means sampled.
    public let flags: String

    /// The trace the current task works for, if any.
    @TaskLocal public static var current: TraceContext?

    /// Parses a `traceparent` header; nil for anything malformed (which starts a new trace).
    public init?(traceparent: String) {
        let parts = traceparent.lowercased().split(separator: "-")
        guard parts.count >= 4, parts[0].count == 2, parts[0] != "ff", parts[1].count == 32, parts[2].count == 16,
            parts[3].count == 2, parts.prefix(4).allSatisfy({ $0.allSatisfy(\.isHexDigit) }),
            parts[1] != String(repeating: "0", count: 32), parts[2] != String(repeating: "0", count: 16)
        else { return nil }
        traceID = String(parts[1])
        spanID = String(parts[2])
        flags = String(parts[3])
    }

    private init(traceID: String, spanID: String, flags: String) {
        self.traceID = traceID
        self.spanID = spanID
        self.flags = flags
    }

    /// A new trace.
    public static func newTrace() -> TraceContext {
        TraceContext(traceID: randomHex(bytes: 16), spanID: randomHex(bytes: 8), flags: "01")
    }

    /// A new span in the same trace.
    public func child() -> TraceContext {
        TraceContext(traceID: traceID, spanID: Self.randomHex(bytes: 8), flags: flags)
    }

    /// The `traceparent` header value.
    public var traceparent: String { "00-\(traceID)-\(spanID)-\(flags)" }

    public var description: String { traceparent }

    /// Adds `trace_id` to every log line written while a trace is current.
    public static let loggingMetadataProvider = Logger.MetadataProvider {
        guard let current = TraceContext.current else { return [:] }
        return ["trace_id": .string(current.traceID)]
    }

    private static func randomHex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        var text = ""
        for _ in 0..<bytes {
            let byte = UInt8.random(in: 0...255, using: &generator)
            text += String(byte >> 4, radix: 16) + String(byte & 0x0f, radix: 16)
        }
        return text
    }
}
