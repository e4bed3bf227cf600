-- Payroll runs: one run per organisation and pay period computes and stores a payslip per assignment,
-- batch by batch (one transaction each), resumable after a crash from `cursor`. Timesheet claims
-- (unsocial hours, overtime, arrears) feed the period they are claimed in.

CREATE TABLE payroll_runs (
  id               text PRIMARY KEY CHECK (id LIKE 'prn\_%'),
  organisation_id  text NOT NULL REFERENCES organisations(id),
  tax_year         text NOT NULL CHECK (tax_year ~ '^[0-9]{4}-[0-9]{2}$'),
  frequency        text NOT NULL DEFAULT 'monthly' CHECK (frequency IN ('monthly')),
  period_number    integer NOT NULL CHECK (period_number BETWEEN 1 AND 12),
  pay_date         date NOT NULL,
  status           text NOT NULL DEFAULT 'running'
                   CHECK (status IN ('running', 'completed', 'failed', 'rolled_back', 'finalised')),
  -- Assignments to pay (counted at the start, settled at completion) and processed so far.
  total            integer NOT NULL CHECK (total >= 0),
  processed        integer NOT NULL DEFAULT 0 CHECK (processed >= 0),
  -- Payslips this run inserted (processed minus those that already existed for the period).
  payslips_written integer NOT NULL DEFAULT 0 CHECK (payslips_written >= 0),
  -- The last assignment id committed: the next batch starts after it. NULL = nothing yet.
  resume_after     text,
  started_by       text NOT NULL REFERENCES employees(id),
  started_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  finished_at      timestamptz,
  finalised_at     timestamptz,
  rolled_back_at   timestamptz,
  error            text,
  -- A failed run says why (kept after a rollback, for the record).
  CHECK (status <> 'failed' OR error IS NOT NULL),
  CHECK (status <> 'finalised' OR finalised_at IS NOT NULL)
);
-- One live run per organisation and period; a rolled-back run frees the period for a new one.
CREATE UNIQUE INDEX payroll_runs_period_uidx ON payroll_runs (organisation_id, tax_year, frequency, period_number)
  WHERE status <> 'rolled_back';
CREATE INDEX payroll_runs_org_started_idx ON payroll_runs (organisation_id, started_at DESC, id DESC);
CREATE INDEX payroll_runs_running_idx ON payroll_runs (status) WHERE status = 'running';

-- Timesheet claims for a pay period. Hours are integer minutes; arrears are an amount.
CREATE TABLE pay_claims (
  id              text PRIMARY KEY CHECK (id LIKE 'clm\_%'),
  organisation_id text NOT NULL REFERENCES organisations(id),
  employee_id     text NOT NULL REFERENCES employees(id),
  assignment_id   text NOT NULL REFERENCES assignments(id),
  tax_year        text NOT NULL CHECK (tax_year ~ '^[0-9]{4}-[0-9]{2}$'),
  period_number   integer NOT NULL CHECK (period_number BETWEEN 1 AND 12),
  kind            text NOT NULL CHECK (kind IN ('unsocial_sat_night', 'unsocial_sun_bh', 'overtime', 'arrears')),
  minutes         integer CHECK (minutes > 0 AND minutes <= 44640),
  amount_pence    bigint CHECK (amount_pence > 0),
  description     text CHECK (length(description) <= 200),
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (CASE WHEN kind = 'arrears' THEN amount_pence IS NOT NULL AND minutes IS NULL
              ELSE minutes IS NOT NULL AND amount_pence IS NULL END)
);
CREATE INDEX pay_claims_period_idx ON pay_claims (organisation_id, tax_year, period_number, assignment_id);

-- Payslips a run wrote carry its id (seeded history has none): a rollback deletes exactly those.
ALTER TABLE payslips ADD COLUMN payroll_run_id text REFERENCES payroll_runs(id);
CREATE INDEX payslips_payroll_run_idx ON payslips (payroll_run_id) WHERE payroll_run_id IS NOT NULL;

-- Runs walk an organisation's assignments in id order.
CREATE INDEX assignments_organisation_id_idx ON assignments (organisation_id, id);
