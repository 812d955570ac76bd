import Contracts
import Foundation
import Postgres
import ServiceKit
import UUIDText

/// The joint teams of confirmed pairings: formed with their members, or waiting for the
/// volunteer that would complete them.
struct JointTeamStore: Sendable {
    let postgres: PostgresClient
    let outbox: Outbox
    let volunteers: VolunteerReadModel
    let settings: TeamPlanner.Settings

    /// A team tried again, with what its last failure reported missing.
    struct Retry: Sendable {
        var reportedMissing: String?
    }

    /// Tries to form the team of a confirmed pairing from the volunteers as they are, and stores
    /// the outcome: `matching.joint-team-formed.v1` when formed; `matching.joint-team-incomplete.v1`
    /// on the first failure, and again when what is missing changes. Teams are formed one at a
    /// time (a transaction lock), so that no one is counted on more teams than allowed.
    @discardableResult
    func form(
        for pairing: Proposal, teamId: UUID, retry: Retry?, cause: HandlingContext?, at now: Date,
        on connection: PostgresConnection
    ) async throws -> JointTeam.Status {
        try await connection.query("SELECT pg_advisory_xact_lock(hashtext('matching.teams'))")
        let people = try await volunteers.all(on: connection)
        let outcome = try TeamPlanner.form(
            impacted: pairing.impactedCommunityId, supporting: pairing.supportingCommunityId, volunteers: people,
            interpreterAvailable: pairing.interpreterAvailable, settings: settings, at: now)
        let correlation = pairing.id.lowercasedText
        switch outcome {
        case .formed(let members, let language, let minutes, let weekly):
            try await connection.pipeline(
                """
                INSERT INTO joint_teams (id, pairing_id, status, working_language, common_working_minutes, weekly_overlap_minutes,
                                         formed_at, updated_at)
                VALUES (\(teamId), \(pairing.id), 'formed', \(language), \(minutes), \(weekly), \(now), \(now))
                ON CONFLICT (id) DO UPDATE SET status = 'formed', rule = NULL, delegation = NULL, missing = NULL,
                    working_language = EXCLUDED.working_language, common_working_minutes = EXCLUDED.common_working_minutes,
                    weekly_overlap_minutes = EXCLUDED.weekly_overlap_minutes,
                    formed_at = EXCLUDED.formed_at, updated_at = EXCLUDED.updated_at
                """)
            for member in members {
                try await connection.pipeline(
                    """
                    INSERT INTO joint_team_members (team_id, volunteer_id, delegation, time_zone, languages)
                    VALUES (\(teamId), \(member.volunteerId), \(member.delegation.rawValue), \(member.timeZone), \(member.languages)::text[])
                    """)
            }
            try await outbox.enqueue(
                JointTeamFormed(
                    teamId: teamId, pairingId: pairing.id, program: pairing.program, impactedCommunityId: pairing.impactedCommunityId,
                    supportingCommunityId: pairing.supportingCommunityId, members: members, workingLanguage: language,
                    interpreterNeeded: language == nil, formedAt: now),
                on: connection, causedBy: cause, correlationID: correlation)
            return .formed
        case .incomplete(let rule, let delegation, let missing):
            try await connection.pipeline(
                """
                INSERT INTO joint_teams (id, pairing_id, status, rule, delegation, missing, updated_at)
                VALUES (\(teamId), \(pairing.id), 'incomplete', \(rule.rawValue), \(delegation?.rawValue), \(missing), \(now))
                ON CONFLICT (id) DO UPDATE SET rule = EXCLUDED.rule, delegation = EXCLUDED.delegation, missing = EXCLUDED.missing,
                    updated_at = EXCLUDED.updated_at
                """)
            if retry == nil || retry?.reportedMissing != missing {
                try await outbox.enqueue(
                    JointTeamIncomplete(
                        teamId: teamId, pairingId: pairing.id, program: pairing.program, impactedCommunityId: pairing.impactedCommunityId,
                        supportingCommunityId: pairing.supportingCommunityId, rule: rule, delegation: delegation, missing: missing,
                        reportedAt: now),
                    on: connection, causedBy: cause, correlationID: correlation)
            }
            return .incomplete
        }
    }

