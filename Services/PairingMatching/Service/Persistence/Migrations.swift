import Postgres

/// The matching service's schema: one ordered list; an applied migration never changes, a
/// change is a new one.
enum Migrations {
    static let all: [PostgresMigration] = [
        PostgresMigration(
            name: "matching-001-candidate-communities",
            sql: """
                CREATE TABLE candidate_communities (
                    community_id uuid PRIMARY KEY,
                    name text NOT NULL,
                    kind text NOT NULL,
                    country text NOT NULL,
                    region text NOT NULL,
                    time_zone text NOT NULL,
                    languages text[] NOT NULL,
                    registered_at timestamptz NOT NULL,
                    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
                );
                """)
    ]
}
