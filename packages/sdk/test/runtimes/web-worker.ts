// Module Web Worker: runs the probe when the page posts the API's base URL, and posts the result back.
import { probe } from './probe.ts';

addEventListener('message', (event: MessageEvent<string>) => {
  probe(event.data).then(
    (result) => postMessage({ result, scope: globalThis.constructor.name }), // proves where it ran
    (error: unknown) => postMessage({ error: String(error) }),
  );
});
