// The test page: runs the probe on the page itself and inside a module Web Worker.
import { probe } from './probe.ts';

function inWorker(): Promise<unknown> {
  const worker = new Worker('/web-worker.js', { type: 'module' });
  return new Promise((resolve) => {
    worker.addEventListener('message', (event) => resolve(event.data));
    worker.addEventListener('error', (event) => resolve({ error: `worker failed to start: ${event.message}` }));
    worker.postMessage(location.origin);
  });
}

Object.assign(globalThis, {
  runProbes: async () => ({
    page: await probe(location.origin).then((result) => ({ result }), (error: unknown) => ({ error: String(error) })),
    worker: await inWorker(),
  }),
});
