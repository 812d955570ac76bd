import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import ServiceKit

/// `POST /programs`, `GET /programs/{id}` and `GET /programs`.
struct ProgramRoutes: ResourceRoutes {
    let store: ProgramStore
    static let maximumBodySize = 256 * 1024

    func add(to router: Router<BasicRequestContext>) {
        router.post("/programs") { request, _ in try await create(request) }
        router.get("/programs/:id") { _, context in try await show(context: context) }
        router.get("/programs") { request, _ in try await list(request) }
    }

    /// Places the program's sessions and stores them. 201 with the program and its sessions;
    /// 200 with what an `Idempotency-Key` used before created; 422 naming invalid fields,
    /// unknown volunteers or venues, or, when no time works, the engine's explanation.
    func create(_ request: Request) async throws -> Response {
        let body = try await JSONBody.decode(ProgramRequest.self, from: request, limit: Self.maximumBodySize, describing: "a program")
        let valid: ValidProgram
        switch body.validated() {
        case .success(let value): valid = value
        case .failure(let invalid): throw ProblemDetails.invalid(invalid, title: "Invalid program")
        }
        try SchedulingAccess.requireProgram(partnership: valid.request.partnershipId)
        let idempotencyKey = try IdempotencyKey.of(request)
        switch try await store.create(valid, idempotencyKey: idempotencyKey, now: Date()) {
        case .created(let program): return try Self.response(program, status: .created)
        case .existing(let program): return try Self.response(program, status: .ok)
        case .unknownParticipants(let ids):
            throw ProblemDetails(
                status: .unprocessableContent, title: "Unknown participants",
                detail:
                    "The scheduling service knows no volunteer \(ids.map(\.lowercasedText).joined(separator: ", ")); register them in the registry first.",
                invalidParams: ids.map { .init(name: "sessions", reason: "volunteer \($0.lowercasedText) is unknown") })
        case .unknownVenues(let ids):
            throw ProblemDetails(
                status: .unprocessableContent, title: "Unknown venues",
                detail: "No venue \(ids.map(\.lowercasedText).joined(separator: ", ")) exists; create it with POST /venues first.",
                invalidParams: ids.map { .init(name: "venueIds", reason: "venue \($0.lowercasedText) does not exist") })
        case .unplaceable(let reasons):
            throw ProblemDetails(
                status: .unprocessableContent, title: "Program cannot be placed", detail: reasons.joined(separator: "; "),
                invalidParams: reasons.map { .init(name: "sessions", reason: $0) })
        case .invalid(let reason):
            throw ProblemDetails(status: .unprocessableContent, title: "Program cannot be placed", detail: reason)
        case .past:
            throw ProblemDetails(
                status: .unprocessableContent, title: "Invalid program", detail: "The deadline has passed.",
                invalidParams: [.init(name: "deadline", reason: "must be in the future")])
        }
    }

    func show(context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a program")
        guard let program = try await store.find(id: id) else { throw ProblemDetails.notFound("program \(id.lowercasedText)") }
        if Caller.current?.role == .partnershipCoordinator {
            try SchedulingAccess.requireProgram(partnership: program.partnershipId.flatMap(UUID.init(uuidString:)))
        }
        return try Self.response(program)
    }

    /// `GET /programs?limit=100&after=<id>`: programs in creation order; a partnership
    /// coordinator sees their own partnerships' only.
    func list(_ request: Request) async throws -> Response {
        let limit = try ReadModelPage.limit(request)
        let after = try Cursor.after(request)
        let scope = Caller.current.flatMap { $0.role == .partnershipCoordinator ? Array($0.partnerships) : nil }
        let programs = try await store.list(limit: limit, after: after, partnerships: scope)
        return try JSONBody.response(
            ProgramPage(programs: programs, next: programs.count == limit ? programs.last?.id.lowercasedText : nil))
    }

    struct ProgramPage: Encodable {
        var programs: [ProgramStore.ProgramView]
        /// The `after` of the next page; absent on the last.
        var next: String?
    }

    static func response(_ program: ProgramStore.ProgramView, status: HTTPResponse.Status = .ok) throws -> Response {
        var response = try JSONBody.response(program, status: status)
        response.headers[.location] = "/programs/\(program.id.lowercasedText)"
        return response
    }
}

/// The `after` cursor of a list route: the id of the last item of the previous page.
enum Cursor {
    static func after(_ request: Request) throws -> UUID? {
        guard let text = request.uri.queryParameters.get("after") else { return nil }
        guard let id = UUID(uuidString: String(text)) else {
            throw ProblemDetails(
                status: .badRequest, title: "Invalid cursor",
                detail: "after is the id of the last item of the previous page, got '\(text)'.",
                invalidParams: [.init(name: "after", reason: "is not an id (a UUID)")])
        }
        return id
    }
}
