// The SDK against the real reference server, in process: real routes, validation, auth and a seeded
// PGlite database. No network: the SDK's `fetch` hands each request straight to the Hono app.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, createDemoIssuer, openDatabase, seedDatabase } from '../../reference-server/src/index.ts';
import type { Database } from '../../reference-server/src/index.ts';
import { AuthenticationError, ConflictError, NotFoundError, PermissionError, PreconditionError, ValidationError, createEsrClient } from '../src/index.ts';
import type { DemoPerson, DemoRole, EsrClient, NameChangeRequest, Payslip, PayrollRun, PayslipSummary } from '../src/index.ts';
import { rejection } from './helpers.ts';

const baseUrl = 'http://esr.test';

let database: Database;
let fetchToApp: typeof fetch;
let client: EsrClient;
let employeeId: string;

function clientFor(token: string | undefined): EsrClient {
  return createEsrClient({ baseUrl, token, fetch: fetchToApp, retry: 0 });
}

before(async () => {
  database = await openDatabase({});
  await seedDatabase(database, { staff: 80, organisations: 1, asOf: '2026-11-25' });
  const demo = await createDemoIssuer();
  // Small, slowed batches so a payroll run's progress can be watched (80 staff: 8 batches).
  const payrollRuns = { batchSize: 10, onBatch: async ({ phase }: { phase: string }) => { if (phase === 'committed') await new Promise((resolve) => setTimeout(resolve, 25)); } };
  const app = createApp({ database, verifier: demo, demo, payrollRuns });
  fetchToApp = async (input, init) => app.fetch(new Request(input, init));

  const anonymous = clientFor(undefined);
  const people = await anonymous.demo.people({ role: 'employee' });
  assert.ok(people.length > 0, 'the seed has employees to sign in as');
  const person = people[0]!;
  const signedIn = await anonymous.demo.signIn(person.employeeId);
  assert.equal(signedIn.employeeId, person.employeeId);
  assert.match(signedIn.token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
  employeeId = person.employeeId;
  client = clientFor(signedIn.token);
});

after(async () => {
  await database?.close();
});

describe('against the reference server (PGlite)', () => {
  test('latest() is the newest payslip of list(), and belongs to the signed-in employee', async () => {
    const latest = await client.payslips.latest();
    assert.ok(latest, 'a seeded employee has payslips');
    const first = await client.payslips.list({ limit: 1 });
    assert.equal(latest.id, first.data[0]?.id);
    assert.equal(latest.employee.id, employeeId);
    assert.equal(latest.totals.netPence, latest.totals.grossPence - latest.totals.deductionsPence);
    assert.ok(latest.payDate <= '2026-11-25');
  });

  test('list() summaries add up, and come newest first', async () => {
    const page = await client.payslips.list({ limit: 100 });
    assert.ok(page.data.length > 1);
    assert.equal(page.hasMore, false);
    for (const summary of page.data) {
      assert.ok(Number.isInteger(summary.totals.netPence));
      assert.equal(summary.totals.netPence, summary.totals.grossPence - summary.totals.deductionsPence, summary.id);
    }
    const dates = page.data.map((s) => s.payDate);
    assert.deepEqual(dates, [...dates].sort().reverse());
  });

  test('iterating all pages with limit 5 yields the same ids as one big page', async () => {
    const big = await client.payslips.list({ limit: 100 });
    const small = await client.payslips.list({ limit: 5 });
    assert.equal(small.data.length, 5);
    assert.equal(small.hasMore, true);
    const ids: string[] = [];
    for await (const summary of small) ids.push(summary.id);
    assert.deepEqual(ids, big.data.map((s) => s.id));
    assert.equal(new Set(ids).size, ids.length, 'no duplicates across page boundaries');
  });

  test('toArray({ limit }) and each() work across real cursors', async () => {
    const big = await client.payslips.list({ limit: 100 });
    const page = await client.payslips.list({ limit: 3 });
    const seven = await page.toArray({ limit: 7 });
    assert.deepEqual(seven.map((s) => s.id), big.data.slice(0, 7).map((s) => s.id));
    const visited: PayslipSummary[] = [];
    await page.each((s) => {
      visited.push(s);
      return visited.length < 4;
    });
    assert.equal(visited.length, 4);
  });

  test('get(id) round-trips every field of a listed payslip', async () => {
    const [summary] = (await client.payslips.list({ limit: 3 })).data.slice(2);
    assert.ok(summary);
    const payslip = await client.payslips.get(summary.id);
    assert.equal(payslip.id, summary.id);
    assert.equal(payslip.payDate, summary.payDate);
    assert.equal(payslip.taxYear, summary.taxYear);
    assert.deepEqual(payslip.period, summary.period);
    assert.deepEqual(payslip.totals, summary.totals);
    const sum = (lines: { amountPence: number }[]) => lines.reduce((total, line) => total + line.amountPence, 0);
    assert.equal(sum(payslip.payments), payslip.totals.grossPence);
    assert.equal(sum(payslip.deductions), payslip.totals.deductionsPence);
  });

  test('an invalid token gives AuthenticationError', async () => {
    const error = await rejection(clientFor('not.a-real.token').payslips.latest());
    assert.ok(error instanceof AuthenticationError, `got ${String(error)}`);
    assert.equal(error.status, 401);
    assert.equal(error.code, 'unauthenticated');
    assert.ok(error.requestId, 'the server gives a request id');
    assert.equal(error.request?.headers['authorization'], '[redacted]');
  });

  test('no token gives AuthenticationError', async () => {
    const error = await rejection(clientFor(undefined).payslips.list());
    assert.ok(error instanceof AuthenticationError);
  });

  test('a bad cursor gives ValidationError whose param is query.cursor', async () => {
    const error = await rejection(client.payslips.list({ cursor: 'not-a-cursor' }));
    assert.ok(error instanceof ValidationError, `got ${String(error)}`);
    assert.equal(error.status, 400);
    assert.equal(error.code, 'validation_failed');
    assert.equal(error.param, 'query.cursor');
    assert.equal(error.issues[0]?.code, 'invalid_cursor');
  });

  test('limit=1000 gives ValidationError naming query.limit', async () => {
    const error = await rejection(client.payslips.list({ limit: 1000 }));
    assert.ok(error instanceof ValidationError, `got ${String(error)}`);
    assert.equal(error.param, 'query.limit');
    assert.ok(error.issues.some((issue) => issue.path === 'query.limit'));
    assert.match(error.detail ?? '', /query\.limit/);
  });

  test('an unknown id gives NotFoundError', async () => {
    const error = await rejection(client.payslips.get('pay_doesnotexist'));
    assert.ok(error instanceof NotFoundError, `got ${String(error)}`);
    assert.equal(error.status, 404);
    assert.equal(error.code, 'not_found');
    assert.match(error.detail ?? '', /pay_doesnotexist/);
    assert.ok(error.requestId);
  });

  test('another employee\'s payslip is NotFoundError too', async () => {
    const people = await clientFor(undefined).demo.people({ role: 'employee', limit: 2 });
    const other = people.find((p) => p.employeeId !== employeeId);
    assert.ok(other);
    const { token } = await clientFor(undefined).demo.signIn(other.employeeId);
    const theirs = await clientFor(token).payslips.latest();
    assert.ok(theirs);
    const error = await rejection(client.payslips.get(theirs.id));
    assert.ok(error instanceof NotFoundError);
  });

  test('a malformed id gives ValidationError naming the path parameter', async () => {
    const error = await rejection(client.payslips.get('not-a-payslip-id'));
    assert.ok(error instanceof ValidationError, `got ${String(error)}`);
    assert.equal(error.param, 'param.payslipId');
  });

  test('demo sign-in for an unknown employee gives NotFoundError', async () => {
    const error = await rejection(clientFor(undefined).demo.signIn('emp_nobody'));
    assert.ok(error instanceof NotFoundError);
  });
});

/** A client signed in as a seeded person with this role (the nth one, so tests can keep to their own records). */
async function signedIn(role: DemoRole, nth = 0): Promise<{ person: DemoPerson; esr: EsrClient }> {
  const anonymous = clientFor(undefined);
  const person = (await anonymous.demo.people({ role, limit: nth + 1 }))[nth];
  assert.ok(person, `the seed has a ${role} #${nth}`);
  const { token } = await anonymous.demo.signIn(person.employeeId);
  return { person, esr: clientFor(token) };
}

describe('people, against the reference server (PGlite)', () => {
  test('me.get() and people.get() describe the signed-in person; "me" and the id are the same profile', async () => {
    const me = await client.me.get();
    assert.equal(me.profile.id, employeeId);
    assert.deepEqual(me.roles, ['employee']);
    assert.deepEqual(await client.people.get(), me.profile);
    assert.deepEqual(await client.people.get(employeeId), me.profile);
    assert.match(me.profile.organisation.id, /^org_/);
  });

  test('me.team(): direct reports by default; scope all pages through everyone below, each profile visible to the manager', async () => {
    const { person, esr } = await signedIn('manager');
    const me = await esr.me.get();
    assert.ok(me.roles.includes('manager'));
    const direct = await (await esr.me.team({ limit: 100 })).toArray();
    assert.ok(direct.length > 0);
    for (const member of direct) {
      assert.equal(member.level, 1);
      assert.equal(member.supervisorId, person.employeeId);
    }
    const big = await esr.me.team({ scope: 'all', limit: 100 });
    const small = await esr.me.team({ scope: 'all', limit: 7 });
    const ids: string[] = [];
    for await (const member of small) ids.push(member.id);
    assert.deepEqual(ids, (await big.toArray()).map((m) => m.id));
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.length >= direct.length);
    const deepest = (await big.toArray()).at(-1)!;
    const profile = await esr.people.get(deepest.id);
    assert.equal(profile.id, deepest.id);
    // A line manager sees the profile, not the personal details.
    assert.ok((await rejection(esr.people.personalDetails(deepest.id))) instanceof PermissionError);
    // An employee with no reports has an empty team.
    const none = await client.me.team();
    assert.deepEqual([none.data, none.hasMore, none.nextCursor], [[], false, null]);
  });

  test('personal details: read, update with the automatic If-Match, update again without re-reading', async () => {
    const { person, esr } = await signedIn('employee', 1);
    const read = await esr.people.personalDetails();
    assert.equal(read.employeeId, person.employeeId);
    assert.equal(esr.etagOf(read), `"v${read.version}"`);

    const first = await esr.people.updatePersonalDetails('me', { phones: { mobile: '07700 900111' } });
    assert.equal(first.version, read.version + 1);
    assert.equal(first.phones.mobile, '07700 900111');
    assert.equal(esr.etagOf(first), `"v${first.version}"`);

    const second = await esr.people.updatePersonalDetails('me', {
      addresses: { postal: { line1: 'Flat 2', line2: '9 Westgate Street', town: 'Gloucester', postcode: 'gl12nw' } },
    });
    assert.equal(second.version, first.version + 1);
    assert.deepEqual(second.addresses.postal, { line1: 'Flat 2', line2: '9 Westgate Street', town: 'Gloucester', county: null, postcode: 'GL1 2NW', country: 'United Kingdom' });
    assert.deepEqual(await esr.people.personalDetails(), second);
  });

  test('a concurrent change (HR admin) makes the employee\'s next update a PreconditionError, until they read again', async () => {
    const { person, esr } = await signedIn('employee', 2);
    const { esr: hr } = await signedIn('hr_admin');
    await esr.people.personalDetails();
    await hr.people.personalDetails(person.employeeId);
    await hr.people.updatePersonalDetails(person.employeeId, { phones: { work: '01632 960999' } });

    const error = await rejection(esr.people.updatePersonalDetails('me', { phones: { mobile: '07700 900222' } }));
    assert.ok(error instanceof PreconditionError, `got ${String(error)}`);
    assert.equal(error.status, 412);
    assert.equal(error.code, 'precondition_failed');
    assert.ok(error.requestId);

    const fresh = await esr.people.personalDetails();
    assert.equal(fresh.phones.work, '01632 960999', 'the HR change was not overwritten');
    const saved = await esr.people.updatePersonalDetails('me', { phones: { mobile: '07700 900222' } });
    assert.deepEqual([saved.phones.work, saved.phones.mobile], ['01632 960999', '07700 900222']);
  });

  test('an update with no ETag known is a PreconditionError (428); an unknown field is a ValidationError', async () => {
    const { esr } = await signedIn('employee', 3);
    const missing = await rejection(esr.people.updatePersonalDetails('me', { preferredName: 'Jo' }));
    assert.ok(missing instanceof PreconditionError, `got ${String(missing)}`);
    assert.equal(missing.status, 428);
    assert.equal(missing.code, 'precondition_required');
    await esr.people.personalDetails();
    const unknown = await rejection(esr.people.updatePersonalDetails('me', { nickname: 'Jo' } as never));
    assert.ok(unknown instanceof ValidationError, `got ${String(unknown)}`);
    assert.equal(unknown.param, 'json.nickname');
  });

  test('requestNameChange is replay-safe: the same key twice is one request; another body under it is refused', async () => {
    const { person, esr } = await signedIn('employee', 4);
    const change: NameChangeRequest = { firstName: person.name.split(' ')[0]!, lastName: 'Okonkwo', reason: 'marriage' };
    const key = `nc-${person.employeeId}-1`;
    const first = await esr.people.requestNameChange('me', change, { idempotencyKey: key });
    const again = await esr.people.requestNameChange('me', change, { idempotencyKey: key });
    assert.equal(again.id, first.id);
    assert.deepEqual(again, first);
    assert.match(first.id, /^apr_/);
    assert.equal(first.status, 'pending');
    assert.equal(first.subjectEmployeeId, person.employeeId);

    const other = await rejection(esr.people.requestNameChange('me', { ...change, lastName: 'Adeyemi' }, { idempotencyKey: key }));
    assert.ok(other instanceof ValidationError, `got ${String(other)}`);
    assert.equal(other.status, 422);
    assert.equal(other.code, 'idempotency_key_reused');

    const automatic = await esr.people.requestNameChange('me', change);
    assert.notEqual(automatic.id, first.id, 'without a key of yours, each call is a new request');
  });

  test('bank details: masked on read, unmasked only in the replace response, masked again after', async () => {
    const { person, esr } = await signedIn('employee', 5);
    const before = await esr.people.bankDetails();
    assert.equal(before.masked, true);
    assert.match(before.accountNumber, /^\*{4}\d{4}$/);
    assert.match(before.sortCode, /^\*\*-\*\*-\d{2}$/);

    const replaced = await esr.people.replaceBankDetails('me', { accountName: 'NEW ACCOUNT', sortCode: '40-47-84', accountNumber: '70872490' });
    assert.deepEqual(replaced, { accountName: 'NEW ACCOUNT', sortCode: '404784', accountNumber: '70872490', masked: false });

    const after = await esr.people.bankDetails();
    assert.deepEqual(after, { accountName: 'NEW ACCOUNT', sortCode: '**-**-84', accountNumber: '****2490', masked: true });

    // HR may read them (masked, and the read is audited) but never change them.
    const { esr: hr } = await signedIn('hr_admin');
    assert.deepEqual(await hr.people.bankDetails(person.employeeId), after);
    const refused = await rejection(hr.people.replaceBankDetails(person.employeeId, { accountName: 'X', sortCode: '000000', accountNumber: '00000000' }));
    assert.ok(refused instanceof PermissionError, `got ${String(refused)}`);
  });

  test('equality and diversity: declare, read back; nobody else may read it', async () => {
    const { person, esr } = await signedIn('employee', 6);
    const declaration = { ethnicity: 'Z', sex: 'prefer_not_to_say', disability: 'no', religion: 'other', sexualOrientation: 'prefer_not_to_say' } as const;
    const declared = await esr.people.declareEqualityDiversity('me', declaration);
    assert.deepEqual({ ...declared, declaredAt: undefined }, { ...declaration, declaredAt: undefined });
    assert.ok(!Number.isNaN(Date.parse(declared.declaredAt)));
    assert.deepEqual(await esr.people.equalityDiversity(), declared);
    const { esr: hr } = await signedIn('hr_admin');
    assert.ok((await rejection(hr.people.equalityDiversity(person.employeeId))) instanceof PermissionError);
  });

  test('audit.list as an HR admin: filters and real cursors; PermissionError for anyone else', async () => {
    const { person, esr } = await signedIn('employee', 7);
    await esr.people.personalDetails();
    await esr.people.updatePersonalDetails('me', { preferredName: 'Sam' });
    await esr.people.updatePersonalDetails('me', { phones: { home: '01632 960777' } });
    await esr.people.requestNameChange('me', { firstName: 'Sam', lastName: 'Taylor', reason: 'deed_poll' });
    const { person: admin, esr: hr } = await signedIn('hr_admin');
    await hr.people.bankDetails(person.employeeId);

    const events = await (await hr.audit.list({ subjectEmployeeId: person.employeeId, limit: 100 })).toArray();
    assert.deepEqual(
      events.map((e) => `${e.action} ${e.resource} by ${e.actorEmployeeId === admin.employeeId ? 'hr' : e.actorEmployeeId === person.employeeId ? 'self' : e.actorEmployeeId}`),
      ['read bank_details by hr', 'request name_change by self', 'update personal_details by self', 'update personal_details by self'],
    );
    assert.deepEqual(events[2]?.changes, { 'phones.home': { to: '[changed]' } });
    for (const event of events) assert.ok(event.occurredAt.endsWith('Z'));

    const page = await hr.audit.list({ subjectEmployeeId: person.employeeId, action: 'update', limit: 1, from: new Date(Date.now() - 3_600_000) });
    assert.equal(page.data.length, 1);
    assert.equal(page.hasMore, true);
    const updates = [];
    for await (const event of page) updates.push(event.id);
    assert.deepEqual(updates, events.filter((e) => e.action === 'update').map((e) => e.id));

    const later = await hr.audit.list({ subjectEmployeeId: person.employeeId, from: new Date(Date.now() + 3_600_000) });
    assert.deepEqual(later.data, []);
    const badFrom = await rejection(hr.audit.list({ from: 'yesterday' }));
    assert.ok(badFrom instanceof ValidationError);
    assert.equal(badFrom.param, 'query.from');

    const refused = await rejection(esr.audit.list());
    assert.ok(refused instanceof PermissionError, `got ${String(refused)}`);
    assert.equal(refused.status, 403);
  });
});

