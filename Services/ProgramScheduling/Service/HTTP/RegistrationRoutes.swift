import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import ServiceKit
import UUIDText

/// `POST /programs/{id}/registrations`, `GET /programs/{id}/registrations`,
/// `GET` and `DELETE /programs/{id}/registrations/{registrationId}`.
struct RegistrationRoutes: ResourceRoutes {
    let store: RegistrationStore
    let programs: ProgramStore

    func add(to router: Router<BasicRequestContext>) {
        router.post("/programs/:id/registrations") { request, context in try await register(request, context: context) }
        router.get("/programs/:id/registrations") { request, context in try await list(request, context: context) }
        router.get("/programs/:id/registrations/:registrationId") { _, context in try await show(context: context) }
        router.delete("/programs/:id/registrations/:registrationId") { _, context in try await cancel(context: context) }
    }

    struct RegistrationRequest: Decodable {
        var volunteerId: UUID?
        /// A participant the registry does not know; shown to coordinators only.
        var participantName: String?
        /// One session; absent for the whole program.
        var sessionId: UUID?
    }

    /// 201 with the registration, `confirmed` or `waitlisted` with its place in line; 200 with
    /// what an `Idempotency-Key` used before created; 409 when the volunteer is registered
    /// already.
    func register(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let programID = try context.parameters.uuid("id", of: "a program")
        let body = try await JSONBody.decode(RegistrationRequest.self, from: request, limit: 16 * 1024, describing: "a registration")
        var invalid: [InvalidInput.InvalidField] = []
        if (body.volunteerId == nil) == (body.participantName == nil) {
            invalid.append(.init(name: "volunteerId", reason: "exactly one of volunteerId and participantName is required"))
        }
        if let name = body.participantName, name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || name.count > 200 {
            invalid.append(.init(name: "participantName", reason: "must be 1 to 200 characters"))
        }
        if let name = body.participantName, name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            invalid.append(.init(name: "participantName", reason: "must not hold control characters"))
        }
        if !invalid.isEmpty {
            throw ProblemDetails.invalid(
                InvalidInput("the registration cannot be made", invalidFields: invalid), title: "Invalid registration")
        }
        try SchedulingAccess.requireSelf(volunteer: body.volunteerId)
        try await requireProgramAccess(programID)
        switch try await store.register(
            programID: programID, sessionID: body.sessionId, volunteerID: body.volunteerId, participantName: body.participantName,
            idempotencyKey: try IdempotencyKey.of(request), now: Date())
        {
        case .registered(let registration, let created):
            var response = try JSONBody.response(registration, status: created ? .created : .ok)
            response.headers[.location] =
                "/programs/\(programID.uuidString.lowercased())/registrations/\(registration.id.uuidString.lowercased())"
            return response
        case .programNotFound: throw ProblemDetails.notFound("program \(programID.uuidString.lowercased())")
        case .sessionNotFound:
            throw ProblemDetails(
                status: .unprocessableContent, title: "Unknown session", detail: "The program has no such session.",
                invalidParams: [.init(name: "sessionId", reason: "is not a session of the program")])
        case .sessionCancelled:
            throw ProblemDetails(
                status: .conflict, title: "Session cancelled", detail: "The session was cancelled; registrations are closed.")
        case .alreadyRegistered(let existing):
            throw ProblemDetails(
                status: .conflict, title: "Already registered",
                detail:
                    "The volunteer is registered already: /programs/\(programID.uuidString.lowercased())/registrations/\(existing.id.uuidString.lowercased())"
            )
        }
    }

    /// A partnership coordinator acts on their own partnerships' programs only.
    private func requireProgramAccess(_ programID: UUID) async throws {
        guard Caller.current?.role == .partnershipCoordinator else { return }
        guard let program = try await programs.find(id: programID) else {
            throw ProblemDetails.notFound("program \(programID.uuidString.lowercased())")
        }
        try SchedulingAccess.requireProgram(partnership: program.partnershipId.flatMap(UUID.init(uuidString:)))
    }

    /// What a caller may see of a registration: a named participant's name is for
    /// coordinators.
    private func visible(_ registration: RegistrationStore.RegistrationView) -> RegistrationStore.RegistrationView {
        var registration = registration
        if Caller.current?.role == .volunteer { registration.participantName = nil }
        return registration
    }

    func show(context: BasicRequestContext) async throws -> Response {
        let programID = try context.parameters.uuid("id", of: "a program")
        let id = try context.parameters.uuid("registrationId", of: "a registration")
        try await requireProgramAccess(programID)
        guard let registration = try await store.find(programID: programID, registrationID: id) else {
            throw ProblemDetails.notFound("registration \(id.uuidString.lowercased())")
        }
        if Caller.current?.role == .volunteer && registration.volunteerId != Caller.current?.volunteer?.lowercasedText {
            throw ProblemDetails.notFound("registration \(id.uuidString.lowercased())")
        }
        return try JSONBody.response(visible(registration))
    }

    /// `GET /programs/{id}/registrations?limit=100&after=<id>`: in the order they came, which
    /// is the waitlist's order; a volunteer sees their own only.
    func list(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let programID = try context.parameters.uuid("id", of: "a program")
        let limit = try ReadModelPage.limit(request)
        let after = try Cursor.after(request)
        try await requireProgramAccess(programID)
        let volunteer = Caller.current?.role == .volunteer ? (Caller.current?.volunteer ?? UUID()) : nil
        let registrations = try await store.list(programID: programID, limit: limit, after: after, volunteer: volunteer).map(visible)
        return try JSONBody.response(
            RegistrationPage(
                registrations: registrations, next: registrations.count == limit ? registrations.last?.id.uuidString.lowercased() : nil))
    }

    struct RegistrationPage: Encodable {
        var registrations: [RegistrationStore.RegistrationView]
        var next: String?
    }

    /// Cancels a registration: 200 with it, and the registration promoted to its seat.
    func cancel(context: BasicRequestContext) async throws -> Response {
        let programID = try context.parameters.uuid("id", of: "a program")
        let id = try context.parameters.uuid("registrationId", of: "a registration")
        try await requireProgramAccess(programID)
        if Caller.current?.role == .volunteer {
            guard let registration = try await store.find(programID: programID, registrationID: id),
                registration.volunteerId == Caller.current?.volunteer?.lowercasedText
            else { throw ProblemDetails.notFound("registration \(id.uuidString.lowercased())") }
        }
        switch try await store.cancel(programID: programID, registrationID: id, now: Date()) {
        case .notFound: throw ProblemDetails.notFound("registration \(id.uuidString.lowercased())")
        case .cancelled(let registration, let promoted):
            return try JSONBody.response(Cancellation(cancelled: visible(registration), promoted: promoted.map(visible)))
        }
    }

    struct Cancellation: Encodable {
        var cancelled: RegistrationStore.RegistrationView
        var promoted: RegistrationStore.RegistrationView?
    }
}
