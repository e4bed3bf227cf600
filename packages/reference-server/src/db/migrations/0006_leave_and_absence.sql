-- Leave and absence: per-organisation leave settings, working patterns per assignment, leave balances
-- (held in minutes), leave requests, sickness episodes with return-to-work records.
-- SQL kept to what both PostgreSQL 15 and PGlite (PostgreSQL 18) accept.

CREATE TABLE leave_settings (
  organisation_id        text PRIMARY KEY REFERENCES organisations(id),
  -- The leave year starts on this month/day (default 1 April).
  leave_year_start_month integer NOT NULL DEFAULT 4 CHECK (leave_year_start_month BETWEEN 1 AND 12),
  leave_year_start_day   integer NOT NULL DEFAULT 1 CHECK (leave_year_start_day BETWEEN 1 AND 28),
  -- Most annual leave carried into the next year, in full-time minutes (pro rata for part-time): 5 days.
  carry_over_max_minutes integer NOT NULL DEFAULT 2250 CHECK (carry_over_max_minutes BETWEEN 0 AND 22500),
  -- 'actual': the public holidays that fall in the leave year (10 when Easter falls twice, 6 when not at all);
  -- 'eight': always 8 (AfC 13.1), pro rata. Local partners decide (NHS Employers guidance).
  public_holiday_basis   text NOT NULL DEFAULT 'actual' CHECK (public_holiday_basis IN ('actual', 'eight')),
  -- Annual leave needs notice of at least this many times its length in days (0 = no rule).
  notice_multiplier      integer NOT NULL DEFAULT 2 CHECK (notice_multiplier BETWEEN 0 AND 10),
  updated_at             timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE working_patterns (
  id              text PRIMARY KEY CHECK (id LIKE 'wkp\_%'),
  organisation_id text NOT NULL REFERENCES organisations(id),
  assignment_id   text NOT NULL REFERENCES assignments(id),
  employee_id     text NOT NULL REFERENCES employees(id),
  effective_from  date NOT NULL,
  -- A Monday: day 0 of the cycle.
  cycle_start     date NOT NULL,
  -- Minutes per day, Monday first, 7 × weeks entries (1–8 weeks).
  minutes_by_day  integer[] NOT NULL CHECK (cardinality(minutes_by_day) BETWEEN 7 AND 56 AND cardinality(minutes_by_day) % 7 = 0),
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (assignment_id, effective_from)
);
CREATE INDEX working_patterns_employee_idx ON working_patterns (employee_id, effective_from);

-- One row per person, leave year and kind. Booked leave reserves minutes here: pending on submission,
-- approved on approval; a conditional UPDATE (available ≥ asked) under the row lock is what stops
-- concurrent requests from overdrawing. `entitlement_minutes` is refreshed from the rules on every booking.
CREATE TABLE leave_balances (
  employee_id          text NOT NULL REFERENCES employees(id),
  organisation_id      text NOT NULL REFERENCES organisations(id),
  leave_year_start     date NOT NULL,
  kind                 text NOT NULL CHECK (kind IN ('annual', 'toil')),
  entitlement_minutes  integer NOT NULL DEFAULT 0,
  carried_over_minutes integer NOT NULL DEFAULT 0 CHECK (carried_over_minutes >= 0),
  adjustment_minutes   integer NOT NULL DEFAULT 0,
  pending_minutes      integer NOT NULL DEFAULT 0 CHECK (pending_minutes >= 0),
  approved_minutes     integer NOT NULL DEFAULT 0 CHECK (approved_minutes >= 0),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (employee_id, leave_year_start, kind)
);

CREATE TABLE leave_adjustments (
  id               text PRIMARY KEY CHECK (id LIKE 'lva\_%'),
  organisation_id  text NOT NULL REFERENCES organisations(id),
  employee_id      text NOT NULL REFERENCES employees(id),
  leave_year_start date NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('annual', 'toil')),
  minutes          integer NOT NULL CHECK (minutes <> 0 AND minutes BETWEEN -30000 AND 30000),
  reason           text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  created_by       text NOT NULL REFERENCES employees(id),
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX leave_adjustments_employee_idx ON leave_adjustments (employee_id, leave_year_start);

CREATE TABLE leave_requests (
  id                  text PRIMARY KEY CHECK (id LIKE 'lvr\_%'),
  organisation_id     text NOT NULL REFERENCES organisations(id),
  employee_id         text NOT NULL REFERENCES employees(id),
  assignment_id       text NOT NULL REFERENCES assignments(id),
  type                text NOT NULL CHECK (type IN ('annual', 'study', 'special', 'compassionate', 'toil')),
  status              text NOT NULL CHECK (status IN ('draft', 'pending', 'approved', 'rejected', 'cancelled')),
  start_date          date NOT NULL,
  end_date            date NOT NULL,
  unit                text NOT NULL CHECK (unit IN ('days', 'half_day', 'hours')),
  half                text CHECK (half IN ('am', 'pm')),
  -- Working minutes the request takes (from the working pattern, bank holidays excluded).
  minutes             integer NOT NULL CHECK (minutes > 0),
  leave_year_start    date NOT NULL,
  reason              text CHECK (length(reason) <= 500),
  requested_by        text NOT NULL REFERENCES employees(id),
  approval_request_id text,
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  submitted_at        timestamptz,
  decided_at          timestamptz,
  cancelled_at        timestamptz,
  CHECK (end_date >= start_date),
  CHECK (unit = 'days' OR start_date = end_date),
  CHECK ((unit = 'half_day') = (half IS NOT NULL))
);
CREATE INDEX leave_requests_employee_idx ON leave_requests (employee_id, start_date DESC, id DESC);
-- Who is off when (team calendar): live requests by date.
CREATE INDEX leave_requests_live_dates_idx ON leave_requests (organisation_id, start_date, end_date)
  WHERE status IN ('pending', 'approved');

-- Sickness absence. Open-ended until end_date (the last day absent) is set. The reason is sensitive:
-- only the person, their line managers and HR see it. org_unit_id and contracted_minutes are the
-- assignment's at the start, as NHS Digital's absence rate uses them.
CREATE TABLE sickness_episodes (
  id                 text PRIMARY KEY CHECK (id LIKE 'sck\_%'),
  organisation_id    text NOT NULL REFERENCES organisations(id),
  employee_id        text NOT NULL REFERENCES employees(id),
  assignment_id      text NOT NULL REFERENCES assignments(id),
  org_unit_id        text NOT NULL REFERENCES org_units(id),
  contracted_minutes integer NOT NULL CHECK (contracted_minutes > 0 AND contracted_minutes <= 2250),
  start_date         date NOT NULL,
  end_date           date,
  reason_level1      text NOT NULL CHECK (reason_level1 ~ '^S[0-9]{2}$'),
  reason_level2      text CHECK (reason_level2 ~ '^S[0-9]{2}\.[0-9]{2}$'),
  recorded_by        text NOT NULL REFERENCES employees(id),
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR end_date >= start_date),
  CHECK (reason_level2 IS NULL OR left(reason_level2, 3) = reason_level1)
);
CREATE INDEX sickness_employee_idx ON sickness_episodes (employee_id, start_date DESC);
-- Absence rate by unit and month: a range scan on start date per organisation, covering the columns used.
CREATE INDEX sickness_org_dates_idx ON sickness_episodes (organisation_id, start_date)
  INCLUDE (end_date, org_unit_id, contracted_minutes, reason_level1);
-- At most one open episode per person.
CREATE UNIQUE INDEX sickness_open_uidx ON sickness_episodes (employee_id) WHERE end_date IS NULL;

CREATE TABLE return_to_work (
  episode_id         text PRIMARY KEY REFERENCES sickness_episodes(id),
  interview_date     date NOT NULL,
  conducted_by       text NOT NULL REFERENCES employees(id),
  fit_note_received  boolean NOT NULL DEFAULT false,
  phased_return      boolean NOT NULL DEFAULT false,
  adjustments        text CHECK (length(adjustments) <= 1000),
  notes              text CHECK (length(notes) <= 2000),
  recorded_at        timestamptz NOT NULL DEFAULT now()
);

-- Absence analytics read assignments by organisation and dates.
CREATE INDEX assignments_org_dates_idx ON assignments (organisation_id, org_unit_id)
  INCLUDE (start_date, end_date, contracted_minutes_per_week);
