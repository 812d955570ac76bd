import Contracts
import Foundation
import Postgres
import ServiceKit
import UUIDText

/// `workflow-matching`: enrolled communities have waited `matchingDelay`; a matching run (in
/// optimal mode, the default weights) is stored, and where the program's policy says so, the
/// proposals for enrolled communities are confirmed at once. An enrolled community left
/// unpaired says so on its timeline and waits for the next run.
struct WorkflowMatchingTimer: TimerHandler {
    let workflows: WorkflowStore
    let runs: MatchingRunStore
    let proposals: ProposalStore
    let timerName = WorkflowStore.matchingTimer

    func fire(_ timers: [DueTimer<WorkflowStore.MatchingDue>], on connection: PostgresConnection) async throws {
        for timer in timers {
            let program = timer.payload.program
            guard case .success(let parameters) = RunParameters.validated(RunMatching(program: program, mode: .optimal)) else { continue }
            let runKey = "workflow:\(program.rawValue):\(ContractCoding.formatInstant(timer.dueAt))"
            guard case .run(let run, _) = try await runs.start(parameters, runKey: runKey, startedBy: "workflow", on: connection) else {
                continue
            }
            let waiting = try await connection.query(
                """
                SELECT \(unsafeSQL: WorkflowStore.columns) FROM workflows
                WHERE program = \(program.rawValue) AND pairing_id IS NULL AND closed_at IS NULL ORDER BY id FOR UPDATE
                """
            ).map(WorkflowStore.row)
            let proposed = Dictionary(
                try await connection.query(
                    "SELECT impacted_id, id FROM proposals WHERE run_id = \(run.id) AND status = 'proposed'"
                ).map { (try $0.decode(UUID.self, at: 0), try $0.decode(UUID.self, at: 1)) }, uniquingKeysWith: { first, _ in first })
            for row in waiting {
                guard let proposal = proposed[row.impactedId] else {
                    try await workflows.note(
                        row, .matching, 0, "unpaired", reason: "matching run \(run.id.lowercasedText) proposed no supporting community",
                        on: connection)
                    continue
                }
                try await workflows.note(
                    row, .matching, 0, "proposed", reason: "matching run \(run.id.lowercasedText), proposal \(proposal.lowercasedText)",
                    on: connection)
                if workflows.settings.autoConfirm.contains(program) {
                    _ = try await proposals.confirm(
                        id: proposal, request: ConfirmationRequest(commitment: nil), by: "workflow auto-confirm",
                        correlation: row.correlationId, on: connection)
                }
            }
        }
    }
}

/// `workflow-step-due`: a step still open at its due instant is overdue; the team is reminded.
struct WorkflowStepDueTimer: TimerHandler {
    let workflows: WorkflowStore
    let timerName = WorkflowStore.stepDueTimer

    func fire(_ timers: [DueTimer<WorkflowStore.StepDue>], on connection: PostgresConnection) async throws {
        for timer in timers { try await workflows.stepDue(timer.payload, on: connection) }
    }
}

/// `workflow-escalation`: a step still open after its reminder goes to the Agency coordinators.
struct WorkflowEscalationTimer: TimerHandler {
    let workflows: WorkflowStore
    let timerName = WorkflowStore.escalationTimer

    func fire(_ timers: [DueTimer<WorkflowStore.StepDue>], on connection: PostgresConnection) async throws {
        for timer in timers { try await workflows.escalate(timer.payload, on: connection) }
    }
}

/// `workflow-meeting-reminder`: the kickoff meeting is near.
struct WorkflowMeetingReminderTimer: TimerHandler {
    let workflows: WorkflowStore
    let timerName = WorkflowStore.meetingReminderTimer

    func fire(_ timers: [DueTimer<WorkflowStore.MeetingDue>], on connection: PostgresConnection) async throws {
        for timer in timers { try await workflows.remindOfMeeting(timer.payload, on: connection) }
    }
}

/// `workflow-reassessment`: the next six-monthly reassessment is requested.
struct WorkflowReassessmentTimer: TimerHandler {
    let workflows: WorkflowStore
    let timerName = WorkflowStore.reassessmentTimer

    func fire(_ timers: [DueTimer<WorkflowStore.CycleDue>], on connection: PostgresConnection) async throws {
        for timer in timers { try await workflows.reassessmentDue(timer.payload, on: connection) }
    }
}

/// `workflow-close`: the cycle's years are over.
struct WorkflowCloseTimer: TimerHandler {
    let workflows: WorkflowStore
    let timerName = WorkflowStore.closeTimer

    func fire(_ timers: [DueTimer<WorkflowStore.CycleDue>], on connection: PostgresConnection) async throws {
        for timer in timers { try await workflows.close(timer.payload, on: connection) }
    }
}