describe('payroll, against the reference server (PGlite)', () => {
  const startsWithPdfMagic = async (blob: Blob) => new TextDecoder().decode(new Uint8Array(await blob.arrayBuffer()).slice(0, 5)) === '%PDF-';
  const sum = (lines: { code: string; amountPence: number }[], code: string) => lines.filter((l) => l.code === code).reduce((t, l) => t + l.amountPence, 0);

  test('payroll.calculate: 1257L, month 1 of 2026-27, £1,156.25 → £21.40 tax, every figure explained', async () => {
    const result = await client.payroll.calculate({ taxYear: '2026-27', frequency: 'monthly', period: 1, taxCode: '1257L', grossPayPence: 115_625, niCategory: 'A' });
    assert.equal(result.taxPence, 2140);
    assert.equal(result.taxToDatePence, 2140);
    assert.equal(result.basis, 'cumulative');
    assert.equal(result.jurisdiction, 'rest_of_uk');
    assert.equal(result.netPayPence, result.grossPayPence - result.taxPence - result.employeeNiPence - result.pensionMemberPence - result.studentLoanPence - result.postgraduateLoanPence);
    const paye = result.lines.find((line) => line.code === 'PAYE');
    assert.ok(paye, 'a PAYE line');
    assert.equal(paye.amountPence, 2140);
    assert.equal(paye.kind, 'deduction');
    assert.match(paye.explanation, /1257L/);
    for (const line of result.lines) assert.ok(line.explanation.length > 0, `${line.code} is explained`);
  });

  test('payroll.calculate: an input the engine refuses is a ValidationError naming the field', async () => {
    const error = await rejection(client.payroll.calculate({ taxYear: '2026-27', frequency: 'monthly', period: 13, taxCode: '1257L', grossPayPence: 100_000, niCategory: 'A' }));
    assert.ok(error instanceof ValidationError, `got ${String(error)}`);
    assert.equal(error.param, 'json.period');
  });

  test('payslips.pdf: a real PDF, byte for byte, named by pay date; Welsh too', async () => {
    const latest = await client.payslips.latest();
    assert.ok(latest);
    const { blob, filename } = await client.payslips.pdf(latest.id);
    assert.equal(blob.type, 'application/pdf');
    assert.ok(await startsWithPdfMagic(blob), 'starts with %PDF-');
    assert.ok(blob.size > 1000);
    assert.equal(filename, `payslip-${latest.payDate}.pdf`);
    const welsh = await client.payslips.pdf(latest.id, { lang: 'cy' });
    assert.ok(await startsWithPdfMagic(welsh.blob));
    const missing = await rejection(client.payslips.pdf('pay_doesnotexist'));
    assert.ok(missing instanceof NotFoundError, `got ${String(missing)}`);
    assert.equal(missing.code, 'not_found');
    const badLang = await rejection(client.payslips.pdf(latest.id, { lang: 'fr' as never }));
    assert.ok(badLang instanceof ValidationError);
    assert.equal(badLang.param, 'query.lang');
  });

  test('P60 2025-26 adds up the year\'s payslips: tax, pay and count; its PDF is a PDF', async () => {
    const years = await (await client.p60s.list()).toArray();
    assert.ok(years.some((y) => y.taxYear === '2025-26'), `P60 years: ${years.map((y) => y.taxYear).join(', ')}`);
    assert.ok(!years.some((y) => y.taxYear === '2026-27'), 'the current tax year has no P60 yet');

    const summaries = (await (await client.payslips.list({ limit: 100 })).toArray()).filter((s) => s.taxYear === '2025-26');
    const payslips: Payslip[] = [];
    for (const summary of summaries) payslips.push(await client.payslips.get(summary.id));
    const p60 = await client.p60s.get('2025-26');
    assert.equal(p60.payslipCount, payslips.length);
    assert.equal(p60.taxInThisEmploymentPence, payslips.reduce((t, p) => t + sum(p.deductions, 'PAYE'), 0));
    assert.equal(p60.grossPayPence, payslips.reduce((t, p) => t + p.totals.grossPence, 0));
    const last = payslips.reduce((a, b) => (a.payDate > b.payDate ? a : b));
    assert.equal(p60.taxInThisEmploymentPence, last.yearToDate.taxPence, 'and the last payslip\'s tax to date');
    assert.equal(p60.employee.id, employeeId);
    assert.equal(p60.lastPayDate, last.payDate);

    const { blob, filename } = await client.p60s.pdf('2025-26');
    assert.ok(await startsWithPdfMagic(blob));
    assert.equal(filename, 'p60-2025-26.pdf');

    for (const call of [() => client.p60s.get('2026-27'), () => client.p60s.pdf('2026-27')]) {
      const notYet = await rejection(call());
      assert.ok(notYet instanceof NotFoundError, `got ${String(notYet)}`);
    }
    const malformed = await rejection(client.p60s.get('2025-27'));
    assert.ok(malformed instanceof ValidationError);
    assert.equal(malformed.param, 'param.taxYear');
  });

  test('a payroll admin reads another person\'s payslips, payslip and PDF; the reads are audited', async () => {
    const { esr: payroll } = await signedIn('payroll_admin');
    const mine = await (await client.payslips.list({ limit: 100 })).toArray();
    const theirs = await (await payroll.people.payslips(employeeId, { limit: 5 })).toArray();
    assert.deepEqual(theirs.map((s) => s.id), mine.map((s) => s.id));
    const payslip = await payroll.people.payslip(employeeId, mine[0]!.id);
    assert.deepEqual(payslip, await client.payslips.get(mine[0]!.id));
    const { blob, filename } = await payroll.people.payslipPdf(employeeId, mine[0]!.id);
    assert.ok(await startsWithPdfMagic(blob));
    assert.equal(filename, `payslip-${payslip.payDate}.pdf`);
    // Yourself through the people route too.
    assert.deepEqual((await client.people.payslips('me', { limit: 100 })).data.map((s) => s.id), mine.map((s) => s.id));

    const { esr: hr } = await signedIn('hr_admin');
    const events = await (await hr.audit.list({ subjectEmployeeId: employeeId, limit: 100 })).toArray();
    assert.deepEqual(
      ['payslips', 'payslip', 'payslip_pdf'].filter((resource) => events.some((e) => e.action === 'read' && e.resource === resource)),
      ['payslips', 'payslip', 'payslip_pdf'],
    );
  });

  test('a line manager gets PermissionError for a report\'s payslips (list, payslip, PDF), NotFoundError outside their line; so does HR without payroll', async () => {
    const { person: manager, esr } = await signedIn('manager', 1);
    assert.ok(!manager.roles.includes('payroll_admin'));
    const team = await (await esr.me.team({ scope: 'all', limit: 100 })).toArray();
    const report = team[0];
    assert.ok(report, 'the manager has a report');
    // The report's own id for a real payslip id.
    const reportToken = (await clientFor(undefined).demo.signIn(report.id)).token;
    const reportPayslip = await clientFor(reportToken).payslips.latest();
    assert.ok(reportPayslip);

    for (const call of [
      () => esr.people.payslips(report.id),
      () => esr.people.payslip(report.id, reportPayslip.id),
      () => esr.people.payslipPdf(report.id, reportPayslip.id),
    ]) {
      const error = await rejection(call());
      assert.ok(error instanceof PermissionError, `got ${String(error)}`);
      assert.equal(error.status, 403);
    }

    const inLine = new Set([manager.employeeId, ...team.map((m) => m.id)]);
    const outsider = (await clientFor(undefined).demo.people({ role: 'employee' })).find((p) => !inLine.has(p.employeeId));
    assert.ok(outsider, 'someone outside the manager\'s line');
    const hidden = await rejection(esr.people.payslipPdf(outsider.employeeId, reportPayslip.id));
    assert.ok(hidden instanceof NotFoundError, `got ${String(hidden)}`);

    const { person: hrPerson, esr: hr } = await signedIn('hr_admin', 1);
    assert.ok(!hrPerson.roles.includes('payroll_admin'));
    assert.ok((await rejection(hr.people.payslips(report.id))) instanceof PermissionError);
  });
});

