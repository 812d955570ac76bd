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
        // Partnerships and every stay of each community in them: a departure sets left_on, nothing
        // is deleted. At most one open stay per community and partnership; the service keeps
        // stays from overlapping under the partnership's row lock.
        PostgresMigration(
            name: "registry-003-partnerships",
            sql: """
                CREATE TABLE partnerships (
                    id uuid PRIMARY KEY,
                    name text NOT NULL,
                    names jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(names) = 'object'),
                    program text NOT NULL CHECK (program IN ('partnership2gether', 'communities2gether')),
                    formed_on date NOT NULL,
                    idempotency_key text UNIQUE,
                    recorded_at timestamptz NOT NULL DEFAULT now()
                );
                CREATE TABLE partnership_memberships (
                    id uuid PRIMARY KEY,
                    partnership_id uuid NOT NULL REFERENCES partnerships (id),
                    community_id uuid NOT NULL REFERENCES communities (id),
                    side text NOT NULL CHECK (side IN ('israeli', 'global')),
                    joined_on date NOT NULL,
                    left_on date CHECK (left_on > joined_on),
                    recorded_at timestamptz NOT NULL DEFAULT now()
                );
                CREATE INDEX partnership_memberships_partnership ON partnership_memberships (partnership_id, community_id);
                CREATE INDEX partnership_memberships_community ON partnership_memberships (community_id);
                CREATE UNIQUE INDEX partnership_memberships_open ON partnership_memberships (partnership_id, community_id)
                    WHERE left_on IS NULL;
                """),
        // Volunteers. Their personal fields (name, names, languages, time zone, contact channels)
        // are emptied when they are erased, and the row stays for the history it belongs to.
        PostgresMigration(
            name: "registry-004-volunteers",
            sql: """
                CREATE TABLE volunteers (
                    id uuid PRIMARY KEY,
                    name text,
                    names jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(names) = 'object'),
                    home_community_id uuid NOT NULL REFERENCES communities (id),
                    side text NOT NULL CHECK (side IN ('israeli', 'global')),
                    languages text[] NOT NULL DEFAULT '{}',
                    time_zone text,
                    roles text[] NOT NULL DEFAULT '{}',
                    contact_channels jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(contact_channels) = 'array'),
                    version bigint NOT NULL DEFAULT 1 CHECK (version > 0),
                    idempotency_key text UNIQUE,
                    registered_at timestamptz NOT NULL,
                    updated_at timestamptz,
                    erased_at timestamptz,
                    CHECK (erased_at IS NOT NULL OR (name IS NOT NULL AND time_zone IS NOT NULL)),
                    CHECK (erased_at IS NULL OR (name IS NULL AND names = '{}'::jsonb AND languages = '{}' AND time_zone IS NULL
                                                 AND contact_channels = '[]'::jsonb))
                );
                CREATE INDEX volunteers_home_community ON volunteers (home_community_id);
                """),
        // Committees of a partnership and the volunteers' seats on them, with their terms. Every
        // partnership has a joint steering committee: the ones formed before get theirs here.
        PostgresMigration(
            name: "registry-005-committees",
            sql: """
                CREATE TABLE committees (
                    id uuid PRIMARY KEY,
                    partnership_id uuid NOT NULL REFERENCES partnerships (id),
                    name text NOT NULL,
                    names jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(names) = 'object'),
                    kind text NOT NULL CHECK (kind IN ('jointSteering', 'subcommittee')),
                    recorded_at timestamptz NOT NULL DEFAULT now()
                );
                CREATE UNIQUE INDEX committees_name ON committees (partnership_id, lower(name));
                CREATE UNIQUE INDEX committees_joint_steering ON committees (partnership_id) WHERE kind = 'jointSteering';
                CREATE TABLE committee_seats (
                    id uuid PRIMARY KEY,
                    committee_id uuid NOT NULL REFERENCES committees (id),
                    volunteer_id uuid NOT NULL REFERENCES volunteers (id),
                    side text NOT NULL CHECK (side IN ('israeli', 'global')),
                    role text NOT NULL CHECK (role IN ('chair', 'co-chair', 'member')),
                    term_start date NOT NULL,
                    term_end date CHECK (term_end > term_start),
                    recorded_at timestamptz NOT NULL DEFAULT now()
                );
                CREATE INDEX committee_seats_committee ON committee_seats (committee_id);
                CREATE INDEX committee_seats_volunteer ON committee_seats (volunteer_id);
                INSERT INTO committees (id, partnership_id, name, names, kind)
                SELECT gen_random_uuid(), id, 'Joint Steering Committee',
                       '{"en": "Joint Steering Committee", "he": "ועדת היגוי משותפת"}'::jsonb, 'jointSteering'
                FROM partnerships;
                """),
        // Names as a coordinator types them: registry_fold makes a name case- and
        // accent-insensitive (unaccent, a trusted extension the database's owner may create) and
        // drops Hebrew points and cantillation marks, so that "zurich" finds Zürich and מרים finds
        // מִרְיָם. Immutable (the dictionary named), so that it may serve in an index later.
        PostgresMigration(
            name: "registry-006-name-search",
            sql: #"""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                CREATE FUNCTION registry_fold(text) RETURNS text
                    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                    RETURN lower(regexp_replace(unaccent('unaccent'::regdictionary, $1), '[\u0591-\u05C7]', '', 'g'));
                """#),
        // Who changed whose personal data, when, and which fields (never their values); rows are
        // only ever added.
        PostgresMigration(
            name: "registry-007-audit-trail",
            sql: """
                CREATE TABLE audit_trail (
                    id bigserial PRIMARY KEY,
                    occurred_at timestamptz NOT NULL DEFAULT now(),
                    subject text NOT NULL,
                    role text NOT NULL,
                    action text NOT NULL,
                    volunteer_id uuid NOT NULL,
                    fields text[] NOT NULL
                );
                CREATE FUNCTION audit_trail_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'insufficient_privilege';
                END
                $$;
                CREATE TRIGGER audit_trail_no_change BEFORE UPDATE OR DELETE ON audit_trail
                    FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();
                CREATE TRIGGER audit_trail_no_truncate BEFORE TRUNCATE ON audit_trail
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_append_only();
                """),
    ]
}
