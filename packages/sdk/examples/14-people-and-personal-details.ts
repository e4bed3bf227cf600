// README example: "People and personal details". Typechecked with the package; keep the region identical to the
// README block (test/readme-examples.test.ts). Above it, only what the example assumes.
export {};

// #region readme
import { createEsrClient, PreconditionError, ValidationError } from '@esr/sdk';

const baseUrl = 'http://localhost:8787'; // the reference server in demo mode
const anonymous = createEsrClient({ baseUrl });
const [person] = await anonymous.demo.people({ role: 'employee', limit: 1 });
const { token } = await anonymous.demo.signIn(person!.employeeId);
const esr = createEsrClient({ baseUrl, token });

const me = await esr.me.get();
console.log(me.profile.name.firstName, me.profile.assignment?.jobTitle, me.roles);

// 1. Read, then update. The SDK remembers the ETag it read and sends it as If-Match.
const shown = await esr.people.personalDetails(); // GET /v1/people/me/personal-details
console.log(shown.phones.mobile, esr.etagOf(shown)); // '07700 900…' '"v1"'
const saved = await esr.people.updatePersonalDetails('me', {
  phones: { mobile: '07700 900123' },
  addresses: { postal: { line1: 'PO Box 12', town: 'Gloucester', postcode: 'gl1 2ab' } }, // line2, county, country default
}); // PATCH with If-Match: "v1"; the answer carries ETag "v2", remembered for the next update
console.log(saved.addresses.postal?.postcode, esr.etagOf(saved)); // 'GL1 2AB' '"v2"'

// 2. A form still showing the older version must not overwrite what changed since: pin the update to
//    the version the user saw. A 412 means "read it again, show it, reapply": the SDK never forces it.
try {
  await esr.people.updatePersonalDetails('me', { preferredName: 'Jo' }, { ifMatch: esr.etagOf(shown) });
} catch (error) {
  if (!(error instanceof PreconditionError)) throw error;
  const current = await esr.people.personalDetails(); // remembers "v2"
  console.log(`Changed since you opened the form (now ${current.phones.mobile}); saving again.`);
  await esr.people.updatePersonalDetails('me', { preferredName: 'Jo' });
}

// 3. A name change waits for approval. Keep the key with the draft so a retry after a reload is safe too.
const change = { firstName: 'Jo', lastName: 'Okonkwo', reason: 'marriage' } as const;
const idempotencyKey = crypto.randomUUID();
const request = await esr.people.requestNameChange('me', change, { idempotencyKey });
const replay = await esr.people.requestNameChange('me', change, { idempotencyKey });
console.log(request.status, replay.id === request.id); // 'pending' true

// 4. Bank details: masked on every read; the owner's replace returns them once, unmasked.
//    They share a version with personal details on the reference server: read them right before.
const bank = await esr.people.bankDetails(); // { sortCode: '**-**-57', accountNumber: '****1789', masked: true, … }
const confirmed = await esr.people.replaceBankDetails('me', { accountName: bank.accountName, sortCode: '40-47-84', accountNumber: '70872490' });
console.log(confirmed.masked, confirmed.sortCode); // false '404784': show it on the confirmation page, do not keep it

// 5. Field errors name the field, for the NHS error summary.
try {
  await esr.people.updatePersonalDetails('me', { addresses: { home: { line1: '1 High Street', town: 'Stroud', postcode: 'STROUD' } } });
} catch (error) {
  if (!(error instanceof ValidationError)) throw error;
  for (const issue of error.issues) console.log(issue.path, issue.message); // json.addresses.home.postcode Enter a real UK postcode, like LS1 4AP
}

// 6. Equality and diversity: null until declared; every question has "prefer not to say".
if ((await esr.people.equalityDiversity()) === null) {
  await esr.people.declareEqualityDiversity('me', { ethnicity: 'Z', sex: 'prefer_not_to_say', disability: 'prefer_not_to_say', religion: 'prefer_not_to_say', sexualOrientation: 'prefer_not_to_say' });
}
// #endregion
