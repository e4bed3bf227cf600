// README example: "Retries and timeouts". Typechecked with the package; keep the region identical to the
// README block (test/readme-examples.test.ts). Above it, only what the example assumes.
import { createEsrClient } from '@esr/sdk';
import type { NameChangeRequest } from '@esr/sdk';
declare const token: string;
declare const change: NameChangeRequest;
declare const controller: AbortController;

// #region readme
const esr = createEsrClient({
  baseUrl: 'https://esr.trust.nhs.uk',
  token,
  timeout: 10_000, // per attempt, in ms (default 15,000)
  retry: 3,        // retries after the first attempt (default 2; 0 disables)
});

// For one call: a quick check that should not keep a page waiting, or a save worth more patience.
await esr.me.get({ timeout: 3_000, retry: 0 });
await esr.people.requestNameChange('me', change, { retry: 5, signal: controller.signal });
// #endregion
