-- Learning (Oracle Learning Management in ESR): course catalogue with class sessions, enrolment with
-- waiting lists, training records and the Core Skills Training Framework compliance matrix.

-- CSTF subjects, one row per subject and level: national reference data, the same for every trust.
-- A record at a higher level of a family satisfies a requirement at a lower level (resuscitation
-- level 3 covers level 2). Renewal periods: see src/domain/learning/subjects.ts for their source.
CREATE TABLE learning_subjects (
  code text PRIMARY KEY,
  family text NOT NULL,
  level integer NOT NULL CHECK (level BETWEEN 1 AND 3),
  name text NOT NULL,
  renewal_months integer NOT NULL CHECK (renewal_months > 0),
  sort_order integer NOT NULL,
  UNIQUE (family, level)
);

INSERT INTO learning_subjects (code, family, level, name, renewal_months, sort_order) VALUES
  ('equality_diversity',       'equality_diversity',       1, 'Equality, Diversity and Human Rights',          36, 10),
  ('health_safety',            'health_safety',            1, 'Health, Safety and Welfare',                    36, 20),
  ('conflict_resolution',      'conflict_resolution',      1, 'Conflict Resolution',                           36, 30),
  ('fire_safety',              'fire_safety',              1, 'Fire Safety',                                   24, 40),
  ('infection_prevention_l1',  'infection_prevention',     1, 'Infection Prevention and Control – Level 1',    36, 50),
  ('infection_prevention_l2',  'infection_prevention',     2, 'Infection Prevention and Control – Level 2',    12, 51),
  ('information_governance',   'information_governance',   1, 'Information Governance and Data Security',      12, 60),
  ('moving_handling_l1',       'moving_handling',          1, 'Moving and Handling – Level 1',                 36, 70),
  ('moving_handling_l2',       'moving_handling',          2, 'Moving and Handling – Level 2',                 24, 71),
  ('preventing_radicalisation_l1', 'preventing_radicalisation', 1, 'Preventing Radicalisation – Basic Prevent Awareness', 36, 80),
  ('preventing_radicalisation_l3', 'preventing_radicalisation', 3, 'Preventing Radicalisation – Level 3',         36, 81),
  ('resuscitation_l1',         'resuscitation',            1, 'Resuscitation – Level 1',                       12, 90),
  ('resuscitation_l2',         'resuscitation',            2, 'Resuscitation – Level 2 (Adult Basic Life Support)', 12, 91),
  ('resuscitation_l3',         'resuscitation',            3, 'Resuscitation – Level 3 (Immediate Life Support)', 12, 92),
  ('safeguarding_adults_l1',   'safeguarding_adults',      1, 'Safeguarding Adults – Level 1',                 36, 100),
  ('safeguarding_adults_l2',   'safeguarding_adults',      2, 'Safeguarding Adults – Level 2',                 36, 101),
  ('safeguarding_adults_l3',   'safeguarding_adults',      3, 'Safeguarding Adults – Level 3',                 36, 102),
  ('safeguarding_children_l1', 'safeguarding_children',    1, 'Safeguarding Children – Level 1',               36, 110),
  ('safeguarding_children_l2', 'safeguarding_children',    2, 'Safeguarding Children – Level 2',               36, 111),
  ('safeguarding_children_l3', 'safeguarding_children',    3, 'Safeguarding Children – Level 3',               36, 112);

