import Contracts
import Foundation
import Postgres
import ServiceKit
import UUIDText

/// The needs-assessment cycles' process manager: one cycle per enrolled impacted community and
/// program, its state in this service's database, moved on by the events of the four services
/// and by durable timers, each change in the transaction of what caused it (with its event
/// and its next timer). A step only moves forward (requested, overdue, escalated, then done or
/// skipped), so an event that arrives twice, late or before the one it follows changes
/// nothing it should not, and a timer that fires after its step was done does nothing.
struct WorkflowStore: Sendable {
    let postgres: PostgresClient
    let outbox: Outbox
    let timers: Timers
    let settings: WorkflowSettings

    static let matchingTimer = "workflow-matching"
    static let stepDueTimer = "workflow-step-due"
    static let escalationTimer = "workflow-escalation"
    static let meetingReminderTimer = "workflow-meeting-reminder"
    static let reassessmentTimer = "workflow-reassessment"
    static let closeTimer = "workflow-close"

    /// A cycle's row.
    struct Row: Sendable {
        var id: UUID
        var program: PartnershipProgram
        var impactedId: UUID
        var correlationId: String
        var pairingId: UUID?
        var supportingId: UUID?
        var teamId: UUID?
        var pairedAt: Date?
        var kickoffProgramId: UUID?
        var kickoffAt: Date?
        var enrolledBy: String
        var enrolledAt: Date
        var closedAt: Date?
        var summary: String?
    }

    /// What enrolling came to.
    enum Enrolment: Sendable {
        case enrolled(UUID, created: Bool)
        /// The registry's `community-registered` has not reached this service (yet).
        case unknownCommunity
        /// The community is a global one: only Israeli localities are assessed.
        case notImpacted
    }

    /// Payloads of the timers.
    struct MatchingDue: Codable, Sendable { var program: PartnershipProgram }
    struct StepDue: Codable, Sendable {
        var workflowId: UUID
        var step: WorkflowStep
        var occurrence: Int
    }
    struct MeetingDue: Codable, Sendable {
        var workflowId: UUID
        var meetingAt: Date
    }
    struct CycleDue: Codable, Sendable { var workflowId: UUID }

    // MARK: Enrolment and commands

    /// Enrols `impacted` in a cycle of `program` and requests its needs assessment; a matching
    /// run is planned `matchingDelay` later unless one is planned already. A community already
    /// in a cycle whose first assessment is in gets its next reassessment requested instead.
    func enrol(
        _ impacted: UUID, program: PartnershipProgram, by subject: String, correlation: String?, on connection: PostgresConnection
    ) async throws -> Enrolment {
        guard
            let kind = try await connection.query("SELECT kind FROM candidate_communities WHERE community_id = \(impacted)").first?
                .decode(String.self, at: 0)
        else { return .unknownCommunity }
        guard kind == CommunityKind.israeliLocality.rawValue else { return .notImpacted }
        let id = UUID.timeOrdered()
        let now = Self.now()
        let inserted = try await connection.query(
            """
            INSERT INTO workflows (id, program, impacted_id, correlation_id, enrolled_by, enrolled_at)
            VALUES (\(id), \(program.rawValue), \(impacted), \(correlation ?? id.lowercasedText), \(subject), \(now))
            ON CONFLICT (program, impacted_id) DO NOTHING RETURNING id
            """)
        guard !inserted.isEmpty else {
            guard let row = try await find(program: program, impacted: impacted, on: connection) else { return .unknownCommunity }
            if row.closedAt == nil, try await status(row.id, .needsAssessment, 0, on: connection) == .done {
                try await requestReassessment(row, correlation: correlation, on: connection)
            } else {
                try await note(row, .needsAssessment, 0, "requested-again", reason: "asked again by \(subject)", on: connection)
            }
            return .enrolled(row.id, created: false)
        }
        guard let row = try await lock(id, on: connection) else { return .unknownCommunity }
        try await change(row, .enrolment, 0, to: .done, reason: "enrolled by \(subject)", correlation: correlation, on: connection)
        try await change(row, .needsAssessment, 0, to: .requested, correlation: correlation, on: connection)
        // A community paired before it was enrolled: the cycle starts from its pairing and team.
        if let paired = try await connection.query(
            """
            SELECT p.id, p.supporting_id, p.decided_at, t.id AS team_id, t.formed_at,
                   (SELECT count(*) FROM joint_team_members m WHERE m.team_id = t.id) AS members
            FROM proposals p LEFT JOIN joint_teams t ON t.pairing_id = p.id AND t.status = 'formed'
            WHERE p.program = \(program.rawValue) AND p.impacted_id = \(impacted) AND p.status = 'confirmed'
            """
        ).first {
            let pairing = try paired.decode(UUID.self, "id")
            try await self.paired(
                row, pairing: pairing, supporting: try paired.decode(UUID.self, "supporting_id"),
                at: try paired.decode(Date?.self, "decided_at") ?? now, reason: "paired before the cycle began", correlation: correlation,
                on: connection)
            if let team = try paired.decode(UUID?.self, "team_id"), let formedAt = try paired.decode(Date?.self, "formed_at"),
                var current = try await lock(id, on: connection)
            {
                try await connection.pipeline("UPDATE workflows SET team_id = \(team) WHERE id = \(id)")
                current.teamId = team
                try await change(
                    current, .jointTeam, 0, to: .done,
                    reason: "\(try paired.decode(Int.self, "members")) members, formed before the cycle began",
                    correlation: correlation, on: connection)
                try await setDue(
                    current, .needsAssessment, 0, at: max(now, formedAt).addingTimeInterval(settings.assessmentDue.inSeconds),
                    correlation: correlation, on: connection)
                try await earlierKickoff(current, correlation: correlation, on: connection)
            }
            return .enrolled(id, created: true)
        }
        let planned = try await connection.query(
            "SELECT 1 FROM timers WHERE name = \(Self.matchingTimer) AND key = \(program.rawValue)")
        if planned.isEmpty {
            try await timers.schedule(
                Self.matchingTimer, key: program.rawValue, at: now.addingTimeInterval(settings.matchingDelay.inSeconds),
                payload: MatchingDue(program: program), on: connection)
        }
        return .enrolled(id, created: true)
    }

