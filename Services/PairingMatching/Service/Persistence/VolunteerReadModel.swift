import Contracts
import Foundation
import Postgres

/// The matching service's read model of the registry's volunteers: only what joint teams are
/// formed from (home community, side, languages, time zone, roles), never names or contact
/// channels. Erasure removes a volunteer, and what the service's teams hold of them.
struct VolunteerReadModel: Sendable {
    func recordRegistered(_ events: [VolunteerRegistered], on connection: PostgresConnection) async throws {
        for event in events {
            try await connection.pipeline(
                """
                INSERT INTO volunteers (volunteer_id, home_community_id, side, languages, time_zone, roles, registered_at)
                SELECT \(event.volunteerId), \(event.homeCommunityId), \(event.side.rawValue), \(event.languages)::text[],
                       \(event.timeZone), \(event.roles)::text[], \(event.registeredAt)
                WHERE NOT EXISTS (SELECT 1 FROM erased_volunteers WHERE volunteer_id = \(event.volunteerId))
                ON CONFLICT (volunteer_id) DO NOTHING
                """)
        }
    }

    /// Applies changes, unless the read model already holds a later version.
    func recordUpdated(_ events: [VolunteerUpdated], on connection: PostgresConnection) async throws {
        for event in events {
            try await connection.pipeline(
                """
                UPDATE volunteers
                SET languages = COALESCE(\(event.languages)::text[], languages), time_zone = COALESCE(\(event.timeZone), time_zone),
                    roles = COALESCE(\(event.roles)::text[], roles), version = \(event.version)
                WHERE volunteer_id = \(event.volunteerId) AND version < \(event.version)
                """)
        }
    }

    /// Removes the volunteers, and their languages and time zone from the teams they sat on
    /// (the seat stays, held by an id that no longer names anyone).
    func recordErased(_ events: [VolunteerErased], on connection: PostgresConnection) async throws {
        let ids = events.map(\.volunteerId)
        try await connection.pipeline(
            """
            INSERT INTO erased_volunteers (volunteer_id, erased_at)
            SELECT * FROM unnest(\(ids)::uuid[], \(events.map(\.erasedAt))::timestamptz[])
            ON CONFLICT (volunteer_id) DO NOTHING
            """)
        try await connection.pipeline("DELETE FROM volunteers WHERE volunteer_id = ANY(\(ids)::uuid[])")
        try await connection.pipeline(
            "UPDATE joint_team_members SET time_zone = '', languages = '{}', erased = true WHERE volunteer_id = ANY(\(ids)::uuid[])")
    }

    /// Every volunteer with the number of formed teams they serve on.
    func all(on connection: PostgresConnection) async throws -> [VolunteerRecord] {
        try await connection.query(
            """
            SELECT v.volunteer_id, v.home_community_id, v.languages, v.time_zone, v.roles,
                   (SELECT count(*) FROM joint_team_members m JOIN joint_teams t ON t.id = m.team_id
                    WHERE m.volunteer_id = v.volunteer_id AND t.status = 'formed') AS teams,
                   c.latitude, c.longitude, c.time_zone AS community_time_zone
            FROM volunteers v LEFT JOIN candidate_communities c ON c.community_id = v.home_community_id
            ORDER BY v.volunteer_id
            """
        ).map { row in
            VolunteerRecord(
                id: try row.decode(UUID.self, "volunteer_id"), homeCommunityId: try row.decode(UUID.self, "home_community_id"),
                languages: try row.decode([String].self, "languages"), timeZone: try row.decode(String.self, "time_zone"),
                roles: try row.decode([String].self, "roles"), teams: try row.decode(Int.self, "teams"),
                communityLatitude: try row.decode(Double?.self, "latitude"), communityLongitude: try row.decode(Double?.self, "longitude"),
                communityTimeZone: try row.decode(String?.self, "community_time_zone"))
        }
    }
}
