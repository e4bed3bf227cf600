// What every runtime must do with the SDK: sign in, read, page through a list, and get a typed error
// with its request redacted. Runs unchanged on a browser page, in a Web Worker and in a Node worker.
import { NotFoundError, createEsrClient } from '../../src/index.ts';

export interface ProbeResult {
  signedInAs: string;
  walked: number;
  firstPage: number;
  firstThree: string[];
  allIds: string[];
  error: { isNotFound: boolean; name: string; status: number; code: string; requestId: string | undefined; authorization: string | undefined };
}

export async function probe(baseUrl: string): Promise<ProbeResult> {
  const anonymous = createEsrClient({ baseUrl });
  const [person] = await anonymous.demo.people({ role: 'employee', limit: 1 });
  if (!person) throw new Error('no seeded employee');
  const { token } = await anonymous.demo.signIn(person.employeeId);
  const esr = createEsrClient({ baseUrl, getToken: () => token });

  const me = await esr.me.get();
  const allIds: string[] = [];
  const page = await esr.payslips.list({ limit: 2 });
  for await (const payslip of page) allIds.push(payslip.id);
  const firstThree = (await (await esr.payslips.list({ limit: 2 })).toArray({ limit: 3 })).map((p) => p.id);

  let error: ProbeResult['error'] | undefined;
  try {
    await esr.payslips.get('pay_doesnotexist');
  } catch (caught) {
    const e = caught as NotFoundError;
    error = { isNotFound: caught instanceof NotFoundError, name: e.name, status: e.status, code: e.code, requestId: e.requestId, authorization: e.request?.headers['authorization'] };
  }
  if (!error) throw new Error('expected a NotFoundError');
  return { signedInAs: me.profile.id, walked: allIds.length, firstPage: page.data.length, firstThree, allIds, error };
}
