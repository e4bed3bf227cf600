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

const shadowText = (selector: string) => page.locator(selector).evaluate((el) => el.shadowRoot?.textContent ?? '');

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