    /// What skipping came to.
    enum Skip: Sendable {
        case skipped
        /// The step was done or skipped before; says how.
        case alreadyFinished(WorkflowStepRecorded.Status)
        case closed
    }

    /// Skips a step with a reason: its reminders and escalation are cancelled and the steps
    /// that wait for it are requested.
    func skip(
        _ row: Row, step: WorkflowStep, occurrence: Int, reason: String, correlation: String?, on connection: PostgresConnection
    ) async throws -> Skip {
        guard row.closedAt == nil else { return .closed }
        if try await change(row, step, occurrence, to: .skipped, reason: reason, correlation: correlation, on: connection) {
            return .skipped
        }
        return .alreadyFinished(try await status(row.id, step, occurrence, on: connection) ?? .done)
    }

    // MARK: Events

    /// `matching.pairing-confirmed.v1` (this service's own): the cycle is paired; its
    /// reassessments and its close are planned from the confirmation.
    func pairingConfirmed(_ event: PairingConfirmed, correlation: String?, on connection: PostgresConnection) async throws {
        guard let row = try await find(program: event.program, impacted: event.impactedCommunityId, on: connection) else { return }
        try await paired(
            row, pairing: event.pairingId, supporting: event.supportingCommunityId, at: event.confirmedAt,
            reason: "paired with \(event.supportingCommunityId.lowercasedText), confirmed by \(event.confirmedBy)",
            correlation: correlation,
            on: connection)
    }

    /// `matching.joint-team-formed.v1` (this service's own): the team is formed, and the needs
    /// assessment falls due `assessmentDue` after.
    func jointTeamFormed(_ event: JointTeamFormed, correlation: String?, on connection: PostgresConnection) async throws {
        guard var row = try await find(program: event.program, impacted: event.impactedCommunityId, on: connection) else { return }
        if row.pairingId == nil {
            try await paired(
                row, pairing: event.pairingId, supporting: event.supportingCommunityId, at: event.formedAt,
                reason: "paired with \(event.supportingCommunityId.lowercasedText)", correlation: correlation, on: connection)
        }
        try await connection.pipeline("UPDATE workflows SET team_id = \(event.teamId) WHERE id = \(row.id) AND team_id IS NULL")
        row.teamId = row.teamId ?? event.teamId
        try await change(
            row, .jointTeam, 0, to: .done, reason: "\(Set(event.members.map(\.volunteerId)).count) members", correlation: correlation,
            on: connection)
        try await setDue(
            row, .needsAssessment, 0, at: event.formedAt.addingTimeInterval(settings.assessmentDue.inSeconds), correlation: correlation,
            on: connection)
        if let current = try await lock(row.id, on: connection) {
            try await earlierKickoff(current, correlation: correlation, on: connection)
        }
    }

