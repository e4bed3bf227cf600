-- Payroll runs split into batches that any number of worker processes claim from the database itself
-- (SELECT … FOR UPDATE SKIP LOCKED). A claim is a lease: the worker renews it while it works; if the
-- worker dies, the lease runs out and another worker takes the batch. A batch is committed in one
-- transaction with its payslips, so it is done exactly once; the payslips' unique key is the backstop.

CREATE TABLE payroll_run_batches (
  run_id       text NOT NULL REFERENCES payroll_runs(id) ON DELETE CASCADE,
  seq          integer NOT NULL CHECK (seq >= 0),
  -- The assignments (in id order) after `after_id` ('' = from the first) up to `last_id` inclusive
  -- (NULL = to the end, so assignments added while the run works are still paid).
  after_id     text NOT NULL,
  last_id      text,
  status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done')),
  lease_owner  text,
  lease_until  timestamptz,
  -- Claims so far: a batch that keeps killing its workers fails the run instead of looping forever.
  attempts     integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error   text,
  processed    integer CHECK (processed >= 0),
  written      integer CHECK (written >= 0),
  finished_at  timestamptz,
  PRIMARY KEY (run_id, seq),
  CHECK (status <> 'done' OR (processed IS NOT NULL AND written IS NOT NULL))
);
-- The claim query walks only what is left to do.
CREATE INDEX payroll_run_batches_pending_idx ON payroll_run_batches (run_id, seq) WHERE status = 'pending';

-- Runs interrupted before this migration continue as one batch from where they stopped.
INSERT INTO payroll_run_batches (run_id, seq, after_id, last_id)
SELECT id, 0, coalesce(resume_after, ''), NULL FROM payroll_runs WHERE status = 'running';
