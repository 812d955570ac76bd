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
        // Deliveries: one per cause, recipient and channel, whatever is redelivered; their
        // status and attempts. Where volunteers live (their home community's coordinates, for
        // Shabbat), and what each volunteer wants to receive.
        PostgresMigration(
            name: "notifications-003-deliveries-and-preferences",
            sql: """
                ALTER TABLE recipients ADD COLUMN latitude float8, ADD COLUMN longitude float8;
                ALTER TABLE volunteer_recipients ADD COLUMN home_community_id uuid;
                CREATE TABLE deliveries (
                    id uuid PRIMARY KEY,
                    cause_id uuid NOT NULL,
                    recipient_id uuid NOT NULL,
                    channel text NOT NULL CHECK (channel IN ('email')),
                    kind text NOT NULL,
                    critical boolean NOT NULL DEFAULT false,
                    correlation_id text,
                    announcement_id uuid,
                    template_values jsonb NOT NULL DEFAULT '{}',
                    template_instants jsonb NOT NULL DEFAULT '{}',
                    status text NOT NULL DEFAULT 'queued'
                        CHECK (status IN ('queued', 'deferred', 'sending', 'sent', 'failed', 'bounced', 'suppressed')),
                    attempts integer NOT NULL DEFAULT 0,
                    not_before timestamptz,
                    hold_reason text,
                    last_error text,
                    language text,
                    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
                    updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
                    finished_at timestamptz,
                    UNIQUE (cause_id, recipient_id, channel)
                );
                CREATE INDEX deliveries_by_recipient ON deliveries (recipient_id);
                CREATE INDEX deliveries_by_announcement ON deliveries (announcement_id) WHERE announcement_id IS NOT NULL;
                CREATE TABLE volunteer_preferences (
                    volunteer_id uuid PRIMARY KEY,
                    email_enabled boolean NOT NULL DEFAULT true,
                    muted_kinds text[] NOT NULL DEFAULT '{}',
                    quiet_start integer NOT NULL DEFAULT 1260 CHECK (quiet_start BETWEEN 0 AND 1439),
                    quiet_end integer NOT NULL DEFAULT 480 CHECK (quiet_end BETWEEN 0 AND 1439),
                    unsubscribed_at timestamptz,
                    updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
                );
                """),
        // A coordinator's announcements to the volunteers of a community, in several languages.
        PostgresMigration(
            name: "notifications-004-announcements",
            sql: """
                CREATE TABLE announcements (
                    id uuid PRIMARY KEY,
                    community_id uuid NOT NULL,
                    subjects jsonb NOT NULL,
                    bodies jsonb NOT NULL,
                    critical boolean NOT NULL DEFAULT false,
                    recipients integer NOT NULL,
                    idempotency_key text UNIQUE,
                    created_by text NOT NULL,
                    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
                );
                CREATE INDEX volunteer_recipients_by_community ON volunteer_recipients (home_community_id) WHERE erased_at IS NULL;
                """),
        // A volunteer may take their routine notifications once a day, at a local hour.
        PostgresMigration(
            name: "notifications-005-daily-digest",
            sql: """
                ALTER TABLE volunteer_preferences ADD COLUMN digest_hour integer CHECK (digest_hour BETWEEN 0 AND 23);
                CREATE INDEX deliveries_in_digest ON deliveries (recipient_id) WHERE status = 'deferred' AND hold_reason = 'digest';
                """),
        // Who the people of a partnership or a program are (from the registry's and scheduling's
        // events), volunteers' roles (coordinators hear of funding overlaps), what a program and
        // its sessions are called and when they are, announcements to any of these audiences,
        // and text messages (SMS) for the volunteers who turn them on.
        PostgresMigration(
            name: "notifications-006-audiences-programs-and-sms",
            sql: """
                ALTER TABLE volunteer_recipients ADD COLUMN roles text[] NOT NULL DEFAULT '{}';
                CREATE TABLE partnership_members (
                    membership_id uuid PRIMARY KEY,
                    partnership_id uuid NOT NULL,
                    community_id uuid NOT NULL,
                    left_on date
                );
                CREATE INDEX partnership_members_by_partnership ON partnership_members (partnership_id) WHERE left_on IS NULL;
                CREATE INDEX partnership_members_by_community ON partnership_members (community_id) WHERE left_on IS NULL;
                CREATE TABLE programs (
                    program_id uuid PRIMARY KEY,
                    titles jsonb NOT NULL DEFAULT '{}',
                    time_zone text,
                    partnership_id uuid
                );
                CREATE TABLE program_sessions (
                    session_id uuid PRIMARY KEY,
                    program_id uuid NOT NULL,
                    starts_at timestamptz NOT NULL,
                    ends_at timestamptz NOT NULL,
                    virtual boolean NOT NULL,
                    sequence integer NOT NULL DEFAULT 0
                );
                CREATE TABLE program_participants (
                    program_id uuid NOT NULL,
                    volunteer_id uuid NOT NULL,
                    PRIMARY KEY (program_id, volunteer_id)
                );
                ALTER TABLE announcements ALTER COLUMN community_id DROP NOT NULL,
                    ADD COLUMN audience_kind text NOT NULL DEFAULT 'community'
                        CHECK (audience_kind IN ('community', 'partnership', 'program')),
                    ADD COLUMN audience_id uuid;
                UPDATE announcements SET audience_id = community_id;
                ALTER TABLE announcements ALTER COLUMN audience_id SET NOT NULL;
                ALTER TABLE deliveries DROP CONSTRAINT deliveries_channel_check;
                ALTER TABLE deliveries ADD CONSTRAINT deliveries_channel_check CHECK (channel IN ('email', 'sms'));
                ALTER TABLE volunteer_preferences ADD COLUMN sms_enabled boolean NOT NULL DEFAULT false;
                """),
        // Who sits on which committee of a partnership, term by term (from the registry's
        // events), so that an announcement can go to a committee's people. A term's end that
        // arrives before its seat leaves the start unknown until the seat's event comes.
        PostgresMigration(
            name: "notifications-007-committee-seats",
            sql: """
                CREATE TABLE committee_seats (
                    seat_id uuid PRIMARY KEY,
                    committee_id uuid NOT NULL,
                    partnership_id uuid NOT NULL,
                    volunteer_id uuid NOT NULL,
                    term_start date,
                    term_end date
                );
                CREATE INDEX committee_seats_by_committee ON committee_seats (committee_id);
                ALTER TABLE announcements DROP CONSTRAINT announcements_audience_kind_check;
                ALTER TABLE announcements ADD CONSTRAINT announcements_audience_kind_check
                    CHECK (audience_kind IN ('community', 'partnership', 'committee', 'program'));
                """),
        // Bounces: the delivery status notifications that came back for e-mails the relay had
        // taken (one row per report, so that the same report posted twice is seen), and the
        // address a permanent one returned, which is not written to again until it changes. A
        // digest's deliveries name the one whose id its e-mail carried, so that its bounce
        // reaches them all.
        PostgresMigration(
            name: "notifications-008-bounces",
            sql: """
                ALTER TABLE volunteer_recipients ADD COLUMN undeliverable_email text;
                ALTER TABLE deliveries ADD COLUMN digest_id uuid;
                CREATE INDEX deliveries_by_digest ON deliveries (digest_id) WHERE digest_id IS NOT NULL;
                CREATE TABLE delivery_reports (
                    delivery_id uuid NOT NULL REFERENCES deliveries (id),
                    report_digest text NOT NULL,
                    action text NOT NULL CHECK (action IN ('failed', 'delayed', 'delivered', 'relayed', 'expanded')),
                    status text NOT NULL,
                    diagnostic text,
                    received_at timestamptz NOT NULL DEFAULT clock_timestamp(),
                    PRIMARY KEY (delivery_id, report_digest)
                );
                """),
    ]
}