    /// `scheduling.program-scheduled.v1`: the first program scheduled for a cycle's team is its
    /// kickoff; the team is reminded `meetingReminderLead` before its first session.
    /// The team's first program is kept whether or not a cycle knows the team yet, so that a
    /// cycle that learns of its team later (enrolled after the pairing, or the team's event
    /// handled after the program's) still finds its kickoff.
    func programScheduled(_ event: ProgramScheduled, correlation: String?, on connection: PostgresConnection) async throws {
        guard let teamText = event.teamId, let team = UUID(uuidString: teamText),
            let first = event.sessions.min(by: { $0.startsAt < $1.startsAt })
        else { return }
        try await connection.pipeline(
            """
            INSERT INTO team_programs (team_id, program_id, first_starts_at) VALUES (\(team), \(event.programId), \(first.startsAt))
            ON CONFLICT (team_id) DO NOTHING
            """)
        guard let row = try await find(team: team, on: connection) else { return }
        try await kickoff(row, program: event.programId, at: first.startsAt, reason: nil, correlation: correlation, on: connection)
    }

    /// The cycle's kickoff is `program`, first meeting at `startsAt`, unless it has one.
    private func kickoff(
        _ row: Row, program: UUID, at startsAt: Date, reason: String?, correlation: String?, on connection: PostgresConnection
    ) async throws {
        guard row.kickoffProgramId == nil else { return }
        try await connection.pipeline(
            "UPDATE workflows SET kickoff_program_id = \(program), kickoff_at = \(startsAt) WHERE id = \(row.id)")
        let when = "first meeting \(ContractCoding.formatInstant(startsAt))"
        try await change(
            row, .kickoffMeeting, 0, to: .done, reason: reason.map { "\(when), \($0)" } ?? when, correlation: correlation,
            on: connection)
        try await planMeetingReminder(row.id, meetingAt: startsAt, on: connection)
    }

    /// A kickoff scheduled for the cycle's team before the cycle knew the team.
    private func earlierKickoff(_ row: Row, correlation: String?, on connection: PostgresConnection) async throws {
        guard row.kickoffProgramId == nil, let team = row.teamId,
            let known = try await connection.query(
                "SELECT program_id, first_starts_at FROM team_programs WHERE team_id = \(team)"
            ).first
        else { return }
        try await kickoff(
            row, program: try known.decode(UUID.self, at: 0), at: try known.decode(Date.self, at: 1),
            reason: "scheduled before the cycle knew its team", correlation: correlation, on: connection)
    }

    /// `scheduling.session-rescheduled.v1`: a kickoff that moved is reminded of at its new time.
    func sessionRescheduled(_ event: SessionRescheduled, on connection: PostgresConnection) async throws {
        try await connection.pipeline(
            """
            UPDATE team_programs SET first_starts_at = \(event.session.startsAt)
            WHERE program_id = \(event.programId) AND first_starts_at = \(event.previousStartsAt)
            """)
        let rows = try await connection.query(
            """
            SELECT id FROM workflows WHERE kickoff_program_id = \(event.programId) AND kickoff_at = \(event.previousStartsAt)
            FOR UPDATE
            """)
        for id in try rows.map({ try $0.decode(UUID.self, at: 0) }) {
            guard let row = try await lock(id, on: connection) else { continue }
            try await connection.pipeline("UPDATE workflows SET kickoff_at = \(event.session.startsAt) WHERE id = \(id)")
            try await note(
                row, .kickoffMeeting, 0, "moved", reason: "now \(ContractCoding.formatInstant(event.session.startsAt)): \(event.reason)",
                on: connection)
            try await planMeetingReminder(id, meetingAt: event.session.startsAt, on: connection)
        }
    }

