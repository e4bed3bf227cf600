// Node worker thread: runs the probe against the URL it is given and posts the result back.
import { parentPort, workerData } from 'node:worker_threads';
import { probe } from './probe.ts';

probe(workerData as string).then(
  (result) => parentPort!.postMessage({ result }),
  (error: unknown) => parentPort!.postMessage({ error: String(error) }),
);
