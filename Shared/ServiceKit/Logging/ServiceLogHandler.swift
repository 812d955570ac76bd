import Foundation
import Logging

/// Writes one log event per line to standard output, as text or JSON, with the service's name
/// and instance on every line. Callers keep personal data (emails, phone numbers) out of
/// messages and metadata.
public struct ServiceLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    let label: String
    let format: LogFormat
    let service: String

    /// Installs the handler for the whole process; call once, first thing.
    public static func bootstrap(service: String, instance: String, format: LogFormat, level: Logger.Level) {
        LoggingSystem.bootstrap(
            { label, provider in
                var handler = ServiceLogHandler(logLevel: level, metadataProvider: provider, label: label, format: format, service: service)
                handler.metadata["instance"] = .string(instance)
                return handler
            }, metadataProvider: TraceContext.loggingMetadataProvider)
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let timestamp = Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
        var line: String
        switch format {
        case .text:
            line = "\(timestamp) \(event.level) \(service): \(event.message)"
            for key in merged.keys.sorted() { line += " \(key)=\(merged[key].map { "\($0)" } ?? "")" }
        case .json:
            var object: [String: Any] = [
                "time": timestamp, "level": "\(event.level)", "service": service, "logger": label, "message": "\(event.message)",
            ]
            for (key, value) in merged { object[key] = Self.jsonValue(value) }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            line = String(decoding: data, as: UTF8.self)
        }
        line += "\n"
        FileHandle.standardOutput.write(Data(line.utf8))
    }

    private static func jsonValue(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let string): string
        case .stringConvertible(let convertible): "\(convertible)"
        case .array(let array): array.map(jsonValue)
        case .dictionary(let dictionary): dictionary.mapValues(jsonValue)
        }
    }
}
