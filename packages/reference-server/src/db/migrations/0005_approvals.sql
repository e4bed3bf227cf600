-- Approvals engine: one inbox for every approval-required action (leave, personal changes,
-- enrolments, contract changes), routed by per-organisation rules, decided exactly once.

-- The request row is the state machine. `version` is its ETag; every transition is a conditional
-- UPDATE on (id, version, status), so of concurrent deciders exactly one wins.
ALTER TABLE approval_requests DROP CONSTRAINT approval_requests_status_check;
ALTER TABLE approval_requests ADD CONSTRAINT approval_requests_status_check
  CHECK (status IN ('pending', 'info_requested', 'approved', 'rejected', 'withdrawn'));
-- The type's own record (e.g. lvr_… for a leave request), when it has one.
ALTER TABLE approval_requests ADD COLUMN subject_ref text;
-- The route resolved at submission, e.g. {line_manager,hr}; current_step indexes it (0-based).
ALTER TABLE approval_requests ADD COLUMN route text[] NOT NULL DEFAULT '{line_manager}';
ALTER TABLE approval_requests ADD COLUMN current_step integer NOT NULL DEFAULT 0 CHECK (current_step >= 0);
-- Who decides the current step: one employee, or the organisation's HR admins as a pool.
ALTER TABLE approval_requests ADD COLUMN approver_kind text CHECK (approver_kind IN ('employee', 'hr_pool'));
ALTER TABLE approval_requests ADD COLUMN approver_employee_id text REFERENCES employees(id);
ALTER TABLE approval_requests ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE approval_requests ADD COLUMN due_at timestamptz;
ALTER TABLE approval_requests ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE approval_requests ADD COLUMN decided_by text REFERENCES employees(id);
ALTER TABLE approval_requests ADD CONSTRAINT approval_requests_approver_check
  CHECK (approver_kind IS DISTINCT FROM 'employee' OR approver_employee_id IS NOT NULL);
ALTER TABLE approval_requests ADD CONSTRAINT approval_requests_decided_check
  CHECK ((status IN ('approved', 'rejected', 'withdrawn')) = (decided_at IS NOT NULL));
CREATE INDEX approval_requests_approver_idx ON approval_requests (approver_employee_id, status, created_at, id);
CREATE INDEX approval_requests_pool_idx ON approval_requests (organisation_id, approver_kind, status, created_at, id);
CREATE INDEX approval_requests_requester_idx ON approval_requests (requested_by, created_at DESC, id DESC);

-- Every step of a request's life, with comments: the history the inbox shows.
CREATE TABLE approval_history (
  id                  bigserial PRIMARY KEY,
  request_id          text NOT NULL REFERENCES approval_requests(id),
  organisation_id     text NOT NULL REFERENCES organisations(id),
  occurred_at         timestamptz NOT NULL DEFAULT now(),
  -- NULL for the engine itself (routing).
  actor_employee_id   text REFERENCES employees(id),
  -- The approver a stand-in acted for.
  on_behalf_of        text REFERENCES employees(id),
  action              text NOT NULL CHECK (action IN ('submitted', 'routed', 'approved', 'rejected', 'info_requested',
                        'responded', 'reassigned', 'withdrawn')),
  step                integer NOT NULL,
  comment             text CHECK (length(comment) <= 2000),
  -- routed / reassigned: to whom (an employee, or NULL with approver_kind 'hr_pool').
  approver_kind       text CHECK (approver_kind IN ('employee', 'hr_pool')),
  approver_employee_id text REFERENCES employees(id),
  stand_in_employee_id text REFERENCES employees(id)
);
CREATE INDEX approval_history_request_idx ON approval_history (request_id, id);
CREATE INDEX approval_history_actor_idx ON approval_history (actor_employee_id, request_id);

-- Routing rules per organisation and request type; types without a row use the defaults in code.
CREATE TABLE approval_rules (
  organisation_id text NOT NULL REFERENCES organisations(id),
  type            text NOT NULL,
  steps           text[] NOT NULL CHECK (cardinality(steps) BETWEEN 1 AND 5
                    AND steps <@ ARRAY['line_manager', 'managers_manager', 'hr']::text[]),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, type)
);

-- A stand-in approver while the approver is away: one per approver, for a date range (inclusive).
CREATE TABLE approval_delegations (
  delegator_employee_id text PRIMARY KEY REFERENCES employees(id),
  organisation_id       text NOT NULL REFERENCES organisations(id),
  delegate_employee_id  text NOT NULL REFERENCES employees(id),
  starts_on             date NOT NULL,
  ends_on               date NOT NULL,
  created_at            timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on),
  CHECK (delegate_employee_id <> delegator_employee_id)
);
CREATE INDEX approval_delegations_delegate_idx ON approval_delegations (delegate_employee_id, starts_on, ends_on);

-- The integrators' feed: approval and request state changes, per organisation, newest last. Inserts
-- take a per-organisation transaction lock, so ids become visible in increasing order (a cursor never
-- skips an event that commits late).
CREATE TABLE events (
  id                  bigserial PRIMARY KEY,
  organisation_id     text NOT NULL REFERENCES organisations(id),
  occurred_at         timestamptz NOT NULL DEFAULT now(),
  type                text NOT NULL CHECK (type ~ '^[a-z_]+(\.[a-z_]+)+$'),
  resource_type       text NOT NULL,
  resource_id         text NOT NULL,
  subject_employee_id text,
  actor_employee_id   text,
  -- Who besides the organisation's HR admins may read it (requester, subject, approvers, stand-ins).
  audience            text[] NOT NULL DEFAULT '{}',
  data                jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX events_org_idx ON events (organisation_id, id);