    /// `registry.needs-assessment-submitted.v1`: the first assessment, or the earliest
    /// reassessment requested and not in yet.
    func assessmentSubmitted(_ event: NeedsAssessmentSubmitted, correlation: String?, on connection: PostgresConnection) async throws {
        for row in try await cycles(of: event.communityId, on: connection) {
            let reason = "version \(event.version) submitted"
            if try await change(row, .needsAssessment, 0, to: .done, reason: reason, correlation: correlation, on: connection) {
                continue
            }
            let open = try await connection.query(
                """
                SELECT occurrence FROM workflow_steps WHERE workflow_id = \(row.id) AND step = 'reassessment'
                  AND status IN ('requested', 'overdue', 'escalated')
                ORDER BY occurrence LIMIT 1
                """
            ).first?.decode(Int.self, at: 0)
            if let open {
                try await change(row, .reassessment, open, to: .done, reason: reason, correlation: correlation, on: connection)
            } else {
                try await note(row, .reassessment, 0, "submitted-unasked", reason: reason, on: connection)
            }
        }
    }

    /// `registry.milestone-planned.v1`: the road map has begun.
    func milestonePlanned(_ event: MilestonePlanned, correlation: String?, on connection: PostgresConnection) async throws {
        for row in try await cycles(of: event.communityId, on: connection) {
            try await change(
                row, .roadMap, 0, to: .done, reason: "milestone for \(event.quarter)", correlation: correlation, on: connection)
        }
    }

    /// `registry.funding-committed.v1`: a commitment against the road map (a need item or a
    /// milestone); the pairing's own yearly flows do not count.
    func fundingCommitted(_ event: FundingCommitted, correlation: String?, on connection: PostgresConnection) async throws {
        guard event.needItemId != nil || event.milestoneId != nil else { return }
        for row in try await cycles(of: event.communityId, on: connection) {
            try await change(
                row, .fundingCommitment, 0, to: .done,
                reason: "\(event.funderName) committed \(event.committed.amount) minor units of \(event.committed.currency)",
                correlation: correlation, on: connection)
        }
    }

    // MARK: Timers

    /// A step came due: if it is still open, it is overdue and the team is reminded; the
    /// escalation follows `escalateAfter` later.
    func stepDue(_ due: StepDue, on connection: PostgresConnection) async throws {
        guard let row = try await lock(due.workflowId, on: connection), row.closedAt == nil else { return }
        guard
            try await change(row, due.step, due.occurrence, to: .overdue, reason: "the team was reminded", correlation: nil, on: connection)
        else { return }
        let dueAt = try await dueInstant(row.id, due.step, due.occurrence, on: connection)
        try await notify(row, .overdueReminder, step: due.step, occurrence: due.occurrence, dueAt: dueAt, on: connection)
        try await timers.schedule(
            Self.escalationTimer, key: Self.key(row.id, due.step, due.occurrence),
            at: Self.now().addingTimeInterval(settings.escalateAfter.inSeconds), payload: due, on: connection)
    }

    /// Still open after the reminder: the Agency's members of the team are told.
    func escalate(_ due: StepDue, on connection: PostgresConnection) async throws {
        guard let row = try await lock(due.workflowId, on: connection), row.closedAt == nil else { return }
        guard
            try await change(
                row, due.step, due.occurrence, to: .escalated, reason: "the Agency coordinators were told", correlation: nil, on: connection
            )
        else { return }
        let dueAt = try await dueInstant(row.id, due.step, due.occurrence, on: connection)
        try await notify(row, .escalation, step: due.step, occurrence: due.occurrence, dueAt: dueAt, agencyOnly: true, on: connection)
    }

    /// The kickoff is `meetingReminderLead` away: the six members are reminded, unless the
    /// meeting moved since (its new time has a reminder of its own) or has passed.
    func remindOfMeeting(_ due: MeetingDue, on connection: PostgresConnection) async throws {
        guard let row = try await lock(due.workflowId, on: connection), row.closedAt == nil, let kickoff = row.kickoffAt,
            abs(kickoff.timeIntervalSince(due.meetingAt)) < 1, kickoff > Self.now()
        else { return }
        try await notify(row, .meetingReminder, step: .kickoffMeeting, occurrence: 0, meetingAt: kickoff, on: connection)
    }

