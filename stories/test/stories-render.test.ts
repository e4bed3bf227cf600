// Renders every widget story (each widget × state × locale) from the static Storybook build in real Chromium, checks each
// state's text inside the widget's shadow root, and runs axe-core with the NHS tag set.
// Run after `storybook build`: `node test/stories-render.test.ts` (Node 24 strips the types).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';

const staticDir = resolve(fileURLToPath(new URL('../storybook-static', import.meta.url)));
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

interface StoryCase {
  id: string;
  /** The widget's tag (default `esr-payslip`). */
  tag?: string;
  /** Text that must appear inside the widget once the state has rendered. */
  expect: string[];
  /** Extra checks in the page, after the text has appeared. */
  check?: (page: Page) => Promise<void>;
}

const STORIES: StoryCase[] = [
  { id: 'widgets-payslip--data', expect: ['Payslip for October 2026 · tax month 7', '£2,093.02', 'Choose a payslip', 'This period', 'How was this worked out?', 'Download this payslip (PDF)', 'Download P60 for the 2025 to 2026 tax year (PDF)'] },
  { id: 'widgets-payslip--empty', expect: ['You have no payslips yet'] },
  {
    id: 'widgets-payslip--server-error',
    expect: ['Sorry, there is a problem with ESR', 'Reference: req_mock0000000001', 'Try again'],
  },
  { id: 'widgets-payslip--unauthorised', expect: ['You are signed out', 'Try again'] },
  {
    id: 'widgets-payslip--loading',
    expect: ['Loading your payslip…'],
    check: async (page) => {
      const busy = await page.locator('esr-payslip [part~="state"]').getAttribute('aria-busy');
      assert.equal(busy, 'true');
    },
  },
  { id: 'widgets-payslip--offline', expect: ['We could not connect to ESR'] },
  { id: 'widgets-payslip--welsh', expect: ['Slip cyflog Hydref 2026 · mis treth 7', 'Cyflog net', 'Didyniadau', 'Lawrlwytho’r slip cyflog hwn (PDF)', 'Tystysgrifau diwedd blwyddyn P60'] },
  { id: 'widgets-payslip--welsh-empty', expect: ['Nid oes gennych unrhyw slipiau cyflog eto'] },
  { id: 'widgets-payslip--welsh-error', expect: ['Mae’n ddrwg gennym, mae problem gydag ESR', 'Ceisio eto'] },
  { id: 'widgets-payslip--welsh-loading', expect: ['Wrthi’n llwytho eich slip cyflog…'] },
  { id: 'widgets-payslip--explained-deduction', expect: ['Tax code 1257L month 7 cumulative', 'tax due to date £2,204.60'] },
  { id: 'widgets-provider--default', expect: ['Net pay', '£2,093.02'] },
  {
    id: 'widgets-provider--themed',
    expect: ['£2,093.02'],
    check: async (page) => {
      const border = await page
        .locator('esr-payslip .net-pay')
        .evaluate((el) => getComputedStyle(el).borderLeftColor);
      assert.equal(border, 'rgb(51, 0, 114)', 'appearance.colorBrand reached the widget');
    },
  },
  { id: 'widgets-provider--welsh', expect: ['Cyflog net', '£2,093.02'] },
  ...stateCases('esr-leave-request', 'widgets-leave-request', {
    data: [['Annual leave left', '150 hours', '15 February 2027'], ['Gwneud cais am wyliau', '150 awr', 'Chwefror 2027']],
    empty: [['You have not requested any leave yet.'], ['Nid ydych wedi gwneud cais am unrhyw wyliau eto.']],
    loading: [['Loading your leave…'], ['Wrthi’n llwytho eich gwyliau…']],
  }),
  { id: 'widgets-leave-request--low-balance', tag: 'esr-leave-request', expect: ['7.5 hours'] },
  ...stateCases('esr-approval-inbox', 'widgets-approval-inbox', {
    data: [['Waiting for you (7)', 'Amelia Hughes: Annual leave, 7.5 hours'], ['Yn aros amdanoch chi (7)', 'Gwyliau blynyddol, 7.5 awr']],
    empty: [['Nothing is waiting for you'], ['Does dim yn aros amdanoch chi']],
    loading: [['Loading your approvals…'], ['Wrthi’n llwytho eich cymeradwyaethau…']],
  }),
  { id: 'widgets-approval-inbox--thousand', tag: 'esr-approval-inbox', expect: ['Waiting for you (1,000)'] },
  ...stateCases('esr-personal-details', 'widgets-personal-details', {
    data: [['Ms Amelia Hughes', 'Waiting for approval', 'GL1 3AU'], ['Eich manylion personol', 'Yn aros am gymeradwyaeth']],
    empty: [['You have not added an address'], ['Nid ydych wedi ychwanegu cyfeiriad']],
    loading: [['Loading your personal details…'], ['Wrthi’n llwytho eich manylion personol…']],
  }),
  // <esr-absence-chart>
  ...absence([
    ['person-data', ['Bradford factor', '3 spells × 3 spells × 10 working days = 90', 'Spells of sickness, December 2025 to November 2026']],
    ['person-empty', ['No sickness absence in the last 12 months']],
    ['organisation-data', ['Sickness absence rate', 'Reasons for sickness absence, December 2025 to November 2026']],
    ['organisation-empty', ['No absence figures for these 12 months']],
    ['forbidden', ['You do not have permission to see these absence figures', 'Try again']],
    ['server-error', ['Sorry, there is a problem with ESR', 'Reference: req_mock0000000001']],
    ['unauthorised', ['You are signed out', 'Sign in again to continue.']],
    ['loading', ['Loading absence figures…']],
    ['offline', ['We could not connect to ESR']],
    ['welsh-person-data', ['Ffactor Bradford', 'Absenoldeb salwch']],
    ['welsh-person-empty', ['Dim absenoldeb salwch yn ystod y 12 mis diwethaf']],
    ['welsh-organisation-data', ['Cyfradd absenoldeb salwch']],
    ['welsh-error', ['Mae’n ddrwg gennym, mae problem gydag ESR', 'Ceisio eto']],
    ['welsh-loading', ['Wrthi’n llwytho ffigurau absenoldeb…']],
  ]),
  // <esr-training-compliance>
  ...compliance([
    ['person-data', ['90% compliant: 9 of 10 required subjects in date', 'Expired', 'Expires soon', 'Not required']],
    ['team-data', ['Your team’s statutory and mandatory training', 'Sarah Smith']],
    ['empty', ['No statutory or mandatory training is required']],
    ['team-empty', ['Nobody reports to you']],
    ['forbidden', ['You do not have permission to see these training records']],
    ['server-error', ['Sorry, there is a problem with ESR', 'Try again']],
    ['loading', ['Loading training records…']],
    ['offline', ['We could not connect to ESR']],
    ['welsh-person-data', ['Hyfforddiant statudol a gorfodol', 'Wedi dod i ben', 'Dim angen']],
    ['welsh-team-data', ['Hyfforddiant statudol a gorfodol eich tîm']],
    ['welsh-empty', ['Nid oes angen unrhyw hyfforddiant statudol na gorfodol']],
    ['welsh-error', ['Ceisio eto']],
    ['welsh-loading', ['Wrthi’n llwytho cofnodion hyfforddiant…']],
  ]),
  // <esr-course-catalogue>
  ...catalogue([
    ['data', ['Find a course', 'E-learning (6)', 'Adult Basic Life Support – Resuscitation Level 2', 'Your line manager must approve a place on this course']],
    ['thousand-courses', ['Showing 100 courses. There are more.', 'Show more courses']],
    ['empty', ['No courses match your search']],
    ['server-error', ['Sorry, there is a problem with ESR', 'Try again']],
    ['unauthorised', ['You are signed out', 'Sign in again to continue.']],
    ['loading', ['Loading courses…']],
    ['offline', ['We could not connect to ESR']],
    ['welsh-data', ['Dod o hyd i gwrs', 'Nesaf: 12 Ionawr 2027']],
    ['welsh-empty', ['Does dim cyrsiau yn cyfateb i’ch chwiliad']],
    ['welsh-error', ['Ceisio eto']],
    ['welsh-loading', ['Wrthi’n llwytho cyrsiau…']],
  ]),
];

