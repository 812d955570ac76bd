import Foundation

/// Reads settings from environment variables, once, at start. Every accessor either returns a
/// valid value or throws a ``ConfigurationError`` naming the variable and what it expects.
public struct EnvironmentReader: Sendable {
    public let values: [String: String]

    public init(_ values: [String: String] = ProcessInfo.processInfo.environment) {
        self.values = values
    }

    private func raw(_ name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    /// A required setting: the variable itself, or the contents of the file `<name>_FILE` names
    /// (so that a secret mounted as a file, as Kubernetes does, need not be in the environment).
    public func required(_ name: String, example: String) throws -> String {
        if let value = raw(name) { return value }
        if let path = raw("\(name)_FILE") {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw ConfigurationError(setting: "\(name)_FILE", problem: "the file \(path) cannot be read")
            }
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !value.isEmpty else { throw ConfigurationError(setting: "\(name)_FILE", problem: "the file \(path) is empty") }
            return value
        }
        throw ConfigurationError(
            setting: name, problem: "is not set; set it, e.g. \(name)=\(example), or \(name)_FILE to a file holding it")
    }

    /// A setting with a default.
    public func string(_ name: String, default defaultValue: String) -> String {
        raw(name) ?? defaultValue
    }

    /// An integer within `range`.
    public func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = raw(name) else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw ConfigurationError(
                setting: name, problem: "expected a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
        }
        return value
    }

    /// A duration such as `250ms`, `5s`, `2m`, `1h` or `7d`.
    public func duration(_ name: String, default defaultValue: Duration) throws -> Duration {
        guard let text = raw(name) else { return defaultValue }
        guard let value = Self.parseDuration(text) else {
            throw ConfigurationError(setting: name, problem: "expected a duration such as 250ms, 5s, 2m, 1h or 7d, got '\(text)'")
        }
        return value
    }

    /// A comma-separated list of durations, e.g. `1s,10s,60s`.
    public func durations(_ name: String, default defaultValue: [Duration]) throws -> [Duration] {
        guard let text = raw(name) else { return defaultValue }
        var result: [Duration] = []
        for part in text.split(separator: ",") {
            guard let value = Self.parseDuration(part.trimmingCharacters(in: .whitespaces)) else {
                throw ConfigurationError(
                    setting: name, problem: "expected durations separated by commas, such as 1s,10s,60s, got '\(text)'")
            }
            result.append(value)
        }
        return result
    }

    /// One of a fixed set of values.
    public func choice<Value: RawRepresentable & CaseIterable>(_ name: String, default defaultValue: Value) throws -> Value
    where Value.RawValue == String {
        guard let text = raw(name) else { return defaultValue }
        guard let value = Value(rawValue: text.lowercased()) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw ConfigurationError(setting: name, problem: "expected one of \(allowed), got '\(text)'")
        }
        return value
    }

    /// `250ms`, `5s`, `2m`, `1h` or `7d` as a duration; nil for anything else.
    public static func parseDuration(_ text: String) -> Duration? {
        let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400)]
        for unit in units where text.hasSuffix(unit.suffix) {
            guard let number = Double(text.dropLast(unit.suffix.count)), number >= 0, number.isFinite else { return nil }
            return .milliseconds(Int64((number * unit.seconds * 1000).rounded()))
        }
        return nil
    }
}