    /// Tries again every team still incomplete, oldest confirmation first: run after volunteers
    /// are registered or updated, in the transaction that records them.
    func completeWaitingTeams(cause: HandlingContext?, proposals: ProposalStore, on connection: PostgresConnection) async throws {
        let waiting = try await connection.query(
            """
            SELECT t.id, t.pairing_id, t.missing FROM joint_teams t JOIN proposals p ON p.id = t.pairing_id
            WHERE t.status = 'incomplete' ORDER BY p.decided_at, p.id
            """)
        guard !waiting.isEmpty else { return }
        let now = ProposalStore.now()
        for row in waiting {
            guard let pairing = try await proposals.find(id: try row.decode(UUID.self, "pairing_id"), on: connection) else { continue }
            try await form(
                for: pairing, teamId: try row.decode(UUID.self, "id"),
                retry: Retry(reportedMissing: try row.decode(String?.self, "missing")), cause: cause,
                at: now, on: connection)
        }
    }

    /// The team of a pairing, or nil when it has none (not confirmed).
    func find(pairing id: UUID) async throws -> JointTeam? {
        try await postgres.withConnection { connection in
            guard
                let row = try await connection.query(
                    """
                    SELECT t.id, t.pairing_id, t.status, t.rule, t.delegation, t.missing, t.working_language, t.common_working_minutes,
                           t.weekly_overlap_minutes, t.formed_at, t.updated_at, p.program, p.impacted_id, p.supporting_id
                    FROM joint_teams t JOIN proposals p ON p.id = t.pairing_id WHERE t.pairing_id = \(id)
                    """
                ).first
            else { return nil }
            let teamId = try row.decode(UUID.self, "id")
            let members = try await connection.query(
                """
                SELECT volunteer_id, delegation, time_zone, languages FROM joint_team_members WHERE team_id = \(teamId)
                ORDER BY CASE delegation WHEN 'impacted' THEN 0 WHEN 'supporting' THEN 1 ELSE 2 END, volunteer_id
                """
            ).map { member in
                JointTeamFormed.Member(
                    volunteerId: try member.decode(UUID.self, "volunteer_id"),
                    delegation: JointTeamFormed.Delegation(rawValue: try member.decode(String.self, "delegation")) ?? .agency,
                    timeZone: try member.decode(String.self, "time_zone"), languages: try member.decode([String].self, "languages"))
            }
            let status = JointTeam.Status(rawValue: try row.decode(String.self, "status")) ?? .incomplete
            let language = try row.decode(String?.self, "working_language")
            return JointTeam(
                teamId: teamId, pairingId: id,
                program: PartnershipProgram(rawValue: try row.decode(String.self, "program")) ?? .communities2gether,
                impactedCommunityId: try row.decode(UUID.self, "impacted_id"),
                supportingCommunityId: try row.decode(UUID.self, "supporting_id"),
                status: status, members: members, workingLanguage: language, interpreterNeeded: status == .formed && language == nil,
                commonWorkingMinutes: try row.decode(Int?.self, "common_working_minutes"),
                weeklyOverlapMinutes: try row.decode(Int?.self, "weekly_overlap_minutes"),
                formedAt: try row.decode(Date?.self, "formed_at"),
                rule: try row.decode(String?.self, "rule").flatMap(JointTeamIncomplete.Rule.init(rawValue:)),
                delegation: try row.decode(String?.self, "delegation").flatMap(JointTeamFormed.Delegation.init(rawValue:)),
                missing: try row.decode(String?.self, "missing"), updatedAt: try row.decode(Date.self, "updated_at"))
        }
    }
}