-- Who must hold which subject: every criterion given must match (null = any). An org unit requirement
-- covers the unit and everything below it. Several matching rows for one family: the highest level wins.
CREATE TABLE learning_requirements (
  id text PRIMARY KEY,
  organisation_id text NOT NULL REFERENCES organisations(id),
  subject_code text NOT NULL REFERENCES learning_subjects(code),
  staff_group text,
  job_title text,
  org_unit_id text REFERENCES org_units(id),
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX learning_requirements_org ON learning_requirements (organisation_id);
CREATE UNIQUE INDEX learning_requirements_unique ON learning_requirements
  (organisation_id, subject_code, coalesce(staff_group, ''), coalesce(job_title, ''), coalesce(org_unit_id, ''));

CREATE TABLE courses (
  id text PRIMARY KEY,
  organisation_id text NOT NULL REFERENCES organisations(id),
  code text NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  category text NOT NULL,
  delivery text NOT NULL CHECK (delivery IN ('classroom', 'virtual', 'e_learning')),
  duration_minutes integer NOT NULL CHECK (duration_minutes > 0),
  -- CSTF subject codes a completion records (learning_subjects.code).
  competencies text[] NOT NULL DEFAULT '{}',
  audience text NOT NULL DEFAULT '',
  requires_approval boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Relevance: title outweighs description, which outweighs category and audience.
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A') ||
    setweight(to_tsvector('english', description), 'B') ||
    setweight(to_tsvector('english', category || ' ' || audience), 'C')
  ) STORED,
  UNIQUE (organisation_id, code)
);
CREATE INDEX courses_search ON courses USING gin (search);
CREATE INDEX courses_org_title ON courses (organisation_id, title, id);
CREATE INDEX courses_org_category ON courses (organisation_id, category);

CREATE TABLE class_sessions (
  id text PRIMARY KEY,
  organisation_id text NOT NULL REFERENCES organisations(id),
  course_id text NOT NULL REFERENCES courses(id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  venue text NOT NULL,
  capacity integer NOT NULL CHECK (capacity > 0),
  trainer text NOT NULL DEFAULT '',
  booking_deadline timestamptz NOT NULL,
  cancellation_deadline timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
  -- Places taken (enrolled, attended, no-show, completed). The CHECK is the backstop: whatever the
  -- code does, no session is ever over capacity.
  enrolled_count integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  CHECK (enrolled_count >= 0 AND enrolled_count <= capacity)
);
CREATE INDEX class_sessions_course ON class_sessions (course_id, starts_at);
CREATE INDEX class_sessions_org_start ON class_sessions (organisation_id, starts_at);

CREATE TABLE enrolments (
  id text PRIMARY KEY,
  organisation_id text NOT NULL REFERENCES organisations(id),
  employee_id text NOT NULL REFERENCES employees(id),
  course_id text NOT NULL REFERENCES courses(id),
  -- Null for e-learning, which has no sessions.
  session_id text REFERENCES class_sessions(id),
  status text NOT NULL CHECK (status IN ('pending_approval', 'waitlisted', 'enrolled', 'attended', 'no_show', 'completed', 'cancelled', 'rejected')),
  -- Waiting-list order: first come, first promoted.
  waitlisted_at timestamptz,
  enrolled_by text NOT NULL,
  approval_request_id text,
  cancelled_by text,
  cancellation_reason text,
  completed_on date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Nobody holds two live enrolments on one course (any of its sessions), however many requests race.
CREATE UNIQUE INDEX enrolments_one_live_per_course ON enrolments (course_id, employee_id)
  WHERE status IN ('pending_approval', 'waitlisted', 'enrolled');
CREATE INDEX enrolments_employee ON enrolments (employee_id, created_at DESC, id);
CREATE INDEX enrolments_session_waitlist ON enrolments (session_id, waitlisted_at, id) WHERE status = 'waitlisted';
CREATE INDEX enrolments_session ON enrolments (session_id, status);

-- Training history: one row per subject a completion recorded (or per completion when the course
-- records no CSTF subject). expires_on is the last day the training is valid.
CREATE TABLE training_records (
  id text PRIMARY KEY,
  organisation_id text NOT NULL REFERENCES organisations(id),
  employee_id text NOT NULL REFERENCES employees(id),
  subject_code text REFERENCES learning_subjects(code),
  course_id text REFERENCES courses(id),
  enrolment_id text REFERENCES enrolments(id),
  title text NOT NULL,
  completed_on date NOT NULL,
  expires_on date,
  source text NOT NULL CHECK (source IN ('classroom', 'virtual', 'e_learning', 'recorded')),
  recorded_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (expires_on IS NULL OR expires_on >= completed_on)
);
CREATE INDEX training_records_employee ON training_records (employee_id, completed_on DESC, id);
CREATE INDEX training_records_org_subject ON training_records (organisation_id, subject_code, employee_id, expires_on);
CREATE UNIQUE INDEX training_records_once_per_enrolment ON training_records (enrolment_id, coalesce(subject_code, ''))
  WHERE enrolment_id IS NOT NULL;
