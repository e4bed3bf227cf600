// <esr-course-catalogue> with a search matching N courses (default 1,000) in headless Chromium, built as
// it ships (the widgets' Vite config: production Lit, template and JS minifier). The catalogue shows 100
// courses a page (`page-size="100"`); the run presses "Show more courses" whenever the page drawn so far
// is complete, as a reader going down the list would, until all N are in the DOM. Prints the time to the
// first courses, to all N, and the long tasks meanwhile (goal: none over 50 ms). Baseline in the same
// run: a minimal Lit element rendering N course rows (title, meta, description, next session, button)
// at once. Median and worst over several runs, wall clock and main-thread CPU. Figures only.
// node bench/catalogue-render.bench.ts [courses=1000] [repeats=5]
import { buildPage, repeatRuns, report, withChromium } from './render-page.ts';

const count = Number(process.argv[2] ?? 1000);
const repeats = Number(process.argv[3] ?? 5);

// The real widget and SDK; fetch answers the search, facet and enrolment routes from memory with the
// catalogue the stories and widget tests use (courses with sessions, places left, approval notices).
const pageScript = `
import './src/define-all.ts';
import { createEsrClient } from '@esr/sdk';
import { courseFixtures } from '@esr/sdk/testing';
import { LitElement, html } from 'lit';

const courses = courseFixtures(${count});
const facets = [];
const tally = (facet, values) => {
  const counts = new Map();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  for (const [value, n] of counts) facets.push({ facet, value, count: n });
};
tally('category', courses.map((c) => c.category));
tally('delivery', courses.map((c) => c.delivery));
tally('hasPlaces', courses.filter((c) => c.delivery === 'e_learning' || c.nextSession).map(() => 'true'));
const json = (body) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
const fakeFetch = async (input) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.pathname.endsWith('/courses/facets')) return json({ data: facets, hasMore: false, nextCursor: null });
  if (url.pathname.endsWith('/courses')) {
    const limit = Number(url.searchParams.get('limit') ?? 20);
    const start = Number(url.searchParams.get('cursor') ?? 0);
    const hasMore = start + limit < courses.length;
    return json({ data: courses.slice(start, start + limit), hasMore, nextCursor: hasMore ? String(start + limit) : null });
  }
  if (url.pathname.endsWith('/enrolments')) return json({ data: [], hasMore: false, nextCursor: null });
  return json({});
};

class PlainCourses extends LitElement {
  static properties = { rows: { attribute: false } };
  render() {
    return html\`<ul>\${(this.rows ?? []).map(
      (c) => html\`<li>
        <div role="heading" aria-level="3">\${c.title}</div>
        <p><strong>\${c.delivery}</strong> <span>\${c.category}</span> <span>\${c.durationMinutes} minutes</span></p>
        <p>\${c.description}</p>
        <p>\${c.nextSession ? \`Next: \${c.nextSession.startsAt.slice(0, 10)}, \${c.nextSession.venue}, \${c.nextSession.placesLeft} places left\` : 'No upcoming sessions'}</p>
        <button type="button">View \${c.upcomingSessions} sessions</button>
      </li>\`,
    )}</ul>\`;
  }
}
customElements.define('plain-courses', PlainCourses);

window.runCatalogue = () => new Promise((resolve) => {
  const t0 = window.startRun();
  let first = 0;
  const el = document.createElement('esr-course-catalogue');
  el.setAttribute('page-size', '100');
  el.client = createEsrClient({ baseUrl: 'https://esr.example', token: 't', fetch: fakeFetch, retry: 0 });
  document.body.append(el);
  let asked = 0;
  const tick = () => {
    const root = el.shadowRoot;
    const n = root?.querySelectorAll('[part~=course]').length ?? 0;
    if (n && !first) first = performance.now() - t0;
    if (n >= ${count}) return resolve(window.endRun({ first, all: performance.now() - t0 }));
    // The page drawn so far is complete: read on.
    const more = root?.querySelector('[part~=show-more]');
    if (more && n % 100 === 0 && n > asked && more.getAttribute('aria-disabled') !== 'true') {
      asked = n;
      more.click();
    }
    requestAnimationFrame(tick);
  };
  tick();
});

window.runPlain = () => {
  const t0 = window.startRun();
  const el = document.createElement('plain-courses');
  el.rows = courses;
  document.body.append(el);
  // Rendered, styled, laid out and painted: the frame after the update has been produced.
  return el.updateComplete.then(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r)))).then(() => window.endRun({ all: performance.now() - t0 }));
};
`;

const code = await buildPage(pageScript);
const runs = await withChromium((browser) => repeatRuns(browser, code, ['runCatalogue', 'runPlain'], repeats));
console.log(`<esr-course-catalogue>, a search matching ${count} courses, 100 a page, headless Chromium, production build`);
report('ours', runs.get('runCatalogue')!, true);
report(`baseline: a minimal Lit list rendering ${count} course rows at once`, runs.get('runPlain')!);