// Last: finalising a run releases new payslips to everyone, which would change what earlier tests read.
describe('payroll runs, against the reference server (PGlite)', () => {
  test('start → waitFor (progress) → rollback → start again → finalise once; the payslips then reach employees', async () => {
    const { esr: payroll } = await signedIn('payroll_admin');
    const period = { taxYear: '2026-27', periodNumber: 9, payDate: '2026-12-23' } as const;

    const started = await payroll.payroll.runs.start(period);
    assert.equal(started.status, 'running');
    assert.match(started.id, /^prn_/);
    const reports: PayrollRun[] = [];
    const done = await payroll.payroll.runs.waitFor(started.id, { interval: 20, onProgress: (run) => void reports.push(run) });
    assert.equal(done.status, 'completed', done.error ?? '');
    assert.equal(done.progress.processed, done.progress.total);
    assert.equal(done.progress.percent, 100);
    assert.ok(done.progress.payslipsWritten > 0);
    assert.deepEqual(reports.at(-1), done);
    assert.ok(reports.some((run) => run.status === 'running'), 'progress was reported while it ran');
    const processed = reports.map((run) => run.progress.processed);
    assert.deepEqual(processed, [...processed].sort((a, b) => a - b), 'progress only goes forward');

    const again = await rejection(payroll.payroll.runs.start(period));
    assert.ok(again instanceof ConflictError, `got ${String(again)}`);
    assert.equal(again.code, 'payroll_run_exists');

    const rolledBack = await payroll.payroll.runs.rollback(started.id);
    assert.equal(rolledBack.status, 'rolled_back');
    assert.equal(rolledBack.payslipsDeleted, done.progress.payslipsWritten);
    const twice = await rejection(payroll.payroll.runs.rollback(started.id));
    assert.ok(twice instanceof ConflictError);
    assert.equal(twice.code, 'payroll_run_state_conflict');

    const rerun = await payroll.payroll.runs.start(period);
    assert.notEqual(rerun.id, started.id);
    assert.equal((await payroll.payroll.runs.waitFor(rerun.id, { interval: 20 })).status, 'completed');
    assert.notEqual((await client.payslips.latest())?.payDate, period.payDate, 'not visible before it is finalised');
    const finalised = await payroll.payroll.runs.finalise(rerun.id);
    assert.equal(finalised.status, 'finalised');
    assert.ok(finalised.finalisedAt);
    assert.ok((await rejection(payroll.payroll.runs.finalise(rerun.id))) instanceof ConflictError);
    assert.equal((await client.payslips.latest())?.payDate, period.payDate, 'the finalised run\'s payslip is the employee\'s latest');

    const runs = await (await payroll.payroll.runs.list({ limit: 1 })).toArray();
    assert.deepEqual(runs.map((run) => [run.id, run.status]), [[rerun.id, 'finalised'], [started.id, 'rolled_back']]);
    assert.deepEqual((await payroll.payroll.runs.list({ status: 'rolled_back' })).data.map((run) => run.id), [started.id]);
  });

  test('anyone but a payroll admin gets PermissionError', async () => {
    for (const call of [() => client.payroll.runs.list(), () => client.payroll.runs.start({ taxYear: '2026-27', periodNumber: 10, payDate: '2027-01-29' })]) {
      const error = await rejection(call());
      assert.ok(error instanceof PermissionError, `got ${String(error)}`);
    }
  });
});

