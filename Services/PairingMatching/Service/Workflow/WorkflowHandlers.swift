import Contracts
import Foundation
import Postgres
import ServiceKit

/// `matching.pairing-confirmed.v1` (this service's own): the cycle of the impacted community,
/// if it has one, is paired.
struct WorkflowPairingConfirmedHandler: EventHandler {
    let workflows: WorkflowStore

    func handle(_ batch: [Delivered<PairingConfirmed>], on connection: PostgresConnection) async throws {
        for delivered in batch { try await workflows.pairingConfirmed(delivered.event, correlation: nil, on: connection) }
    }
}

/// `matching.joint-team-formed.v1` (this service's own): the cycle's team is formed and its
/// needs assessment falls due.
struct WorkflowJointTeamFormedHandler: EventHandler {
    let workflows: WorkflowStore

    func handle(_ batch: [Delivered<JointTeamFormed>], on connection: PostgresConnection) async throws {
        for delivered in batch { try await workflows.jointTeamFormed(delivered.event, correlation: nil, on: connection) }
    }
}

/// `scheduling.program-scheduled.v1`: a cycle's kickoff meeting is scheduled.
struct WorkflowProgramScheduledHandler: EventHandler {
    let workflows: WorkflowStore

    func handle(_ batch: [Delivered<ProgramScheduled>], on connection: PostgresConnection) async throws {
        for delivered in batch { try await workflows.programScheduled(delivered.event, correlation: nil, on: connection) }
    }
}

/// `scheduling.session-rescheduled.v1`: a kickoff that moved is reminded of at its new time.
struct WorkflowSessionRescheduledHandler: EventHandler {
    let workflows: WorkflowStore

    func handle(_ batch: [Delivered<SessionRescheduled>], on connection: PostgresConnection) async throws {
        for delivered in batch { try await workflows.sessionRescheduled(delivered.event, on: connection) }
    }
}

/// `registry.milestone-planned.v1`: a cycle's road map has begun.
struct WorkflowMilestonePlannedHandler: EventHandler {
    let workflows: WorkflowStore

    func handle(_ batch: [Delivered<MilestonePlanned>], on connection: PostgresConnection) async throws {
        for delivered in batch { try await workflows.milestonePlanned(delivered.event, correlation: nil, on: connection) }
    }
}

/// `matching.request-needs-assessment.v1`: enrols the community, or requests its next
/// reassessment, with the command's correlation id on every effect. A community not known
/// here yet is tried again later (the registry's event may still be on its way); a global
/// community is parked with the reason.
struct RequestNeedsAssessmentHandler: CommandHandler {
    let workflows: WorkflowStore

    struct CommunityNotKnownYet: Error, CustomStringConvertible {
        var community: UUID
        var description: String {
            "community \(community.uuidString.lowercased()) is not known to pairing-matching yet; the command is tried again"
        }
    }

    func handle(_ batch: [Delivered<RequestNeedsAssessment>], on connection: PostgresConnection) async throws {
        for delivered in batch {
            let command = delivered.command
            let correlation = delivered.context.correlationID ?? delivered.context.messageID.uuidString.lowercased()
            switch try await workflows.enrol(
                command.impactedCommunityId, program: command.program ?? .communities2gether,
                by: "command \(delivered.context.messageID.uuidString.lowercased())", correlation: correlation, on: connection)
            {
            case .enrolled: break
            case .unknownCommunity: throw CommunityNotKnownYet(community: command.impactedCommunityId)
            case .notImpacted:
                throw PermanentFailure(
                    "impactedCommunityId: \(command.impactedCommunityId.uuidString.lowercased()) is a global community; only Israeli localities are assessed"
                )
            }
        }
    }
}

/// `matching.skip-workflow-step.v1`: skips a step of the community's cycles with the reason.
struct SkipWorkflowStepHandler: CommandHandler {
    let workflows: WorkflowStore

    func handle(_ batch: [Delivered<SkipWorkflowStep>], on connection: PostgresConnection) async throws {
        for delivered in batch {
            let command = delivered.command
            let occurrence: Int
            switch SkipRequest.validated(step: command.step, occurrence: command.occurrence, reason: command.reason) {
            case .success(let value): occurrence = value.occurrence
            case .failure(let invalid): throw PermanentFailure(invalid.description)
            }
            let cycles = try await workflows.cycles(of: command.impactedCommunityId, on: connection)
            guard !cycles.isEmpty else {
                throw PermanentFailure(
                    "impactedCommunityId: \(command.impactedCommunityId.uuidString.lowercased()) has no needs-assessment cycle")
            }
            let by = "command \(delivered.context.messageID.uuidString.lowercased())"
            for row in cycles {
                _ = try await workflows.skip(
                    row, step: command.step, occurrence: occurrence, reason: "\(command.reason) (skipped by \(by))",
                    correlation: delivered.context.correlationID, on: connection)
            }
        }
    }
}

/// A skip's checked fields, from the command or `POST /workflows/{id}/skips`.
struct SkipRequest: Decodable, Sendable {
    var step: String?
    var occurrence: Int?
    var reason: String?

    struct Valid: Sendable {
        var step: WorkflowStep
        var occurrence: Int
        var reason: String
    }

    func validated() -> Result<Valid, InvalidInput> {
        guard let text = step, let step = WorkflowStep(rawValue: text) else {
            return .failure(
                InvalidInput(
                    "the step cannot be skipped",
                    invalidFields: [
                        .init(name: "step", reason: "is one of \(WorkflowStep.allCases.map(\.rawValue).joined(separator: ", "))")
                    ]))
        }
        return Self.validated(step: step, occurrence: occurrence, reason: reason ?? "")
    }

    static func validated(step: WorkflowStep, occurrence: Int?, reason: String) -> Result<Valid, InvalidInput> {
        var invalid: [InvalidInput.InvalidField] = []
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed.count > 500 || trimmed.contains("\0") {
            invalid.append(.init(name: "reason", reason: "says why in 1 to 500 characters"))
        }
        if [.enrolment, .closing].contains(step) {
            invalid.append(.init(name: "step", reason: "\(step.rawValue) cannot be skipped"))
        }
        if step == .reassessment {
            if (occurrence ?? 0) < 1 { invalid.append(.init(name: "occurrence", reason: "names the reassessment, from 1")) }
        } else if let occurrence, occurrence != 0 {
            invalid.append(.init(name: "occurrence", reason: "is only for reassessments"))
        }
        guard invalid.isEmpty else { return .failure(InvalidInput("the step cannot be skipped", invalidFields: invalid)) }
        return .success(Valid(step: step, occurrence: occurrence ?? 0, reason: trimmed))
    }
}