    /// The next reassessment of the cycle is requested, and the one after it planned.
    func reassessmentDue(_ due: CycleDue, on connection: PostgresConnection) async throws {
        guard let row = try await lock(due.workflowId, on: connection), row.closedAt == nil else { return }
        let occurrence = try await requestReassessment(row, correlation: nil, on: connection)
        if occurrence < settings.reassessments, let pairedAt = row.pairedAt {
            let next = pairedAt.addingTimeInterval(settings.reassessmentEvery.inSeconds * Double(occurrence + 1))
            try await timers.schedule(
                Self.reassessmentTimer, key: row.id.lowercasedText, at: max(next, Self.now()), payload: due, on: connection)
        }
    }

    /// The cycle's years are over: it closes with a summary, and the team is told.
    func close(_ due: CycleDue, on connection: PostgresConnection) async throws {
        guard let row = try await lock(due.workflowId, on: connection), row.closedAt == nil else { return }
        let steps = try await stepStates(row.id, on: connection)
        let reassessments = steps.filter { $0.step == .reassessment }
        let submitted = reassessments.filter { $0.status == .done }.count
        func state(_ step: WorkflowStep) -> String {
            steps.first { $0.step == step && $0.occurrence == 0 }?.status.rawValue ?? "not reached"
        }
        let summary =
            "needs assessment \(state(.needsAssessment)); road map \(state(.roadMap)); funding \(state(.fundingCommitment)); "
            + "\(submitted) of \(reassessments.count) reassessments submitted"
        try await connection.pipeline("UPDATE workflows SET closed_at = \(Self.now()), summary = \(summary) WHERE id = \(row.id)")
        try await change(row, .closing, 0, to: .done, reason: summary, correlation: nil, on: connection)
        try await notify(row, .cycleClosed, step: .closing, occurrence: 0, summary: summary, on: connection)
        try await connection.pipeline(
            """
            DELETE FROM timers WHERE name IN (\(Self.stepDueTimer), \(Self.escalationTimer), \(Self.meetingReminderTimer),
                                              \(Self.reassessmentTimer))
              AND key LIKE \(row.id.lowercasedText + "%")
            """)
    }

    // MARK: Steps

    /// Moves a step to `status` if it may: `requested` only a step not seen before; `overdue`
    /// a requested one; `escalated` an overdue one; `done` and `skipped` one not finished (or
    /// not seen: an event may come before the request it answers). A change is written to the
    /// timeline and published as `matching.workflow-step-recorded.v1`; a finished step's
    /// timers are cancelled and the steps that wait for it requested. Returns whether it
    /// changed anything.
    @discardableResult
    func change(
        _ row: Row, _ step: WorkflowStep, _ occurrence: Int, to status: WorkflowStepRecorded.Status, due: Date? = nil,
        reason: String? = nil, correlation: String?, on connection: PostgresConnection
    ) async throws -> Bool {
        let from: [String]
        switch status {
        case .requested: from = []
        case .overdue: from = ["requested"]
        case .escalated: from = ["overdue"]
        case .done, .skipped: from = ["requested", "overdue", "escalated"]
        }
        let now = Self.now()
        let finished = status == .done || status == .skipped
        let requestedAt: Date? = status == .requested ? now : nil
        let finishedAt: Date? = finished ? now : nil
        let changed = try await connection.query(
            """
            INSERT INTO workflow_steps (workflow_id, step, occurrence, status, requested_at, due_at, finished_at, reason, updated_at)
            VALUES (\(row.id), \(step.rawValue), \(occurrence), \(status.rawValue), \(requestedAt), \(due), \(finishedAt), \(reason), \(now))
            ON CONFLICT (workflow_id, step, occurrence) DO UPDATE SET status = excluded.status,
                finished_at = excluded.finished_at, reason = COALESCE(excluded.reason, workflow_steps.reason),
                updated_at = excluded.updated_at
            WHERE workflow_steps.status = ANY(\(from)::text[])
            RETURNING due_at
            """)
        guard let returned = changed.first else { return false }
        let dueAt = try returned.decode(Date?.self, at: 0)
        try await connection.pipeline(
            """
            INSERT INTO workflow_timeline (workflow_id, at, step, occurrence, what, due_at, reason)
            VALUES (\(row.id), \(now), \(step.rawValue), \(occurrence), \(status.rawValue), \(dueAt), \(reason))
            """)
        try await outbox.enqueue(
            WorkflowStepRecorded(
                workflowId: row.id, impactedCommunityId: row.impactedId, pairingId: row.pairingId, step: step, occurrence: occurrence,
                status: status, dueAt: dueAt, reason: reason, recordedAt: now),
            on: connection, correlationID: correlation ?? row.correlationId)
        let key = Self.key(row.id, step, occurrence)
        if finished {
            try await timers.cancel(Self.stepDueTimer, key: key, on: connection)
            try await timers.cancel(Self.escalationTimer, key: key, on: connection)
            switch step {
            case .needsAssessment:
                try await change(
                    row, .roadMap, 0, to: .requested, due: now.addingTimeInterval(settings.roadMapDue.inSeconds), correlation: correlation,
                    on: connection)
            case .roadMap:
                try await change(
                    row, .fundingCommitment, 0, to: .requested, due: now.addingTimeInterval(settings.fundingDue.inSeconds),
                    correlation: correlation, on: connection)
            default: break
            }
        } else if status == .requested, let dueAt {
            try await timers.schedule(
                Self.stepDueTimer, key: key, at: dueAt, payload: StepDue(workflowId: row.id, step: step, occurrence: occurrence),
                on: connection)
        }
        return true
    }

