import Contracts
import Foundation
import JewishCalendar
import Postgres
import SchedulingEngine

/// The scheduling service's read model of people: volunteers as participants (time zone,
/// languages, home community, working hours and unavailability), and the partnerships and
/// joint teams they belong to. Holds no names or contact details.
struct ParticipantStore: Sendable {
    let postgres: PostgresClient

    func record(_ volunteers: [VolunteerRegistered], on connection: PostgresConnection) async throws {
        for volunteer in volunteers {
            try await connection.pipeline(
                """
                INSERT INTO participants (volunteer_id, home_community_id, time_zone, languages)
                VALUES (\(volunteer.volunteerId), \(volunteer.homeCommunityId), \(volunteer.timeZone), \(volunteer.languages))
                ON CONFLICT (volunteer_id) DO UPDATE SET home_community_id = EXCLUDED.home_community_id,
                    time_zone = EXCLUDED.time_zone, languages = EXCLUDED.languages
                """)
        }
    }

    func update(_ changes: [VolunteerUpdated], on connection: PostgresConnection) async throws {
        for change in changes where change.timeZone != nil || change.languages != nil {
            try await connection.pipeline(
                """
                UPDATE participants SET time_zone = coalesce(\(change.timeZone), time_zone),
                    languages = coalesce(\(change.languages), languages)
                WHERE volunteer_id = \(change.volunteerId)
                """)
        }
    }

    /// Forgets erased volunteers: their participant record and unavailability. The sessions
    /// they were placed in keep only an id that no longer leads anywhere.
    func erase(_ ids: [UUID], on connection: PostgresConnection) async throws {
        try await connection.pipeline("DELETE FROM participants WHERE volunteer_id = ANY(\(ids)::uuid[])")
        try await connection.pipeline("UPDATE registrations SET participant_name = NULL WHERE volunteer_id = ANY(\(ids)::uuid[])")
    }

    func recordPartnerships(_ formed: [PartnershipFormed], on connection: PostgresConnection) async throws {
        for partnership in formed {
            try await connection.pipeline(
                """
                INSERT INTO partnerships (partnership_id, community_ids) VALUES (\(partnership.partnershipId), \(partnership.members.map(\.communityId))::uuid[])
                ON CONFLICT (partnership_id) DO NOTHING
                """)
        }
    }

    func recordTeams(_ teams: [JointTeamFormed], on connection: PostgresConnection) async throws {
        for team in teams {
            try await connection.pipeline(
                """
                INSERT INTO joint_teams (team_id, pairing_id, impacted_community_id, supporting_community_id, members, formed_at)
                VALUES (\(team.teamId), \(team.pairingId), \(team.impactedCommunityId), \(team.supportingCommunityId),
                        \(PostgresJSON(team.members)), \(team.formedAt))
                ON CONFLICT (team_id) DO NOTHING
                """)
        }
    }

    /// A joint team from the read model.
    func team(_ id: UUID, on connection: PostgresConnection) async throws -> JointTeamFormed? {
        let rows = try await connection.query(
            """
            SELECT team_id, pairing_id, impacted_community_id, supporting_community_id, members, formed_at
            FROM joint_teams WHERE team_id = \(id)
            """)
        guard let row = rows.first else { return nil }
        return JointTeamFormed(
            teamId: try row.decode(UUID.self, "team_id"), pairingId: try row.decode(UUID.self, "pairing_id"), program: .communities2gether,
            impactedCommunityId: try row.decode(UUID.self, "impacted_community_id"),
            supportingCommunityId: try row.decode(UUID.self, "supporting_community_id"),
            members: try row.decode(PostgresJSON<[JointTeamFormed.Member]>.self, "members").value, workingLanguage: nil,
            interpreterNeeded: false, formedAt: try row.decode(Date.self, "formed_at"))
    }

    /// A participant's working hours and unavailability, as set through the API.
    struct Availability: Codable, Sendable, Equatable {
        /// Weekdays 1 (Sunday) to 7 (Saturday).
        var workingDays: [Int]
        /// `HH:MM` local time.
        var workingFrom: String
        var workingTo: String
        var unavailable: [Period]

        struct Period: Codable, Sendable, Equatable {
            var start: String
            var end: String
        }
    }

