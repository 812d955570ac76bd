import ArgumentParser
import Contracts
import Foundation
import ServiceKit

/// `p2gctl health`: every service's `/health/ready` as a table; exits 1 unless all are ready.
struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health", abstract: "Show whether each service is ready: its database, broker, consumer and outbox.")

    @Option(name: .long, help: "Only this service (repeat for several): \(ServiceIdentity.all.map(\.name).joined(separator: ", ")).")
    var service: [ServiceIdentity] = []

    @Option(name: .long, help: "Seconds to wait for each answer.")
    var timeout: Int = 5

    func run() async throws {
        let settings = OperatorSettings()
        let services = service.isEmpty ? ServiceIdentity.all : service
        let targets = try services.map { ($0, try settings.baseURL(of: $0)) }
        let results = await HealthCheck(timeout: .seconds(timeout)).check(targets)
        print(Self.render(results))
        if !results.allSatisfy(\.isReady) { throw ExitCode(1) }
    }

    /// The table, then a line for each service that is not ready saying why.
    static func render(_ results: [ServiceHealth]) -> String {
        var table = TextTable(headers: ["SERVICE", "STATUS", "DATABASE", "BROKER", "CONSUMER", "OUTBOX", "INSTANCE"])
        var notes: [String] = []
        for result in results {
            switch result.answer {
            case .report(let report):
                let consumer =
                    report.consumers.isEmpty
                    ? "-" : report.consumers.map { "\($0.queue) \($0.running ? "running" : "stopped")" }.joined(separator: ", ")
                let outbox = report.outbox.map { $0.backlog == 0 ? "0" : "\($0.backlog), oldest \(seconds($0.oldestAgeSeconds))" } ?? "-"
                table.append([
                    result.service.name, report.status.rawValue, dependency(report.database), dependency(report.broker), consumer,
                    outbox, report.instance,
                ])
                for (name, state) in [("database", report.database), ("broker", report.broker)] where !state.ok {
                    notes.append("\(result.service.name): \(name): \(state.detail)")
                }
            case .unreachable(let why):
                table.append([result.service.name, "unreachable", "-", "-", "-", "-", "-"])
                notes.append("\(result.service.name): \(result.url.absoluteString): \(why)")
            case .unexpected(let status, let detail):
                table.append([result.service.name, "HTTP \(status)", "-", "-", "-", "-", "-"])
                notes.append("\(result.service.name): \(result.url.absoluteString) did not answer with a readiness report: \(detail)")
            }
        }
        return ([table.render()] + (notes.isEmpty ? [] : [""] + notes)).joined(separator: "\n")
    }

    private static func dependency(_ state: ReadinessReport.Dependency) -> String {
        if state.ok { return "ok" }
        return state.disconnectedForSeconds.map { "down \(seconds($0))" } ?? "down"
    }

    private static func seconds(_ value: Double) -> String {
        value < 10 ? String(format: "%.1fs", value) : "\(Int(value))s"
    }
}
