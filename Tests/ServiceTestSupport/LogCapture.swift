import Logging
import Synchronization

/// Keeps every line a service logs, for tests of what its logs say (and what they must not).
public final class LogCapture: Sendable {
    /// One logged event, with its metadata as text.
    public struct Line: Sendable {
        public var level: Logger.Level
        public var message: String
        public var metadata: [String: String]

        /// The whole line as a log handler would write it: message and every metadata value.
        public var text: String {
            ([message] + metadata.keys.sorted().map { "\($0)=\(metadata[$0] ?? "")" }).joined(separator: " ")
        }
    }

    private let storage = Mutex<[Line]>([])

    public init() {}

    /// Every line so far, in order.
    public var lines: [Line] { storage.withLock { $0 } }

    /// A logger that writes here, at `level` and above.
    public func logger(label: String, level: Logger.Level) -> Logger {
        var logger = Logger(label: label) { _ in Handler(capture: self) }
        logger.logLevel = level
        return logger
    }

    fileprivate func append(_ line: Line) { storage.withLock { $0.append(line) } }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var logLevel: Logger.Level = .trace
        var metadata: Logger.Metadata = [:]

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            var merged = metadata
            if let extra = event.metadata { merged.merge(extra) { _, new in new } }
            capture.append(Line(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
        }
    }
}
