import Hummingbird

/// `GET /health/live`, `GET /health/ready` and `GET /metrics` on every service.
enum HealthRoutes {
    static func add(to router: Router<BasicRequestContext>, readiness: @escaping @Sendable () -> ReadinessReport, metrics: ServiceMetrics) {
        router.get("/health/live") { _, _ -> Response in
            try JSONBody.response(["status": "live"])
        }
        router.get("/health/ready") { _, _ -> Response in
            let report = readiness()
            return try JSONBody.response(report, status: report.status == .ready ? .ok : .serviceUnavailable)
        }
        router.get("/metrics") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
    }
}
