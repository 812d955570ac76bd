import Contracts
import Foundation
import Postgres
import ServiceKit
import UUIDText

/// `matching.joint-team-formed.v1`: records the team and schedules its needs-assessment
/// meetings without anyone asking (``JointTeamMeeting``), announcing them with
/// `scheduling.program-scheduled.v1` in the same transaction. A team whose members share no
/// time in the next 14 days is parked with the engine's explanation.
struct JointTeamFormedHandler: EventHandler {
    let participants: ParticipantStore
    let programs: ProgramStore

    func handle(_ batch: [Delivered<JointTeamFormed>], on connection: PostgresConnection) async throws {
        try await participants.recordTeams(batch.map(\.event), on: connection)
        for delivered in batch {
            try await MeetingScheduling.schedule(
                delivered.event, from: Date(), monthlyMeetings: nil, programs: programs, cause: delivered.context, on: connection)
        }
    }
}

/// `scheduling.schedule-meeting.v1`: the same for an automated workflow, for a team known from
/// `matching.joint-team-formed.v1` (retried until it is). A team already scheduled keeps its
/// meetings.
struct ScheduleMeetingHandler: CommandHandler {
    let participants: ParticipantStore
    let programs: ProgramStore

    struct UnknownTeam: Error, CustomStringConvertible {
        var team: UUID
        var description: String { "joint team \(team.lowercasedText) is not known yet (matching.joint-team-formed.v1 has not arrived)" }
    }

    func handle(_ batch: [Delivered<ScheduleMeeting>], on connection: PostgresConnection) async throws {
        for delivered in batch {
            guard let team = try await participants.team(delivered.command.teamId, on: connection) else {
                throw UnknownTeam(team: delivered.command.teamId)
            }
            try await MeetingScheduling.schedule(
                team, from: max(Date(), delivered.command.notBefore ?? Date()), monthlyMeetings: delivered.command.monthlyMeetings,
                programs: programs, cause: delivered.context, on: connection)
        }
    }
}

enum MeetingScheduling {
    static func schedule(
        _ team: JointTeamFormed, from start: Date, monthlyMeetings: Int?, programs: ProgramStore, cause: HandlingContext,
        on connection: PostgresConnection
    ) async throws {
        guard let program = JointTeamMeeting.program(for: team, from: start, monthlyMeetings: monthlyMeetings) else {
            throw PermanentFailure("joint team \(team.teamId.lowercasedText) has no members to meet")
        }
        switch try await programs.create(
            program, idempotencyKey: nil, now: Date(), teamId: team.teamId, fallback: JointTeamMeeting.fallback(for: team), cause: cause,
            on: connection)
        {
        case .created, .existing: return
        case .unplaceable(let reasons):
            throw PermanentFailure("no meeting for joint team \(team.teamId.lowercasedText): \(reasons.joined(separator: "; "))")
        case .invalid(let reason):
            throw PermanentFailure("no meeting for joint team \(team.teamId.lowercasedText): \(reason)")
        case .unknownParticipants, .unknownVenues, .past:
            throw PermanentFailure("no meeting for joint team \(team.teamId.lowercasedText): a member has no time zone")
        }
    }
}
