-- Personal details, change requests, idempotency keys and the audit log.

ALTER TABLE employees ADD COLUMN preferred_name text;
-- Bumped on every change to the person's details: the ETag of the personal-details resource.
ALTER TABLE employees ADD COLUMN details_version integer NOT NULL DEFAULT 1;
CREATE INDEX employees_organisation_idx ON employees (organisation_id);

CREATE TABLE addresses (
  employee_id text NOT NULL REFERENCES employees(id),
  kind        text NOT NULL CHECK (kind IN ('home', 'postal')),
  line1       text NOT NULL CHECK (length(line1) BETWEEN 1 AND 100),
  line2       text CHECK (length(line2) <= 100),
  town        text NOT NULL CHECK (length(town) BETWEEN 1 AND 60),
  county      text CHECK (length(county) <= 60),
  postcode    text NOT NULL CHECK (length(postcode) BETWEEN 5 AND 8),
  country     text NOT NULL DEFAULT 'United Kingdom',
  PRIMARY KEY (employee_id, kind)
);

CREATE TABLE phones (
  employee_id text NOT NULL REFERENCES employees(id),
  kind        text NOT NULL CHECK (kind IN ('mobile', 'home', 'work')),
  number      text NOT NULL CHECK (number ~ '^\+?[0-9 ]{7,20}$'),
  PRIMARY KEY (employee_id, kind)
);

CREATE TABLE emergency_contacts (
  employee_id  text NOT NULL REFERENCES employees(id),
  priority     integer NOT NULL CHECK (priority BETWEEN 1 AND 3),
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  relationship text NOT NULL CHECK (length(relationship) BETWEEN 1 AND 40),
  phone        text NOT NULL CHECK (phone ~ '^\+?[0-9 ]{7,20}$'),
  PRIMARY KEY (employee_id, priority)
);

-- Self-declared; NHS Data Dictionary ethnic category codes; every answer may be "prefer not to say".
CREATE TABLE equality_diversity (
  employee_id        text PRIMARY KEY REFERENCES employees(id),
  ethnicity          text NOT NULL CHECK (ethnicity ~ '^[A-HJ-NPR-SZ]$'),
  sex                text NOT NULL CHECK (sex IN ('female', 'male', 'prefer_not_to_say')),
  disability         text NOT NULL CHECK (disability IN ('yes', 'no', 'prefer_not_to_say')),
  religion           text NOT NULL CHECK (religion IN ('atheism', 'buddhism', 'christianity', 'hinduism', 'islam', 'jainism', 'judaism', 'sikhism', 'other', 'prefer_not_to_say')),
  sexual_orientation text NOT NULL CHECK (sexual_orientation IN ('bisexual', 'gay_or_lesbian', 'heterosexual', 'other', 'prefer_not_to_say')),
  declared_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE professional_registrations (
  id          text PRIMARY KEY CHECK (id LIKE 'reg\_%'),
  employee_id text NOT NULL REFERENCES employees(id),
  body        text NOT NULL CHECK (body IN ('NMC', 'HCPC', 'GMC', 'GPhC', 'SWE')),
  number      text NOT NULL,
  expires_on  date,
  UNIQUE (body, number)
);
CREATE INDEX professional_registrations_employee_idx ON professional_registrations (employee_id);

-- Changes that need approval (name, hours, position, termination): the Approvals engine decides them.
CREATE TABLE approval_requests (
  id                  text PRIMARY KEY CHECK (id LIKE 'apr\_%'),
  organisation_id     text NOT NULL REFERENCES organisations(id),
  type                text NOT NULL,
  subject_employee_id text NOT NULL REFERENCES employees(id),
  requested_by        text NOT NULL REFERENCES employees(id),
  payload             jsonb NOT NULL,
  status              text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
  created_at          timestamptz NOT NULL DEFAULT now(),
  decided_at          timestamptz
);
CREATE INDEX approval_requests_subject_idx ON approval_requests (subject_employee_id, created_at DESC);

-- Idempotency-Key store: the first response is replayed; same key + other body = 422; in flight = 409.
CREATE TABLE idempotency_keys (
  principal_id    text NOT NULL,
  key             text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  method          text NOT NULL,
  path            text NOT NULL,
  request_hash    text NOT NULL,
  state           text NOT NULL CHECK (state IN ('in_flight', 'done')),
  response_status integer,
  response_body   text,
  response_type   text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (principal_id, key)
);

-- Append-only audit trail: who did or read what, when (UTC) and from where. Values are masked.
CREATE TABLE audit_events (
  id                  bigserial PRIMARY KEY,
  occurred_at         timestamptz NOT NULL DEFAULT now(),
  organisation_id     text NOT NULL,
  actor_employee_id   text NOT NULL,
  action              text NOT NULL,
  subject_employee_id text,
  resource            text NOT NULL,
  changes             jsonb,
  ip                  text,
  request_id          text
);
CREATE INDEX audit_events_org_time_idx ON audit_events (organisation_id, occurred_at DESC, id DESC);
CREATE INDEX audit_events_subject_idx ON audit_events (subject_employee_id, occurred_at DESC);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
