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
        // Needs assessments and their items, a version per reassessment linked to the one
        // before; the sectors items are filed under (a base list, and those coordinators add);
        // road-map milestones covering items; funding flows from funders to communities with
        // every change of their status; and the Communities2Gether pairings' yearly commitments,
        // recorded once per pairing. Money is integer minor units with its currency, never mixed.
        PostgresMigration(
            name: "registry-008-needs-and-funding",
            sql: """
                CREATE TABLE need_sectors (
                    name text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9-]{0,59}$'),
                    base boolean NOT NULL DEFAULT false,
                    recorded_at timestamptz NOT NULL DEFAULT now()
                );
                INSERT INTO need_sectors (name, base) VALUES
                    ('education', true), ('economic-development', true), ('welfare', true), ('housing', true),
                    ('infrastructure', true), ('health', true), ('culture', true);
                CREATE TABLE needs_assessments (
                    id uuid PRIMARY KEY,
                    community_id uuid NOT NULL REFERENCES communities (id),
                    version integer NOT NULL CHECK (version > 0),
                    previous_id uuid REFERENCES needs_assessments (id),
                    status text NOT NULL CHECK (status IN ('draft', 'submitted', 'accepted')),
                    assessed_on date NOT NULL,
                    idempotency_key text UNIQUE,
                    created_at timestamptz NOT NULL,
                    submitted_at timestamptz,
                    accepted_at timestamptz,
                    UNIQUE (community_id, version),
                    CHECK ((version = 1) = (previous_id IS NULL))
                );
                CREATE TABLE need_items (
                    id uuid PRIMARY KEY,
                    assessment_id uuid NOT NULL REFERENCES needs_assessments (id),
                    community_id uuid NOT NULL REFERENCES communities (id),
                    position integer NOT NULL,
                    carries_over uuid REFERENCES need_items (id),
                    horizon text NOT NULL CHECK (horizon IN ('immediate', 'long-term')),
                    sector text NOT NULL REFERENCES need_sectors (name),
                    description text NOT NULL,
                    language text,
                    quantity bigint NOT NULL CHECK (quantity > 0),
                    unit text NOT NULL,
                    estimated_cost bigint NOT NULL CHECK (estimated_cost >= 0),
                    currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$')
                );
                CREATE INDEX need_items_assessment ON need_items (assessment_id, position);
                CREATE TABLE milestones (
                    id uuid PRIMARY KEY,
                    community_id uuid NOT NULL REFERENCES communities (id),
                    title text NOT NULL,
                    quarter text NOT NULL CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
                    need_item_ids uuid[] NOT NULL DEFAULT '{}',
                    status text NOT NULL CHECK (status IN ('planned', 'under-way', 'done', 'dropped')),
                    version bigint NOT NULL DEFAULT 1,
                    idempotency_key text UNIQUE,
                    recorded_at timestamptz NOT NULL
                );
                CREATE INDEX milestones_community ON milestones (community_id, quarter);
                CREATE TABLE milestone_changes (
                    id bigserial PRIMARY KEY,
                    milestone_id uuid NOT NULL REFERENCES milestones (id),
                    status text NOT NULL,
                    on_date date NOT NULL,
                    recorded_at timestamptz NOT NULL DEFAULT now()
                );
                CREATE INDEX milestone_changes_milestone ON milestone_changes (milestone_id, id);
                CREATE TABLE pairing_commitments (
                    pairing_id uuid PRIMARY KEY,
                    supporting_community_id uuid NOT NULL REFERENCES communities (id),
                    impacted_community_id uuid NOT NULL REFERENCES communities (id),
                    amount_per_year bigint NOT NULL CHECK (amount_per_year > 0),
                    currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
                    years integer NOT NULL CHECK (years BETWEEN 1 AND 10),
                    confirmed_at timestamptz NOT NULL,
                    recorded_at timestamptz NOT NULL DEFAULT now()
                );
                CREATE TABLE funding_flows (
                    id uuid PRIMARY KEY,
                    funder_kind text NOT NULL CHECK (funder_kind IN
                        ('globalCommunity', 'federation', 'kerenHayesod', 'governmentBody', 'municipality', 'otherDonor')),
                    funder_name text NOT NULL,
                    funder_community_id uuid REFERENCES communities (id),
                    community_id uuid NOT NULL REFERENCES communities (id),
                    need_item_id uuid REFERENCES need_items (id),
                    milestone_id uuid REFERENCES milestones (id),
                    pairing_id uuid REFERENCES pairing_commitments (pairing_id),
                    pairing_year integer,
                    currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
                    status text NOT NULL CHECK (status IN ('pledged', 'committed', 'paid')),
                    pledged_amount bigint CHECK (pledged_amount > 0),
                    committed_amount bigint CHECK (committed_amount > 0),
                    paid_amount bigint NOT NULL DEFAULT 0 CHECK (paid_amount >= 0),
                    pledged_on date,
                    committed_on date,
                    paid_on date,
                    idempotency_key text UNIQUE,
                    recorded_at timestamptz NOT NULL,
                    CHECK (paid_amount <= COALESCE(committed_amount, 0)),
                    CHECK ((status = 'pledged') = (committed_amount IS NULL)),
                    CHECK ((pairing_id IS NULL) = (pairing_year IS NULL)),
                    UNIQUE (pairing_id, pairing_year)
                );
                CREATE INDEX funding_flows_community ON funding_flows (community_id, currency);
                CREATE INDEX funding_flows_need_item ON funding_flows (need_item_id) WHERE need_item_id IS NOT NULL;
                CREATE TABLE funding_flow_changes (
                    id bigserial PRIMARY KEY,
                    flow_id uuid NOT NULL REFERENCES funding_flows (id),
                    status text NOT NULL,
                    amount bigint NOT NULL,
                    on_date date NOT NULL,
                    subject text,
                    recorded_at timestamptz NOT NULL DEFAULT now()
                );
                CREATE INDEX funding_flow_changes_flow ON funding_flow_changes (flow_id, id);
                """),
    ]
}
