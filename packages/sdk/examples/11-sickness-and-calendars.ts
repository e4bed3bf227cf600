// README example: "Leave and absence". Typechecked with the package; keep the region identical to the
// README block (test/readme-examples.test.ts). Above it, only what the example assumes.
import type { EsrClient } from '@esr/sdk';
declare const esr: EsrClient;

// #region readme
// Record a spell of sickness (open-ended until the return to work), then close it with If-Match.
const episode = await esr.absence.sickness.record('me', { startDate: '2026-11-02', reasonLevel1: 'S12' });
const closed = await esr.absence.sickness.update('me', episode.id, { endDate: '2026-11-06' }); // sends the ETag from record
console.log(closed.id, closed.endDate);

const pay = await esr.absence.sickPay(); // AfC 14.2: full and half pay by service
console.log(pay.remaining.fullPayDays, pay.remaining.halfPayDays);
const bradford = await esr.absence.bradfordFactor('me');
console.log(bradford.spells, bradford.days, bradford.score); // spells² × days over 52 weeks

// Who is off when in my team, and the bank holidays to plan around.
const calendar = await esr.me.teamCalendar({ from: '2026-12-01', to: '2026-12-31' });
const holidays = await esr.calendars.bankHolidays({ year: 2026, division: 'england-and-wales' });
console.log(calendar.people.length, holidays.holidays.map((h) => `${h.date} ${h.name}`));
// #endregion
