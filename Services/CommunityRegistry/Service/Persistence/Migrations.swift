import Postgres

/// The registry's schema: one ordered list; an applied migration never changes, a change is a new one.
enum Migrations {
    static let all: [PostgresMigration] = [
        PostgresMigration(
            name: "registry-001-communities",
            sql: """
                CREATE TABLE communities (
                    id uuid PRIMARY KEY,
                    name text NOT NULL,
                    kind text NOT NULL CHECK (kind IN ('israeliLocality', 'globalCommunity')),
                    country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
                    region text NOT NULL,
                    time_zone text NOT NULL,
                    latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
                    longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
                    languages text[] NOT NULL,
                    contact_email text NOT NULL,
                    idempotency_key text UNIQUE,
                    registered_at timestamptz NOT NULL DEFAULT now()
                );
                CREATE INDEX communities_registered_at ON communities (registered_at, id);
                """),
        // Names in several languages (language tag → name) and a version for optimistic
        // concurrency. The language of the names registered before is not known, so they stay
        // in `name` alone.
        PostgresMigration(
            name: "registry-002-community-names-and-versions",
            sql: """
                ALTER TABLE communities
                    ADD COLUMN names jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(names) = 'object'),
                    ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version > 0),
                    ADD COLUMN updated_at timestamptz;
                """),
    ]
}
