import Foundation
import HTTPTypes
import Hummingbird
import ServiceKit

/// `POST /bounces`: a bounce (an RFC 3464 delivery status notification) as a relay's inbound
/// webhook posts it, the raw message as the body. It is matched to the delivery by the return
/// path it was sent to, or by the returned message's Message-ID, and applied by ``BounceStore``.
struct BounceRoutes: ResourceRoutes {
    let store: BounceStore

    /// A report with the message it returns fits in 1 MiB; relays cut longer ones.
    static let limit = 1024 * 1024
    static let mediaTypes = ["message/rfc822", "text/plain"]

    func add(to router: Router<BasicRequestContext>) {
        router.post("/bounces") { request, _ -> Response in
            let report = try await Self.report(request)
            guard let outcome = try await store.record(report, at: Date()) else {
                throw ProblemDetails(
                    status: .notFound, title: "Unknown delivery",
                    detail:
                        "No e-mail of this service matches the report: neither the return path it was sent to nor the returned Message-ID names one of its deliveries."
                )
            }
            return try JSONBody.response(outcome)
        }
    }

    /// The body as a report: 415 for another media type, 413 over the limit, 400 for a body
    /// that is not a message, 422 for a message that is not a delivery status notification.
    static func report(_ request: Request) async throws -> BounceReport {
        if let type = request.headers[.contentType] {
            let media = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            guard mediaTypes.contains(media) else {
                throw ProblemDetails(
                    status: .unsupportedMediaType, title: "Unsupported media type",
                    detail: "Send the bounce as message/rfc822 or text/plain, the raw message as received, not \(type).")
            }
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch {
            throw ProblemDetails(status: .contentTooLarge, title: "Body too large", detail: "A bounce fits in \(limit / 1024) KiB.")
        }
        do throws(BounceReport.Invalid) {
            return try BounceReport.parse(body.readableBytesView)
        } catch {
            switch error {
            case .notAMessage(let reason):
                throw ProblemDetails(status: .badRequest, title: "Malformed bounce", detail: reason)
            case .notAReport(let reason):
                throw ProblemDetails(status: .unprocessableContent, title: "Not a delivery status notification", detail: reason)
            }
        }
    }
}
