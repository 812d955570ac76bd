import Postgres

/// The scheduling service's schema: one ordered list; an applied migration never changes, a
/// change is a new one.
enum Migrations {
    static let all: [PostgresMigration] = [
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
                """)
    ]
}
