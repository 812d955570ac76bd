import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import ServiceKit

/// Needs assessments: `GET|POST /need-sectors`, `GET|POST /communities/{id}/needs-assessments`,
/// `GET /needs-assessments/{id}`, `POST /needs-assessments/{id}/submission`,
/// `POST /needs-assessments/{id}/acceptance` and `GET /needs-assessments/{id}/diff`.
struct NeedsRoutes: ResourceRoutes {
    let store: NeedsStore
    /// An assessment of 2,000 items of a few hundred bytes each.
    static let maximumBodySize = 1024 * 1024

    func add(to router: Router<BasicRequestContext>) {
        router.get("/need-sectors") { _, _ in try await sectors() }
        router.post("/need-sectors") { request, _ in try await addSector(request) }
        router.post("/communities/:id/needs-assessments") { request, context in try await record(request, context: context) }
        router.get("/communities/:id/needs-assessments") { request, context in try await versions(request, context: context) }
        router.get("/needs-assessments/:id") { _, context in try await show(context: context) }
        router.post("/needs-assessments/:id/submission") { _, context in try await advance(context: context, to: .submitted) }
        router.post("/needs-assessments/:id/acceptance") { _, context in try await advance(context: context, to: .accepted) }
        router.get("/needs-assessments/:id/diff") { request, context in try await diff(request, context: context) }
    }

    struct Sector: Codable {
        var name: String
        var base: Bool
    }

    func sectors() async throws -> Response {
        try JSONBody.response(["sectors": try await store.sectors().map { Sector(name: $0.name, base: $0.base) }])
    }

    struct SectorInput: Decodable {
        var name: String?
    }

    /// 201 with the sector added, 200 when it was known already.
    func addSector(_ request: Request) async throws -> Response {
        let input = try await JSONBody.decode(SectorInput.self, from: request, limit: 4 * 1024, describing: "a sector")
        var checks = FieldChecks()
        if let name = checks.require(input.name, "name"),
            name.count > 60 || name.first.map({ !("a"..."z").contains($0) }) ?? true
                || !name.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        {
            checks.refuse("name", "must be 1 to 60 lower-case letters, digits and hyphens, starting with a letter, such as mental-health")
        }
        let name = try checked(checks.verdict("the sector cannot be added") { input.name }, title: "Invalid sector")
        let created = try await store.addSector(name)
        return try JSONBody.response(Sector(name: name, base: false), status: created ? .created : .ok)
    }

    /// A draft: 201 with the assessment and `Location`; 200 for an `Idempotency-Key` used
    /// before; 404 for an unknown community; 409 when it does not reassess the latest version;
    /// 422 naming every invalid field.
    func record(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let community = try context.parameters.uuid("id", of: "a community")
        let draft = try await JSONBody.decode(
            NeedsAssessmentDraft.self, from: request, limit: Self.maximumBodySize, describing: "a needs assessment")
        let idempotencyKey = try IdempotencyKey.of(request)
        guard try await store.communityExists(community) else {
            throw ProblemDetails.notFound("community \(community.uuidString.lowercased())")
        }
        try await CommunityScope.requireWrite(community, store: store)
        let sectors = Set(try await store.sectors().map(\.name))
        let valid = try checked(draft.validated(sectors: sectors), title: "Invalid needs assessment")
        switch try await store.record(valid, communityId: community, idempotencyKey: idempotencyKey) {
        case .failure(let refusal): throw refusal.problem(title: "Cannot record the needs assessment")
        case .success(let (assessment, created)):
            var response = try JSONBody.response(assessment, status: created ? .created : .ok)
            response.headers[.location] = "/needs-assessments/\(assessment.id.uuidString.lowercased())"
            return response
        }
    }

    struct VersionPage: Encodable {
        var total: Int
        var assessments: [NeedsAssessment]
    }

    /// The community's versions, oldest first; `after` is the id of the last one of the previous page.
    func versions(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let community = try context.parameters.uuid("id", of: "a community")
        let limit = try ReadModelPage.limit(request)
        let after = try ListFilter.cursor(request)
        guard try await store.communityExists(community) else {
            throw ProblemDetails.notFound("community \(community.uuidString.lowercased())")
        }
        let page = try await store.versions(of: community, limit: limit, after: after)
        return try JSONBody.response(VersionPage(total: page.total, assessments: page.assessments))
    }

    func show(context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a needs assessment")
        guard let assessment = try await store.find(id: id) else {
            throw ProblemDetails.notFound("needs assessment \(id.uuidString.lowercased())")
        }
        return try JSONBody.response(assessment)
    }

    /// Submission (with `registry.needs-assessment-submitted.v1`) or acceptance: 200 with the
    /// assessment; 409 when it is not a draft, or not submitted.
    func advance(context: BasicRequestContext, to status: NeedsAssessment.Status) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a needs assessment")
        guard let community = try await store.community(ofAssessment: id) else {
            throw ProblemDetails.notFound("needs assessment \(id.uuidString.lowercased())")
        }
        try await CommunityScope.requireWrite(community, store: store)
        switch try await store.advance(id, to: status) {
        case .success(let assessment): return try JSONBody.response(assessment)
        case .failure(let refusal): throw refusal.problem(title: "Cannot change the needs assessment")
        }
    }

    /// `GET /needs-assessments/{id}/diff?from=<id>`: from the version it reassesses unless `from` names another.
    func diff(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a needs assessment")
        var from: UUID?
        if let text = request.uri.queryParameters.get("from") {
            guard let value = UUID(uuidString: String(text)) else {
                throw ProblemDetails(
                    status: .badRequest, title: "Invalid from", detail: "from is the id of another version of the assessment.",
                    invalidParams: [.init(name: "from", reason: "is not an id (a UUID)")])
            }
            from = value
        }
        switch try await store.diff(from: from, to: id) {
        case .success(let diff): return try JSONBody.response(diff)
        case .failure(let refusal): throw refusal.problem(title: "Cannot compare the versions")
        }
    }
}
