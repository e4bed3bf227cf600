-- People, organisations and payslips: the spine of the slice. SQL kept to what both PostgreSQL 15
-- (Debian) and PGlite's PostgreSQL 18 accept.
CREATE TABLE organisations (
  id            text PRIMARY KEY CHECK (id LIKE 'org\_%'),
  code          text NOT NULL UNIQUE,
  name          text NOT NULL,
  nation        text NOT NULL CHECK (nation IN ('england', 'wales', 'scotland', 'northern-ireland')),
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE org_units (
  id              text PRIMARY KEY CHECK (id LIKE 'ou\_%'),
  organisation_id text NOT NULL REFERENCES organisations(id),
  parent_id       text REFERENCES org_units(id),
  kind            text NOT NULL CHECK (kind IN ('directorate', 'department', 'ward', 'team')),
  name            text NOT NULL,
  cost_centre     text NOT NULL,
  UNIQUE (organisation_id, cost_centre)
);
CREATE INDEX org_units_parent_idx ON org_units (parent_id);

CREATE TABLE employees (
  id                     text PRIMARY KEY CHECK (id LIKE 'emp\_%'),
  organisation_id        text NOT NULL REFERENCES organisations(id),
  employee_number        text NOT NULL,
  title                  text,
  first_name             text NOT NULL,
  last_name              text NOT NULL,
  email                  text NOT NULL,
  date_of_birth          date NOT NULL,
  nhs_service_start_date date NOT NULL,
  ni_number              text,
  roles                  text[] NOT NULL DEFAULT '{}',
  created_at             timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, employee_number)
);

CREATE TABLE assignments (
  id                          text PRIMARY KEY CHECK (id LIKE 'asg\_%'),
  organisation_id             text NOT NULL REFERENCES organisations(id),
  employee_id                 text NOT NULL REFERENCES employees(id),
  assignment_number           text NOT NULL UNIQUE,
  job_title                   text NOT NULL,
  staff_group                 text NOT NULL,
  band                        text NOT NULL,
  pay_point                   text NOT NULL CHECK (pay_point IN ('entry', 'intermediate', 'top')),
  org_unit_id                 text NOT NULL REFERENCES org_units(id),
  supervisor_employee_id      text REFERENCES employees(id),
  contracted_minutes_per_week integer NOT NULL CHECK (contracted_minutes_per_week > 0 AND contracted_minutes_per_week <= 2250),
  tax_code                    text NOT NULL,
  ni_category                 text NOT NULL CHECK (ni_category ~ '^[A-Z]$'),
  student_loan_plans          text[] NOT NULL DEFAULT '{}',
  start_date                  date NOT NULL,
  end_date                    date,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX assignments_employee_idx ON assignments (employee_id);
CREATE INDEX assignments_supervisor_idx ON assignments (supervisor_employee_id);

CREATE TABLE bank_details (
  employee_id    text PRIMARY KEY REFERENCES employees(id),
  account_name   text NOT NULL,
  sort_code      text NOT NULL CHECK (sort_code ~ '^[0-9]{6}$'),
  account_number text NOT NULL CHECK (account_number ~ '^[0-9]{8}$')
);

CREATE TABLE payslips (
  id               text PRIMARY KEY CHECK (id LIKE 'pay\_%'),
  organisation_id  text NOT NULL REFERENCES organisations(id),
  employee_id      text NOT NULL REFERENCES employees(id),
  assignment_id    text NOT NULL REFERENCES assignments(id),
  pay_date         date NOT NULL,
  tax_year         text NOT NULL CHECK (tax_year ~ '^[0-9]{4}-[0-9]{2}$'),
  frequency        text NOT NULL CHECK (frequency IN ('weekly', 'fortnightly', 'four-weekly', 'monthly')),
  period_number    integer NOT NULL CHECK (period_number BETWEEN 1 AND 56),
  tax_code         text NOT NULL,
  tax_basis        text NOT NULL CHECK (tax_basis IN ('cumulative', 'non-cumulative')),
  ni_category      text NOT NULL,
  gross_pence      bigint NOT NULL,
  deductions_pence bigint NOT NULL,
  net_pence        bigint NOT NULL,
  payments         jsonb NOT NULL,
  deductions       jsonb NOT NULL,
  year_to_date     jsonb NOT NULL,
  employer         jsonb NOT NULL,
  -- Who and what was paid, frozen at the pay date: a payslip is a historical document, so a later job
  -- change must not rewrite it. Holds the masked account only, never the full number.
  header           jsonb NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  -- A payroll run writes exactly one payslip per assignment and period.
  UNIQUE (assignment_id, tax_year, frequency, period_number),
  CHECK (net_pence = gross_pence - deductions_pence)
);
CREATE INDEX payslips_employee_pay_date_idx ON payslips (employee_id, pay_date DESC, id DESC);
