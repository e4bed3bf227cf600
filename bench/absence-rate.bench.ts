// Absence-rate query time on PostgreSQL: sickness absence rate (FTE days lost ÷ FTE days available, NHS
// Digital method) by org unit × 12 months, for 100k and 1.4M staff with 24 months of seeded absence
// (≈5% of FTE days lost, winter peak). Goal: ≤ 2 s for 1.4M.
//
//   100k  — one trust of 100,000 staff: by top-level unit × 12 months, and by unit × month × reason.
//   1.4M  — 1,400,000 staff in 70 trusts (log-normal sizes): one national query, by organisation ×
//           12 months over every assignment and episode; and every trust by its units × 12 months, one
//           query each (the sum, and the largest trust alone).
// Each query runs twice: from the monthly summary (what the API serves; migration 0008, kept in step on
// write) and from scratch over every assignment and episode (the baseline), with the ratio.
// Each timing is the median of 5 runs after a warm-up. Figures only, no assertions. Needs DATABASE_URL
// (a server; the bench creates and drops its own databases). Seeding 1.4M takes a few minutes.
// Run from the repository root: node bench/absence-rate.bench.ts [sizes=100000] (the lead runs 100000,1400000)
import { openScratchDatabase, seedDatabase } from '@esr/reference-server';
import type { Database } from '@esr/reference-server';
import { absenceRates } from '../packages/reference-server/src/domain/absence/absence-rate.ts';
import type { AbsenceRateQuery } from '../packages/reference-server/src/domain/absence/absence-rate.ts';
import { queryRows } from '../packages/reference-server/src/seed/bulk.ts';

const sizes = (process.argv[2] ?? '100000').split(',').map(Number);
const asOf = '2026-11-25';
const from = '2025-12';
const url = process.env['DATABASE_URL'];
if (!url) {
  console.log('absence-rate: set DATABASE_URL to a PostgreSQL server (e.g. source scripts/postgres.sh; esr_pg_up)');
  process.exit(0);
}

async function median(run: () => Promise<unknown>, rounds = 5): Promise<{ ms: number; rows: number }> {
  let rows = 0;
  const r0 = await run();
  rows = Array.isArray(r0) ? r0.length : 0;
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(rounds / 2)]!, rows };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
const line = (label: string, r: { ms: number; rows: number }, note = '') =>
  console.log(`  ${label.padEnd(72)} ${r.ms.toFixed(0).padStart(6)} ms  ${fmt(r.rows).padStart(6)} rows${note ? `  ${note}` : ''}`);

console.log(`absence rate by org unit × 12 months from ${from}, PostgreSQL, Node ${process.version}`);
for (const staff of sizes) {
  const { database, dispose } = await openScratchDatabase(url, 'esr_absence_bench');
  try {
    const organisations = staff >= 1_000_000 ? 70 : 1;
    const t = performance.now();
    const seeded = await seedDatabase(database, { seed: 1, totalStaff: staff, organisations, asOf, payslipMonths: 0, absence: true });
    // As autovacuum would have done by the time anyone asks: visibility maps let the scans skip the heap.
    await database.exec('VACUUM ANALYZE assignments, sickness_episodes, org_units, absence_summary, absence_open_totals');
    const [counts] = await queryRows<{ episodes: string; open: string; pg: string }>(database, `SELECT count(*) AS episodes, count(*) FILTER (WHERE end_date IS NULL) AS open, current_setting('server_version') AS pg FROM sickness_episodes`);
    console.log(`\n${fmt(seeded.employees)} staff in ${organisations} organisation(s), ${fmt(Number(counts!.episodes))} sickness episodes (${fmt(Number(counts!.open))} open), PostgreSQL ${counts!.pg}; seeded in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    const q = (over: Partial<AbsenceRateQuery> & Pick<AbsenceRateQuery, 'organisationId'>) => () => absenceRates(database.db, { from, months: 12, ...over });
    const both = async (label: string, over: Partial<AbsenceRateQuery> & Pick<AbsenceRateQuery, 'organisationId'>, rounds = 5) => {
      const summary = await median(q({ ...over, source: 'summary' }), rounds);
      const scratch = await median(q({ ...over, source: 'scratch' }), rounds);
      line(`${label} — summary`, summary, `(from scratch ${scratch.ms.toFixed(0)} ms, ${(scratch.ms / summary.ms).toFixed(1)}× faster)`);
      return { summary, scratch };
    };
    const orgs = await queryRows<{ id: string; n: string }>(database, 'SELECT organisation_id AS id, count(*) AS n FROM assignments GROUP BY 1 ORDER BY 2 DESC');
    const largest = orgs[0]!;
    if (organisations > 1) {
      await both(`national: ${organisations} organisations × 12 months`, { organisationId: null });
      const rates = await absenceRates(database.db, { organisationId: null, from, months: 12 });
      const lost = rates.reduce((s, r) => s + r.fteDaysLost, 0);
      const available = rates.reduce((s, r) => s + r.fteDaysAvailable, 0);
      console.log(`    (overall rate ${((100 * lost) / available).toFixed(2)}%)`);
      for (const source of ['summary', 'scratch'] as const) {
        let total = 0;
        let rows = 0;
        for (const o of orgs) {
          const r = await median(q({ organisationId: o.id, source }), 1);
          total += r.ms;
          rows += r.rows;
        }
        line(`every trust by unit × 12 months (${organisations} queries, sum) — ${source}`, { ms: total, rows });
      }
    }
    await both(`largest trust (${fmt(Number(largest.n))} staff) by unit × 12 months`, { organisationId: largest.id });
    await both(`largest trust by unit × 12 months × reason`, { organisationId: largest.id, byReason: true });
    if (organisations === 1) {
      const rates = await absenceRates(database.db, { organisationId: largest.id, from, months: 12 });
      const byMonth = new Map<string, [number, number]>();
      for (const r of rates) {
        const m = byMonth.get(r.month) ?? [0, 0];
        byMonth.set(r.month, [m[0] + r.fteDaysLost, m[1] + r.fteDaysAvailable]);
      }
      console.log(`    monthly rate %: ${[...byMonth].map(([m, [l, a]]) => `${m.slice(2)} ${((100 * l) / a).toFixed(1)}`).join('  ')}`);
    }
  } finally {
    await dispose();
  }
}
