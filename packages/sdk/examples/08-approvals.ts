// README example: "Approvals". Typechecked with the package; keep the region identical to the
// README block (test/readme-examples.test.ts). Above it, only what the example assumes.
declare const token: string;

// #region readme
import { ConflictError, PreconditionError, createEsrClient } from '@esr/sdk';

const esr = createEsrClient({ baseUrl: 'http://localhost:8787', token });

// The inbox: what waits on me (or on whoever I stand in for), newest first.
for await (const item of await esr.approvals.list({ box: 'pending', type: 'personal_details.name_change' })) {
  console.log(item.id, item.summary, `step ${item.currentStep?.index} of ${item.route.length}`);
}

// Decide on what you showed: get() remembers the request's ETag, approve() sends it as If-Match.
const [first] = (await esr.approvals.list({ limit: 1 })).data;
if (first) {
  const detail = await esr.approvals.get(first.id); // history, context (current and requested name, …), yourActions
  try {
    const result = await esr.approvals.approve(detail.id, { comment: 'Congratulations' });
    console.log(result.outcome); // 'advanced' (on to HR) or 'approved' (the change is applied)
  } catch (error) {
    if (error instanceof ConflictError && error.code === 'already_decided') console.log('Someone decided it first');
    else if (error instanceof PreconditionError) console.log('It changed since you read it: show it again');
    else throw error;
  }
  // or: reject(id, { reason }), requestInfo(id, { comment }), reassign(id, { to: 'emp_…' })
}

// Approve many at once: one result per id, and one refusal does not undo the others.
const bulk = await esr.approvals.bulkApprove(['apr_…', 'apr_…'], { comment: 'Approved' });
for (const r of bulk.results) if (r.httpStatus !== 200) console.log(r.id, r.code, r.detail);

// Away? A stand-in decides for you meanwhile (the body uses the API's own field names).
await esr.me.delegation.set({ delegateEmployeeId: 'emp_…', startsOn: '2026-12-21', endsOn: '2027-01-02' });
console.log(await esr.me.delegation.get()); // { delegateName, active, … } or null
await esr.me.delegation.clear();
// #endregion
