-- The stores' tables. A document table keeps the whole object as jsonb (doc) beside the columns it is found or
-- sorted by; the outbox keeps every field in a column of its own, since instances claim and update it concurrently.

-- Case numbering: one row per year, incremented in the transaction that stores the case.
CREATE TABLE counters (
    name text PRIMARY KEY,
    value bigint NOT NULL);

CREATE TABLE cases (
    number text PRIMARY KEY,
    submission_id text NOT NULL UNIQUE,
    unit_id text NOT NULL,
    state text NOT NULL,
    level text NOT NULL,
    platform text NOT NULL,
    reported_on date NOT NULL,
    reported_at timestamptz NOT NULL,
    reporter_key text NOT NULL,
    doc jsonb NOT NULL);
CREATE INDEX cases_reported_at ON cases (reported_at);
CREATE INDEX cases_reported_on ON cases (reported_on);
CREATE INDEX cases_unit_day ON cases (unit_id, reported_on, reported_at);
CREATE INDEX cases_state ON cases (state, reported_at);
CREATE INDEX cases_reporter ON cases (reporter_key, reported_at);

CREATE TABLE case_events (
    id text PRIMARY KEY,
    case_number text NOT NULL,
    dedup_key text NOT NULL UNIQUE,
    at timestamptz NOT NULL,
    doc jsonb NOT NULL);
CREATE INDEX case_events_case ON case_events (case_number, at, id);

CREATE TABLE owed_steps (
    id text PRIMARY KEY,
    case_number text NOT NULL,
    unit_id text NOT NULL,
    open_due_at timestamptz,
    due_at timestamptz NOT NULL,
    done_at timestamptz,
    doc jsonb NOT NULL);
CREATE INDEX owed_steps_case ON owed_steps (case_number);
CREATE INDEX owed_steps_open_due ON owed_steps (open_due_at, id) WHERE open_due_at IS NOT NULL;
CREATE INDEX owed_steps_due ON owed_steps (due_at);
CREATE INDEX owed_steps_done ON owed_steps (done_at) WHERE done_at IS NOT NULL;

CREATE TABLE approval_requests (
    id text PRIMARY KEY,
    case_number text NOT NULL,
    closed boolean NOT NULL,
    doc jsonb NOT NULL);
CREATE INDEX approval_requests_open ON approval_requests (case_number) WHERE NOT closed;

-- Per conversation, only the oldest pending message (the head) may be claimed, and only while no other instance
-- holds an unexpired lease on it.
CREATE TABLE outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_key text NOT NULL,
    service_url text NOT NULL,
    conversation_id text NOT NULL,
    kind text NOT NULL,
    activity_json text NOT NULL,
    target_activity_id text,
    target_message_id bigint,
    correlation_key text,
    state text NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL,
    sent_at timestamptz,
    sent_activity_id text,
    last_error text,
    lease_owner text,
    lease_until timestamptz);
CREATE INDEX outbox_pending ON outbox (conversation_key, id) WHERE state = 'Pending';
CREATE INDEX outbox_leased ON outbox (lease_until) WHERE state = 'Pending' AND lease_until IS NOT NULL;
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE state = 'Sent';

-- Sends granted under Teams' rate limits, per conversation key and '*' for the whole app, shared by every instance.
CREATE TABLE outbox_grants (
    key text NOT NULL,
    at timestamptz NOT NULL);
CREATE INDEX outbox_grants_key_at ON outbox_grants (key, at DESC);
CREATE INDEX outbox_grants_at ON outbox_grants (at);

CREATE TABLE units (
    id text PRIMARY KEY,
    doc jsonb NOT NULL);

CREATE TABLE organization (
    id text PRIMARY KEY,
    doc jsonb NOT NULL);

CREATE TABLE roster_people (
    key text PRIMARY KEY,
    name text NOT NULL);

CREATE TABLE person_profiles (
    teams_user_id text PRIMARY KEY,
    aad_object_id text,
    email text,
    user_principal_name text,
    doc jsonb NOT NULL);
CREATE INDEX person_profiles_aad ON person_profiles (aad_object_id);
CREATE INDEX person_profiles_email ON person_profiles (email);
CREATE INDEX person_profiles_upn ON person_profiles (user_principal_name);

CREATE TABLE conversations (
    id text PRIMARY KEY,
    base_id text NOT NULL,
    conversation_type text NOT NULL,
    service_url text NOT NULL,
    user_id text,
    user_aad_object_id text,
    last_seen timestamptz NOT NULL,
    doc jsonb NOT NULL);
CREATE INDEX conversations_base ON conversations (base_id);
CREATE INDEX conversations_user ON conversations (user_id);
CREATE INDEX conversations_user_aad ON conversations (user_aad_object_id);

-- Evidence files with their bytes (bytea: files are capped by Evidence:MaxFileBytes, far below bytea's 1 GB).
CREATE TABLE evidence (
    id text PRIMARY KEY,
    case_number text NOT NULL,
    added_at timestamptz NOT NULL,
    doc jsonb NOT NULL,
    content bytea NOT NULL);
CREATE INDEX evidence_case ON evidence (case_number, added_at);

CREATE TABLE zero_reports (
    id text PRIMARY KEY,
    unit_id text NOT NULL,
    day date NOT NULL,
    doc jsonb NOT NULL);
CREATE INDEX zero_reports_day ON zero_reports (day);

CREATE TABLE missed_daily_reports (
    id text PRIMARY KEY,
    unit_id text NOT NULL,
    day date NOT NULL,
    doc jsonb NOT NULL);
CREATE INDEX missed_daily_reports_day ON missed_daily_reports (day);

CREATE TABLE briefing_subscriptions (
    conversation_id text PRIMARY KEY,
    doc jsonb NOT NULL);

CREATE TABLE briefing_runs (
    period text PRIMARY KEY,
    kind text NOT NULL,
    doc jsonb NOT NULL);

CREATE TABLE briefing_watch (
    kind text PRIMARY KEY,
    since timestamptz NOT NULL);

CREATE TABLE once_markers (
    key text PRIMARY KEY,
    at timestamptz NOT NULL);
