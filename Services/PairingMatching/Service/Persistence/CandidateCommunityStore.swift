import Contracts
import Foundation
import Postgres

/// The matching service's read model of the registry's communities: every community that can
/// be paired, with what the pairing engine scores on (region, languages, time zone).
struct CandidateCommunityStore: Sendable {
    let postgres: PostgresClient

    /// Records registered communities, in one statement; runs in the transaction that records
    /// the messages.
    func record(_ events: [CommunityRegistered], on connection: PostgresConnection) async throws {
        // A list per community: sent comma-joined (language tags have no commas) and split again.
        let languages = events.map { $0.languages.joined(separator: ",") }
        try await connection.pipeline(
            """
            INSERT INTO candidate_communities (community_id, name, kind, country, region, time_zone, languages, registered_at,
                                               latitude, longitude)
            SELECT id, name, kind, country, region, time_zone,
                   string_to_array(languages, ','), registered_at, latitude, longitude
            FROM unnest(\(events.map(\.communityId))::uuid[], \(events.map(\.name))::text[], \(events.map(\.kind.rawValue))::text[],
                        \(events.map(\.country))::text[], \(events.map(\.region))::text[], \(events.map(\.timeZone))::text[],
                        \(languages)::text[], \(events.map(\.registeredAt))::timestamptz[],
                        \(events.map(\.coordinates.latitude))::float8[], \(events.map(\.coordinates.longitude))::float8[])
                 AS e(id, name, kind, country, region, time_zone, languages, registered_at, latitude, longitude)
            ON CONFLICT (community_id) DO NOTHING
            """)
    }

    /// Applies changes of communities: each field that changed takes its new value, unless the
    /// read model already holds a later version (an update delivered late changes nothing).
    func update(_ events: [CommunityUpdated], on connection: PostgresConnection) async throws {
        for event in events {
            try await connection.pipeline(
                """
                UPDATE candidate_communities
                SET name = COALESCE(\(event.name), name), country = COALESCE(\(event.country), country),
                    region = COALESCE(\(event.region), region), time_zone = COALESCE(\(event.timeZone), time_zone),
                    languages = COALESCE(\(event.languages)::text[], languages),
                    latitude = COALESCE(\(event.coordinates?.latitude)::float8, latitude),
                    longitude = COALESCE(\(event.coordinates?.longitude)::float8, longitude), version = \(event.version)
                WHERE community_id = \(event.communityId) AND version < \(event.version)
                """)
        }
    }

    /// Every community, in registration order, as a matching run reads them.
    func all(on connection: PostgresConnection) async throws -> [ReadModelSnapshot.Community] {
        try await connection.query(
            "SELECT community_id, name, kind, region, time_zone, languages FROM candidate_communities ORDER BY registered_at, community_id"
        ).compactMap { row in
            guard let kind = CommunityKind(rawValue: try row.decode(String.self, "kind")) else { return nil }
            return ReadModelSnapshot.Community(
                id: try row.decode(UUID.self, "community_id"), name: try row.decode(String.self, "name"), kind: kind,
                region: try row.decode(String.self, "region"), timeZone: try row.decode(String.self, "time_zone"),
                languages: try row.decode([String].self, "languages"))
        }
    }

    /// The first `limit` candidates in registration order, and how many there are.
    func list(limit: Int) async throws -> (total: Int, candidates: [CandidateCommunity]) {
        let total = try await postgres.query("SELECT count(*) FROM candidate_communities")[0].decode(Int.self, at: 0)
        let rows = try await postgres.query(
            "SELECT community_id, name, kind, region, languages FROM candidate_communities ORDER BY registered_at, community_id LIMIT \(limit)"
        )
        let candidates = try rows.map { row in
            CandidateCommunity(
                communityId: try row.decode(UUID.self, "community_id"), name: try row.decode(String.self, "name"),
                kind: try row.decode(String.self, "kind"), region: try row.decode(String.self, "region"),
                languages: try row.decode([String].self, "languages"))
        }
        return (total, candidates)
    }
}
