import ArgumentParser
import Foundation

/// Where the registry is and the token to show it, for `import` and `export`.
struct RegistryConnectionOptions: ParsableArguments {
    @Option(name: .long, help: "The registry's URL (default: P2G_REGISTRY_URL, else http://127.0.0.1:8081).")
    var registry: String?

    @Option(name: .long, help: "A bearer token sent with every request (default: P2G_TOKEN).")
    var token: String?

    @Option(name: .long, help: "Requests in flight at most.")
    var inFlight: Int = 8

    func validate() throws {
        guard (1...64).contains(inFlight) else { throw ValidationError("--in-flight takes 1 to 64") }
    }

    /// The client these options describe, with the environment's values where no option is given.
    func client(_ settings: OperatorSettings = OperatorSettings()) throws -> RegistryClient {
        let baseURL: URL
        if let registry {
            guard let url = URL(string: registry), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                throw OperatorError("--registry is not an http(s) URL such as http://127.0.0.1:8081: '\(registry)'")
            }
            baseURL = url
        } else {
            baseURL = try settings.baseURL(of: .registry)
        }
        return RegistryClient(baseURL: baseURL, token: token ?? settings.token, connections: inFlight)
    }
}
