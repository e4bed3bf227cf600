// Shared set-up for the SDK's msw-backed tests: one server per test file (node --test runs each file
// in its own process), unhandled requests fail the test, and a recorder counts what reached the network.
import { after, afterEach, before } from 'node:test';
import { setupServer } from 'msw/node';
import type { SetupServer } from 'msw/node';
import { createEsrClient } from '../src/index.ts';
import type { EsrClient, EsrClientOptions } from '../src/index.ts';

export const baseUrl = 'https://esr.test';
export const secretToken = 'eyJhbGciOiJFUzI1NiJ9.c2VjcmV0LXRva2VuLWZvci10ZXN0cw.s1gnatur3';

/** Starts msw for this file; `seen` lists every request that reached the mock network, in order. */
export function useMockServer(): { server: SetupServer; seen: Request[] } {
  const server = setupServer();
  const seen: Request[] = [];
  server.events.on('request:start', ({ request }) => {
    seen.push(request.clone());
  });
  before(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  after(() => server.close());
  return { server, seen };
}

/** A client for tests: retries off unless a test asks for them, so failures are quick. */
export function testClient(options: Partial<EsrClientOptions> = {}): EsrClient {
  return createEsrClient({ baseUrl, token: secretToken, retry: 0, ...options });
}

/** Awaits a rejection and returns the error for further assertions. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

export function pathOf(request: Request): string {
  const url = new URL(request.url);
  return url.pathname + url.search;
}
