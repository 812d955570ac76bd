import Contracts
import Foundation
import Hummingbird
import Logging
import ServiceKit
import ServiceLifecycle
import Testing

@testable import Operator

/// `p2gctl health`: asks each service's `/health/ready` and says plainly which is not ready.
@Suite struct HealthCheckTests {
    /// A report as a service writes it: ready, or unready because its broker is gone.
    static func report(_ status: ReadinessReport.Status, service: String) -> ReadinessReport {
        let broker =
            status == .ready
            ? #"{"ok": true, "detail": "connected"}"#
            : #"{"ok": false, "detail": "reconnecting (3 attempts): connection refused", "disconnectedForSeconds": 12.5}"#
        let json = """
            {"status": "\(status.rawValue)", "service": "\(service)", "instance": "\(service)-4242",
             "database": {"ok": true, "detail": "connected"}, "broker": \(broker),
             "consumers": [{"queue": "\(service).events", "running": \(status == .ready)}]}
            """
        do {
            return try JSONDecoder().decode(ReadinessReport.self, from: Data(json.utf8))
        } catch {
            preconditionFailure("the test's report does not decode: \(error)")
        }
    }

    /// Serves `/health/ready` as a service does: 200 with the report when ready, 503 when not.
    static func withReadinessServer(_ body: @Sendable @escaping (Int) async throws -> Void) async throws {
        let router = Router()
        router.get("/matching/health/ready") { _, _ -> Response in try json(report(.ready, service: "matching"), status: .ok) }
        router.get("/notifications/health/ready") { _, _ -> Response in
            try json(report(.unready, service: "notifications"), status: .serviceUnavailable)
        }
        router.get("/scheduling/health/ready") { _, _ -> Response in Response(status: .notFound) }
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "readiness-server")
        logger.logLevel = .warning
        let application = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            }, logger: logger)
        let server = ServiceGroup(configuration: .init(services: [application], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            var iterator = portStream.makeAsyncIterator()
            let port = try #require(await iterator.next())
            try await body(port)
            await server.triggerGracefulShutdown()
            try await group.waitForAll()
        }
    }

    static func json(_ report: ReadinessReport, status: HTTPResponse.Status) throws -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(report))))
    }

    @Test func readyUnreadyAndSilentServicesAreToldApart() async throws {
        try await Self.withReadinessServer { port in
            let base = "http://127.0.0.1:\(port)"
            let results = await HealthCheck(timeout: .seconds(5)).check([
                (.matching, try #require(URL(string: "\(base)/matching"))),
                (.notifications, try #require(URL(string: "\(base)/notifications"))),
                (.scheduling, try #require(URL(string: "\(base)/scheduling"))),
                // Nothing listens on port 1.
                (.registry, try #require(URL(string: "http://127.0.0.1:1"))),
            ])
            #expect(results.map(\.service) == [.matching, .notifications, .scheduling, .registry])
            #expect(results.map(\.isReady) == [true, false, false, false])
            #expect(results[0].answer == .report(Self.report(.ready, service: "matching")))
            #expect(results[1].answer == .report(Self.report(.unready, service: "notifications")))
            guard case .unexpected(status: 404, _) = results[2].answer else {
                Issue.record("a 404 is not a readiness report: \(results[2].answer)")
                return
            }
            guard case .unreachable = results[3].answer else {
                Issue.record("nothing listens on port 1: \(results[3].answer)")
                return
            }

            let text = HealthCommand.render(results)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines[0].hasPrefix("SERVICE"))
            #expect(lines[1].hasPrefix("matching") && lines[1].contains("ready") && lines[1].contains("matching.events running"))
            #expect(lines[2].hasPrefix("notifications") && lines[2].contains("unready") && lines[2].contains("down 12s"))
            #expect(lines[3].hasPrefix("scheduling") && lines[3].contains("HTTP 404"))
            #expect(lines[4].hasPrefix("registry") && lines[4].contains("unreachable"))
            #expect(text.contains("notifications: broker: reconnecting (3 attempts): connection refused"))
            #expect(text.contains("registry: http://127.0.0.1:1/health/ready: "))
        }
    }
}