    func exists(_ id: UUID) async throws -> Bool {
        try await postgres.query("SELECT count(*) FROM participants WHERE volunteer_id = \(id)")[0].decode(Int.self, at: 0) > 0
    }

    /// Sets working hours and unavailability of a known participant; false when unknown.
    func setAvailability(
        _ id: UUID, days: [Int], from: Int, to: Int, unavailable: [DateInterval], on connection: PostgresConnection
    ) async throws -> Bool {
        let rows = try await connection.query(
            """
            UPDATE participants SET working_days = \(days)::bigint[], working_from_minute = \(from), working_to_minute = \(to)
            WHERE volunteer_id = \(id) RETURNING volunteer_id
            """)
        guard !rows.isEmpty else { return false }
        try await connection.query("DELETE FROM participant_unavailability WHERE volunteer_id = \(id)")
        if !unavailable.isEmpty {
            try await connection.query(
                """
                INSERT INTO participant_unavailability (volunteer_id, starts_at, ends_at)
                SELECT \(id), s, e FROM unnest(\(unavailable.map(\.start))::timestamptz[], \(unavailable.map(\.end))::timestamptz[]) AS u(s, e)
                """)
        }
        return true
    }

    /// The availability of a participant, with the defaults filled in.
    func availability(_ id: UUID) async throws -> Availability? {
        let rows = try await postgres.query(
            "SELECT time_zone, working_days, working_from_minute, working_to_minute FROM participants WHERE volunteer_id = \(id)")
        guard let row = rows.first else { return nil }
        let zone = try row.decode(String.self, "time_zone")
        let days = try row.decode([Int]?.self, "working_days") ?? SchedulingPlace.defaultWorkingDays(timeZone: zone).map(\.rawValue)
        let from = try row.decode(Int?.self, "working_from_minute") ?? SchedulingPlace.defaultWorkingMinutes.from
        let to = try row.decode(Int?.self, "working_to_minute") ?? SchedulingPlace.defaultWorkingMinutes.to
        let periods = try await postgres.query(
            "SELECT starts_at, ends_at FROM participant_unavailability WHERE volunteer_id = \(id) ORDER BY starts_at")
        return Availability(
            workingDays: days, workingFrom: Self.clock(from), workingTo: Self.clock(to),
            unavailable: try periods.map {
                Availability.Period(
                    start: ContractCoding.formatInstant(try $0.decode(Date.self, "starts_at")),
                    end: ContractCoding.formatInstant(try $0.decode(Date.self, "ends_at")))
            })
    }

    static func clock(_ minute: Int) -> String {
        String(format: "%02d:%02d", minute / 60, minute % 60)
    }

    /// What the engine needs of each named volunteer, with the sessions they already attend
    /// (except those of `excludedProgram`) as unavailability. Volunteers the read model does
    /// not know are placed by `fallback` when it names their zone, and returned as unknown
    /// otherwise.
    func planningParticipants(
        _ ids: [UUID], fallback: [UUID: (timeZone: String, communityId: UUID?)] = [:], excludingProgram excludedProgram: UUID?,
        on connection: PostgresConnection
    ) async throws -> (participants: [UUID: PlanningParticipant], unknown: [UUID]) {
        let rows = try await connection.query(
            """
            SELECT p.volunteer_id, p.home_community_id, p.time_zone, p.working_days, p.working_from_minute, p.working_to_minute
            FROM participants p WHERE p.volunteer_id = ANY(\(ids)::uuid[])
            """)
        var known: [UUID: (community: UUID?, zone: String, days: [Int]?, from: Int?, to: Int?)] = [:]
        for row in rows {
            known[try row.decode(UUID.self, "volunteer_id")] = (
                try row.decode(UUID?.self, "home_community_id"), try row.decode(String.self, "time_zone"),
                try row.decode([Int]?.self, "working_days"), try row.decode(Int?.self, "working_from_minute"),
                try row.decode(Int?.self, "working_to_minute")
            )
        }
        let communityIDs = Array(Set(known.values.compactMap(\.community) + fallback.values.compactMap(\.communityId)))
        let places = try await communityPlaces(communityIDs, on: connection)
        let zonePlaces = try await placesByZone(on: connection)
        let busy = try await busyIntervals(of: ids, excludingProgram: excludedProgram, on: connection)
        var participants: [UUID: PlanningParticipant] = [:]
        var unknown: [UUID] = []
        for id in ids {
            let zone: String
            let community: UUID?
            var days: [Int]?
            var from: Int?
            var to: Int?
            if let record = known[id] {
                zone = record.zone
                community = record.community
                days = record.days
                from = record.from
                to = record.to
            } else if let fallback = fallback[id] {
                zone = fallback.timeZone
                community = fallback.communityId
            } else {
                unknown.append(id)
                continue
            }
            var place = community.flatMap { places[$0] }
            if let found = place, found.timeZoneIdentifier != zone { place = nil }
            let resolved = place ?? zonePlaces[zone] ?? SchedulingPlace.approximate(timeZone: zone)
            let weekdays = (days ?? SchedulingPlace.defaultWorkingDays(timeZone: zone).map(\.rawValue)).compactMap(Weekday.init(rawValue:))
            let hours = WeeklyHours(
                on: weekdays,
                LocalTimeRange(
                    startMinute: from ?? SchedulingPlace.defaultWorkingMinutes.from,
                    endMinute: to ?? SchedulingPlace.defaultWorkingMinutes.to))
            participants[id] = PlanningParticipant(id: id, place: resolved, workingHours: hours, unavailable: busy[id] ?? [])
        }
        return (participants, unknown)
    }

