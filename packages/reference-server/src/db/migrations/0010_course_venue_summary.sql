-- Catalogue facets without walking every session: one row per (course, venue) that has ever had a
-- session, kept in step with class_sessions by statement triggers (so every write path, bulk seed
-- inserts included, maintains it in the same transaction).
--
-- "Upcoming" depends on the clock, so the row stores maxima rather than flags:
--   last_start  = max(starts_at) of its scheduled sessions (null: none scheduled)
--                 → "has an upcoming session here" is last_start > now
--   open_until  = max(booking_deadline) of its scheduled sessions with a place left
--                 → "has a session here open for booking, with a place" is open_until > now (such a
--                   session is also upcoming: the booking deadline is never after the start, see CHECK)
-- Both are exact for any `now`, with no refresh as time passes.
ALTER TABLE class_sessions ADD CONSTRAINT class_sessions_booking_before_start CHECK (booking_deadline <= starts_at);

CREATE TABLE course_venue_summary (
  course_id text NOT NULL REFERENCES courses(id),
  venue text NOT NULL,
  organisation_id text NOT NULL,
  last_start timestamptz,
  open_until timestamptz,
  PRIMARY KEY (course_id, venue)
);
CREATE INDEX course_venue_summary_org ON course_venue_summary (organisation_id, last_start);

-- Recompute the rows for the (course, venue) pairs in `keys`. Rows are created first, then locked in
-- key order, then recomputed in a later statement: under READ COMMITTED that statement's snapshot sees
-- every session change committed by a transaction that held the lock before us, so two bookings on
-- different sessions of one course and venue cannot overwrite each other with stale maxima.
CREATE FUNCTION course_venue_summary_refresh(keys jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO course_venue_summary (course_id, venue, organisation_id)
  SELECT DISTINCT k.course_id, k.venue, k.organisation_id
    FROM jsonb_to_recordset(keys) AS k(course_id text, venue text, organisation_id text)
   ORDER BY 1, 2
  ON CONFLICT DO NOTHING;

  PERFORM 1 FROM course_venue_summary v
    JOIN jsonb_to_recordset(keys) AS k(course_id text, venue text) ON v.course_id = k.course_id AND v.venue = k.venue
   ORDER BY v.course_id, v.venue
     FOR UPDATE OF v;

  UPDATE course_venue_summary v
     SET last_start = a.last_start, open_until = a.open_until
    FROM (
      SELECT k.course_id, k.venue,
             max(s.starts_at) AS last_start,
             max(s.booking_deadline) FILTER (WHERE s.enrolled_count < s.capacity) AS open_until
        FROM (SELECT DISTINCT course_id, venue FROM jsonb_to_recordset(keys) AS x(course_id text, venue text)) k
        LEFT JOIN class_sessions s ON s.course_id = k.course_id AND s.venue = k.venue AND s.status = 'scheduled'
       GROUP BY k.course_id, k.venue
    ) a
   WHERE v.course_id = a.course_id AND v.venue = a.venue;
END;
$$;

-- Transition tables allow one event per trigger, hence three small trigger functions.
CREATE FUNCTION course_venue_summary_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM course_venue_summary_refresh((SELECT jsonb_agg(DISTINCT jsonb_build_object('course_id', course_id, 'venue', venue, 'organisation_id', organisation_id)) FROM new_rows));
  RETURN NULL;
END;
$$;

-- Only sessions whose summary inputs changed (most bookings leave a session with places left).
CREATE FUNCTION course_venue_summary_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  keys jsonb;
BEGIN
  SELECT jsonb_agg(DISTINCT jsonb_build_object('course_id', k.course_id, 'venue', k.venue, 'organisation_id', k.organisation_id)) INTO keys
    FROM old_rows o JOIN new_rows n ON n.id = o.id
   CROSS JOIN LATERAL (VALUES (o.course_id, o.venue, o.organisation_id), (n.course_id, n.venue, n.organisation_id)) AS k(course_id, venue, organisation_id)
   WHERE (o.course_id, o.venue, o.organisation_id, o.starts_at, o.booking_deadline, o.status, o.enrolled_count < o.capacity)
         IS DISTINCT FROM (n.course_id, n.venue, n.organisation_id, n.starts_at, n.booking_deadline, n.status, n.enrolled_count < n.capacity);
  IF keys IS NOT NULL THEN
    PERFORM course_venue_summary_refresh(keys);
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION course_venue_summary_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM course_venue_summary_refresh((SELECT jsonb_agg(DISTINCT jsonb_build_object('course_id', course_id, 'venue', venue, 'organisation_id', organisation_id)) FROM old_rows));
  RETURN NULL;
END;
$$;

CREATE TRIGGER class_sessions_summary_insert AFTER INSERT ON class_sessions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION course_venue_summary_on_insert();
CREATE TRIGGER class_sessions_summary_update AFTER UPDATE ON class_sessions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION course_venue_summary_on_update();
CREATE TRIGGER class_sessions_summary_delete AFTER DELETE ON class_sessions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION course_venue_summary_on_delete();

-- Sessions that already exist.
SELECT course_venue_summary_refresh((SELECT jsonb_agg(DISTINCT jsonb_build_object('course_id', course_id, 'venue', venue, 'organisation_id', organisation_id)) FROM class_sessions))
 WHERE EXISTS (SELECT 1 FROM class_sessions);
