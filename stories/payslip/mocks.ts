// Shared story helpers: an SDK client pointed at a fake origin (msw's service worker answers it) and
// the SDK's own reference-server look-alike handlers, so stories and widget tests mock the same API.
import { createEsrClient, type EsrClient } from '@esr/sdk';
import { createPayslipHandlers, type PayslipScenario } from '@esr/sdk/testing';
import type { RequestHandler } from 'msw';

export const BASE_URL = 'https://esr.example.nhs.uk';

/** `retry: 0` so error stories show their message at once instead of after the SDK's back-off. */
export const storyClient = (): EsrClient => createEsrClient({ baseUrl: BASE_URL, token: 'storybook-demo-token', retry: 0 });

/** The SDK resolves its own msw copy (another TypeScript peer); msw accepts handlers from any copy. */
export const payslipHandlers = (scenario: PayslipScenario): RequestHandler[] =>
  createPayslipHandlers({ scenario }) as unknown as RequestHandler[];
