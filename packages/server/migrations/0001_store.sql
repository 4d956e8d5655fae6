-- SPDX-License-Identifier: MIT
-- The backend's Store as tables. Each record is kept whole in `doc` (JSONB, exactly as the backend wrote it);
-- the columns beside it are copies of the fields the store queries by, so that those queries use indexes.

CREATE TABLE kc_complaints (
  id text PRIMARY KEY,
  tracking_number text NOT NULL UNIQUE,
  status text NOT NULL,
  subject_id text,
  chat_session_id text,
  registered_at timestamptz NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX kc_complaints_registered ON kc_complaints (registered_at DESC, id DESC);
CREATE INDEX kc_complaints_status ON kc_complaints (status, registered_at DESC);
CREATE INDEX kc_complaints_subject ON kc_complaints (subject_id) WHERE subject_id IS NOT NULL;
CREATE INDEX kc_complaints_chat ON kc_complaints (chat_session_id) WHERE chat_session_id IS NOT NULL;

CREATE TABLE kc_attachments (
  id text PRIMARY KEY,
  doc jsonb NOT NULL
);

CREATE TABLE kc_chat_sessions (
  id text PRIMARY KEY,
  status text NOT NULL,
  subject_id text,
  created_at timestamptz NOT NULL,
  queued_at timestamptz NOT NULL,
  closed_at timestamptz,
  doc jsonb NOT NULL
);
CREATE INDEX kc_chat_sessions_status ON kc_chat_sessions (status, queued_at, id);
CREATE INDEX kc_chat_sessions_created ON kc_chat_sessions (created_at, id);
CREATE INDEX kc_chat_sessions_closed ON kc_chat_sessions (closed_at DESC) WHERE closed_at IS NOT NULL;
CREATE INDEX kc_chat_sessions_subject ON kc_chat_sessions (subject_id) WHERE subject_id IS NOT NULL;

CREATE TABLE kc_chat_messages (
  id text PRIMARY KEY,
  session_id text NOT NULL,
  seq integer NOT NULL,
  client_message_id text,
  doc jsonb NOT NULL,
  UNIQUE (session_id, client_message_id)
);
CREATE INDEX kc_chat_messages_session ON kc_chat_messages (session_id, seq);

CREATE TABLE kc_callbacks (
  id text PRIMARY KEY,
  status text NOT NULL,
  slot_start timestamptz,
  subject_id text,
  created_at timestamptz NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX kc_callbacks_slot ON kc_callbacks (slot_start) WHERE slot_start IS NOT NULL;
CREATE INDEX kc_callbacks_status ON kc_callbacks (status, created_at, id);
CREATE INDEX kc_callbacks_created ON kc_callbacks (created_at, id);
CREATE INDEX kc_callbacks_subject ON kc_callbacks (subject_id) WHERE subject_id IS NOT NULL;

CREATE TABLE kc_outages (
  id text PRIMARY KEY,
  started_at timestamptz NOT NULL,
  resolved_at timestamptz,
  doc jsonb NOT NULL
);
CREATE INDEX kc_outages_open ON kc_outages (started_at) WHERE resolved_at IS NULL;
CREATE INDEX kc_outages_resolved ON kc_outages (resolved_at) WHERE resolved_at IS NOT NULL;

CREATE TABLE kc_ratings (
  id text PRIMARY KEY,
  subject_kind text NOT NULL,
  subject_ref text NOT NULL,
  subject_id text,
  created_at timestamptz NOT NULL,
  doc jsonb NOT NULL,
  UNIQUE (subject_kind, subject_ref)
);
CREATE INDEX kc_ratings_created ON kc_ratings (created_at, id);
CREATE INDEX kc_ratings_subject ON kc_ratings (subject_id) WHERE subject_id IS NOT NULL;

CREATE TABLE kc_operators (
  id text PRIMARY KEY,
  doc jsonb NOT NULL
);

CREATE TABLE kc_idempotency (
  key text PRIMARY KEY,
  expires_at timestamptz NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX kc_idempotency_expires ON kc_idempotency (expires_at);

-- The last id given out per stream: its row lock orders concurrent appends, so ids commit in order and are
-- never reused even after old events are purged.
CREATE TABLE kc_event_streams (
  stream text PRIMARY KEY,
  last_id bigint NOT NULL
);

CREATE TABLE kc_events (
  stream text NOT NULL,
  id bigint NOT NULL,
  type text NOT NULL,
  at timestamptz NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (stream, id)
);
CREATE INDEX kc_events_at ON kc_events (at);

CREATE TABLE kc_rate_limits (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  reset_at timestamptz NOT NULL,
  count integer NOT NULL
);
CREATE INDEX kc_rate_limits_reset ON kc_rate_limits (reset_at);

CREATE TABLE kc_sequences (
  name text PRIMARY KEY,
  value bigint NOT NULL
);

-- Settings of the center kept with its data: the secret that hashes access codes and tokens must survive restarts
-- and be the same for every instance.
CREATE TABLE kc_settings (
  name text PRIMARY KEY,
  value text NOT NULL
);
