import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import ServiceKit

/// `POST /venues`, `GET /venues/{id}`, `GET /venues` and `POST /venues/{id}/closures`.
struct VenueRoutes: ResourceRoutes {
    let store: VenueStore
    let programs: ProgramStore
    let postgres: PostgresClient
    static let maximumBodySize = 32 * 1024

    func add(to router: Router<BasicRequestContext>) {
        router.post("/venues") { request, _ in try await create(request) }
        router.get("/venues/:id") { _, context in try await show(context: context) }
        router.get("/venues") { request, _ in try await list(request) }
        router.post("/venues/:id/closures") { request, context in try await close(request, context: context) }
    }

    func create(_ request: Request) async throws -> Response {
        let body = try await JSONBody.decode(VenueRequest.self, from: request, limit: Self.maximumBodySize, describing: "a venue")
        let venue: VenueRequest
        switch body.validated() {
        case .success(let value): venue = value
        case .failure(let invalid): throw ProblemDetails.invalid(invalid, title: "Invalid venue")
        }
        let (view, created) = try await store.create(venue, idempotencyKey: try IdempotencyKey.of(request))
        var response = try JSONBody.response(view, status: created ? .created : .ok)
        response.headers[.location] = "/venues/\(view.id.uuidString.lowercased())"
        return response
    }

    func show(context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a venue")
        guard let venue = try await store.find(id: id) else { throw ProblemDetails.notFound("venue \(id.uuidString.lowercased())") }
        return try JSONBody.response(venue)
    }

    func list(_ request: Request) async throws -> Response {
        let limit = try ReadModelPage.limit(request)
        let venues = try await store.list(limit: limit, after: try Cursor.after(request))
        return try JSONBody.response(VenuePage(venues: venues, next: venues.count == limit ? venues.last?.id.uuidString.lowercased() : nil))
    }

    struct VenuePage: Encodable {
        var venues: [VenueStore.VenueView]
        var next: String?
    }

    struct Closure: Decodable {
        var start: String
        var end: String
    }

    /// Closes the venue for a period; the sessions placed there then move, as few as possible,
    /// each announced with `scheduling.session-rescheduled.v1`. 200 with the venue.
    func close(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a venue")
        let closure = try await JSONBody.decode(Closure.self, from: request, limit: Self.maximumBodySize, describing: "a closure")
        let checked = WorkingHoursText.periods([(closure.start, closure.end)], field: "closure")
        guard checked.invalid.isEmpty, let period = checked.intervals.first else {
            throw ProblemDetails.invalid(
                InvalidInput("the venue cannot be closed", invalidFields: checked.invalid), title: "Invalid closure")
        }
        let found = try await postgres.withTransaction { connection in
            guard try await store.close(id, during: period, on: connection) else { return false }
            try await programs.rescheduleConflicts(reason: "venue-closed", now: Date(), on: connection)
            return true
        }
        guard found, let venue = try await store.find(id: id) else { throw ProblemDetails.notFound("venue \(id.uuidString.lowercased())") }
        return try JSONBody.response(venue)
    }
}
