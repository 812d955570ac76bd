import Contracts
import Foundation
import ServiceKit

/// What a service's `GET /health/ready` said, or why it said nothing.
public struct ServiceHealth: Sendable, Equatable {
    /// What came back.
    public enum Answer: Sendable, Equatable {
        /// The readiness report (HTTP 200 when ready, 503 when not).
        case report(ReadinessReport)
        /// Nothing answered: refused, timed out, unresolvable.
        case unreachable(String)
        /// Something answered, but not with a readiness report.
        case unexpected(status: Int, detail: String)
    }

    public var service: ServiceIdentity
    /// The URL asked.
    public var url: URL
    public var answer: Answer

    public init(service: ServiceIdentity, url: URL, answer: Answer) {
        self.service = service
        self.url = url
        self.answer = answer
    }

    /// Whether the service said it is ready.
    public var isReady: Bool {
        if case .report(let report) = answer { return report.status == .ready }
        return false
    }
}
