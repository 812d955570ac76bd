import AMQP
import Contracts
import Foundation

/// Where the services and the broker are, from the same environment the services read.
///
/// - `P2G_AMQP_URL`: the broker (needed for `dead-letters` and `replay`);
/// - `P2G_<SERVICE>_URL` (e.g. `P2G_REGISTRY_URL=http://registry:8081`): a service's HTTP
///   address; without it, `http://127.0.0.1:<port>` with the port from
///   `P2G_<SERVICE>_HTTP_PORT` (what `deploy/run.sh` starts the service with) or the
///   service's default, 8081 to 8084;
/// - `P2G_TOKEN`: a bearer token sent with every request to a service's API.
public struct OperatorSettings: Sendable {
    public let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The name of the variable that holds a service's address, e.g. `P2G_REGISTRY_URL`.
    public static func urlVariable(for service: ServiceIdentity) -> String { "P2G_\(service.name.uppercased())_URL" }

    /// The name of the variable that holds a service's local port, e.g. `P2G_REGISTRY_HTTP_PORT`.
    public static func portVariable(for service: ServiceIdentity) -> String { "P2G_\(service.name.uppercased())_HTTP_PORT" }

    /// The base URL of a service's HTTP API.
    public func baseURL(of service: ServiceIdentity) throws(OperatorError) -> URL {
        let urlVariable = Self.urlVariable(for: service)
        if let text = value(urlVariable) {
            guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                throw OperatorError("\(urlVariable) is not an http(s) URL such as http://127.0.0.1:\(service.defaultHTTPPort): '\(text)'")
            }
            return url
        }
        let portVariable = Self.portVariable(for: service)
        var port = service.defaultHTTPPort
        if let text = value(portVariable) {
            guard let number = Int(text), (1...65535).contains(number) else {
                throw OperatorError("\(portVariable) is not a port number from 1 to 65535: '\(text)'")
            }
            port = number
        }
        guard let url = URL(string: "http://127.0.0.1:\(port)") else {
            throw OperatorError("cannot make a URL for port \(port)")
        }
        return url
    }

    /// The bearer token for the services' APIs (`P2G_TOKEN`), when there is one.
    public var token: String? { value("P2G_TOKEN") }

    /// The broker connection's configuration; an operator tool gives up reconnecting soon
    /// rather than hanging.
    public func amqpConfiguration() throws(OperatorError) -> AMQPConfiguration {
        guard let url = value("P2G_AMQP_URL") else {
            throw OperatorError(
                "P2G_AMQP_URL is not set: set it to the broker the services use, e.g. eval \"$(deploy/run.sh env)\" on a machine that runs deploy/run.sh"
            )
        }
        var configuration: AMQPConfiguration
        do {
            configuration = try AMQPConfiguration(url: url)
        } catch {
            throw OperatorError("P2G_AMQP_URL: \(error)")
        }
        configuration.connectionName = "p2gctl"
        configuration.reconnect.giveUpAfter = .seconds(15)
        return configuration
    }

    private func value(_ name: String) -> String? {
        guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text
    }
}
