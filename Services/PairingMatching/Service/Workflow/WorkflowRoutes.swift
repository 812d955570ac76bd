import Contracts
import Foundation
import Hummingbird
import Postgres
import ServiceKit
import UUIDText

/// `POST /workflows` (enrol an impacted community, or request its next reassessment),
/// `GET /workflows` (the cycles, overdue first, then by their next due instant),
/// `GET /workflows/{id}` (a cycle's steps and timeline; by the cycle's id or the impacted
/// community's) and `POST /workflows/{id}/skips` (skip a step with a reason).
struct WorkflowRoutes: ResourceRoutes {
    let workflows: WorkflowStore

    struct EnrolmentRequest: Decodable, Sendable {
        var impactedCommunityId: String?
        var program: String?
    }

    func add(to router: Router<BasicRequestContext>) {
        router.post("/workflows") { request, _ in try await enrol(request) }
        router.get("/workflows") { request, _ in try await list(request) }
        router.get("/workflows/:id") { _, context in try await show(context: context) }
        router.post("/workflows/:id/skips") { request, context in try await skip(request, context: context) }
    }

    /// 201 with the new cycle and `Location`; 200 with the cycle when the community is in one
    /// already (its next reassessment is requested if its first assessment is in); 422 for a
    /// community this service does not know as an Israeli locality.
    func enrol(_ request: Request) async throws -> Response {
        let body = try await JSONBody.decode(EnrolmentRequest.self, from: request, limit: 16 * 1024, describing: "an enrolment")
        var invalid: [InvalidInput.InvalidField] = []
        let community = body.impactedCommunityId.flatMap(UUID.init(uuidString:))
        if community == nil { invalid.append(.init(name: "impactedCommunityId", reason: "is a community's id (a UUID)")) }
        let program = body.program.map(PartnershipProgram.init(rawValue:)) ?? .communities2gether
        if program == nil {
            invalid.append(
                .init(name: "program", reason: "is one of \(PartnershipProgram.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        guard let community, let program, invalid.isEmpty else {
            throw ProblemDetails.invalid(
                InvalidInput("the community cannot be enrolled", invalidFields: invalid), title: "Invalid enrolment")
        }
        let subject = Caller.current?.subject ?? "unknown"
        let outcome = try await workflows.postgres.withTransaction { connection in
            try await workflows.enrol(community, program: program, by: subject, correlation: nil, on: connection)
        }
        switch outcome {
        case .unknownCommunity:
            throw ProblemDetails.invalid(
                InvalidInput(
                    "the community cannot be enrolled",
                    invalidFields: [
                        .init(
                            name: "impactedCommunityId",
                            reason: "names no community registered in the registry (or its registration has not reached matching yet)")
                    ]), title: "Unknown community")
        case .notImpacted:
            throw ProblemDetails.invalid(
                InvalidInput(
                    "the community cannot be enrolled",
                    invalidFields: [
                        .init(name: "impactedCommunityId", reason: "is a global community; only Israeli localities are assessed")
                    ]), title: "Not an impacted community")
        case .enrolled(let id, let created):
            guard let workflow = try await view(id) else { throw ProblemDetails.notFound("workflow \(id.lowercasedText)") }
            var response = try JSONBody.response(workflow, status: created ? .created : .ok)
            response.headers[.location] = "/workflows/\(id.lowercasedText)"
            return response
        }
    }

    /// `GET /workflows?stage=roadMap&limit=100`: open and closed cycles, overdue first, then by
    /// the next due instant, then by enrolment.
    func list(_ request: Request) async throws -> Response {
        let limit = try ReadModelPage.limit(request)
        var stage: WorkflowStep?
        if let text = request.uri.queryParameters.get("stage") {
            guard let value = WorkflowStep(rawValue: String(text)) else {
                throw ProblemDetails(
                    status: .badRequest, title: "Invalid stage",
                    detail: "stage is one of \(WorkflowStep.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            stage = value
        }
        let all: [WorkflowSummary] = try await workflows.postgres.withConnection { connection in
            try await summaries(on: connection)
        }
        let selected = all.filter { stage == nil || $0.stage == stage }
        return try ReadModelPage.response(total: selected.count, items: Array(selected.prefix(limit)))
    }

    func show(context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a workflow (or an impacted community)")
        guard let workflow = try await view(id) else { throw ProblemDetails.notFound("workflow \(id.lowercasedText)") }
        return try JSONBody.response(workflow)
    }

    /// 200 with the cycle; 409 when the step was done or skipped before, or the cycle closed;
    /// 422 naming each invalid field.
    func skip(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a workflow (or an impacted community)")
        let body = try await JSONBody.decode(SkipRequest.self, from: request, limit: 16 * 1024, describing: "a skip")
        let valid: SkipRequest.Valid
        switch body.validated() {
        case .success(let value): valid = value
        case .failure(let invalid): throw ProblemDetails.invalid(invalid, title: "Invalid skip")
        }
        let subject = Caller.current?.subject ?? "unknown"
        let outcome: (UUID, WorkflowStore.Skip)? = try await workflows.postgres.withTransaction { connection in
            guard let row = try await locate(id, on: connection) else { return nil }
            return (
                row.id,
                try await workflows.skip(
                    row, step: valid.step, occurrence: valid.occurrence, reason: "\(valid.reason) (skipped by \(subject))",
                    correlation: nil, on: connection)
            )
        }
        guard let (workflowId, result) = outcome else { throw ProblemDetails.notFound("workflow \(id.lowercasedText)") }
        switch result {
        case .closed: throw ProblemDetails.conflict("The cycle is closed; its steps no longer change.")
        case .alreadyFinished(let status):
            throw ProblemDetails.conflict("The step \(valid.step.rawValue) is \(status.rawValue) already.")
        case .skipped:
            guard let workflow = try await view(workflowId) else { throw ProblemDetails.notFound("workflow \(id.lowercasedText)") }
            return try JSONBody.response(workflow)
        }
    }

    // MARK: Reading

    /// The cycle named by its id or by its impacted community's id (the oldest of its cycles).
    private func locate(_ id: UUID, on connection: PostgresConnection) async throws -> WorkflowStore.Row? {
        if let row = try await workflows.lock(id, on: connection) { return row }
        return try await workflows.cycles(of: id, on: connection).first
    }

    func view(_ id: UUID) async throws -> Workflow? {
        try await workflows.postgres.withTransaction { connection in
            guard let row = try await locate(id, on: connection) else { return nil }
            let steps = try await workflows.stepStates(row.id, on: connection)
            let timeline = try await connection.query(
                """
                SELECT at, step, occurrence, what, due_at, reason FROM workflow_timeline WHERE workflow_id = \(row.id) ORDER BY entry
                """
            ).compactMap { entry -> Workflow.Entry? in
                guard let step = WorkflowStep(rawValue: try entry.decode(String.self, "step")) else { return nil }
                return Workflow.Entry(
                    at: try entry.decode(Date.self, "at"), step: step, occurrence: try entry.decode(Int.self, "occurrence"),
                    what: try entry.decode(String.self, "what"), dueAt: try entry.decode(Date?.self, "due_at"),
                    reason: try entry.decode(String?.self, "reason"))
            }
            let name = try await connection.query("SELECT name FROM candidate_communities WHERE community_id = \(row.impactedId)")
                .first?.decode(String.self, at: 0)
            return Workflow(
                id: row.id, program: row.program, impactedCommunityId: row.impactedId, impactedCommunityName: name,
                correlationId: row.correlationId, pairingId: row.pairingId?.lowercasedText,
                supportingCommunityId: row.supportingId?.lowercasedText, teamId: row.teamId?.lowercasedText,
                pairedAt: row.pairedAt, kickoffAt: row.kickoffAt, enrolledBy: row.enrolledBy, enrolledAt: row.enrolledAt,
                closedAt: row.closedAt, summary: row.summary, stage: Self.stage(row, steps), next: Self.next(steps), steps: steps,
                timeline: timeline)
        }
    }

    private func summaries(on connection: PostgresConnection) async throws -> [WorkflowSummary] {
        let rows = try await connection.query(
            """
            SELECT \(unsafeSQL: WorkflowStore.joinedColumns),
                   c.name AS community_name
            FROM workflows w LEFT JOIN candidate_communities c ON c.community_id = w.impacted_id ORDER BY w.id
            """)
        var steps: [UUID: [Workflow.Step]] = [:]
        for row in try await connection.query(
            "SELECT workflow_id, step, occurrence, status, due_at FROM workflow_steps")
        {
            guard let step = WorkflowStep(rawValue: try row.decode(String.self, "step")),
                let status = WorkflowStepRecorded.Status(rawValue: try row.decode(String.self, "status"))
            else { continue }
            steps[try row.decode(UUID.self, "workflow_id"), default: []].append(
                Workflow.Step(
                    step: step, occurrence: try row.decode(Int.self, "occurrence"), status: status, requestedAt: nil,
                    dueAt: try row.decode(Date?.self, "due_at"), finishedAt: nil, reason: nil))
        }
        let summaries = try rows.map { raw -> WorkflowSummary in
            let row = try WorkflowStore.row(raw)
            let own = steps[row.id] ?? []
            return WorkflowSummary(
                id: row.id, program: row.program, impactedCommunityId: row.impactedId,
                impactedCommunityName: try raw.decode(String?.self, "community_name"), pairingId: row.pairingId?.lowercasedText,
                supportingCommunityId: row.supportingId?.lowercasedText, stage: Self.stage(row, own), next: Self.next(own),
                enrolledAt: row.enrolledAt,
                closedAt: row.closedAt)
        }
        return summaries.sorted { left, right in
            let leftOverdue = left.next?.overdue ?? false
            let rightOverdue = right.next?.overdue ?? false
            if leftOverdue != rightOverdue { return leftOverdue }
            switch (left.next?.dueAt, right.next?.dueAt) {
            case (let a?, let b?) where a != b: return a < b
            case (.some, nil): return true
            case (nil, .some): return false
            default: return left.enrolledAt < right.enrolledAt
            }
        }
    }

    static func stage(_ row: WorkflowStore.Row, _ steps: [Workflow.Step]) -> WorkflowStep {
        let finished = Set(steps.filter { ($0.status == .done || $0.status == .skipped) && $0.occurrence == 0 }.map(\.step))
        return Workflow.stage(closed: row.closedAt != nil, finished: finished)
    }

    /// The open step due soonest; overdue when its due instant has passed.
    static func next(_ steps: [Workflow.Step]) -> Workflow.Due? {
        let open = steps.filter { [.requested, .overdue, .escalated].contains($0.status) }
        guard let soonest = open.compactMap({ step in step.dueAt.map { (step, $0) } }).min(by: { $0.1 < $1.1 }) else { return nil }
        return Workflow.Due(
            step: soonest.0.step, occurrence: soonest.0.occurrence, dueAt: soonest.1,
            overdue: soonest.0.status != .requested || soonest.1 <= Date())
    }
}
