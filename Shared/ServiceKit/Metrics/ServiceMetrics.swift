import Metrics
import Prometheus

/// The metrics every service exports on `GET /metrics` in Prometheus text format: messages
/// handled, retried, parked and skipped as duplicates; the outbox's backlog and its oldest
/// age; handler latency.
public struct ServiceMetrics: Sendable {
    /// Where every metric of the process is collected.
    public let registry: PrometheusCollectorRegistry
    let service: String

    /// Installs Prometheus as the process's metrics backend; call once, at start.
    public static func bootstrap(service: String) -> ServiceMetrics {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
            .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
            .seconds(1), .seconds(5),
        ]
        MetricsSystem.bootstrap(factory)
        return ServiceMetrics(registry: registry, service: service)
    }

    /// Metrics that record into `registry` without touching the global backend (tests).
    public init(registry: PrometheusCollectorRegistry, service: String) {
        self.registry = registry
        self.service = service
    }

    /// The Prometheus text exposition of every metric.
    public func exposition() -> [UInt8] { registry.emitToBuffer() }

    func messageHandled(type: String) {
        Counter(label: "p2g_messages_handled_total", dimensions: [("service", service), ("type", type)]).increment()
    }

    func messageRetried(type: String, stage: String) {
        Counter(label: "p2g_messages_retried_total", dimensions: [("service", service), ("type", type), ("stage", stage)]).increment()
    }

    func messageParked(type: String, reason: String) {
        Counter(label: "p2g_messages_parked_total", dimensions: [("service", service), ("type", type), ("reason", reason)]).increment()
    }

    func duplicateSkipped(type: String) {
        Counter(label: "p2g_messages_duplicate_total", dimensions: [("service", service), ("type", type)]).increment()
    }

    func handlerLatency(_ duration: Duration, type: String) {
        Timer(label: "p2g_handler_duration_seconds", dimensions: [("service", service), ("type", type)])
            .recordNanoseconds(duration.nanoseconds)
    }

    func outboxPublished(count: Int) {
        Counter(label: "p2g_outbox_published_total", dimensions: [("service", service)]).increment(by: count)
    }

    func outboxBacklog(count: Int, oldestAgeSeconds: Double) {
        Gauge(label: "p2g_outbox_backlog", dimensions: [("service", service)]).record(count)
        Gauge(label: "p2g_outbox_oldest_age_seconds", dimensions: [("service", service)]).record(oldestAgeSeconds)
    }
}

extension Duration {
    /// Whole nanoseconds.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    /// Fractional seconds.
    public var inSeconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
