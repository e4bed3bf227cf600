// The demo intranet page's own script: demo sign-in, then hand an SDK client to <esr-provider>.
// Loaded under a strict CSP (no inline script); builds DOM with textContent only.
import { createEsrClient } from '/widgets/esr-widgets.js';

const tokenKey = 'esr-demo-token';
const role = document.getElementById('role');
const person = document.getElementById('person');
const form = document.getElementById('signin-form');
const status = document.getElementById('signin-status');
const signOut = document.getElementById('signout');
const provider = document.getElementById('provider');
const absenceRateSection = document.getElementById('absence-rate-section');
const absenceOrganisation = document.getElementById('absence-organisation');
const teamTrainingSection = document.getElementById('team-training-section');
const trainingTeam = document.getElementById('training-team');

/** Widgets inside the provider get the client through it; the role-gated ones outside it are given it directly. */
function connect(client, session) {
  provider.client = client;
  // A team matrix is for line managers.
  teamTrainingSection.hidden = session?.role !== 'manager';
  if (!teamTrainingSection.hidden) trainingTeam.client = client;
  // Absence rates are for HR administrators: only they see (and load) that chart.
  absenceRateSection.hidden = session?.role !== 'hr_admin';
  if (!absenceRateSection.hidden) absenceOrganisation.client = client;
}

async function loadPeople() {
  person.replaceChildren(new Option('Loading…', ''));
  const response = await fetch(`/v1/demo/people?role=${encodeURIComponent(role.value)}&limit=12`);
  if (!response.ok) {
    person.replaceChildren(new Option('Could not load people', ''));
    return;
  }
  const { data } = await response.json();
  person.replaceChildren(...data.map((p) => new Option(`${p.name} — ${p.jobTitle}`, p.employeeId)));
}

function useToken(session) {
  if (session) {
    sessionStorage.setItem(tokenKey, JSON.stringify(session));
    status.textContent = `Signed in as ${session.name}.`;
    connect(createEsrClient({ baseUrl: location.origin, token: session.token }), session);
  } else {
    sessionStorage.removeItem(tokenKey);
    status.textContent = 'You are not signed in. Pick a seeded person.';
    connect(createEsrClient({ baseUrl: location.origin, token: '' }), null);
  }
  signOut.hidden = !session;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!person.value) return;
  const response = await fetch('/v1/demo/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ employeeId: person.value }),
  });
  if (!response.ok) {
    status.textContent = 'Sign-in failed: ' + ((await response.json()).detail ?? response.statusText);
    return;
  }
  useToken({ ...(await response.json()), role: role.value });
});
role.addEventListener('change', loadPeople);
signOut.addEventListener('click', () => useToken(null));

await loadPeople();
const saved = sessionStorage.getItem(tokenKey);
const session = saved ? JSON.parse(saved) : null;
if (session && Date.parse(session.expiresAt) > Date.now()) useToken(session);
else if (person.value) form.requestSubmit(); // sign in as the first employee so the page shows a payslip at once
