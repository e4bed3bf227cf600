// Test-only helper (not exported from the package): msw's service worker answers the SDK's requests
// inside the real browser, so widget tests run the real SDK, ky and fetch, with no server.
import { setupWorker } from 'msw/browser';
import { createPayslipHandlers, type PayslipScenario } from '@esr/sdk/testing';

export const BASE_URL = 'http://127.0.0.1:8787';

export const worker = setupWorker();

export async function startWorker(): Promise<void> {
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledFrame: 'bypass', quiet: true });
}

export function stopWorker(): void {
  worker.stop();
}

/** Replaces the payslip handlers with one scenario of the SDK's reference-server look-alike. */
export function useVariant(scenario: PayslipScenario): void {
  worker.resetHandlers();
  // The SDK resolves its own msw copy (a different TypeScript peer), so its handler type is nominally
  // different; at runtime msw recognises handlers from any copy.
  worker.use(...(createPayslipHandlers({ scenario }) as unknown as Parameters<typeof worker.use>));
}

/** Replaces every handler with these (the SDK's, or this package's testing handlers). */
export function useHandlers(...handlers: unknown[]): void {
  worker.resetHandlers();
  worker.use(...(handlers as Parameters<typeof worker.use>));
}
