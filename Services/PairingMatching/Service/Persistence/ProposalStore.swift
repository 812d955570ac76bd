import Contracts
import Foundation
import Postgres
import ServiceKit
import UUIDText

/// Proposals and the decisions about them: confirmation (with the pairing's commitment and its
/// joint team), rejection and release, each with its event in the same transaction.
struct ProposalStore: Sendable {
    let postgres: PostgresClient
    let outbox: Outbox
    let teams: JointTeamStore

    /// What a decision came to.
    enum Decision: Sendable {
        /// Decided now, or decided so before (the same decision again changes nothing).
        case decided(Proposal)
        case notFound
        /// The proposal is not in a state that allows the decision; says why.
        case conflict(String)
        case invalid(InvalidInput)
    }

    /// Confirms an open proposal: publishes `matching.pairing-confirmed.v1` with the
    /// commitment, and forms the pairing's joint team (or says why it cannot yet). A confirmed
    /// pairing confirmed again with `interpreterAvailable` gets the flag, and its team, if it
    /// waits, is tried again.
    func confirm(id: UUID, request: ConfirmationRequest, by subject: String) async throws -> Decision {
        try await postgres.withTransaction { connection in try await confirm(id: id, request: request, by: subject, on: connection) }
    }

    /// Confirms an open proposal in the caller's transaction (the workflow's auto-confirmation
    /// too, with its cycle's correlation id).
    func confirm(
        id: UUID, request: ConfirmationRequest, by subject: String, correlation: String? = nil, on connection: PostgresConnection
    ) async throws -> Decision {
        guard let proposal = try await lock(id, on: connection) else { return .notFound }
        switch proposal.status {
        case .confirmed:
            // Confirming again changes nothing, but may flag an interpreter for a team that
            // waits for a shared language: the waiting teams are tried again.
            guard request.interpreterAvailable == true, !proposal.interpreterAvailable else { return .decided(proposal) }
            try await connection.pipeline("UPDATE proposals SET interpreter_available = true WHERE id = \(id)")
            try await teams.completeWaitingTeams(cause: nil, proposals: self, on: connection)
            return .decided(try await find(id: id, on: connection) ?? proposal)
        case .proposed: break
        default: return .conflict("The proposal is \(proposal.status.rawValue); only a proposal still open can be confirmed.")
        }
        let now = Self.now()
        let commitment: PairingConfirmed.Commitment?
        switch request.commitment(program: proposal.program, confirmedOn: MatchingRunPlanner.calendarDay(of: now)) {
        case .success(let value): commitment = value
        case .failure(let invalid): return .invalid(invalid)
        }
        let commitmentText = try commitment.map { String(decoding: try ContractCoding.encode($0), as: UTF8.self) }
        try await connection.pipeline(
            """
            UPDATE proposals SET status = 'confirmed', decided_by = \(subject), decided_at = \(now), commitment = \(commitmentText)::jsonb,
                interpreter_available = \(request.interpreterAvailable ?? false)
            WHERE id = \(id)
            """)
        try await outbox.enqueue(
            PairingConfirmed(
                pairingId: id, runId: proposal.runId, program: proposal.program, impactedCommunityId: proposal.impactedCommunityId,
                supportingCommunityId: proposal.supportingCommunityId, commitment: commitment, confirmedBy: subject, confirmedAt: now),
            on: connection, correlationID: correlation ?? id.lowercasedText)
        var confirmed = proposal
        confirmed.status = .confirmed
        confirmed.decidedBy = subject
        confirmed.decidedAt = now
        confirmed.commitment = commitment
        confirmed.interpreterAvailable = request.interpreterAvailable ?? false
        try await teams.form(for: confirmed, teamId: UUID.timeOrdered(), retry: nil, cause: nil, at: now, on: connection)
        return .decided(try await find(id: id, on: connection) ?? confirmed)
    }

