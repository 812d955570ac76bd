import Foundation
import HTTPTypes
import Hummingbird
import ServiceKit

/// `POST /announcements`: a coordinator's announcement to the volunteers of a community, each
/// delivered under the same rules as every notification; `GET /announcements/{id}`: how far it
/// has gone.
struct AnnouncementRoutes: ResourceRoutes {
    let store: AnnouncementStore

    func add(to router: Router<BasicRequestContext>) {
        router.post("/announcements") { request, _ -> Response in
            let key = try Self.idempotencyKey(request)
            let announcement = try await JSONBody.decode(
                AnnouncementRequest.self, from: request, limit: 256 * 1024, describing: "an announcement")
            let problems = announcement.problems()
            guard problems.isEmpty else {
                throw ProblemDetails(
                    status: .unprocessableContent, title: "Invalid announcement",
                    detail: "The announcement has \(problems.count) invalid field(s): \(problems.map(\.field).joined(separator: ", ")).",
                    invalidParams: problems.map { .init(name: $0.field, reason: $0.reason) })
            }
            let (id, created) = try await store.create(announcement, idempotencyKey: key, by: Caller.current?.subject ?? "unknown")
            guard let progress = try await store.progress(of: id) else {
                throw ProblemDetails(
                    status: .internalServerError, title: "Announcement lost",
                    detail: "The announcement was not found after it was recorded.")
            }
            var response = try JSONBody.response(progress, status: created ? .created : .ok)
            response.headers[.location] = "/announcements/\(id.uuidString.lowercased())"
            return response
        }
        router.get("/announcements/:id") { _, context -> Response in
            let text = context.parameters.get("id") ?? ""
            guard let id = UUID(uuidString: text) else {
                throw ProblemDetails(status: .badRequest, title: "Invalid id", detail: "'\(text)' is not an announcement id (a UUID).")
            }
            guard let progress = try await store.progress(of: id) else {
                throw ProblemDetails(status: .notFound, title: "Unknown announcement", detail: "No announcement has the id \(text).")
            }
            return try JSONBody.response(progress)
        }
    }

    /// The `Idempotency-Key`, or nil without one; 400 for one that is empty or over 200 characters.
    static func idempotencyKey(_ request: Request) throws -> String? {
        guard let name = HTTPField.Name("Idempotency-Key"), let key = request.headers[name] else { return nil }
        guard !key.isEmpty, key.count <= 200 else {
            throw ProblemDetails(
                status: .badRequest, title: "Invalid Idempotency-Key", detail: "An Idempotency-Key has 1 to 200 characters.")
        }
        return key
    }
}
