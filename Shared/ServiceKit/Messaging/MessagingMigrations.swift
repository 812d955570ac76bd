import Postgres

/// The tables every service's database has for reliable messaging: the outbox (events written
/// in the same transaction as the state change, published by the relay), the inbox (ids of
/// messages already handled, written in the same transaction as their effects) and the
/// durable timers (``Timers``). One ordered list, applied before the service's own.
public enum MessagingMigrations {
    public static let all: [PostgresMigration] = [
        PostgresMigration(
            name: "messaging-001-outbox-and-inbox",
            sql: """
                CREATE TABLE outbox (
                    id bigserial PRIMARY KEY,
                    message_id uuid NOT NULL UNIQUE,
                    exchange text NOT NULL,
                    routing_key text NOT NULL,
                    message_type text NOT NULL,
                    body text NOT NULL,
                    correlation_id text,
                    causation_id text,
                    traceparent text,
                    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
                    sent_at timestamptz
                );
                CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
                CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL;

                -- One NOTIFY per inserting statement (and one per transaction after
                -- PostgreSQL folds duplicates) wakes the relay.
                CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('p2g_outbox', '');
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
                    FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

                CREATE TABLE inbox (
                    message_id uuid PRIMARY KEY,
                    message_type text NOT NULL,
                    queue text NOT NULL,
                    handled_at timestamptz NOT NULL DEFAULT now()
                );
                CREATE INDEX inbox_handled_at ON inbox (handled_at);
                """),
        // The relay and the consumers never look an outbox row up by its message id (random,
        // so never repeated); the index on it cost every event an entry when written and
        // another when marked sent.
        PostgresMigration(
            name: "messaging-002-outbox-without-message-id-index",
            sql: """
                ALTER TABLE outbox DROP CONSTRAINT outbox_message_id_key;
                """),
        PostgresMigration(
            name: "messaging-003-timers",
            sql: """
                -- Each scheduling of a timer gets a new revision, so that a failed firing
                -- postpones the timer it fired and not one scheduled again meanwhile.
                CREATE SEQUENCE timer_revisions;
                CREATE TABLE timers (
                    name text NOT NULL,
                    key text NOT NULL,
                    due_at timestamptz NOT NULL,
                    payload text NOT NULL,
                    attempts integer NOT NULL DEFAULT 0,
                    last_error text,
                    revision bigint NOT NULL DEFAULT nextval('timer_revisions'),
                    scheduled_at timestamptz NOT NULL DEFAULT clock_timestamp(),
                    PRIMARY KEY (name, key)
                );
                CREATE INDEX timers_due ON timers (due_at);
                """),
        // A message the broker delivers again is handled alone, after a row here counts the
        // start, committed first: one that stops the process every time it is handled shows
        // as a growing count and is parked, without counting against the messages that were
        // merely in hand at the time.
        PostgresMigration(
            name: "messaging-004-delivery-starts",
            sql: """
                CREATE TABLE delivery_starts (
                    message_id uuid PRIMARY KEY,
                    queue text NOT NULL,
                    starts integer NOT NULL,
                    last_started_at timestamptz NOT NULL DEFAULT now()
                );
                """),
    ]

    /// The channel the outbox trigger notifies.
    static let outboxChannel = "p2g_outbox"
}
