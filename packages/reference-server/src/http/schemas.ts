import { z } from '@hono/zod-openapi';

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'urn:esr:problem:validation_failed' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().openapi({ description: 'Stable machine-readable error code.', example: 'validation_failed' }),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string(), code: z.string() }))
      .optional()
      .openapi({ description: 'Field-level problems (validation only).' }),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details.' });

export const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

/** Standard error responses, so every route documents the same problem+json shapes. */
export const problemResponses = {
  400: { description: 'The request is not valid (field paths in `errors`).', content: problemContent },
  401: { description: 'Missing, invalid or expired bearer token.', content: problemContent },
  403: { description: 'Signed in, but not allowed.', content: problemContent },
  404: { description: 'Not found, or not visible to the caller.', content: problemContent },
  429: { description: 'Too many requests; see Retry-After.', content: problemContent },
} as const;

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** ISO calendar date `YYYY-MM-DD` in 1900–2200: year 0 or five-digit years would reach the database as errors. */
export const IsoDate = z.iso
  .date()
  .refine((d) => d >= '1900-01-01' && d <= '2200-12-31', { message: 'Dates must be between 1900-01-01 and 2200-12-31', abort: true })
  .openapi({ example: '2026-10-30' });
export const Pence = z.number().int().openapi({ description: 'Money in integer pence.', example: 260908 });

/** Every route behind a signed-in caller declares this. */
export const bearerSecurity = [{ bearerAuth: [] }];

/** Request headers of conditional and idempotent writes, declared once for every route. */
export const ifMatchHeader = z.object({
  'if-match': z.string().optional().openapi({ param: { name: 'if-match', in: 'header' }, description: 'The ETag you read; required.' }),
});
export const idempotencyHeader = z.object({
  'idempotency-key': z.string().optional().openapi({ param: { name: 'idempotency-key', in: 'header' }, description: 'Retries with the same key replay the first response.' }),
});

/** The ETag response header of every versioned record (send it back as If-Match to change the record). */
export const etagHeaders = { ETag: { schema: { type: 'string' as const }, description: 'Version of the record, for If-Match.' } };

/** Responses of every write guarded by If-Match (see http/etag.ts). */
export const ifMatchResponses = {
  412: { description: 'The record changed since you read it: read it again.', content: problemContent },
  428: { description: 'If-Match is required.', content: problemContent },
} as const;

/** Responses of every write that takes an Idempotency-Key (see http/idempotency.ts). */
export const idempotencyResponses = {
  409: { description: 'A request with this Idempotency-Key is still in progress.', content: problemContent },
  422: { description: 'This Idempotency-Key was used for a different request.', content: problemContent },
} as const;
