import Postgres

/// The notifications service's schema: one ordered list; an applied migration never changes, a
/// change is a new one.
enum Migrations {
    static let all: [PostgresMigration] = [
        PostgresMigration(
            name: "notifications-001-recipients-and-notifications",
            sql: """
                CREATE TABLE recipients (
                    community_id uuid PRIMARY KEY,
                    name text NOT NULL,
                    email text NOT NULL,
                    language text NOT NULL,
                    time_zone text NOT NULL,
                    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
                );
                CREATE TABLE notifications (
                    id uuid PRIMARY KEY,
                    recipient_id uuid NOT NULL REFERENCES recipients (community_id),
                    channel text NOT NULL CHECK (channel IN ('email')),
                    template text NOT NULL,
                    language text NOT NULL,
                    cause_message_id uuid NOT NULL,
                    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
                    created_at timestamptz NOT NULL DEFAULT now(),
                    UNIQUE (cause_message_id, recipient_id, channel)
                );
                """),
        // Volunteers as the registry announces them, with only the channels they consented to;
        // erased ones keep their id and the time of erasure alone.
        PostgresMigration(
            name: "notifications-002-volunteer-recipients",
            sql: """
                CREATE TABLE volunteer_recipients (
                    volunteer_id uuid PRIMARY KEY,
                    name text,
                    languages text[] NOT NULL,
                    time_zone text,
                    email text,
                    phone text,
                    erased_at timestamptz,
                    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
                );
                """),
    ]
}
