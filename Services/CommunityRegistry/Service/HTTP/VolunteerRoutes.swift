import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import ServiceKit

/// `POST /volunteers`, `GET /volunteers`, `GET /volunteers/{id}`, `PATCH /volunteers/{id}` and
/// `DELETE /volunteers/{id}` (erasure). Bodies hold personal data: they are never logged, and
/// problems name fields and rules, never a contact detail.
struct VolunteerRoutes: ResourceRoutes {
    let store: VolunteerStore
    static let maximumBodySize = 64 * 1024

    func add(to router: Router<BasicRequestContext>) {
        router.post("/volunteers") { request, _ in try await register(request) }
        router.get("/volunteers") { request, _ in try await list(request) }
        router.get("/volunteers/:id") { _, context in try await show(context: context) }
        router.patch("/volunteers/:id") { request, context in try await change(request, context: context) }
        router.delete("/volunteers/:id") { _, context in try await erase(context: context) }
    }

    /// 201 with the volunteer, `Location` and `ETag`; 200 for an `Idempotency-Key` used
    /// before; 422 naming every invalid field, an unknown home community among them.
    func register(_ request: Request) async throws -> Response {
        let registration = try await JSONBody.decode(
            VolunteerRegistration.self, from: request, limit: Self.maximumBodySize, describing: "a volunteer")
        let idempotencyKey = try IdempotencyKey.of(request)
        let home = try await store.community(registration.homeCommunity)
        let valid: ValidVolunteer
        switch registration.validated(home: home) {
        case .success(let value): valid = value
        case .failure(let invalid): throw ProblemDetails.invalid(invalid, title: "Invalid volunteer")
        }
        let (volunteer, created) = try await store.register(valid, idempotencyKey: idempotencyKey)
        var response = try Self.response(volunteer, status: created ? .created : .ok)
        response.headers[.location] = "/volunteers/\(volunteer.id.uuidString.lowercased())"
        return response
    }

    /// `GET /volunteers?limit=100&after=<id>&partnership=<id>&language=he...`: a page of the
    /// volunteers that pass the filter, in the order they registered, with how many pass it.
    /// Erased volunteers are not listed.
    func list(_ request: Request) async throws -> Response {
        let limit = try ReadModelPage.limit(request)
        let after = try ListFilter.cursor(request)
        let filter = try ListFilter(request)
        // A partnership coordinator sees the volunteers of their own partnerships, and only them.
        if let caller = Caller.current, caller.role == .partnershipCoordinator {
            guard let partnership = filter.partnership, caller.partnerships.contains(partnership) else {
                throw ProblemDetails(
                    status: .forbidden, title: "Forbidden",
                    detail: "a partnership coordinator lists the volunteers of one of their partnerships: add partnership=<its id>")
            }
        }
        let page = try await store.list(limit: limit, after: after, filter: filter)
        return try JSONBody.response(VolunteerPage(total: page.total, volunteers: page.volunteers))
    }

    struct VolunteerPage: Encodable {
        var total: Int
        var volunteers: [Volunteer]
    }

    func show(context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a volunteer")
        guard let volunteer = try await store.find(id: id) else { throw ProblemDetails.notFound("volunteer \(id.uuidString.lowercased())") }
        return try Self.response(volunteer)
    }

    /// 200 with the volunteer as they are now; 428 without `If-Match`, 412 when stale, 409 once
    /// erased, 422 naming every invalid field.
    func change(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a volunteer")
        let versions = try EntityTag.requiredVersions(request, of: "a volunteer")
        let change = try await JSONBody.decode(
            VolunteerChange.self, from: request, limit: Self.maximumBodySize, describing: "a change of a volunteer")
        switch try await store.update(id: id, expectedVersions: versions, change: change) {
        case .updated(let volunteer, _): return try Self.response(volunteer)
        case .notFound: throw ProblemDetails.notFound("volunteer \(id.uuidString.lowercased())")
        case .erased:
            throw ProblemDetails(
                status: .conflict, title: "Erased", detail: "The volunteer was erased at their request; nothing of theirs can change.")
        case .stale(let current): throw EntityTag.stale("the volunteer", current: current.version)
        case .invalid(let invalid): throw ProblemDetails.invalid(invalid, title: "Invalid change")
        }
    }

    /// Erasure on request: 204, the personal data gone, the volunteer kept as an anonymous
    /// member of history. Erasing again changes nothing and answers 204 too.
    func erase(context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a volunteer")
        guard try await store.erase(id: id) != nil else { throw ProblemDetails.notFound("volunteer \(id.uuidString.lowercased())") }
        return Response(status: .noContent)
    }

    static func response(_ volunteer: Volunteer, status: HTTPResponse.Status = .ok) throws -> Response {
        var response = try JSONBody.response(volunteer, status: status)
        response.headers[.eTag] = EntityTag.of(version: volunteer.version)
        return response
    }
}