    private func communityPlaces(_ ids: [UUID], on connection: PostgresConnection) async throws -> [UUID: Place] {
        guard !ids.isEmpty else { return [:] }
        var places: [UUID: Place] = [:]
        for row in try await connection.query(
            """
            SELECT community_id, name, latitude, longitude, time_zone, candle_lighting_minutes
            FROM community_locations WHERE community_id = ANY(\(ids)::uuid[])
            """)
        {
            places[try row.decode(UUID.self, "community_id")] = Self.place(row)
        }
        return places
    }

    /// The first community recorded in each time zone, for people whose own is unknown.
    private func placesByZone(on connection: PostgresConnection) async throws -> [String: Place] {
        var places: [String: Place] = [:]
        for row in try await connection.query(
            """
            SELECT DISTINCT ON (time_zone) community_id, name, latitude, longitude, time_zone, candle_lighting_minutes
            FROM community_locations ORDER BY time_zone, recorded_at
            """)
        {
            let place = Self.place(row)
            places[place.timeZoneIdentifier] = place
        }
        return places
    }

    private static func place(_ row: PostgresRow) -> Place {
        SchedulingPlace.community(
            name: (try? row.decode(String.self, "name")) ?? "", latitude: (try? row.decode(Double.self, "latitude")) ?? 0,
            longitude: (try? row.decode(Double.self, "longitude")) ?? 0, timeZone: (try? row.decode(String.self, "time_zone")) ?? "UTC",
            candleLightingMinutes: (try? row.decode(Int.self, "candle_lighting_minutes")) ?? 18)
    }

    /// Each participant's unavailability and the sessions they attend of other programs.
    private func busyIntervals(of ids: [UUID], excludingProgram program: UUID?, on connection: PostgresConnection) async throws
        -> [UUID: [DateInterval]]
    {
        var busy: [UUID: [DateInterval]] = [:]
        for row in try await connection.query(
            """
            SELECT volunteer_id, starts_at, ends_at FROM participant_unavailability WHERE volunteer_id = ANY(\(ids)::uuid[])
            UNION ALL
            SELECT a.volunteer_id, s.starts_at, s.ends_at FROM sessions s CROSS JOIN LATERAL unnest(s.attendees) AS a(volunteer_id)
            WHERE s.attendees && \(ids)::uuid[] AND a.volunteer_id = ANY(\(ids)::uuid[]) AND s.status = 'confirmed'
              AND s.program_id IS DISTINCT FROM \(program)
            """)
        {
            let start = try row.decode(Date.self, "starts_at")
            let end = try row.decode(Date.self, "ends_at")
            busy[try row.decode(UUID.self, "volunteer_id"), default: []].append(DateInterval(start: start, end: end))
        }
        return busy
    }
}
