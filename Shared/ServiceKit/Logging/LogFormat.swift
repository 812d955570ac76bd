import Logging

/// How log lines look: one event per line either way.
public enum LogFormat: String, Sendable, CaseIterable {
    /// `2024-05-23T10:00:00.000Z info registry: message key=value`
    case text
    /// One JSON object per line, for log collectors.
    case json
}
