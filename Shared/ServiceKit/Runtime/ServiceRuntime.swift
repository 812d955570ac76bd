import Foundation
import Logging

/// Runs a service as an executable: reads its settings, sets up logs and metrics, builds it
/// (``ServiceApplication``) and runs it until SIGTERM or SIGINT.
public enum ServiceRuntime {
    /// Exit codes: 0 after a graceful shutdown, 1 after a failure (cut off from a dependency,
    /// a failed or changed migration), 78 for a configuration error (EX_CONFIG).
    public enum ExitCode {
        public static let success: Int32 = 0
        public static let failure: Int32 = 1
        public static let configuration: Int32 = 78
    }

    /// Runs the service and returns the process's exit code.
    public static func run(_ definition: ServiceDefinition, environment: EnvironmentReader = EnvironmentReader()) async -> Int32 {
        let name = definition.identity.name
        let settings: ServiceSettings
        do {
            settings = try ServiceSettings(service: definition.identity, environment: environment)
        } catch {
            FileHandle.standardError.write(Data("\(name): \(error)\n".utf8))
            return ExitCode.configuration
        }
        ServiceLogHandler.bootstrap(service: name, instance: settings.instanceID, format: settings.logFormat, level: settings.logLevel)
        let logger = Logger(label: "p2g.\(name)")
        let metrics = ServiceMetrics.bootstrap(service: name)
        do {
            let application = try await ServiceApplication.build(definition, settings: settings, metrics: metrics, logger: logger)
            try await application.run()
            logger.info("stopped")
            return ExitCode.success
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("\(name): \(error)\n".utf8))
            return ExitCode.configuration
        } catch {
            logger.critical("stopping on an error", metadata: ["error": "\(error)"])
            return ExitCode.failure
        }
    }
}
