// README example: "Workforce analytics". Typechecked with the package; keep the region identical to the
// README block (test/readme-examples.test.ts). Above it, only what the example assumes.
import type { EsrClient } from '@esr/sdk';
declare const esr: EsrClient;

// #region readme
// Managers see their reporting line, HR admins their organisation (narrow with orgUnitId).
const staff = await esr.analytics.composition();
console.log(staff.headcount, staff.fte, staff.byBand.map((b) => `${b.label}: ${b.headcount}`));

// Monthly figures share one shape: `months` is the x axis, each series has a point per month.
const turnover = await esr.analytics.turnover({ months: 12 });
const rate = turnover.series.find((s) => s.key === 'turnover_rate');
for (const p of rate?.points ?? []) console.log(p.month, p.value, `${p.numerator} ÷ ${p.denominator}`);

// Diversity: counts below the threshold (5) come back as null, and so does any figure that would reveal one.
const ethnicity = await esr.analytics.diversity('ethnicity', { by: 'band' });
for (const row of ethnicity.rows) console.log(row.label, row.counts.map((n) => n ?? 'withheld'), row.total);
// #endregion
