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
                """),
        PostgresMigration(
            name: "scheduling-002-programs-venues-registrations",
            sql: """
                CREATE TABLE participants (
                    volunteer_id uuid PRIMARY KEY,
                    home_community_id uuid,
                    time_zone text NOT NULL,
                    languages text[] NOT NULL DEFAULT '{}',
                    working_days bigint[],
                    working_from_minute integer,
                    working_to_minute integer,
                    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
                );
                CREATE TABLE participant_unavailability (
                    volunteer_id uuid NOT NULL REFERENCES participants ON DELETE CASCADE,
                    starts_at timestamptz NOT NULL,
                    ends_at timestamptz NOT NULL CHECK (ends_at > starts_at)
                );
                CREATE INDEX ON participant_unavailability (volunteer_id);
                CREATE TABLE partnerships (
                    partnership_id uuid PRIMARY KEY,
                    community_ids uuid[] NOT NULL,
                    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
                );
                CREATE TABLE joint_teams (
                    team_id uuid PRIMARY KEY,
                    pairing_id uuid NOT NULL,
                    impacted_community_id uuid NOT NULL,
                    supporting_community_id uuid NOT NULL,
                    members jsonb NOT NULL,
                    formed_at timestamptz NOT NULL
                );
                CREATE TABLE venues (
                    id uuid PRIMARY KEY,
                    name text NOT NULL,
                    latitude double precision NOT NULL,
                    longitude double precision NOT NULL,
                    time_zone text NOT NULL,
                    capacity integer NOT NULL CHECK (capacity > 0),
                    opening_days bigint[] NOT NULL,
                    opening_from_minute integer NOT NULL,
                    opening_to_minute integer NOT NULL,
                    closed jsonb NOT NULL DEFAULT '[]',
                    idempotency_key text UNIQUE,
                    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
                );
                CREATE TABLE programs (
                    id uuid PRIMARY KEY,
                    kind text NOT NULL,
                    partnership_id uuid,
                    team_id uuid UNIQUE,
                    titles jsonb NOT NULL,
                    time_zone text NOT NULL,
                    request jsonb NOT NULL,
                    capacity integer,
                    confirmed integer NOT NULL DEFAULT 0,
                    waitlisted integer NOT NULL DEFAULT 0,
                    idempotency_key text UNIQUE,
                    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
                );
                CREATE TABLE sessions (
                    id uuid PRIMARY KEY,
                    program_id uuid NOT NULL REFERENCES programs,
                    occurrence integer NOT NULL,
                    plan_key text NOT NULL,
                    titles jsonb,
                    starts_at timestamptz NOT NULL,
                    ends_at timestamptz NOT NULL,
                    venue_id uuid REFERENCES venues,
                    time_zone text NOT NULL,
                    attendees uuid[] NOT NULL,
                    sequence integer NOT NULL DEFAULT 0,
                    status text NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'cancelled')),
                    capacity integer,
                    confirmed integer NOT NULL DEFAULT 0,
                    waitlisted integer NOT NULL DEFAULT 0,
                    UNIQUE (program_id, occurrence, plan_key)
                );
                CREATE INDEX ON sessions USING gin (attendees);
                CREATE INDEX ON sessions (venue_id);
                CREATE TABLE registrations (
                    id uuid PRIMARY KEY,
                    program_id uuid NOT NULL REFERENCES programs,
                    session_id uuid REFERENCES sessions,
                    volunteer_id uuid,
                    participant_name text,
                    status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
                    line bigserial NOT NULL,
                    idempotency_key text UNIQUE,
                    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
                    CHECK ((volunteer_id IS NULL) <> (participant_name IS NULL))
                );
                CREATE INDEX ON registrations (program_id, line) WHERE status = 'waitlisted' AND session_id IS NULL;
                CREATE INDEX ON registrations (session_id, line) WHERE status = 'waitlisted';
                CREATE INDEX ON registrations (program_id, line);
                CREATE INDEX ON registrations (volunteer_id);
                """),
    ]
}
