// README example: "Bundle size and tree-shaking". Typechecked with the package; keep the region identical to the
// README block (test/readme-examples.test.ts). Above it, only what the example assumes.
export {};

// #region readme
import { createTransport, EtagStore } from '@esr/sdk/core';
import { PayslipsResource } from '@esr/sdk/resources/payslips';
import { PeopleResource } from '@esr/sdk/resources/people';

const transport = createTransport({ baseUrl: 'https://esr.trust.nhs.uk', getToken: async () => 'token' });
const payslips = new PayslipsResource(transport);
const people = new PeopleResource(transport, new EtagStore()); // resources that send If-Match take the ETag store

const latest = await payslips.latest();
const details = await people.personalDetails();
console.log(latest?.payDate, details.version);
// #endregion
