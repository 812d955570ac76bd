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
                """),
        // The rest of the registry's read model (updates of communities, partnerships and
        // their stays, volunteers and erasures), and the service's own records: matching runs
        // (immutable documents), proposals with their decisions, joint teams and their members.
        PostgresMigration(
            name: "matching-002-runs-proposals-teams",
            sql: """
                ALTER TABLE candidate_communities ADD COLUMN version bigint NOT NULL DEFAULT 1;
                CREATE TABLE partnerships (
                    partnership_id uuid PRIMARY KEY,
                    program text NOT NULL,
                    formed_on date NOT NULL
                );
                CREATE TABLE partnership_stays (
                    membership_id uuid PRIMARY KEY,
                    partnership_id uuid NOT NULL,
                    community_id uuid NOT NULL,
                    side text NOT NULL,
                    joined_on date NOT NULL,
                    left_on date
                );
                CREATE INDEX partnership_stays_partnership ON partnership_stays (partnership_id);
                CREATE TABLE volunteers (
                    volunteer_id uuid PRIMARY KEY,
                    home_community_id uuid NOT NULL,
                    side text NOT NULL,
                    languages text[] NOT NULL,
                    time_zone text NOT NULL,
                    roles text[] NOT NULL,
                    version bigint NOT NULL DEFAULT 1,
                    registered_at timestamptz NOT NULL
                );
                -- Erased volunteers, so that an event about them arriving late brings nothing back.
                CREATE TABLE erased_volunteers (
                    volunteer_id uuid PRIMARY KEY,
                    erased_at timestamptz NOT NULL
                );
                CREATE TABLE matching_runs (
                    id uuid PRIMARY KEY,
                    position bigserial UNIQUE,
                    run_key text UNIQUE,
                    program text NOT NULL,
                    document jsonb NOT NULL,
                    started_at timestamptz NOT NULL
                );
                CREATE TABLE proposals (
                    id uuid PRIMARY KEY,
                    run_id uuid NOT NULL REFERENCES matching_runs (id),
                    program text NOT NULL,
                    impacted_id uuid NOT NULL,
                    supporting_id uuid NOT NULL,
                    score double precision NOT NULL,
                    origin text NOT NULL,
                    status text NOT NULL CHECK (status IN ('proposed', 'confirmed', 'rejected', 'released', 'superseded')),
                    proposed_at timestamptz NOT NULL,
                    decided_by text,
                    decided_at timestamptz,
                    reason text,
                    commitment jsonb,
                    released_by text,
                    released_at timestamptz
                );
                CREATE INDEX proposals_program_status ON proposals (program, status);
                CREATE UNIQUE INDEX proposals_one_confirmed_pair ON proposals (program, impacted_id, supporting_id) WHERE status = 'confirmed';
                CREATE TABLE joint_teams (
                    id uuid PRIMARY KEY,
                    pairing_id uuid NOT NULL UNIQUE REFERENCES proposals (id),
                    status text NOT NULL CHECK (status IN ('formed', 'incomplete')),
                    rule text,
                    delegation text,
                    missing text,
                    working_language text,
                    common_working_minutes integer,
                    formed_at timestamptz,
                    updated_at timestamptz NOT NULL
                );
                CREATE TABLE joint_team_members (
                    team_id uuid NOT NULL REFERENCES joint_teams (id),
                    volunteer_id uuid NOT NULL,
                    delegation text NOT NULL,
                    time_zone text NOT NULL,
                    languages text[] NOT NULL,
                    erased boolean NOT NULL DEFAULT false,
                    PRIMARY KEY (team_id, volunteer_id)
                );
                CREATE INDEX joint_team_members_volunteer ON joint_team_members (volunteer_id);
                """),
        // Where communities are (for Shabbat at each joint-team member's place), the needs
        // assessments communities submitted (the latest version of each) and the funding that
        // global communities committed (which ties up what they can give to a new pairing); a
        // coordinator's interpreter flag on a pairing, and a team's weekly working overlap.
        PostgresMigration(
            name: "matching-003-needs-funding-team-rules",
            sql: """
                ALTER TABLE candidate_communities ADD COLUMN latitude double precision, ADD COLUMN longitude double precision;
                CREATE TABLE needs_assessments (
                    community_id uuid PRIMARY KEY,
                    assessment_id uuid NOT NULL,
                    version integer NOT NULL,
                    immediate_items integer NOT NULL,
                    long_term_items integer NOT NULL,
                    estimated_cost jsonb NOT NULL,
                    submitted_at timestamptz NOT NULL
                );
                CREATE TABLE committed_funding (
                    flow_id uuid PRIMARY KEY,
                    funder_community_id uuid NOT NULL,
                    community_id uuid NOT NULL,
                    pairing_id uuid,
                    pairing_year integer,
                    currency text NOT NULL,
                    amount bigint NOT NULL,
                    committed_on date NOT NULL
                );
                CREATE INDEX committed_funding_funder ON committed_funding (funder_community_id);
                ALTER TABLE proposals ADD COLUMN interpreter_available boolean NOT NULL DEFAULT false;
                ALTER TABLE joint_teams ADD COLUMN weekly_overlap_minutes integer;
                """),
        // The needs-assessment cycles: one per enrolled impacted community and program, the
        // state of each step (with its due instant), and the timeline of what happened.
        PostgresMigration(
            name: "matching-004-workflows",
            sql: """
                CREATE TABLE workflows (
                    id uuid PRIMARY KEY,
                    program text NOT NULL,
                    impacted_id uuid NOT NULL,
                    correlation_id text NOT NULL,
                    pairing_id uuid,
                    supporting_id uuid,
                    team_id uuid,
                    paired_at timestamptz,
                    kickoff_program_id uuid,
                    kickoff_at timestamptz,
                    enrolled_by text NOT NULL,
                    enrolled_at timestamptz NOT NULL,
                    closed_at timestamptz,
                    summary text,
                    UNIQUE (program, impacted_id)
                );
                CREATE TABLE workflow_steps (
                    workflow_id uuid NOT NULL REFERENCES workflows (id),
                    step text NOT NULL,
                    occurrence integer NOT NULL,
                    status text NOT NULL CHECK (status IN ('requested', 'overdue', 'escalated', 'done', 'skipped')),
                    requested_at timestamptz,
                    due_at timestamptz,
                    finished_at timestamptz,
                    reason text,
                    updated_at timestamptz NOT NULL,
                    PRIMARY KEY (workflow_id, step, occurrence)
                );
                CREATE INDEX workflow_steps_open_due ON workflow_steps (due_at) WHERE status IN ('requested', 'overdue', 'escalated');
                CREATE TABLE workflow_timeline (
                    entry bigserial PRIMARY KEY,
                    workflow_id uuid NOT NULL REFERENCES workflows (id),
                    at timestamptz NOT NULL,
                    step text NOT NULL,
                    occurrence integer NOT NULL,
                    what text NOT NULL,
                    due_at timestamptz,
                    reason text
                );
                CREATE INDEX workflow_timeline_workflow ON workflow_timeline (workflow_id, entry);
                """),
        // Each joint team's first program, kept whether or not a cycle knows the team yet: a
        // cycle enrolled after its team's meetings were scheduled starts from them.
        PostgresMigration(
            name: "matching-005-team-programs",
            sql: """
                CREATE TABLE team_programs (
                    team_id uuid PRIMARY KEY,
                    program_id uuid NOT NULL,
                    first_starts_at timestamptz NOT NULL
                );
                CREATE INDEX team_programs_by_program ON team_programs (program_id);
                """),
    ]
}
