-- Records: download links and the downloads made through them, the files they serve (generated documents and kept
-- archive packages; evidence bytes stay in evidence), and the archive packaging queue with the kept packages.

-- Content kept for download links: generated files (generated/…, deleted with their link) and kept archive packages
-- (archive/…, kept for good). bytea: a register or a package is far below its 1 GB.
CREATE TABLE record_files (
    id text PRIMARY KEY,
    file_name text NOT NULL,
    size bigint NOT NULL,
    metadata jsonb NOT NULL,
    content bytea NOT NULL);

-- A link is known by the SHA-256 of its token.
CREATE TABLE download_links (
    id text PRIMARY KEY,
    expires_at timestamptz NOT NULL,
    doc jsonb NOT NULL);
CREATE INDEX download_links_expires ON download_links (expires_at);

CREATE TABLE downloads (
    id text PRIMARY KEY,
    at timestamptz NOT NULL,
    issued_to_key text NOT NULL,
    doc jsonb NOT NULL);
CREATE INDEX downloads_at ON downloads (at);
CREATE INDEX downloads_issued_to ON downloads (issued_to_key, at);

-- Archived cases whose package is still to be made (written in the archiving transaction).
CREATE TABLE archive_requests (
    case_number text PRIMARY KEY,
    requested_at timestamptz NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    last_error text);
CREATE INDEX archive_requests_requested ON archive_requests (requested_at);

-- One kept package per archived case.
CREATE TABLE archive_packages (
    case_number text PRIMARY KEY,
    created_at timestamptz NOT NULL,
    doc jsonb NOT NULL);

-- The dead letters, newest first, for the outbox view.
CREATE INDEX outbox_dead ON outbox (id) WHERE state = 'Dead';
