// Synthetic sickness absence for seeded trusts, deterministic by seed and assignment id, shaped like NHS
// Digital's published figures: about 5% of FTE days lost, a winter peak (December–January) and summer
// trough, about a quarter of days lost to anxiety/stress/depression (S10), and a long tail — most spells
// are short (1–3 days, colds and stomach bugs) while a few long-term episodes (28 days+) carry most of
// the days lost, and a minority of people account for most absence.
//
// Written per organisation in one transaction with the seed's unnest bulk inserts. Call after the
// trusts are seeded (seedDatabase does so with `absence: true`).
import type { Database } from '../db/database.ts';
import { sicknessEpisodes } from '../db/schema-leave.ts';
import { addMonths, dayOf, isoOf, partsOf } from '../domain/calendars/dates.ts';
import { BulkWriter, TableBuffer, inTransaction, queryRows } from './bulk.ts';
import { hash } from './payslip-history.ts';
import { Random } from './random.ts';

export interface AbsenceSeedOptions {
  seed?: number;
  /** Episodes start up to this date (YYYY-MM-DD); ones still running then are left open. */
  asOf: string;
  /** History to generate, in months (default 24: enough for sick pay's rolling year and a 12-month rate). */
  months?: number;
  /** Organisations to seed (default all). */
  organisationIds?: string[];
  rowsPerStatement?: number;
}

// Relative chance of a short spell starting in each month (January first): winter peak.
const seasonal = [1.45, 1.25, 1.05, 0.92, 0.85, 0.78, 0.78, 0.8, 0.92, 1.05, 1.2, 1.5];
const shortDurations: ReadonlyArray<readonly [number, number]> = [[1, 30], [2, 22], [3, 15], [4, 8], [5, 7], [7, 8], [10, 5], [14, 5]];
const shortReasons: ReadonlyArray<readonly [string, number]> = [['S13', 28], ['S25', 22], ['S10', 10], ['S12', 7], ['S11', 6], ['S16', 6], ['S15', 5], ['S27', 5], ['S21', 3], ['S98', 4], ['S99', 4]];
const longReasons: ReadonlyArray<readonly [string, number]> = [['S10', 28], ['S12', 16], ['S11', 10], ['S28', 10], ['S17', 6], ['S30', 6], ['S19', 5], ['S26', 5], ['S98', 12]];
const level2: Record<string, ReadonlyArray<readonly [string | null, number]>> = {
  S10: [['S10.01', 30], ['S10.02', 40], ['S10.03', 20], ['S10.04', 5], ['S10.05', 5]],
  S13: [['S13.01', 45], ['S13.02', 20], ['S13.03', 35]],
  S25: [['S25.01', 80], ['S25.02', 20]],
  S27: [['S27.01', 60], ['S27.02', 40]],
  S28: [['S28.01', 25], ['S28.02', 55], ['S28.03', 20]],
};

interface AssignmentRow { id: string; organisation_id: string; employee_id: string; org_unit_id: string; contracted_minutes_per_week: number; start_date: string | Date; end_date: string | Date | null }

const isoText = (d: string | Date | null): string | null => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/** Standard normal (Box–Muller). */
const normal = (rnd: Random) => Math.sqrt(-2 * Math.log(1 - rnd.next())) * Math.cos(2 * Math.PI * rnd.next());
function poisson(rnd: Random, mean: number): number {
  let k = 0;
  let p = Math.exp(-mean);
  let s = p;
  const u = rnd.next();
  while (u > s && k < 50) {
    k++;
    p *= mean / k;
    s += p;
  }
  return k;
}

export interface GeneratedEpisode { startDate: string; endDate: string | null; reasonLevel1: string; reasonLevel2: string | null }

