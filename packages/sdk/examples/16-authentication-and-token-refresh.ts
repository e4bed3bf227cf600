// README example: "Authentication and token refresh". Typechecked with the package; keep the region identical to the
// README block (test/readme-examples.test.ts). Above it, only what the example assumes.
import { createEsrClient } from '@esr/sdk';
declare function signInWithYourIdentityProvider(): Promise<{ accessToken: string; expiresOn: Date }>;

// #region readme
let cached: { token: string; expiresAt: number } | undefined;

const esr = createEsrClient({
  baseUrl: 'https://esr.trust.nhs.uk',
  async getToken() {
    if (!cached || cached.expiresAt - Date.now() < 60_000) {
      const fresh = await signInWithYourIdentityProvider(); // e.g. MSAL acquireTokenSilent
      cached = { token: fresh.accessToken, expiresAt: fresh.expiresOn.getTime() };
    }
    return cached.token;
  },
});
// #endregion
