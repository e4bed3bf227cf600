// End to end, as a person would: `npm start`'s server (its own PGlite folder, a small demo trust),
// the demo intranet page in headless Chromium, demo sign-in, and the payslip rendered by the built
// widget bundle under the page's strict CSP. axe checks the whole page; a screenshot is kept.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'esr-demo-'));
const screenshot = fileURLToPath(new URL('../storybook-static/demo-page.png', import.meta.url));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const chromiumArgs = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

let server: ReturnType<typeof spawn>;
let baseUrl: string;
let browser: Browser;
let page: Page;
const problems: string[] = [];

before(async () => {
  server = spawn(process.execPath, ['packages/reference-server/src/server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', ESR_DATA_DIR: dataDir, ESR_SEED_STAFF: '150', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  baseUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/Demo page\s+(http:\/\/127\.0\.0\.1:\d+)\//);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    server.stdout!.on('data', read);
    server.stderr!.on('data', read);
    server.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  browser = await chromium.launch({ executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', args: chromiumArgs });
  page = await browser.newPage({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  await new Promise((r) => server?.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
});

const payslipText = () => page.locator('esr-payslip').evaluate((el) => el.shadowRoot?.textContent ?? '');

test('the demo page signs in a seeded employee and shows their payslip', async () => {
  await page.goto(`${baseUrl}/`);
  await page.waitForFunction(() => document.querySelector('esr-payslip')?.shadowRoot?.textContent?.includes('Net pay'), null, { timeout: 20_000 });
  const text = await payslipText();
  assert.match(text, /Payslip for [A-Z][a-z]+ 20\d\d/);
  assert.match(text, /£[\d,]+\.\d\d/);
  assert.match(await page.locator('#signin-status').textContent() ?? '', /Signed in as /);
  await page.screenshot({ path: screenshot, fullPage: true });
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('signing in as someone else shows their payslip instead', async () => {
  const before = await payslipText();
  const options = await page.locator('#person option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  await page.selectOption('#person', options[1]!);
  await page.click('button[type=submit]');
  await page.waitForFunction((old) => {
    const t = document.querySelector('esr-payslip')?.shadowRoot?.textContent ?? '';
    return t.includes('Net pay') && t !== old;
  }, before, { timeout: 20_000 });
});

const shadowText = (tag: string) => page.locator(tag).evaluate((el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');
const waitForText = (tag: string, pattern: RegExp) =>
  page.waitForFunction(
    ([t, source]) => new RegExp(source).test(document.querySelector(t)?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? ''),
    [tag, pattern.source] as const,
    { timeout: 20_000 },
  );

test('the leave, approvals and personal details widgets load for the signed-in employee', async () => {
  await waitForText('esr-leave-request', /Request leave/);
  assert.match(await shadowText('esr-leave-request'), /Annual leave left|no annual leave balance/);
  await waitForText('esr-personal-details', /Your personal details/);
  assert.match(await shadowText('esr-personal-details'), /Home address/);
  await waitForText('esr-approval-inbox', /Nothing is waiting for you|Waiting for you \(/);
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

/** The next Monday at least `days` ahead, as day/month/year. */
function mondayAfter(days: number): { day: string; month: string; year: string; iso: string } {
  const d = new Date(Date.now() + days * 86_400_000);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return { day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()), iso: d.toISOString().slice(0, 10) };
}

test('an employee requests leave, and their manager approves it from the inbox with the keyboard', async () => {
  await waitForText('esr-leave-request', /Request leave/);
  const employee = await page.locator('#signin-status').textContent();
  // Seeded leave may already cover a week: try a few weeks until the server accepts one.
  let submitted: { id: string; startDate: string } | undefined;
  for (let week = 0; week < 6 && !submitted; week++) {
    const date = mondayAfter(56 + week * 7);
    const leave = page.locator('esr-leave-request');
    for (const [part, value] of [['day', date.day], ['month', date.month], ['year', date.year]] as const) {
      await leave.locator(`#start-${part}`).fill(value);
      await leave.locator(`#end-${part}`).fill(value);
    }
    await waitForText('esr-leave-request', /This request takes|not working on these dates/);
    const done = page.evaluate(
      () =>
        new Promise<{ id: string; startDate: string } | undefined>((resolve) => {
          const el = document.querySelector('esr-leave-request')!;
          el.addEventListener('esr-leave-request-submitted', (e) => resolve((e as CustomEvent).detail.leaveRequest), { once: true });
          el.addEventListener('esr-error', () => resolve(undefined), { once: true });
        }),
    );
    await leave.locator('[part~="submit-button"]').click();
    submitted = await done;
  }
  assert.ok(submitted, `the server accepted none of the weeks tried for ${employee}`);
  await waitForText('esr-leave-request', /Leave requested/);

  // Who approves it: the requester's own box names the current approver.
  const approver = await page.evaluate(async (leaveId) => {
    const { token } = JSON.parse(sessionStorage.getItem('esr-demo-token')!);
    const response = await fetch('/v1/approvals?box=mine&type=leave.request&limit=100', { headers: { Authorization: `Bearer ${token}` } });
    const { data } = await response.json();
    const item = data.find((a: { subjectRef: string }) => a.subjectRef === leaveId);
    return item?.currentStep?.approver as { id: string; name: string } | null;
  }, submitted.id);
  assert.ok(approver, 'the leave request waits on a named approver');

  // Sign in as the approver through the page's own form.
  await page.evaluate(({ id, name }) => {
    const select = document.getElementById('person') as HTMLSelectElement;
    select.append(new Option(name, id));
    select.value = id;
  }, approver);
  await page.click('#signin-form button[type=submit]');
  await page.waitForFunction((name) => document.getElementById('signin-status')?.textContent?.includes(name), approver.name, { timeout: 20_000 });

  await waitForText('esr-leave-request', /Request leave/);
  assert.doesNotMatch(await shadowText('esr-leave-request'), /Leave requested/, 'nothing of the previous person stays on screen');
  const rows = page.locator('esr-approval-inbox [role="option"]');
  await rows.first().waitFor({ timeout: 20_000 });
  const approvalId = await page.evaluate(async (leaveId) => {
    const { token } = JSON.parse(sessionStorage.getItem('esr-demo-token')!);
    const response = await fetch('/v1/approvals?box=pending&type=leave.request&limit=100', { headers: { Authorization: `Bearer ${token}` } });
    const { data } = await response.json();
    return data.find((a: { subjectRef: string }) => a.subjectRef === leaveId)?.id as string;
  }, submitted.id);
  const target = page.locator(`esr-approval-inbox [id="item-${approvalId}"]`);
  await target.waitFor({ timeout: 20_000 });
  await target.focus();
  await page.keyboard.press('Enter');
  await waitForText('esr-approval-inbox', /Who else is off/);
  await target.focus();
  await page.keyboard.press('a');
  // The seeded trust has approved leave of its own, so "Approved" text alone can be the context panel's
  // (and the live-update announcement may replace the decision's): wait for this request's row to go.
  await page.locator(`esr-approval-inbox [id="item-${approvalId}"]`).waitFor({ state: 'detached', timeout: 20_000 });
  const decided = await page.evaluate(async (id) => {
    const { token } = JSON.parse(sessionStorage.getItem('esr-demo-token')!);
    return (await (await fetch(`/v1/approvals/${id}`, { headers: { Authorization: `Bearer ${token}` } })).json()).status as string;
  }, approvalId);
  assert.equal(decided, 'approved', 'the server recorded the approval');
  await page.screenshot({ path: screenshot.replace('.png', '-approvals.png'), fullPage: true });
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('the payslip explains its deductions with the real calculator, and downloads its PDF and P60', async () => {
  const codes = await page.locator('esr-payslip [part~="explain-button"]').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-controls')));
  assert.ok(codes.includes('explain-PAYE'), `explainable lines: ${codes.join(', ')}`);
  for (const button of await page.locator('esr-payslip [part~="explain-button"]').all()) await button.click();
  await page.waitForFunction(() => {
    const rows = [...(document.querySelector('esr-payslip')?.shadowRoot?.querySelectorAll('.explanation') ?? [])];
    return rows.length > 0 && rows.every((r) => r.textContent!.includes('=') || r.textContent!.includes('could not'));
  }, null, { timeout: 20_000 });
  const explanations = await page.locator('esr-payslip .explanation').allTextContents();
  // Worked back from the payslip, the calculator must land on every figure the payslip shows.
  assert.equal(await page.locator('esr-payslip .explanation__mismatch').count(), 0, explanations.join('\n'));
  assert.ok(explanations.some((t) => /Tax code \S+ month \d+/.test(t)), explanations.join('\n'));

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.locator('esr-payslip [part~="download-button"]').click()]);
  assert.match(pdf.suggestedFilename(), /^payslip-20\d\d-\d\d-\d\d\.pdf$/);
  await page.locator('esr-payslip [part~="p60-button"]').first().waitFor({ timeout: 20_000 });
  const [p60] = await Promise.all([page.waitForEvent('download'), page.locator('esr-payslip [part~="p60-button"]').first().click()]);
  assert.match(p60.suggestedFilename(), /^p60-20\d\d-\d\d\.pdf$/);
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('the course catalogue searches the seeded trust, and books then cancels a place', async () => {
  const input = page.locator('#catalogue #q');
  await input.waitFor({ timeout: 20_000 });
  await input.fill('life support');
  await input.press('Enter');
  await page.waitForFunction(() => /^\d+ courses?$|Showing \d+ courses/.test(document.querySelector('#catalogue')?.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim() ?? ''), null, { timeout: 20_000 });
  const titles = await page.locator('#catalogue .course__title').allTextContents();
  assert.ok(titles.length > 0 && titles.some((t) => /life support/i.test(t)), titles.join(' | '));
  // Back to the whole catalogue, then open courses until one has a session this person can book (the
  // seed gives people places on many courses, and the server allows one live place per course).
  await input.fill('');
  await input.press('Enter');
  await page.waitForFunction(() => (document.querySelector('#catalogue')?.shadowRoot?.querySelectorAll('[part~="course"]').length ?? 0) > 10, null, { timeout: 20_000 });
  const undo: Record<string, RegExp> = { 'Book a place': /Cancel my place/, 'Join the waiting list': /Leave the waiting list/, 'Ask for a place': /Withdraw my request/ };
  const withSessions = page.locator('#catalogue [part~="course"]', { has: page.locator('[aria-controls^="sessions-"]') });
  let action;
  for (let i = 0; i < Math.min(30, await withSessions.count()) && !action; i++) {
    const course = withSessions.nth(i);
    await course.locator('[aria-controls^="sessions-"]').click();
    await course.locator('[part~="session"]').first().waitFor({ timeout: 20_000 });
    const bookable = course.locator('[part~="session"] [part~="action"]', { hasText: /^\s*(Book a place|Join the waiting list|Ask for a place)\s*$/ });
    if (await bookable.count()) action = bookable.first();
  }
  assert.ok(action, 'some session can be booked');
  const label = (await action.textContent())!.trim();
  await action.click();
  await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('#catalogue')?.shadowRoot?.activeElement?.textContent ?? ''), undo[label]!.source, { timeout: 20_000 });
  await page.evaluate(() => (document.querySelector('#catalogue')!.shadowRoot!.activeElement as HTMLElement).click());
  await page.waitForFunction((l) => document.querySelector('#catalogue')?.shadowRoot?.activeElement?.textContent?.trim() === l, label, { timeout: 20_000 });
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('the absence chart shows the signed-in person\'s sickness absence', async () => {
  await page.waitForFunction(() => {
    const t = document.querySelector('#absence-person')?.shadowRoot?.textContent ?? '';
    return t.includes('Bradford factor') || t.includes('No sickness absence in the last 12 months');
  }, null, { timeout: 20_000 });
  const text = await shadowText('#absence-person');
  if (text.includes('Bradford factor')) {
    assert.equal(await page.locator('#absence-person .chart__point').count(), 12, 'one focusable point per month');
    assert.match(text, /spells × \d+ spells × \d+ working days = \d+/);
  }
  assert.equal(await page.locator('#absence-rate-section').isHidden(), true, 'rates are hidden from a non-HR user');
});

test('the training matrix shows the signed-in person\'s statutory and mandatory training, and a manager sees their team', async () => {
  await page.waitForFunction(() => /compliant: \d+ of \d+ required subjects in date|No statutory or mandatory training/.test(document.querySelector('#training-person')?.shadowRoot?.textContent ?? ''), null, { timeout: 20_000 });
  assert.equal(await page.locator('#team-training-section').isHidden(), true);
  const firstPerson = await page.locator('#person option').first().getAttribute('value');
  await page.selectOption('#role', 'manager');
  await page.waitForFunction((old) => {
    const first = document.querySelector<HTMLOptionElement>('#person option');
    return first && first.value !== '' && first.value !== old;
  }, firstPerson, { timeout: 20_000 });
  await page.click('button[type=submit]');
  await page.waitForFunction(() => (document.querySelector('#training-team')?.shadowRoot?.textContent ?? '').includes('Your team’s statutory and mandatory training'), null, { timeout: 30_000 });
  assert.ok((await page.locator('#training-team tbody tr').count()) > 0, 'the team has rows');
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('an HR administrator also sees the trust\'s monthly absence rate with reasons', async () => {
  const firstPerson = await page.locator('#person option').first().getAttribute('value');
  await page.selectOption('#role', 'hr_admin');
  await page.waitForFunction((old) => {
    const first = document.querySelector<HTMLOptionElement>('#person option');
    return first && first.value !== '' && first.value !== old;
  }, firstPerson, { timeout: 20_000 });
  await page.click('button[type=submit]');
  await page.waitForFunction(() => (document.querySelector('#absence-organisation')?.shadowRoot?.textContent ?? '').includes('Reasons for sickness absence'), null, { timeout: 30_000 });
  assert.equal(await page.locator('#absence-rate-section').isVisible(), true);
  assert.equal(await page.locator('#absence-organisation .chart__point').count(), 12);
  const label = await page.locator('#absence-organisation .chart__point').last().getAttribute('aria-label');
  assert.match(label ?? '', /^[A-Z][a-z]+ 20\d\d: (\d+(\.\d)?% of FTE days lost|nobody employed)/);
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('the whole page passes axe (WCAG 2.2 AA)', async () => {
  await page.addScriptTag({ content: axeSource }).catch(async () => {
    // The page's CSP forbids inline script: evaluate axe in the page's isolated world instead.
    await page.evaluate(axeSource);
  });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
  });
  assert.deepEqual(result.violations.map((v) => `${v.id} (${v.nodes.length})`), []);
});

test('the API reference page loads the OpenAPI document', async () => {
  const docs = await browser.newPage();
  await docs.goto(`${baseUrl}/docs`);
  await docs.waitForSelector('text=ESR Kit API', { timeout: 20_000 });
  assert.ok(await docs.getByText('/v1/me/payslips/latest', { exact: true }).first().isVisible());
  await docs.close();
});
