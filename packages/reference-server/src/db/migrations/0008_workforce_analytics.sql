-- Workforce analytics: leaving reasons on assignments, and the monthly absence summary that the absence
-- rate reads instead of every assignment and sickness episode.
-- SQL kept to what both PostgreSQL 15 and PGlite (PostgreSQL 18) accept.

-- Why an assignment ended (ESR leaving reasons, grouped; see src/domain/analytics/leaving-reasons.ts).
ALTER TABLE assignments ADD COLUMN leaving_reason text
  CHECK (leaving_reason IS NULL OR leaving_reason ~ '^[a-z_]{2,40}$');
ALTER TABLE assignments ADD CONSTRAINT assignments_leaving_reason_needs_end CHECK (leaving_reason IS NULL OR end_date IS NOT NULL);
-- Starters and leavers by date (turnover), within an organisation.
CREATE INDEX assignments_org_end_idx ON assignments (organisation_id, end_date) WHERE end_date IS NOT NULL;
CREATE INDEX assignments_org_start_idx ON assignments (organisation_id, start_date);

-- Absence rate (FTE days lost ÷ FTE days available) summarised by org unit, month and reason, kept in
-- step by statement-level triggers in the same transaction as every write to assignments and sickness
-- episodes (API writes, bulk seed loads and hand-run SQL alike).
--
-- Amounts are contracted minutes × calendar days ("minute-days"; ÷ 2,250 gives FTE days), integers so
-- that adding and removing contributions is exact. A range with an end date adds its days to every month
-- it touches. An open range (no end date) adds its first month's days to `minute_days` and its weekly
-- minutes to `open_minutes` in its start month, meaning "every later month in full"; `absence_open_totals`
-- holds the sum of `open_minutes` over all months, so a month's open contribution is
-- days_in_month × (total − open minutes starting in that month or later), read from a handful of rows.
-- measure: 'available' (assignments; reason '') or 'lost' (sickness episodes; reason = level-1 code, and
-- '' for all reasons together). Every row is also rolled up to the whole organisation (org_unit_id '*'),
-- so the all-reasons and national views read a fraction of the rows.
CREATE TABLE absence_summary (
  organisation_id text NOT NULL,
  month           date NOT NULL CHECK (extract(day FROM month) = 1),
  org_unit_id     text NOT NULL,
  measure         text NOT NULL CHECK (measure IN ('available', 'lost')),
  reason          text NOT NULL,
  minute_days     bigint NOT NULL,
  open_minutes    bigint NOT NULL,
  PRIMARY KEY (organisation_id, month, org_unit_id, measure, reason)
);

CREATE TABLE absence_open_totals (
  organisation_id text NOT NULL,
  org_unit_id     text NOT NULL,
  measure         text NOT NULL CHECK (measure IN ('available', 'lost')),
  reason          text NOT NULL,
  open_minutes    bigint NOT NULL,
  PRIMARY KEY (organisation_id, org_unit_id, measure, reason)
);

-- A date range's contribution to each month it touches. Dates are handled as timestamps without time
-- zone so the session's TimeZone never moves a month boundary.
CREATE FUNCTION absence_range_months(minutes integer, s date, e date)
RETURNS TABLE (month date, minute_days bigint, open_minutes bigint)
LANGUAGE sql IMMUTABLE AS $$
  SELECT m::date,
         minutes::bigint * (least(coalesce(e, (m + interval '1 month')::date - 1), (m + interval '1 month')::date - 1) - greatest(s, m::date) + 1),
         CASE WHEN e IS NULL AND m = date_trunc('month', s::timestamp) THEN minutes::bigint ELSE 0 END
    FROM generate_series(date_trunc('month', s::timestamp), date_trunc('month', coalesce(e, s)::timestamp), interval '1 month') AS m
$$;

-- The triggers' scratch space: one temporary table per session, created on first use and emptied after
-- every statement (a table per statement would churn the catalogue during bulk loads).
CREATE FUNCTION absence_delta_ready() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF to_regclass('pg_temp.absence_delta') IS NULL THEN
    CREATE TEMP TABLE absence_delta (organisation_id text, org_unit_id text, measure text, reason text, minutes integer, s date, e date, sign integer) ON COMMIT DELETE ROWS;
  END IF;
END $$;

-- Adds signed contributions (from the temp table absence_delta) to both summary tables, in key order so
-- concurrent writers lock shared rows in the same order.
CREATE FUNCTION absence_summary_apply() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO absence_summary AS t (organisation_id, month, org_unit_id, measure, reason, minute_days, open_minutes)
  SELECT d.organisation_id, c.month, u.unit, d.measure, r.reason, sum(d.sign * c.minute_days), sum(d.sign * c.open_minutes)
    FROM absence_delta d, LATERAL absence_range_months(d.minutes, d.s, d.e) c,
         LATERAL (VALUES (d.org_unit_id), ('*')) AS u (unit),
         LATERAL (SELECT d.reason UNION ALL SELECT '' WHERE d.reason <> '') AS r (reason)
   GROUP BY 1, 2, 3, 4, 5
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (organisation_id, month, org_unit_id, measure, reason)
  DO UPDATE SET minute_days = t.minute_days + excluded.minute_days, open_minutes = t.open_minutes + excluded.open_minutes;

  INSERT INTO absence_open_totals AS t (organisation_id, org_unit_id, measure, reason, open_minutes)
  SELECT d.organisation_id, u.unit, d.measure, r.reason, sum(d.sign * d.minutes)
    FROM absence_delta d,
         LATERAL (VALUES (d.org_unit_id), ('*')) AS u (unit),
         LATERAL (SELECT d.reason UNION ALL SELECT '' WHERE d.reason <> '') AS r (reason)
   WHERE d.e IS NULL
   GROUP BY 1, 2, 3, 4
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (organisation_id, org_unit_id, measure, reason)
  DO UPDATE SET open_minutes = t.open_minutes + excluded.open_minutes;
  DELETE FROM absence_delta;