/** One person's episodes in [from, asOf] (day numbers), non-overlapping, in date order. */
export function generateEpisodes(seed: number, assignmentId: string, employment: { start: number; end: number | null }, window: { from: number; to: number }): GeneratedEpisode[] {
  const rnd = new Random(hash(`${seed}:absence:${assignmentId}`));
  // Propensity: log-normal with mean 1 — most people are rarely off, a few often.
  const propensity = Math.exp(0.85 * normal(rnd) - 0.36);
  const spells: Array<{ start: number; days: number; reason: string }> = [];
  const from = Math.max(window.from, employment.start);
  const to = Math.min(window.to, employment.end ?? window.to);
  if (to < from) return [];
  for (let month = from; month <= to; ) {
    const { year, month: m } = partsOf(month);
    const next = Math.min(to + 1, addMonths(dayOf(`${year}-${String(m).padStart(2, '0')}-01`), 1));
    const span = next - month;
    const fraction = span / 30.44;
    const shortCount = poisson(rnd, (1.5 / 12) * propensity * seasonal[m - 1]! * fraction);
    for (let i = 0; i < shortCount; i++) spells.push({ start: month + rnd.int(0, span - 1), days: rnd.weighted(shortDurations), reason: rnd.weighted(shortReasons) });
    if (rnd.next() < (0.178 / 12) * Math.sqrt(propensity) * (0.85 + 0.15 * seasonal[m - 1]!) * fraction) {
      // Long-term: 28 days and over, log-normal tail (median ~ 75 days, some past six months).
      const days = Math.min(400, 28 + Math.round(Math.exp(3.75 + 0.8 * normal(rnd))));
      spells.push({ start: month + rnd.int(0, span - 1), days, reason: rnd.weighted(longReasons) });
    }
    month = next;
  }
  spells.sort((a, b) => a.start - b.start);
  const out: GeneratedEpisode[] = [];
  let lastEnd = -Infinity;
  for (const s of spells) {
    if (s.start <= lastEnd + 1) continue; // overlapping or back-to-back: the same spell
    const end = s.start + s.days - 1;
    const stillOff = end >= window.to;
    const clippedEnd = employment.end !== null ? Math.min(end, employment.end) : end;
    const l2 = level2[s.reason];
    out.push({
      startDate: isoOf(s.start),
      endDate: stillOff && employment.end === null ? null : isoOf(Math.min(clippedEnd, window.to)),
      reasonLevel1: s.reason,
      reasonLevel2: l2 ? rnd.weighted(l2) : null,
    });
    lastEnd = stillOff ? Infinity : clippedEnd;
  }
  return out;
}

export async function seedAbsence(database: Database, options: AbsenceSeedOptions): Promise<{ episodes: number; milliseconds: number }> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const to = dayOf(options.asOf);
  const window = { from: addMonths(to, -(options.months ?? 24)) + 1, to };
  const rowsPerStatement = options.rowsPerStatement ?? (database.engine === 'pglite' ? 1000 : 5000);
  const orgs = options.organisationIds ?? (await queryRows<{ id: string }>(database, 'SELECT id FROM organisations ORDER BY id')).map((r) => r.id);
  let total = 0;
  for (const org of orgs) {
    // Recorded by the person's line manager (HR when there is none).
    const [hr] = await queryRows<{ id: string }>(database, `SELECT id FROM employees WHERE organisation_id = $1 AND 'hr_admin' = ANY(roles) ORDER BY id LIMIT 1`, [org]);
    await inTransaction(database, async (ex) => {
      // The absence summary (migration 0008) is rebuilt once at the end rather than statement by statement.
      await ex.query(`SET LOCAL esr.absence_summary_deferred = 'on'`, []);
      const buffer = new TableBuffer(sicknessEpisodes, 'sickness_episodes', ['id', 'organisationId', 'employeeId', 'assignmentId', 'orgUnitId', 'contractedMinutes', 'startDate', 'endDate', 'reasonLevel1', 'reasonLevel2', 'recordedBy']);
      const writer = new BulkWriter(ex, [buffer as never], { method: 'unnest', rowsPerStatement, onWritten: (_t, n) => (total += n) });
      let after = '';
      for (;;) {
        // Read on the transaction's own connection (PGlite has only one).
        const result = await ex.query(
          `SELECT id, organisation_id, employee_id, org_unit_id, contracted_minutes_per_week, start_date::text AS start_date, end_date::text AS end_date, supervisor_employee_id
             FROM assignments WHERE organisation_id = $1 AND id > $2 ORDER BY id LIMIT 20000`,
          [org, after],
        );
        const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<AssignmentRow & { supervisor_employee_id: string | null }>;
        if (rows.length === 0) break;
        for (const a of rows) {
          const episodes = generateEpisodes(seed, a.id, { start: dayOf(isoText(a.start_date)!), end: a.end_date ? dayOf(isoText(a.end_date)!) : null }, window);
          episodes.forEach((e, i) => {
            buffer.add({
              id: `sck_${a.id.slice(4)}x${i}`, organisationId: a.organisation_id, employeeId: a.employee_id, assignmentId: a.id, orgUnitId: a.org_unit_id,
              contractedMinutes: a.contracted_minutes_per_week, startDate: e.startDate, endDate: e.endDate, reasonLevel1: e.reasonLevel1, reasonLevel2: e.reasonLevel2,
              recordedBy: a.supervisor_employee_id ?? hr?.id ?? a.employee_id,
            });
          });
          await writer.maybeFlush();
        }
        after = rows.at(-1)!.id;
      }
      await writer.done();
      await ex.query('SELECT absence_summary_rebuild($1)', [org]);
    });
  }
  return { episodes: total, milliseconds: performance.now() - started };
}
