// Synthetic learning data for seeded trusts, deterministic by seed: CSTF requirements (everyone, clinical
// staff groups, registered professionals, midwives, emergency and children's units), a catalogue that
// scales with the trust (CSTF courses first, then clinical, leadership, digital and wellbeing courses),
// upcoming class sessions with bookings and waiting lists, and completion history that puts statutory
// and mandatory compliance near NHS levels (about 85–90% in date; resuscitation lower, information
// governance higher, new starters catching up).
//
// Written per organisation in one transaction with the seed's unnest bulk inserts. Call after the
// trusts are seeded (seedDatabase does so with `learning: true`).
import type { Database } from '../db/database.ts';
import { classSessions, courses, enrolments, learningRequirements, trainingRecords } from '../db/schema-learning.ts';
import type { Delivery } from '../db/schema-learning.ts';
import { dayOf, isWeekend, isoOf } from '../domain/calendars/dates.ts';
import { expiryOf, familiesOf, requiredLevels } from '../domain/learning/index.ts';
import type { Requirement, Subject } from '../domain/learning/index.ts';
import { BulkWriter, TableBuffer, inTransaction, queryRows } from './bulk.ts';
import type { Executor } from './bulk.ts';
import { hash } from './payslip-history.ts';
import { Random } from './random.ts';

export interface LearningSeedOptions {
  seed?: number;
  /** Reference date: sessions run after it, history ends on it. */
  asOf: string;
  organisationIds?: string[];
  /** Courses per organisation (default: one per 20 staff, at least 60). */
  courses?: number;
  /** Class sessions per organisation (default 10 per classroom or virtual course). */
  sessions?: number;
  /** Book people on upcoming sessions, some full with waiting lists (default true). */
  enrolments?: boolean;
  /** Completion history for compliance (default true). */
  history?: boolean;
  rowsPerStatement?: number;
}