    /// Gives a requested step without a due instant its due instant, and its timer.
    func setDue(
        _ row: Row, _ step: WorkflowStep, _ occurrence: Int, at dueAt: Date, correlation: String?, on connection: PostgresConnection
    ) async throws {
        let now = Self.now()
        let updated = try await connection.query(
            """
            UPDATE workflow_steps SET due_at = \(dueAt), updated_at = \(now)
            WHERE workflow_id = \(row.id) AND step = \(step.rawValue) AND occurrence = \(occurrence) AND status = 'requested'
              AND due_at IS NULL
            RETURNING 1
            """)
        guard !updated.isEmpty else { return }
        try await connection.pipeline(
            """
            INSERT INTO workflow_timeline (workflow_id, at, step, occurrence, what, due_at, reason)
            VALUES (\(row.id), \(now), \(step.rawValue), \(occurrence), 'requested', \(dueAt), 'due instant set')
            """)
        try await outbox.enqueue(
            WorkflowStepRecorded(
                workflowId: row.id, impactedCommunityId: row.impactedId, pairingId: row.pairingId, step: step, occurrence: occurrence,
                status: .requested, dueAt: dueAt, reason: "due instant set", recordedAt: now),
            on: connection, correlationID: correlation ?? row.correlationId)
        try await timers.schedule(
            Self.stepDueTimer, key: Self.key(row.id, step, occurrence), at: dueAt,
            payload: StepDue(workflowId: row.id, step: step, occurrence: occurrence), on: connection)
    }

    /// Requests the cycle's next reassessment now, due `assessmentDue` later, and tells the
    /// team. Returns its number.
    @discardableResult
    func requestReassessment(_ row: Row, correlation: String?, on connection: PostgresConnection) async throws -> Int {
        let last =
            try await connection.query(
                "SELECT max(occurrence) FROM workflow_steps WHERE workflow_id = \(row.id) AND step = 'reassessment'"
            ).first?.decode(Int?.self, at: 0) ?? 0
        let occurrence = last + 1
        let dueAt = Self.now().addingTimeInterval(settings.assessmentDue.inSeconds)
        try await change(row, .reassessment, occurrence, to: .requested, due: dueAt, correlation: correlation, on: connection)
        try await notify(row, .reassessmentRequested, step: .reassessment, occurrence: occurrence, dueAt: dueAt, on: connection)
        return occurrence
    }

