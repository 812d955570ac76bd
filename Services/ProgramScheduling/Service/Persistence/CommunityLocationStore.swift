import Contracts
import Foundation
import Postgres

/// The scheduling service's read model of the registry: where each community is, and its
/// calendar rules.
struct CommunityLocationStore: Sendable {
    let postgres: PostgresClient

    /// Records registered communities with their calendar rules, in one statement; runs in the
    /// transaction that records the messages.
    func record(_ communities: [(CommunityRegistered, CommunityCalendarRules)], on connection: PostgresConnection) async throws {
        let events = communities.map(\.0)
        let locations = communities.map(\.1.location)
        try await connection.pipeline(
            """
            INSERT INTO community_locations (community_id, name, latitude, longitude, time_zone, holiday_schedule,
                                             candle_lighting_minutes, havdalah_sun_degrees)
            SELECT * FROM unnest(\(events.map(\.communityId))::uuid[], \(events.map(\.name))::text[], \(locations.map(\.latitude))::float8[],
                                 \(locations.map(\.longitude))::float8[], \(locations.map(\.timeZoneIdentifier))::text[],
                                 \(locations.map(\.schedule.rawValue))::text[],
                                 \(communities.map { Int32($0.1.candleLighting.minutesBeforeSunset) })::int4[],
                                 \(communities.map(\.1.havdalahSunDegrees))::float8[])
            """)
    }

    /// The first `limit` communities in the order they were recorded, and how many there are.
    func list(limit: Int) async throws -> (total: Int, locations: [CommunityLocation]) {
        let total = try await postgres.query("SELECT count(*) FROM community_locations")[0].decode(Int.self, at: 0)
        let rows = try await postgres.query(
            """
            SELECT community_id, name, time_zone, holiday_schedule, candle_lighting_minutes
            FROM community_locations ORDER BY recorded_at, community_id LIMIT \(limit)
            """)
        let locations = try rows.map { row in
            CommunityLocation(
                communityId: try row.decode(UUID.self, "community_id"), name: try row.decode(String.self, "name"),
                timeZone: try row.decode(String.self, "time_zone"), holidaySchedule: try row.decode(String.self, "holiday_schedule"),
                candleLightingMinutes: Int(try row.decode(Int32.self, "candle_lighting_minutes")))
        }
        return (total, locations)
    }
}

extension CommunityLocationStore {
    /// Applies a community's new name, time zone or coordinates; its calendar follows them.
    func update(_ changes: [CommunityUpdated], on connection: PostgresConnection) async throws {
        for change in changes where change.name != nil || change.timeZone != nil || change.coordinates != nil {
            try await connection.pipeline(
                """
                UPDATE community_locations SET name = coalesce(\(change.name), name), time_zone = coalesce(\(change.timeZone), time_zone),
                    latitude = coalesce(\(change.coordinates?.latitude), latitude), longitude = coalesce(\(change.coordinates?.longitude), longitude)
                WHERE community_id = \(change.communityId)
                """)
        }
    }
}
