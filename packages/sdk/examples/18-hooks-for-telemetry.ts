// README example: "Hooks for telemetry". Typechecked with the package; keep the region identical to the
// README block (test/readme-examples.test.ts). Above it, only what the example assumes.
import { createEsrClient } from '@esr/sdk';
declare const baseUrl: string;
declare const token: string;
declare const started: Map<Request, number>;
declare const metrics: { record(sample: { method: string; path: string; status: number; requestId: string | null }): void };

// #region readme
const esr = createEsrClient({
  baseUrl,
  token,
  hooks: {
    onRequest: (request) => {
      started.set(request, performance.now());
    },
    onResponse: (response, request) => {
      metrics.record({
        method: request.method,
        path: new URL(request.url).pathname,
        status: response.status,
        requestId: response.headers.get('x-request-id'),
      });
    },
  },
});
// #endregion
