// <esr-training-compliance view="team"> for a line manager with N people (default 200 and 1,000) in headless
// Chromium, built as it ships (the widgets' Vite config: production Lit, template and JS minifier). The team
// matrix is a real table (a row per person, a column per subject family, 11 subjects), fetched 100 people a
// page and rendered a chunk of rows per frame. Prints the time to the first rows, to all N, and the long
// tasks meanwhile (goal: none over 50 ms), wall clock and main-thread CPU (the reliable figure on a shared
// machine). Baseline in the same run: a minimal Lit element rendering the same N-row table at once.
// Median and worst over several runs. Figures only.
// node bench/compliance-render.bench.ts [sizes=200,1000] [repeats=5]
import { buildPage, repeatRuns, report, withChromium } from './render-page.ts';

const sizes = (process.argv[2] ?? '200,1000').split(',').map(Number);
const repeats = Number(process.argv[3] ?? 5);

// The real widget and SDK; fetch answers the team route from memory, 100 people a page, with the seeded
// team the stories and widget tests use repeated under distinct ids and names.
const pageScript = `
import './src/define-all.ts';
import { createEsrClient } from '@esr/sdk';
import { teamComplianceFixtures } from '@esr/sdk/testing';
import { LitElement, html } from 'lit';

const teamOf = (n) => Array.from({ length: n }, (_, i) => ({ ...teamComplianceFixtures[i % teamComplianceFixtures.length], employeeId: 'emp_' + i, name: 'Person ' + i }));
const fetchFor = (team) => async (input) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const start = Number(url.searchParams.get('cursor') ?? 0);
  const data = url.pathname.endsWith('/compliance/team') ? team.slice(start, start + limit) : [];
  const hasMore = start + limit < team.length;
  return new Response(JSON.stringify({ data, hasMore, nextCursor: hasMore ? String(start + limit) : null }), { headers: { 'content-type': 'application/json' } });
};

class PlainMatrix extends LitElement {
  static properties = { people: { attribute: false } };
  render() {
    const people = this.people ?? [];
    const families = people[0]?.subjects ?? [];
    return html\`<table><caption>Training</caption>
      <thead><tr><th scope="col">Person</th>\${families.map((c) => html\`<th scope="col">\${c.name}</th>\`)}</tr></thead>
      <tbody>\${people.map((p) => html\`<tr><th scope="row">\${p.name} <span>\${p.jobTitle}</span></th>\${p.subjects.map((c) => html\`<td><strong>\${c.status}</strong> <span>\${c.expiresOn ?? ''}</span></td>\`)}</tr>\`)}</tbody>
    </table>\`;
  }
}
customElements.define('plain-matrix', PlainMatrix);

window.runTeam = (n) => new Promise((resolve) => {
  const t0 = window.startRun();
  let first = 0;
  const el = document.createElement('esr-training-compliance');
  el.setAttribute('view', 'team');
  el.setAttribute('as-of', '2026-11-25');
  el.client = createEsrClient({ baseUrl: 'https://esr.example', token: 't', fetch: fetchFor(teamOf(n)), retry: 0 });
  document.body.append(el);
  const tick = () => {
    const rows = el.shadowRoot?.querySelectorAll('tbody tr').length ?? 0;
    if (rows && !first) first = performance.now() - t0;
    if (rows >= n) resolve(window.endRun({ first, all: performance.now() - t0 }));
    else requestAnimationFrame(tick);
  };
  tick();
});

window.runPlain = (n) => {
  const t0 = window.startRun();
  const el = document.createElement('plain-matrix');
  el.people = teamOf(n);
  document.body.append(el);
  // Rendered, styled, laid out and painted: the frame after the update has been produced.
  return el.updateComplete.then(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r)))).then(() => window.endRun({ all: performance.now() - t0 }));
};
${sizes.map((n) => `window.runTeam${n} = () => window.runTeam(${n}); window.runPlain${n} = () => window.runPlain(${n});`).join('\n')}
`;

const code = await buildPage(pageScript);
await withChromium(async (browser) => {
  for (const n of sizes) {
    const runs = await repeatRuns(browser, code, [`runTeam${n}`, `runPlain${n}`], repeats);
    console.log(`<esr-training-compliance view="team">, ${n} people × 11 subjects, headless Chromium, production build`);
    report('ours', runs.get(`runTeam${n}`)!, true);
    report(`baseline: a minimal Lit table rendering ${n} rows at once`, runs.get(`runPlain${n}`)!);
  }
});