describe('approvals and events, against the reference server (PGlite)', () => {
  test('a name change goes to the line manager\'s inbox, then HR; once approved the profile has the new name; a second approval is a ConflictError; the feed lists it', async () => {
    // A manager (one the people tests do not use) and one of their direct reports.
    const { person: managerPerson, esr: manager } = await signedIn('manager', 3);
    const [report] = (await manager.me.team({ limit: 1 })).data;
    assert.ok(report, 'the manager has a direct report');
    const { token } = await clientFor(undefined).demo.signIn(report.id);
    const employee = clientFor(token);

    const change: NameChangeRequest = { firstName: 'Ngozi', lastName: 'Adebayo-Whitfield', reason: 'marriage' };
    const requested = await employee.people.requestNameChange('me', change);
    assert.equal(requested.status, 'pending');

    // The requester sees it in `mine`; the line manager in `pending`, with the type filter.
    const mine = await (await employee.approvals.list({ box: 'mine', limit: 100 })).toArray();
    assert.ok(mine.some((a) => a.id === requested.id), 'the requester\'s own box');
    const inbox = await (await manager.approvals.list({ box: 'pending', type: 'personal_details.name_change', limit: 100 })).toArray();
    const item = inbox.find((a) => a.id === requested.id);
    assert.ok(item, 'in the line manager\'s pending inbox');
    assert.equal(item.subject.id, report.id);
    assert.equal(item.currentStep?.kind, 'line_manager');
    assert.equal(item.currentStep?.approver?.id, managerPerson.employeeId);
    assert.deepEqual(item.route, ['line_manager', 'hr']);

    // Without reading it first, the SDK refuses to decide (no ETag known); after get, it sends If-Match.
    const unread = await rejection(manager.approvals.approve(requested.id));
    assert.ok(unread instanceof PreconditionError && unread.code === 'etag_unknown', `got ${String(unread)}`);
    const detail = await manager.approvals.get(requested.id);
    assert.ok(manager.etagOf(detail), 'get gives an ETag');
    assert.ok(detail.yourActions.includes('approve'));
    assert.deepEqual((detail.context as { requestedName?: unknown }).requestedName, { title: null, firstName: 'Ngozi', lastName: 'Adebayo-Whitfield' });
    const advanced = await manager.approvals.approve(requested.id, { comment: 'Congratulations' });
    assert.equal(advanced.outcome, 'advanced');
    assert.equal(advanced.status, 'pending');
    assert.equal(advanced.currentStep?.kind, 'hr');
    assert.notEqual(manager.etagOf(advanced), manager.etagOf(detail), 'a new version');
    assert.notEqual((await employee.people.get()).name.lastName, 'Adebayo-Whitfield', 'unchanged until the last step');

    // The manager cannot approve again: the request has moved on to the HR step.
    const again = await rejection(manager.approvals.approve(requested.id));
    assert.ok(again instanceof PermissionError, `got ${String(again)}`);

    // The HR step.
    const { esr: hr } = await signedIn('hr_admin');
    const hrInbox = await (await hr.approvals.list({ type: 'personal_details.name_change', limit: 100 })).toArray();
    assert.ok(hrInbox.some((a) => a.id === requested.id), 'in the HR pool\'s inbox');
    await hr.approvals.get(requested.id);
    const approved = await hr.approvals.approve(requested.id);
    assert.equal(approved.outcome, 'approved');
    assert.equal(approved.status, 'approved');

    const profile = await employee.people.get();
    assert.equal(profile.name.firstName, 'Ngozi');
    assert.equal(profile.name.lastName, 'Adebayo-Whitfield');

    // Deciding again, even with the current ETag: already decided.
    const twice = await rejection(hr.approvals.approve(requested.id));
    assert.ok(twice instanceof ConflictError, `got ${String(twice)}`);
    assert.equal(twice.code, 'already_decided');
    const decided = await (await hr.approvals.list({ box: 'decided', limit: 100 })).toArray();
    assert.ok(decided.some((a) => a.id === requested.id && a.status === 'approved'));

    // The feed: the employee sees their request's events, oldest first, and a cursor to poll from.
    const feed = await (await employee.events.list({ limit: 100 })).toArray();
    const types = feed.filter((e) => e.resourceId === requested.id).map((e) => e.type);
    assert.deepEqual(types.filter((t) => t === 'approval.submitted' || t === 'approval.approved'), ['approval.submitted', 'approval.approved']);
    const first = await employee.events.list({ limit: 100 });
    assert.equal(first.hasMore, false);
    assert.ok(first.nextCursor, 'a cursor even on the last page');
    const nothingNew = await employee.events.list({ cursor: first.nextCursor });
    assert.deepEqual(nothingNew.data, []);

    // poll() from the start yields the same events, then waits; aborting ends it.
    const controller = new AbortController();
    const polled: string[] = [];
    for await (const event of employee.events.poll({ interval: 10, signal: controller.signal })) {
      polled.push(event.id);
      if (polled.length === feed.length) controller.abort();
    }
    assert.deepEqual(polled, feed.map((e) => e.id));

    // from 'latest': an empty first page positioned after the newest event, then only what comes next.
    const now = await employee.events.list({ from: 'latest' });
    assert.deepEqual(now.data, []);
    assert.equal(now.hasMore, false);
    assert.deepEqual((await employee.events.list({ cursor: now.nextCursor! })).data, []);
    const follow = new AbortController();
    const followed: string[] = [];
    const following = (async () => {
      for await (const event of employee.events.poll({ from: 'latest', interval: 10, signal: follow.signal })) {
        followed.push(event.type);
        follow.abort();
      }
    })();
    await new Promise((r) => setTimeout(r, 50)); // the poll has taken its starting position
    const later = await employee.people.requestNameChange('me', { ...change, lastName: 'Whitfield' });
    await following;
    assert.deepEqual(followed, ['approval.submitted'], `backlog replayed or change missed (request ${later.id})`);
  });

  test('delegation: set a stand-in, read it back, clear it', async () => {
    const { esr: manager } = await signedIn('manager', 4);
    const { person: hrPerson } = await signedIn('hr_admin');
    assert.equal(await manager.me.delegation.get(), null);
    const set = await manager.me.delegation.set({ delegateEmployeeId: hrPerson.employeeId, startsOn: '2026-11-20', endsOn: '2026-12-31' });
    assert.equal(set.delegateEmployeeId, hrPerson.employeeId);
    assert.equal(set.startsOn, '2026-11-20');
    assert.deepEqual(await manager.me.delegation.get(), set);
    await manager.me.delegation.clear();
    assert.equal(await manager.me.delegation.get(), null);
  });
});