    /// Publishes a notice to the cycle's team (or its Agency members), and notes it on the
    /// timeline; a cycle without a team yet has nobody to tell, which the timeline says.
    func notify(
        _ row: Row, _ notice: WorkflowNotice.Notice, step: WorkflowStep, occurrence: Int, dueAt: Date? = nil, meetingAt: Date? = nil,
        summary: String? = nil, agencyOnly: Bool = false, on connection: PostgresConnection
    ) async throws {
        var recipients: [WorkflowNotice.Recipient] = []
        if let team = row.teamId {
            recipients = try await connection.query(
                """
                SELECT volunteer_id, delegation FROM joint_team_members WHERE team_id = \(team) AND NOT erased
                ORDER BY delegation, volunteer_id
                """
            ).compactMap { member -> WorkflowNotice.Recipient? in
                guard let delegation = JointTeamFormed.Delegation(rawValue: try member.decode(String.self, at: 1)) else { return nil }
                return WorkflowNotice.Recipient(volunteerId: try member.decode(UUID.self, at: 0), delegation: delegation)
            }
        }
        if agencyOnly { recipients = recipients.filter { $0.delegation == .agency } }
        guard !recipients.isEmpty else {
            try await note(
                row, step, occurrence, "notice:\(notice.rawValue)", reason: "nobody to tell: the team is not formed", on: connection)
            return
        }
        try await outbox.enqueue(
            WorkflowNotice(
                noticeId: UUID.timeOrdered(), workflowId: row.id, impactedCommunityId: row.impactedId, pairingId: row.pairingId,
                notice: notice, step: step, occurrence: occurrence, dueAt: dueAt, meetingAt: meetingAt, summary: summary,
                recipients: recipients, issuedAt: Self.now()),
            on: connection, correlationID: row.correlationId)
        try await note(row, step, occurrence, "notice:\(notice.rawValue)", reason: "\(recipients.count) recipients", on: connection)
    }

    /// A line on the timeline that changes no step.
    func note(
        _ row: Row, _ step: WorkflowStep, _ occurrence: Int, _ what: String, reason: String?, on connection: PostgresConnection
    ) async throws {
        try await connection.pipeline(
            """
            INSERT INTO workflow_timeline (workflow_id, at, step, occurrence, what, reason)
            VALUES (\(row.id), \(Self.now()), \(step.rawValue), \(occurrence), \(what), \(reason))
            """)
    }

    private func paired(
        _ row: Row, pairing: UUID, supporting: UUID, at pairedAt: Date, reason: String, correlation: String?,
        on connection: PostgresConnection
    ) async throws {
        let updated = try await connection.query(
            """
            UPDATE workflows SET pairing_id = \(pairing), supporting_id = \(supporting), paired_at = \(pairedAt)
            WHERE id = \(row.id) AND pairing_id IS NULL RETURNING 1
            """)
        var paired = row
        paired.pairingId = row.pairingId ?? pairing
        try await change(paired, .matching, 0, to: .done, reason: reason, correlation: correlation, on: connection)
        guard !updated.isEmpty else { return }
        let key = row.id.lowercasedText
        if settings.reassessments > 0 {
            try await timers.schedule(
                Self.reassessmentTimer, key: key, at: pairedAt.addingTimeInterval(settings.reassessmentEvery.inSeconds),
                payload: CycleDue(workflowId: row.id), on: connection)
        }
        try await timers.schedule(
            Self.closeTimer, key: key, at: pairedAt.addingTimeInterval(settings.cycleLength.inSeconds),
            payload: CycleDue(workflowId: row.id),
            on: connection)
    }

    private func planMeetingReminder(_ id: UUID, meetingAt: Date, on connection: PostgresConnection) async throws {
        let now = Self.now()
        guard meetingAt > now else { return }
        try await timers.schedule(
            Self.meetingReminderTimer, key: id.lowercasedText,
            at: max(now, meetingAt.addingTimeInterval(-settings.meetingReminderLead.inSeconds)),
            payload: MeetingDue(workflowId: id, meetingAt: meetingAt), on: connection)
    }

    // MARK: Reading

    static let columns = """
        id, program, impacted_id, correlation_id, pairing_id, supporting_id, team_id, paired_at, kickoff_program_id, kickoff_at,
        enrolled_by, enrolled_at, closed_at, summary
        """

