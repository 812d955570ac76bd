/// A setting that is missing or malformed. The service stops at start with this one line.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The environment variable, e.g. `P2G_HTTP_PORT`.
    public var setting: String
    /// What is wrong and what is expected.
    public var problem: String

    public init(setting: String, problem: String) {
        self.setting = setting
        self.problem = problem
    }

    public var description: String { "configuration error: \(setting): \(problem)" }
}