END $$;

CREATE FUNCTION absence_summary_assignments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A bulk loader that rebuilds the summary itself before committing (absence_summary_rebuild) skips this.
  IF current_setting('esr.absence_summary_deferred', true) = 'on' THEN RETURN NULL; END IF;
  PERFORM absence_delta_ready();
  -- Each statement names only the transition tables its event has.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO absence_delta SELECT n.organisation_id, n.org_unit_id, 'available', '', n.contracted_minutes_per_week, n.start_date, n.end_date, 1 FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO absence_delta SELECT o.organisation_id, o.org_unit_id, 'available', '', o.contracted_minutes_per_week, o.start_date, o.end_date, -1 FROM old_rows o;
  ELSE
    -- Only rows whose dates, hours, unit or reason changed move the figures.
    INSERT INTO absence_delta SELECT n.organisation_id, n.org_unit_id, 'available', '', n.contracted_minutes_per_week, n.start_date, n.end_date, 1 FROM new_rows n
     WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.id = n.id AND (o.organisation_id, o.org_unit_id, o.contracted_minutes_per_week, o.start_date, o.end_date) IS NOT DISTINCT FROM (n.organisation_id, n.org_unit_id, n.contracted_minutes_per_week, n.start_date, n.end_date));
    INSERT INTO absence_delta SELECT o.organisation_id, o.org_unit_id, 'available', '', o.contracted_minutes_per_week, o.start_date, o.end_date, -1 FROM old_rows o
     WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE o.id = n.id AND (o.organisation_id, o.org_unit_id, o.contracted_minutes_per_week, o.start_date, o.end_date) IS NOT DISTINCT FROM (n.organisation_id, n.org_unit_id, n.contracted_minutes_per_week, n.start_date, n.end_date));
  END IF;
  PERFORM absence_summary_apply();
  RETURN NULL;
END $$;

CREATE FUNCTION absence_summary_sickness() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A bulk loader that rebuilds the summary itself before committing (absence_summary_rebuild) skips this.
  IF current_setting('esr.absence_summary_deferred', true) = 'on' THEN RETURN NULL; END IF;
  PERFORM absence_delta_ready();
  -- Each statement names only the transition tables its event has.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO absence_delta SELECT n.organisation_id, n.org_unit_id, 'lost', n.reason_level1, n.contracted_minutes, n.start_date, n.end_date, 1 FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO absence_delta SELECT o.organisation_id, o.org_unit_id, 'lost', o.reason_level1, o.contracted_minutes, o.start_date, o.end_date, -1 FROM old_rows o;
  ELSE
    -- Only rows whose dates, hours, unit or reason changed move the figures.
    INSERT INTO absence_delta SELECT n.organisation_id, n.org_unit_id, 'lost', n.reason_level1, n.contracted_minutes, n.start_date, n.end_date, 1 FROM new_rows n
     WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.id = n.id AND (o.organisation_id, o.org_unit_id, o.reason_level1, o.contracted_minutes, o.start_date, o.end_date) IS NOT DISTINCT FROM (n.organisation_id, n.org_unit_id, n.reason_level1, n.contracted_minutes, n.start_date, n.end_date));
    INSERT INTO absence_delta SELECT o.organisation_id, o.org_unit_id, 'lost', o.reason_level1, o.contracted_minutes, o.start_date, o.end_date, -1 FROM old_rows o
     WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE o.id = n.id AND (o.organisation_id, o.org_unit_id, o.reason_level1, o.contracted_minutes, o.start_date, o.end_date) IS NOT DISTINCT FROM (n.organisation_id, n.org_unit_id, n.reason_level1, n.contracted_minutes, n.start_date, n.end_date));
  END IF;
  PERFORM absence_summary_apply();
  RETURN NULL;
END $$;

CREATE TRIGGER assignments_absence_summary_ins AFTER INSERT ON assignments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION absence_summary_assignments();
CREATE TRIGGER assignments_absence_summary_upd AFTER UPDATE ON assignments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION absence_summary_assignments();
CREATE TRIGGER assignments_absence_summary_del AFTER DELETE ON assignments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION absence_summary_assignments();
CREATE TRIGGER sickness_absence_summary_ins AFTER INSERT ON sickness_episodes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION absence_summary_sickness();
CREATE TRIGGER sickness_absence_summary_upd AFTER UPDATE ON sickness_episodes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION absence_summary_sickness();
CREATE TRIGGER sickness_absence_summary_del AFTER DELETE ON sickness_episodes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION absence_summary_sickness();

-- One organisation's summary from scratch. Bulk loaders call it before committing, having set
-- esr.absence_summary_deferred = 'on' (SET LOCAL) so the triggers skip their per-statement work: one
-- set-based pass costs less than thousands of small upserts. Also a repair tool.
CREATE FUNCTION absence_summary_rebuild(org text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM absence_summary WHERE organisation_id = org;
  DELETE FROM absence_open_totals WHERE organisation_id = org;
  PERFORM absence_delta_ready();
  INSERT INTO absence_delta
    SELECT organisation_id, org_unit_id, 'available', '', contracted_minutes_per_week, start_date, end_date, 1 FROM assignments WHERE organisation_id = org
    UNION ALL
    SELECT organisation_id, org_unit_id, 'lost', reason_level1, contracted_minutes, start_date, end_date, 1 FROM sickness_episodes WHERE organisation_id = org;
  PERFORM absence_summary_apply();
END $$;

-- Databases that already hold people and absence: summarise what is there.
SELECT absence_summary_rebuild(id) FROM organisations;
