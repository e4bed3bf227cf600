// Core Skills Training Framework subjects and their renewal periods (rows of learning_subjects,
// migration 0007).
//
// Source status (checked 2026-11-25): the primary source is the Skills for Health CSTF Subject Guide
// ("minimum learning outcomes, target audience, frequency of refresher training": skillsforhealth.org.uk/
// core-skills-training-framework/; NHS trusts in England use CSTF England v1.0, others UK CSTF v1.6). It
// is a registration-gated download and could NOT be read here, so the periods below are not yet verified
// against it. What public secondary sources say, subject by subject (months):
//   A = University Hospitals Birmingham statutory/mandatory training page, citing "NHS England, Core Skills
//       Training framework (2021)" (jobs.uhb.nhs.uk/education/statutory-and-mandatory-training)
//   B = Coast Medic mandatory training matrix, laid out by CSTF subject and level (coastmedic.org.uk/mandatory-training-matrix)
//   C = logbook.co.uk "Mandatory Training Records for UK Healthcare Staff: CSTF Complete Guide (2026)"
//   equality, diversity and human rights  36   A 36, B 36, C 36
//   health, safety and welfare            36   A 36, B 36, C 36
//   conflict resolution                   36   A 36, B 36, C 36
//   fire safety                           24   B 24; A 12, C 12 — disputed: kept at 24 until the guide is read
//   infection prevention L1 / L2          36 / 12   A 36 (L1), B 36 / 12; C 12 (levels not separated)
//   information governance                12   A 12, C 12 (the Data Security and Protection Toolkit's annual training)
//   moving and handling L1 / L2           36 / 24   B 24 (L2); L1: B and A "once at induction", C 12 — unverified
//   preventing radicalisation             36   A 36, C 36
//   resuscitation L1–L3                   12   C 12 (basic life support; "1–2 years" for higher levels)
//   safeguarding adults / children L1–L3  36   A 36 (L1), C 36 (higher levels more often for some roles)
// Trusts also set periods locally (A and C differ from B on fire safety). The table is national and not
// per organisation here: check it against the Subject Guide before relying on it.
import { asc } from 'drizzle-orm';
import { learningSubjects } from '../../db/schema-learning.ts';
import { addDaysIso, addMonths, dayOf, isoOf } from '../calendars/dates.ts';
import type { Queryable } from './types.ts';

export interface Subject {
  code: string;
  family: string;
  level: number;
  name: string;
  renewalMonths: number;
  sortOrder: number;
}

let cache: Subject[] | null = null;

/** The subjects in display order (national reference data: read once per process). */
export async function loadSubjects(db: Queryable): Promise<Subject[]> {
  cache ??= await db.select().from(learningSubjects).orderBy(asc(learningSubjects.sortOrder));
  return cache;
}

export async function subjectByCode(db: Queryable): Promise<Map<string, Subject>> {
  return new Map((await loadSubjects(db)).map((s) => [s.code, s]));
}

/**
 * The last day training completed on `completedOn` is valid: the day before the same date
 * `renewalMonths` later (completed 2026-03-10, 12 months → valid to 2027-03-09).
 */
export function expiryOf(completedOn: string, renewalMonths: number): string {
  return addDaysIso(isoOf(addMonths(dayOf(completedOn), renewalMonths)), -1);
}