export interface LearningSeedSummary {
  courses: number;
  sessions: number;
  enrolments: number;
  trainingRecords: number;
  requirements: number;
  milliseconds: number;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

// --- requirements ---

const clinicalGroups = ['Nursing and Midwifery Registered', 'Support to Clinical Staff', 'Allied Health Professionals', 'Additional Professional Scientific and Technical'];
const registeredGroups = ['Nursing and Midwifery Registered', 'Allied Health Professionals'];
const everyone = [
  'equality_diversity', 'health_safety', 'conflict_resolution', 'fire_safety', 'infection_prevention_l1', 'information_governance', 'moving_handling_l1',
  'preventing_radicalisation_l1', 'resuscitation_l1', 'safeguarding_adults_l1', 'safeguarding_children_l1',
];
const clinical = ['infection_prevention_l2', 'moving_handling_l2', 'resuscitation_l2', 'safeguarding_adults_l2', 'safeguarding_children_l2'];

type RequirementSpec = Omit<Requirement, 'id'>;

/** A trust's statutory and mandatory training requirements, in the shape most trusts' matrices take. */
export function baselineRequirements(units: Array<{ id: string; name: string }>): RequirementSpec[] {
  const none = { staffGroup: null, jobTitle: null, orgUnitId: null };
  const out: RequirementSpec[] = everyone.map((subjectCode) => ({ ...none, subjectCode }));
  for (const staffGroup of clinicalGroups) for (const subjectCode of clinical) out.push({ ...none, subjectCode, staffGroup });
  // Registered healthcare professionals: Prevent level 3 (NHS England Prevent training and competencies framework).
  for (const staffGroup of registeredGroups) out.push({ ...none, subjectCode: 'preventing_radicalisation_l3', staffGroup });
  for (const jobTitle of ['Midwife', 'Senior Midwife', 'Midwifery Team Leader', 'Consultant Midwife']) {
    out.push({ ...none, subjectCode: 'safeguarding_children_l3', jobTitle }, { ...none, subjectCode: 'resuscitation_l3', jobTitle });
  }
  for (const u of units) {
    if (/^(Emergency Department|Critical Care)$/.test(u.name)) out.push({ ...none, subjectCode: 'resuscitation_l3', orgUnitId: u.id });
    if (/^(Paediatrics|Neonatal)$/.test(u.name)) out.push({ ...none, subjectCode: 'safeguarding_children_l3', orgUnitId: u.id });
  }
  return out;
}

// --- catalogue ---

export interface GeneratedCourse {
  id: string; code: string; title: string; description: string; category: string; delivery: Delivery; durationMinutes: number;
  competencies: string[]; audience: string; requiresApproval: boolean;
}

/** The CSTF courses every trust runs: [title, delivery, minutes, subjects, description]. */
const cstfCourses: ReadonlyArray<readonly [string, Delivery, number, string[], string]> = [
  ['Equality, Diversity and Human Rights', 'e_learning', 30, ['equality_diversity'], 'Equality Act 2010 protected characteristics, human rights in care, and challenging discrimination.'],
  ['Health, Safety and Welfare', 'e_learning', 30, ['health_safety'], 'Risk assessment, reporting incidents, COSHH and safe working at the trust.'],
  ['Conflict Resolution', 'e_learning', 45, ['conflict_resolution'], 'Recognising and de-escalating conflict, and keeping yourself and others safe.'],
  ['Fire Safety Awareness', 'e_learning', 30, ['fire_safety'], 'Fire prevention, raising the alarm, evacuation and using extinguishers.'],
  ['Fire Safety and Evacuation (practical)', 'classroom', 60, ['fire_safety'], 'Hands-on fire safety: ward evacuation, horizontal evacuation and extinguisher practice.'],
  ['Infection Prevention and Control – Level 1', 'e_learning', 30, ['infection_prevention_l1'], 'Hand hygiene, standard precautions and the chain of infection.'],
  ['Infection Prevention and Control – Level 2', 'e_learning', 45, ['infection_prevention_l2', 'infection_prevention_l1'], 'Aseptic technique, isolation, personal protective equipment and outbreak management for clinical staff.'],
  ['Data Security Awareness – Level 1', 'e_learning', 45, ['information_governance'], 'Information governance, confidentiality, GDPR and cyber security for all staff.'],
  ['Moving and Handling – Level 1', 'e_learning', 30, ['moving_handling_l1'], 'Safe manual handling of loads and back care.'],
  ['Moving and Handling of People – Level 2 (practical)', 'classroom', 180, ['moving_handling_l2', 'moving_handling_l1'], 'Practical patient handling: hoists, slide sheets, standing aids and falls recovery.'],
  ['Preventing Radicalisation – Basic Prevent Awareness', 'e_learning', 30, ['preventing_radicalisation_l1'], 'Prevent duty: recognising vulnerability to radicalisation and how to raise concerns.'],
  ['Preventing Radicalisation – Level 3', 'virtual', 90, ['preventing_radicalisation_l3', 'preventing_radicalisation_l1'], 'Prevent for registered professionals: safeguarding people vulnerable to radicalisation and the Channel process.'],
  ['Resuscitation – Level 1', 'e_learning', 30, ['resuscitation_l1'], 'Recognising cardiac arrest, calling for help and starting chest compressions.'],
  ['Adult Basic Life Support – Resuscitation Level 2', 'classroom', 120, ['resuscitation_l2', 'resuscitation_l1'], 'High-quality CPR, defibrillation with an AED, choking and the recovery position.'],
  ['Immediate Life Support – Resuscitation Level 3', 'classroom', 450, ['resuscitation_l3', 'resuscitation_l2', 'resuscitation_l1'], 'Resuscitation Council UK ILS: ABCDE assessment, airway management, manual defibrillation and peri-arrest care.'],
  ['Safeguarding Adults – Level 1', 'e_learning', 30, ['safeguarding_adults_l1'], 'Types of abuse and neglect, and how to report a safeguarding concern.'],
  ['Safeguarding Adults – Level 2', 'e_learning', 60, ['safeguarding_adults_l2', 'safeguarding_adults_l1'], 'Mental Capacity Act, making safeguarding personal and multi-agency working.'],
  ['Safeguarding Adults – Level 3', 'virtual', 180, ['safeguarding_adults_l3', 'safeguarding_adults_l2', 'safeguarding_adults_l1'], 'Safeguarding enquiries, professional curiosity and learning from safeguarding adults reviews.'],
  ['Safeguarding Children – Level 1', 'e_learning', 30, ['safeguarding_children_l1'], 'Recognising child abuse and neglect and acting on concerns.'],
  ['Safeguarding Children – Level 2', 'e_learning', 60, ['safeguarding_children_l2', 'safeguarding_children_l1'], 'Early help, information sharing and referral to children’s social care.'],
  ['Safeguarding Children – Level 3', 'classroom', 360, ['safeguarding_children_l3', 'safeguarding_children_l2', 'safeguarding_children_l1'], 'Child protection for staff working with children, young people and families: assessment and case review.'],
];

const topics: ReadonlyArray<readonly [string, string, string]> = [
  // [topic, category, keywords for the description]
  ['Sepsis recognition', 'Clinical skills', 'the Sepsis Six, NEWS2 and timely escalation'],
  ['Venepuncture and cannulation', 'Clinical skills', 'vein selection, aseptic non-touch technique and complications'],
  ['Wound care and tissue viability', 'Clinical skills', 'wound assessment, dressings and pressure ulcer prevention'],
  ['Catheterisation', 'Clinical skills', 'urinary catheter insertion, care and infection prevention'],
  ['Tracheostomy care', 'Clinical skills', 'suctioning, emergency management and humidification'],
  ['Blood transfusion', 'Patient safety', 'safe transfusion practice, patient identification and reactions'],
  ['Medicines management', 'Patient safety', 'safe administration, controlled drugs and medication errors'],
  ['Intravenous therapy', 'Clinical skills', 'IV drug preparation, infusion devices and fluid balance'],
  ['Falls prevention', 'Patient safety', 'multifactorial falls risk assessment and post-fall care'],
  ['Dementia awareness', 'Clinical skills', 'person-centred dementia care, delirium and communication'],
  ['Mental Capacity Act in practice', 'Professional development', 'capacity assessment, best interests and Liberty Protection Safeguards'],
  ['Learning disability and autism awareness', 'Professional development', 'reasonable adjustments and the Oliver McGowan training'],
  ['End of life care', 'Clinical skills', 'advance care planning, symptom control and supporting families'],
  ['Diabetes care', 'Clinical skills', 'hypoglycaemia, insulin safety and diabetic foot care'],
  ['Nutrition and hydration', 'Clinical skills', 'MUST screening, mealtimes and fluid charts'],
  ['Mouth care', 'Clinical skills', 'oral health assessment and mouth care for dependent patients'],
  ['Acute kidney injury', 'Clinical skills', 'recognising AKI, fluid balance and nephrotoxic medicines'],
  ['Anaphylaxis management', 'Patient safety', 'recognition, adrenaline and the emergency algorithm'],
  ['Paediatric basic life support', 'Clinical skills', 'child and infant CPR and choking'],
  ['Newborn life support', 'Clinical skills', 'newborn resuscitation at birth and thermal care'],
  ['Human factors in healthcare', 'Patient safety', 'situational awareness, communication and error'],
  ['Root cause analysis', 'Patient safety', 'Patient Safety Incident Response Framework and learning responses'],
  ['Clinical supervision', 'Professional development', 'restorative supervision and reflective practice'],
  ['Preceptorship', 'Professional development', 'support for newly registered practitioners'],
  ['Practice assessor and supervisor', 'Professional development', 'supporting and assessing students in practice'],
  ['Leadership essentials', 'Leadership and management', 'compassionate leadership, team working and managing change'],
  ['Appraisal and wellbeing conversations', 'Leadership and management', 'objectives, personal development plans and wellbeing'],
  ['Recruitment and selection', 'Leadership and management', 'fair recruitment, interviewing and values-based selection'],
  ['Managing attendance', 'Leadership and management', 'sickness absence policy, return to work and reasonable adjustments'],
  ['Finance for budget holders', 'Leadership and management', 'budgets, variance and cost improvement'],
  ['Quality improvement', 'Professional development', 'PDSA cycles, measurement for improvement and run charts'],
  ['Coaching skills', 'Leadership and management', 'coaching conversations and the GROW model'],
  ['Freedom to Speak Up', 'Professional development', 'speaking up, listening up and following up'],
  ['Customer care and complaints', 'Professional development', 'handling concerns and complaints with patients and families'],
  ['Microsoft Excel', 'Digital skills', 'formulas, pivot tables and charts'],
  ['Electronic patient record', 'Digital skills', 'documentation, orders and results in the EPR'],
  ['ESR self service', 'Digital skills', 'payslips, personal details, learning and manager self service'],
  ['Resilience and stress management', 'Health and wellbeing', 'recognising stress, resilience and support available'],
  ['Menopause awareness', 'Health and wellbeing', 'symptoms, support at work and reasonable adjustments'],
  ['Mental health first aid', 'Health and wellbeing', 'supporting colleagues in distress and signposting'],
];
const variants: ReadonlyArray<readonly [string, number]> = [['', 1], ['Introduction to', 1], ['Update:', 0.8], ['Advanced', 1.5], ['Masterclass:', 1.5], ['Workshop:', 1], ['Refresher:', 0.6]];
const audiences = ['All staff', 'Registered nurses and midwives', 'Healthcare support workers', 'Allied health professionals', 'Managers and team leaders', 'Administrative staff'];
const outcomes = [
  'apply current national guidance', 'recognise deterioration early', 'communicate clearly with patients and families', 'document care accurately',
  'work safely within your scope of practice', 'reflect on your practice', 'escalate concerns', 'involve patients in decisions', 'use evidence to improve care',
];

/** A trust's catalogue: the CSTF courses, then generated courses up to `count`. */
export function generateCatalogue(seed: number, organisationId: string, count: number): GeneratedCourse[] {
  const rnd = new Random(hash(`${seed}:catalogue:${organisationId}`));
  const tag = organisationId.slice(4);
  const out: GeneratedCourse[] = [];
  const add = (c: Omit<GeneratedCourse, 'id' | 'code'>) => {
    const n = out.length + 1;
    out.push({ id: `crs_${tag}c${pad(n, 6)}`, code: `C${pad(n, 5)}`, ...c });
  };
  for (const [title, delivery, durationMinutes, competencies, description] of cstfCourses) {
    if (out.length >= count) break;
    add({ title, delivery, durationMinutes, competencies, description: `${description} Core Skills Training Framework aligned.`, category: 'Statutory and mandatory', audience: 'All staff', requiresApproval: false });
  }
  const combos = topics.length * variants.length;
  for (let i = 0; out.length < count; i++) {
    const [topic, category, keywords] = topics[i % topics.length]!;
    const [variant, scale] = variants[Math.floor(i / topics.length) % variants.length]!;
    const series = Math.floor(i / combos);
    const delivery = rnd.weighted<Delivery>([['classroom', 50], ['virtual', 20], ['e_learning', 30]]);
    const audience = rnd.pick(audiences);
    const learn = [rnd.pick(outcomes), rnd.pick(outcomes)].filter((x, k, a) => a.indexOf(x) === k);
    add({
      title: `${variant ? `${variant} ` : ''}${variant.endsWith(':') || !variant ? topic : topic.toLowerCase()}${series > 0 ? ` (${series + 1})` : ''}`,
      description: `Covers ${keywords}. After this ${delivery === 'e_learning' ? 'module' : 'session'} you will be able to ${learn.join(' and ')}. For ${audience.toLowerCase()}.`,
      category,
      delivery,
      durationMinutes: Math.round((delivery === 'e_learning' ? rnd.pick([30, 45, 60]) : rnd.pick([60, 120, 180, 210, 420])) * scale / 15) * 15 || 15,
      competencies: [],
      audience,
      requiresApproval: category === 'Leadership and management' ? rnd.chance(0.6) : rnd.chance(0.1),
    });
  }
  return out;
}

const sites = ['Education Centre', 'Clinical Skills Lab', 'Simulation Suite', 'Postgraduate Centre', 'Community Hub'];
const trainers = ['Resuscitation team', 'Practice education team', 'Learning and development team', 'Clinical educators', 'Safeguarding team', 'External facilitator'];

// --- per organisation ---

interface UnitRow { id: string; parent_id: string | null; name: string }
interface LearnerRow { employee_id: string; staff_group: string; job_title: string; org_unit_id: string; start_date: string }

async function rowsOf<T>(ex: Executor, text: string, params: unknown[]): Promise<T[]> {
  const result = await ex.query(text, params);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

export async function seedLearning(database: Database, options: LearningSeedOptions): Promise<LearningSeedSummary> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const asOf = options.asOf;
  const rowsPerStatement = options.rowsPerStatement ?? (database.engine === 'pglite' ? 1000 : 5000);
  const orgs = options.organisationIds ?? (await queryRows<{ id: string }>(database, 'SELECT id FROM organisations ORDER BY id')).map((r) => r.id);
  const subjects = await queryRows<{ code: string; family: string; level: number; name: string; renewal_months: number; sort_order: number }>(database, 'SELECT * FROM learning_subjects ORDER BY sort_order');
  const subjectList: Subject[] = subjects.map((s) => ({ code: s.code, family: s.family, level: s.level, name: s.name, renewalMonths: s.renewal_months, sortOrder: s.sort_order }));
  const byCode = new Map(subjectList.map((s) => [s.code, s]));
  const families = familiesOf(subjectList);
  const summary = { courses: 0, sessions: 0, enrolments: 0, trainingRecords: 0, requirements: 0 };

  for (const org of orgs) {
    const tag = org.slice(4);
    await inTransaction(database, async (ex) => {
      const units = await rowsOf<UnitRow>(ex, 'SELECT id, parent_id, name FROM org_units WHERE organisation_id = $1', [org]);
      const learners = await rowsOf<LearnerRow>(ex, `
        SELECT DISTINCT ON (employee_id) employee_id, staff_group, job_title, org_unit_id, start_date::text AS start_date
          FROM assignments WHERE organisation_id = $1 AND start_date <= $2::date AND (end_date IS NULL OR end_date >= $2::date)
         ORDER BY employee_id, start_date, id`, [org, asOf]);
      const [admin] = await rowsOf<{ id: string }>(ex, `SELECT id FROM employees WHERE organisation_id = $1 AND 'learning_admin' = ANY(roles) ORDER BY id LIMIT 1`, [org]);
      const recorder = admin?.id ?? null;
      const buffers = {
        requirements: new TableBuffer(learningRequirements, 'learning_requirements', ['id', 'organisationId', 'subjectCode', 'staffGroup', 'jobTitle', 'orgUnitId', 'createdBy']),
        courses: new TableBuffer(courses, 'courses', ['id', 'organisationId', 'code', 'title', 'description', 'category', 'delivery', 'durationMinutes', 'competencies', 'audience', 'requiresApproval']),
        sessions: new TableBuffer(classSessions, 'class_sessions', ['id', 'organisationId', 'courseId', 'startsAt', 'endsAt', 'venue', 'capacity', 'trainer', 'bookingDeadline', 'cancellationDeadline', 'enrolledCount']),
        enrolments: new TableBuffer(enrolments, 'enrolments', ['id', 'organisationId', 'employeeId', 'courseId', 'sessionId', 'status', 'waitlistedAt', 'enrolledBy', 'createdAt', 'updatedAt']),
        records: new TableBuffer(trainingRecords, 'training_records', ['id', 'organisationId', 'employeeId', 'subjectCode', 'courseId', 'title', 'completedOn', 'expiresOn', 'source', 'recordedBy', 'createdAt']),
      };
      const writer = new BulkWriter(ex, Object.values(buffers) as never, {
        method: 'unnest', rowsPerStatement,
        onWritten: (table, n) => {
          const key = { learning_requirements: 'requirements', courses: 'courses', class_sessions: 'sessions', enrolments: 'enrolments', training_records: 'trainingRecords' }[table] as keyof typeof summary;
          summary[key] += n;
        },
      });

      // Requirements.
      const requirements = baselineRequirements(units).map((r, i) => ({ ...r, id: `lrq_${tag}r${pad(i + 1, 4)}` }));
      for (const r of requirements) buffers.requirements.add({ ...r, organisationId: org, createdBy: recorder });

      // Catalogue and sessions.
      const courseCount = options.courses ?? Math.max(60, Math.round(learners.length / 20));
      const catalogue = generateCatalogue(seed, org, courseCount);
      for (const c of catalogue) buffers.courses.add({ ...c, organisationId: org });
      await writer.maybeFlush();
      const scheduled = catalogue.filter((c) => c.delivery !== 'e_learning');
      const sessionTotal = options.sessions ?? scheduled.length * 10;
      const rnd = new Random(hash(`${seed}:sessions:${org}`));
      const people = learners.map((l) => l.employee_id);
      const asOfDay = dayOf(asOf);
      let sessionNo = 0;
      let enrolmentNo = 0;
      for (let ci = 0; ci < scheduled.length && people.length > 0; ci++) {
        const course = scheduled[ci]!;
        // Spread the sessions over the courses (CSTF practical courses run more often).
        const share = Math.floor(sessionTotal / scheduled.length) + (ci < sessionTotal % scheduled.length ? 1 : 0);
        // Bookings walk the staff list from a random offset, so nobody is booked twice on one course.
        let cursor = rnd.int(0, people.length - 1);
        let booked = 0;
        for (let k = 0; k < share; k++) {
          const id = `ses_${tag}s${pad(++sessionNo, 7)}`;
          let day = asOfDay + 1 + rnd.int(0, 180);
          while (isWeekend(day)) day++;
          const startMinutes = rnd.pick([9 * 60, 9 * 60 + 30, 13 * 60 + 30]);
          const starts = new Date((day * 1440 + startMinutes) * 60_000);
          const ends = new Date(starts.getTime() + Math.min(course.durationMinutes, 480) * 60_000);
          const capacity = course.delivery === 'virtual' ? rnd.pick([20, 30, 40]) : rnd.pick([8, 10, 12, 16, 20, 24]);
          // 15% full (some with a waiting list), the rest part-booked; never more bookings than staff left to book.
          const available = people.length - booked;
          const fill = Math.min(available, options.enrolments === false ? 0 : rnd.chance(0.15) ? capacity : Math.floor(rnd.next() * 0.9 * capacity));
          const waiting = fill === capacity ? Math.min(available - fill, rnd.int(0, 4)) : 0;
          const room = course.delivery === 'virtual' ? 'Microsoft Teams' : `${rnd.pick(sites)}, Room ${rnd.int(1, 6)}`;
          buffers.sessions.add({
            id, organisationId: org, courseId: course.id, startsAt: starts.toISOString(), endsAt: ends.toISOString(), venue: room, capacity,
            trainer: rnd.pick(trainers), bookingDeadline: new Date(starts.getTime() - 86_400_000).toISOString(), cancellationDeadline: new Date(starts.getTime() - 2 * 86_400_000).toISOString(),
            enrolledCount: fill,
          });
          for (let b = 0; b < fill + waiting; b++, booked++) {
            const employeeId = people[cursor]!;
            cursor = (cursor + 1) % people.length;
            const at = new Date((asOfDay - rnd.int(0, 60)) * 86_400_000 + rnd.int(0, 86_399) * 1000).toISOString();
            const waitlisted = b >= fill;
            buffers.enrolments.add({
              id: `enr_${tag}e${pad(++enrolmentNo, 8)}`, organisationId: org, employeeId, courseId: course.id, sessionId: id,
              status: waitlisted ? 'waitlisted' : 'enrolled', waitlistedAt: waitlisted ? new Date(Date.parse(at) + b).toISOString() : null, enrolledBy: employeeId, createdAt: at, updatedAt: at,
            });
          }
          await writer.maybeFlush();
        }
      }

      // Completion history: the latest completion of each required subject, sometimes the one before.
      if (options.history !== false) {
        const unitParent = new Map(units.map((u) => [u.id, u.parent_id]));
        const pathOf = (id: string) => {
          const p: string[] = [];
          for (let u: string | null | undefined = id; u && p.length < 64; u = unitParent.get(u)) p.push(u);
          return p;
        };
        // The CSTF course that records each subject (its first), for the record's course and source.
        const courseFor = new Map<string, GeneratedCourse>();
        for (const c of catalogue) for (const code of c.competencies) if (!courseFor.has(code)) courseFor.set(code, c);
        const overdue: Record<string, number> = { resuscitation: 1.22, information_governance: 1.04, moving_handling: 1.14, safeguarding_children: 1.12 };
        let recordNo = 0;
        for (const l of learners) {
          const r = new Random(hash(`${seed}:history:${l.employee_id}`));
          const required = requiredLevels({ employeeId: l.employee_id, name: '', jobTitle: l.job_title, staffGroup: l.staff_group, orgUnitId: l.org_unit_id }, pathOf(l.org_unit_id), requirements, byCode);
          const newStarter = dayOf(l.start_date) > asOfDay - 90;
          for (const f of families) {
            const level = required.get(f.family);
            if (level === undefined) continue;
            const subject = f.levels.find((s) => s.level === level)!;
            if (r.chance(newStarter ? 0.45 : 0.025)) continue; // never done (yet)
            const renewalDays = Math.round(subject.renewalMonths * 30.44);
            let completed = asOfDay - Math.floor(r.next() * renewalDays * (overdue[f.family] ?? 1.1));
            const course = courseFor.get(subject.code);
            for (let n = 0; n < (r.chance(0.45) ? 2 : 1); n++) {
              const completedOn = isoOf(completed);
              buffers.records.add({
                id: `trn_${tag}t${pad(++recordNo, 8)}`, organisationId: org, employeeId: l.employee_id, subjectCode: subject.code, courseId: course?.id ?? null,
                title: course?.title ?? subject.name, completedOn, expiresOn: expiryOf(completedOn, subject.renewalMonths), source: course?.delivery ?? 'recorded',
                recordedBy: course?.delivery === 'e_learning' ? l.employee_id : recorder, createdAt: `${completedOn}T17:00:00Z`,
              });
              completed -= renewalDays + r.int(0, 60);
            }
            await writer.maybeFlush();
          }
        }
      }
      await writer.done();
    });
  }
  return { ...summary, milliseconds: performance.now() - started };
}
