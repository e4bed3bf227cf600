import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';

/** Accepts a caller's `X-Request-Id` if it is sane, otherwise mints one; echoed on every response. */
export const requestId = createMiddleware<{ Variables: { requestId: string } }>(async (c, next) => {
  const incoming = c.req.header('x-request-id');
  const id = incoming && /^[A-Za-z0-9._-]{8,128}$/.test(incoming) ? incoming : `req_${randomUUID().replaceAll('-', '')}`;
  c.set('requestId', id);
  c.header('X-Request-Id', id);
  await next();
});
