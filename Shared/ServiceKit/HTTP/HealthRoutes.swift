import Hummingbird

/// `GET /health/live` and `GET /health/ready` on every service, and `GET /metrics` on a port
/// of its own.
enum HealthRoutes {
    static func add(to router: Router<BasicRequestContext>, readiness: @escaping @Sendable () -> ReadinessReport) {
        router.get("/health/live") { _, _ -> Response in
            try JSONBody.response(["status": "live"])
        }
        router.get("/health/ready") { _, _ -> Response in
            let report = readiness()
            return try JSONBody.response(report, status: report.status == .ready ? .ok : .serviceUnavailable)
        }
    }

    /// The metrics server's router: `GET /metrics`, nothing else, without a token, for a
    /// scraper inside the cluster (`P2G_METRICS_HOST`, `P2G_METRICS_PORT`).
    static func metricsRouter(_ metrics: ServiceMetrics) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/metrics") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
        return router
    }
}