    /// Rejects an open proposal: publishes `matching.pairing-rejected.v1`; later runs forbid the
    /// pair until it is released.
    func reject(id: UUID, reason: String?, by subject: String) async throws -> Decision {
        try await postgres.withTransaction { connection in
            guard let proposal = try await lock(id, on: connection) else { return .notFound }
            switch proposal.status {
            case .rejected: return .decided(proposal)
            case .proposed: break
            default: return .conflict("The proposal is \(proposal.status.rawValue); only a proposal still open can be rejected.")
            }
            let now = Self.now()
            try await connection.pipeline(
                "UPDATE proposals SET status = 'rejected', decided_by = \(subject), decided_at = \(now), reason = \(reason) WHERE id = \(id)"
            )
            try await outbox.enqueue(
                PairingRejected(
                    pairingId: id, runId: proposal.runId, program: proposal.program, impactedCommunityId: proposal.impactedCommunityId,
                    supportingCommunityId: proposal.supportingCommunityId, reason: reason, rejectedBy: subject, rejectedAt: now),
                on: connection, correlationID: id.lowercasedText)
            return .decided(try await find(id: id, on: connection) ?? proposal)
        }
    }

    /// Releases a rejected pair: later runs may propose it again.
    func release(id: UUID, by subject: String) async throws -> Decision {
        try await postgres.withTransaction { connection in
            guard let proposal = try await lock(id, on: connection) else { return .notFound }
            switch proposal.status {
            case .released: return .decided(proposal)
            case .rejected: break
            default: return .conflict("The proposal is \(proposal.status.rawValue); only a rejected pair can be released.")
            }
            try await connection.pipeline(
                "UPDATE proposals SET status = 'released', released_by = \(subject), released_at = \(Self.now()) WHERE id = \(id)")
            return .decided(try await find(id: id, on: connection) ?? proposal)
        }
    }

    func find(id: UUID) async throws -> Proposal? {
        try await postgres.withConnection { connection in try await find(id: id, on: connection) }
    }

    private func lock(_ id: UUID, on connection: PostgresConnection) async throws -> Proposal? {
        try await connection.query("SELECT id FROM proposals WHERE id = \(id) FOR UPDATE").first == nil
            ? nil : try await find(id: id, on: connection)
    }

    func find(id: UUID, on connection: PostgresConnection) async throws -> Proposal? {
        try await connection.query(
            """
            SELECT p.id, p.run_id, p.program, p.impacted_id, p.supporting_id, p.score, p.origin, p.status, p.proposed_at, p.decided_by,
                   p.decided_at, p.reason, p.commitment::text AS commitment, p.released_by, p.released_at, p.interpreter_available,
                   t.id AS team_id, t.status AS team_status
            FROM proposals p LEFT JOIN joint_teams t ON t.pairing_id = p.id WHERE p.id = \(id)
            """
        ).first.map { row in
            let team: Proposal.TeamSummary? = try row.decode(UUID?.self, "team_id").flatMap { teamId in
                try row.decode(String?.self, "team_status").flatMap(JointTeam.Status.init(rawValue:)).map {
                    Proposal.TeamSummary(teamId: teamId, status: $0)
                }
            }
            return Proposal(
                id: try row.decode(UUID.self, "id"), runId: try row.decode(UUID.self, "run_id"),
                program: PartnershipProgram(rawValue: try row.decode(String.self, "program")) ?? .communities2gether,
                impactedCommunityId: try row.decode(UUID.self, "impacted_id"),
                supportingCommunityId: try row.decode(UUID.self, "supporting_id"),
                score: try row.decode(Double.self, "score"), origin: try row.decode(String.self, "origin"),
                status: Proposal.Status(rawValue: try row.decode(String.self, "status")) ?? .proposed,
                proposedAt: try row.decode(Date.self, "proposed_at"), decidedBy: try row.decode(String?.self, "decided_by"),
                decidedAt: try row.decode(Date?.self, "decided_at"), reason: try row.decode(String?.self, "reason"),
                commitment: try row.decode(String?.self, "commitment").map {
                    try ContractCoding.decode(PairingConfirmed.Commitment.self, from: Data($0.utf8))
                }, interpreterAvailable: try row.decode(Bool.self, "interpreter_available"),
                releasedBy: try row.decode(String?.self, "released_by"), releasedAt: try row.decode(Date?.self, "released_at"),
                jointTeam: team)
        }
    }

    /// Now, to the millisecond, as the contract carries instants.
    static func now() -> Date {
        Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded() / 1000)
    }
}
