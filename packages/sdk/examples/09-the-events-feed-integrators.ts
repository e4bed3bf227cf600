// README example: "The events feed (integrators)". Typechecked with the package; keep the region identical to the
// README block (test/readme-examples.test.ts). Above it, only what the example assumes.
import type { EsrClient } from '@esr/sdk';
declare const esr: EsrClient;

// #region readme
// One-off: everything so far, and where to resume.
const page = await esr.events.list({ limit: 100 });
for await (const event of page) console.log(event.id, event.type, event.resourceId);

// A consumer: follows the feed forever, waiting `interval` ms at the end, until the signal aborts
// (then the loop just ends). onCursor runs once you have taken a page's events: store it, and pass it
// back as `after` after a restart (delivery is at least once, so handle events idempotently by `id`).
let saved: string | undefined = page.nextCursor ?? undefined; // in a real consumer: read from your store
const controller = new AbortController();
process.on('SIGTERM', () => controller.abort());
for await (const event of esr.events.poll({ after: saved, interval: 5_000, signal: controller.signal, onCursor: (c) => { saved = c; } })) {
  console.log(event.occurredAt, event.type, event.resourceId); // handle it (idempotently, by event.id)
}
// #endregion
