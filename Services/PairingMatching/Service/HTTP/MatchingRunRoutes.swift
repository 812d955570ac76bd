import Contracts
import Foundation
import Hummingbird
import ServiceKit

/// `POST /matching-runs`, `GET /matching-runs/{id}` and `GET /matching-runs`.
struct MatchingRunRoutes: ResourceRoutes {
    let store: MatchingRunStore
    static let maximumBodySize = 256 * 1024

    func add(to router: Router<BasicRequestContext>) {
        router.post("/matching-runs") { request, _ in try await start(request) }
        router.get("/matching-runs/:id") { _, context in try await show(context: context) }
        router.get("/matching-runs") { request, _ in try await list(request) }
    }

    /// Runs a matching and stores it. 201 with the whole run and `Location`; with an
    /// `Idempotency-Key` (or a `runKey`) used before, 200 with that run; 400 for a body that is
    /// not a run's JSON, 422 naming every invalid field.
    func start(_ request: Request) async throws -> Response {
        let command = try await JSONBody.decode(RunMatching.self, from: request, limit: Self.maximumBodySize, describing: "a matching run")
        let parameters: RunParameters
        switch RunParameters.validated(command) {
        case .success(let value): parameters = value
        case .failure(let invalid): throw ProblemDetails.invalid(invalid, title: "Invalid matching run")
        }
        let key = try IdempotencyKey.of(request) ?? command.runKey
        let startedBy = Caller.current?.subject ?? "unknown"
        switch try await store.start(parameters, runKey: key.map { "key:\($0)" }, startedBy: startedBy) {
        case .invalid(let invalid): throw ProblemDetails.invalid(invalid, title: "Invalid matching run")
        case .run(let run, let created):
            var response = try JSONBody.response(run, status: created ? .created : .ok)
            response.headers[.location] = "/matching-runs/\(run.id.uuidString.lowercased())"
            return response
        }
    }

    func show(context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a matching run")
        guard let run = try await store.find(id: id) else { throw ProblemDetails.notFound("matching run \(id.uuidString.lowercased())") }
        return try JSONBody.response(run)
    }

    /// `GET /matching-runs?limit=100&after=<id>`: runs in the order they were stored, after the
    /// run named by the cursor; `next` names the cursor of the next page when there may be one.
    func list(_ request: Request) async throws -> Response {
        let limit = try ReadModelPage.limit(request)
        var after: UUID?
        if let text = request.uri.queryParameters.get("after") {
            guard let id = UUID(uuidString: text) else {
                throw ProblemDetails(status: .badRequest, title: "Invalid cursor", detail: "after is a matching run's id (a UUID).")
            }
            after = id
        }
        guard let runs = try await store.list(limit: limit, after: after) else {
            throw ProblemDetails(status: .badRequest, title: "Invalid cursor", detail: "after names no matching run.")
        }
        let next = runs.count == limit ? runs.last?.id.uuidString.lowercased() : nil
        return try JSONBody.response(RunPage(items: runs, next: next))
    }

    struct RunPage: Encodable {
        var items: [MatchingRunStore.Summary]
        var next: String?
    }
}
