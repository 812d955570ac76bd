import Metrics
import Prometheus
import Synchronization

/// The metrics every service exports on `GET /metrics` in Prometheus text format: messages
/// handled, retried, parked and skipped as duplicates; the outbox's backlog and its oldest
/// age; handler latency.
public struct ServiceMetrics: Sendable {
    /// Where every metric of the process is collected.
    public let registry: PrometheusCollectorRegistry
    let service: String
    /// Metric handles by label and dimensions: making one sanitises names and searches the
    /// registry, too slow to repeat for every message.
    private let handles = Handles()

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

    /// Metrics of their own registry, without touching the global backend (tests).
    public init(service: String) {
        self.init(registry: PrometheusCollectorRegistry(), service: service)
    }

    /// Metrics that record into `registry` without touching the global backend (tests).
    public init(registry: PrometheusCollectorRegistry, service: String) {
        self.registry = registry
        self.service = service
    }

    /// The Prometheus text exposition of every metric.
    public func exposition() -> [UInt8] { registry.emitToBuffer() }

    func messagesHandled(_ count: Int, type: String) {
        counter("p2g_messages_handled_total", [("type", type)]).increment(by: count)
    }

    func messageRetried(type: String, stage: String) {
        counter("p2g_messages_retried_total", [("type", type), ("stage", stage)]).increment()
    }

    func messageParked(type: String, reason: String) {
        counter("p2g_messages_parked_total", [("type", type), ("reason", reason)]).increment()
    }

    func duplicatesSkipped(_ count: Int, type: String) {
        counter("p2g_messages_duplicate_total", [("type", type)]).increment(by: count)
    }

    /// Records each of `count` messages as having taken `duration`.
    func handlerLatency(_ duration: Duration, type: String, count: Int = 1) {
        let timer = handles.timer(key: "p2g_handler_duration_seconds|\(type)") {
            Metrics.Timer(label: "p2g_handler_duration_seconds", dimensions: [("service", service), ("type", type)])
        }
        for _ in 0..<count { timer.recordNanoseconds(duration.nanoseconds) }
    }

    func outboxPublished(count: Int) {
        counter("p2g_outbox_published_total", []).increment(by: count)
    }

    func outboxBacklog(count: Int, oldestAgeSeconds: Double) {
        Gauge(label: "p2g_outbox_backlog", dimensions: [("service", service)]).record(count)
        Gauge(label: "p2g_outbox_oldest_age_seconds", dimensions: [("service", service)]).record(oldestAgeSeconds)
    }

    func timersFired(_ count: Int, name: String) {
        counter("p2g_timers_fired_total", [("timer", name)]).increment(by: count)
    }

    func timerFailed(name: String) {
        counter("p2g_timer_failures_total", [("timer", name)]).increment()
    }

    private func counter(_ label: String, _ dimensions: [(String, String)]) -> Metrics.Counter {
        handles.counter(key: ([label] + dimensions.map { "\($0.0)=\($0.1)" }).joined(separator: "|")) {
            Metrics.Counter(label: label, dimensions: [("service", service)] + dimensions)
        }
    }
}

/// Metric handles made once and kept.
private final class Handles: Sendable {
    private let counters = Mutex<[String: Metrics.Counter]>([:])
    private let timers = Mutex<[String: Metrics.Timer]>([:])

    func counter(key: String, make: () -> Metrics.Counter) -> Metrics.Counter {
        counters.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = make()
            counters[key] = counter
            return counter
        }
    }

    func timer(key: String, make: () -> Metrics.Timer) -> Metrics.Timer {
        timers.withLock { timers in
            if let timer = timers[key] { return timer }
            let timer = make()
            timers[key] = timer
            return timer
        }
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
