// Core Skills Training Framework subjects and their renewal periods (rows of learning_subjects,
// migration 0007). The repository's reference notes name the CSTF (Skills for Health, 11 subjects with
// refresher frequencies: skillsforhealth.org.uk/core-skills-training-framework/, esr-features.md E21)
// but hold no frequencies, so these follow the CSTF (England) Statutory/Mandatory Subject Guide's
// refresher frequencies: 1 year for information governance and data security, infection prevention
// level 2 and resuscitation; 2 years for fire safety (the guide leaves fire to local risk assessment;
// two years is the common CSTF-aligned setting) and moving and handling level 2; 3 years for the rest.
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
