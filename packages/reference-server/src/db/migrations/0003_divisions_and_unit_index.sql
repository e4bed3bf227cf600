-- Large trusts group directorates into divisions (care groups); staff are listed by ward for rosters
-- and analytics.
ALTER TABLE org_units DROP CONSTRAINT org_units_kind_check;
ALTER TABLE org_units ADD CONSTRAINT org_units_kind_check
  CHECK (kind IN ('trust', 'division', 'directorate', 'department', 'ward', 'team'));
CREATE INDEX assignments_org_unit_idx ON assignments (org_unit_id);