/** Data, empty, error and loading stories of one widget, each in English and Welsh. */
function stateCases(tag: string, prefix: string, texts: Record<'data' | 'empty' | 'loading', [string[], string[]]>): StoryCase[] {
  const busy = async (page: Page) => assert.equal(await page.locator(`${tag} [part~="state"]`).getAttribute('aria-busy'), 'true');
  return [
    { id: `${prefix}--data`, tag, expect: texts.data[0] },
    { id: `${prefix}--data-welsh`, tag, expect: texts.data[1] },
    { id: `${prefix}--empty`, tag, expect: texts.empty[0] },
    { id: `${prefix}--empty-welsh`, tag, expect: texts.empty[1] },
    { id: `${prefix}--server-error`, tag, expect: ['Sorry, there is a problem with ESR', 'Reference: req_mock0000000001', 'Try again'] },
    { id: `${prefix}--server-error-welsh`, tag, expect: ['Mae’n ddrwg gennym, mae problem gydag ESR', 'Cyfeirnod: req_mock0000000001', 'Ceisio eto'] },
    { id: `${prefix}--loading`, tag, expect: texts.loading[0], check: busy },
    { id: `${prefix}--loading-welsh`, tag, expect: texts.loading[1], check: busy },
  ];
}

function catalogue(cases: [string, string[]][]): StoryCase[] {
  return cases.map(([name, expect]) => ({ id: `widgets-course-catalogue--${name}`, tag: 'esr-course-catalogue', expect }));
}

