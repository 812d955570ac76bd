import Contracts
import Foundation
import ServiceKit

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Asks services for `GET /health/ready`, all at once, each within a time limit.
public struct HealthCheck: Sendable {
    /// How long one service may take to answer.
    public var timeout: Duration

    public init(timeout: Duration = .seconds(5)) {
        self.timeout = timeout
    }

    /// The answers, in the order of `services`.
    public func check(_ services: [(service: ServiceIdentity, baseURL: URL)]) async -> [ServiceHealth] {
        await withTaskGroup(of: (Int, ServiceHealth).self) { group in
            for (index, target) in services.enumerated() {
                group.addTask { (index, await check(target.service, baseURL: target.baseURL)) }
            }
            var results: [(Int, ServiceHealth)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// One service's answer.
    public func check(_ service: ServiceIdentity, baseURL: URL) async -> ServiceHealth {
        let url = baseURL.appendingPathComponent("health").appendingPathComponent("ready")
        var request = URLRequest(url: url)
        request.timeoutInterval = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = request.timeoutInterval
        configuration.timeoutIntervalForResource = request.timeoutInterval
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            return ServiceHealth(service: service, url: url, answer: .unreachable(Self.describe(error)))
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard [200, 503].contains(status), let report = try? JSONDecoder().decode(ReadinessReport.self, from: data) else {
            let text = String(decoding: data.prefix(200), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
            return ServiceHealth(service: service, url: url, answer: .unexpected(status: status, detail: text))
        }
        return ServiceHealth(service: service, url: url, answer: .report(report))
    }

    private static func describe(_ error: Error) -> String {
        guard let urlError = error as? URLError else { return "\(error)" }
        switch urlError.code {
        case .cannotConnectToHost: return "connection refused: is it running?"
        case .timedOut: return "no answer in time"
        case .cannotFindHost: return "unknown host"
        case .networkConnectionLost: return "connection closed without an answer"
        default: return urlError.localizedDescription
        }
    }
}