describe('leave, against the reference server (PGlite)', () => {
  test('an employee books a day of annual leave (reserved from the balance); the line manager approves it; it reads approved', async () => {
    const { esr: manager } = await signedIn('manager', 5);
    const [report] = (await manager.me.team({ limit: 1 })).data;
    assert.ok(report, 'the manager has a direct report');
    const employee = clientFor((await clientFor(undefined).demo.signIn(report.id)).token);

    // A Tuesday at least three weeks away (plenty of notice) that is not a bank holiday.
    const day = new Date();
    day.setUTCDate(day.getUTCDate() + 21);
    const holidays = new Set<string>();
    for (const year of [day.getUTCFullYear(), day.getUTCFullYear() + 1]) {
      for (const h of (await employee.calendars.bankHolidays({ year })).holidays) holidays.add(h.date);
    }
    while (day.getUTCDay() !== 2 || holidays.has(day.toISOString().slice(0, 10))) day.setUTCDate(day.getUTCDate() + 1);
    const date = day.toISOString().slice(0, 10);

    const annual = async () => (await employee.leave.balances('me', { on: date })).balances.find((b) => b.kind === 'annual')!;
    const before = await annual();

    const draft = await employee.leave.requests.create('me', { type: 'annual', startDate: date, submit: false });
    assert.equal(draft.status, 'draft');
    assert.ok(employee.etagOf(draft));
    const submitted = await employee.leave.requests.submit('me', draft.id);
    assert.equal(submitted.status, 'pending');
    assert.ok(submitted.minutes > 0);
    assert.ok(submitted.approvalRequestId, 'submitting opens an approval request');

    const reserved = await annual();
    assert.equal(reserved.pendingMinutes, before.pendingMinutes + submitted.minutes);
    assert.equal(reserved.availableMinutes, before.availableMinutes - submitted.minutes);

    const detail = await manager.approvals.get(submitted.approvalRequestId);
    assert.equal(detail.status, 'pending');
    const decided = await manager.approvals.approve(submitted.approvalRequestId);
    assert.equal(decided.outcome, 'approved');

    const approved = await employee.leave.requests.get('me', draft.id);
    assert.equal(approved.status, 'approved');
    const after = await annual();
    assert.equal(after.approvedMinutes, before.approvedMinutes + submitted.minutes);
    assert.equal(after.pendingMinutes, before.pendingMinutes);

    const listed = await (await employee.leave.requests.list('me', { status: 'approved', limit: 100 })).toArray();
    assert.ok(listed.some((r) => r.id === draft.id));
  });
});