function compliance(cases: [string, string[]][]): StoryCase[] {
  return cases.map(([name, expect]) => ({ id: `widgets-training-compliance--${name}`, tag: 'esr-training-compliance', expect }));
}

function absence(cases: [string, string[]][]): StoryCase[] {
  return cases.map(([name, expect]) => ({ id: `widgets-absence-chart--${name}`, tag: 'esr-absence-chart', expect }));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.map': 'application/json',
};

/** A tiny static server: enough for Storybook's files, and it refuses paths outside the build. */
function serve(root: string): Promise<Server> {
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) return void res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      // msw's worker must control the whole origin.
      const extra = pathname === '/mockServiceWorker.js' ? { 'Service-Worker-Allowed': '/' } : {};
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...extra }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

describe('Storybook stories render in Chromium and pass axe', () => {
  let server: Server;
  let browser: Browser;
  let origin = '';

  before(async () => {
    await stat(join(staticDir, 'iframe.html')); // fail early with ENOENT if storybook was not built
    server = await serve(staticDir);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await new Promise((ok) => server?.close(ok));
  });

  for (const story of STORIES) {
    test(story.id, async () => {
      const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      try {
        // The a11y addon would run axe itself after each render; the test runs it (one axe at a time).
        await page.goto(`${origin}/iframe.html?id=${story.id}&viewMode=story&globals=a11y.manual:!true`);
        // Playwright locators pierce open shadow roots, so this waits for the widget's own state text.
        const widget = page.locator(story.tag ?? 'esr-payslip');
        for (const text of story.expect) {
          await widget.getByText(text, { exact: false }).first().waitFor({ timeout: 15_000 });
        }
        await story.check?.(page);

        await page.addScriptTag({ path: axePath });
        const violations = await page.evaluate(async (tags) => {
          const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
          return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
        }, AXE_TAGS);
        assert.deepEqual(violations, [], `axe violations in ${story.id}`);
        assert.deepEqual(errors, [], `page errors in ${story.id}`);

        if (story.id === 'widgets-payslip--data') {
          await page.locator('#storybook-root').screenshot({ path: join(staticDir, 'payslip-data.png') });
        }
      } finally {
        await page.close();
      }
    });
  }
});