    /// ``columns`` of the table named `w` in a join.
    static let joinedColumns = columns.split(separator: ",").map { "w." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        .joined(separator: ", ")

    static func row(_ row: PostgresRow) throws -> Row {
        Row(
            id: try row.decode(UUID.self, "id"),
            program: PartnershipProgram(rawValue: try row.decode(String.self, "program")) ?? .communities2gether,
            impactedId: try row.decode(UUID.self, "impacted_id"), correlationId: try row.decode(String.self, "correlation_id"),
            pairingId: try row.decode(UUID?.self, "pairing_id"), supportingId: try row.decode(UUID?.self, "supporting_id"),
            teamId: try row.decode(UUID?.self, "team_id"), pairedAt: try row.decode(Date?.self, "paired_at"),
            kickoffProgramId: try row.decode(UUID?.self, "kickoff_program_id"), kickoffAt: try row.decode(Date?.self, "kickoff_at"),
            enrolledBy: try row.decode(String.self, "enrolled_by"), enrolledAt: try row.decode(Date.self, "enrolled_at"),
            closedAt: try row.decode(Date?.self, "closed_at"), summary: try row.decode(String?.self, "summary"))
    }

    /// The cycle, locked for the rest of the transaction.
    func lock(_ id: UUID, on connection: PostgresConnection) async throws -> Row? {
        try await connection.query("SELECT \(unsafeSQL: Self.columns) FROM workflows WHERE id = \(id) FOR UPDATE").first.map(Self.row)
    }

    func find(program: PartnershipProgram, impacted: UUID, on connection: PostgresConnection) async throws -> Row? {
        try await connection.query(
            """
            SELECT \(unsafeSQL: Self.columns) FROM workflows WHERE program = \(program.rawValue) AND impacted_id = \(impacted) FOR UPDATE
            """
        ).first.map(Self.row)
    }

    /// The cycles of an impacted community (one per program it is enrolled in), locked.
    func cycles(of impacted: UUID, on connection: PostgresConnection) async throws -> [Row] {
        try await connection.query(
            "SELECT \(unsafeSQL: Self.columns) FROM workflows WHERE impacted_id = \(impacted) ORDER BY id FOR UPDATE"
        ).map(Self.row)
    }

    /// The cycle of a joint team, found through the team's pairing (so that it is found even
    /// before this service has handled its own `joint-team-formed`), locked.
    func find(team: UUID, on connection: PostgresConnection) async throws -> Row? {
        try await connection.query(
            """
            SELECT \(unsafeSQL: Self.joinedColumns)
            FROM workflows w JOIN proposals p ON p.program = w.program AND p.impacted_id = w.impacted_id AND p.status = 'confirmed'
                 JOIN joint_teams t ON t.pairing_id = p.id
            WHERE t.id = \(team) FOR UPDATE OF w
            """
        ).first.map(Self.row)
    }

    func status(_ id: UUID, _ step: WorkflowStep, _ occurrence: Int, on connection: PostgresConnection) async throws
        -> WorkflowStepRecorded.Status?
    {
        try await connection.query(
            "SELECT status FROM workflow_steps WHERE workflow_id = \(id) AND step = \(step.rawValue) AND occurrence = \(occurrence)"
        ).first.flatMap { WorkflowStepRecorded.Status(rawValue: try $0.decode(String.self, at: 0)) }
    }

    private func dueInstant(_ id: UUID, _ step: WorkflowStep, _ occurrence: Int, on connection: PostgresConnection) async throws -> Date? {
        try await connection.query(
            "SELECT due_at FROM workflow_steps WHERE workflow_id = \(id) AND step = \(step.rawValue) AND occurrence = \(occurrence)"
        ).first?.decode(Date?.self, at: 0)
    }

    func stepStates(_ id: UUID, on connection: PostgresConnection) async throws -> [Workflow.Step] {
        try await connection.query(
            """
            SELECT step, occurrence, status, requested_at, due_at, finished_at, reason FROM workflow_steps WHERE workflow_id = \(id)
            """
        ).compactMap { row in
            guard let step = WorkflowStep(rawValue: try row.decode(String.self, "step")),
                let status = WorkflowStepRecorded.Status(rawValue: try row.decode(String.self, "status"))
            else { return nil }
            return Workflow.Step(
                step: step, occurrence: try row.decode(Int.self, "occurrence"), status: status,
                requestedAt: try row.decode(Date?.self, "requested_at"), dueAt: try row.decode(Date?.self, "due_at"),
                finishedAt: try row.decode(Date?.self, "finished_at"), reason: try row.decode(String?.self, "reason"))
        }.sorted { Self.order($0) < Self.order($1) }
    }

    static func order(_ step: Workflow.Step) -> (Int, Int) {
        (WorkflowStep.allCases.firstIndex(of: step.step) ?? 0, step.occurrence)
    }

    static func key(_ id: UUID, _ step: WorkflowStep, _ occurrence: Int) -> String {
        "\(id.lowercasedText)/\(step.rawValue)/\(occurrence)"
    }

    /// Now, to the millisecond, as the contract carries instants.
    static func now() -> Date {
        Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded() / 1000)
    }
}
