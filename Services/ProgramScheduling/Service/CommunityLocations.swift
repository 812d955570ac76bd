import Contracts
import Foundation
import JewishCalendar
import Postgres
import ServiceKit

/// The scheduling service's read model of the registry: where each community is, and the
/// calendar rules that follow from it: Israel's or the diaspora's festivals, and when
/// Shabbat starts (candle lighting: 40 minutes before sunset in Jerusalem, 30 in Haifa, 18
/// elsewhere) and ends (havdalah when the sun is 8.5° below the horizon).
struct CommunityLocations: Sendable {
    static let migrations = [
        PostgresMigration(
            name: "scheduling-001-community-locations",
            sql: """
                CREATE TABLE community_locations (
                    community_id uuid PRIMARY KEY,
                    name text NOT NULL,
                    latitude double precision NOT NULL,
                    longitude double precision NOT NULL,
                    time_zone text NOT NULL,
                    holiday_schedule text NOT NULL CHECK (holiday_schedule IN ('israel', 'diaspora')),
                    candle_lighting_minutes integer NOT NULL,
                    havdalah_sun_degrees double precision NOT NULL,
                    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
                );
                """),
    ]

    /// The customs of a community by name; other places keep the standard 18 minutes.
    static func policy(for name: String) -> CandleLightingPolicy {
        switch name.lowercased() {
        case "jerusalem": .jerusalem
        case "haifa": .haifa
        default: .standard
        }
    }

    /// Records registered communities with their calendar rules, in one statement. A location
    /// the calendar cannot use (an unknown time zone) can never be scheduled: the message is
    /// parked with the reason.
    static func record(_ events: [CommunityRegistered], on connection: PostgresConnection) async throws {
        var locations: [GeoLocation] = []
        var policies: [CandleLightingPolicy] = []
        for event in events {
            do {
                locations.append(
                    try GeoLocation(
                        latitude: event.coordinates.latitude, longitude: event.coordinates.longitude, timeZoneIdentifier: event.timeZone))
            } catch {
                throw PermanentFailure("community \(event.communityId.uuidString.lowercased()) has no usable location: \(error)")
            }
            policies.append(policy(for: event.name))
        }
        let havdalahDegrees = policies.map { policy -> Double in
            switch policy.havdalah {
            case .sunBelowHorizon(let degrees): degrees
            case .minutesAfterSunset: 8.5
            }
        }
        try await connection.pipeline(
            """
            INSERT INTO community_locations (community_id, name, latitude, longitude, time_zone, holiday_schedule,
                                             candle_lighting_minutes, havdalah_sun_degrees)
            SELECT * FROM unnest(\(events.map(\.communityId))::uuid[], \(events.map(\.name))::text[], \(locations.map(\.latitude))::float8[],
                                 \(locations.map(\.longitude))::float8[], \(locations.map(\.timeZoneIdentifier))::text[],
                                 \(locations.map(\.schedule.rawValue))::text[], \(policies.map { Int32($0.minutesBeforeSunset) })::int4[],
                                 \(havdalahDegrees)::float8[])
            """)
    }

    /// A summary row of the read model.
    struct Location: Encodable, Sendable {
        @LowercasedUUID var communityId: UUID
        var name: String
        var timeZone: String
        var holidaySchedule: String
        var candleLightingMinutes: Int
    }

    static func list(_ postgres: PostgresClient, limit: Int) async throws -> (total: Int, locations: [Location]) {
        let total = try await postgres.query("SELECT count(*) FROM community_locations")[0].decode(Int.self, at: 0)
        let rows = try await postgres.query(
            """
            SELECT community_id, name, time_zone, holiday_schedule, candle_lighting_minutes
            FROM community_locations ORDER BY recorded_at, community_id LIMIT \(limit)
            """)
        let locations = try rows.map { row in
            Location(
                communityId: try row.decode(UUID.self, "community_id"), name: try row.decode(String.self, "name"),
                timeZone: try row.decode(String.self, "time_zone"), holidaySchedule: try row.decode(String.self, "holiday_schedule"),
                candleLightingMinutes: Int(try row.decode(Int32.self, "candle_lighting_minutes")))
        }
        return (total, locations)
    }
}
