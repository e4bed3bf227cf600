import { z } from '@hono/zod-openapi';
import { problems } from './problem.ts';

/** The one list shape of the API: `{ data, hasMore, nextCursor }`. */
export function pageSchema<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      data: z.array(item),
      hasMore: z.boolean(),
      nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` to get the next page; null on the last page.' }),
    })
    .openapi(name);
}

export const pageQuery = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ param: { name: 'limit', in: 'query' }, description: 'Page size, 1–100 (default 20).', example: 20 }),
  cursor: z
    .string()
    .max(512)
    .optional()
    .openapi({ param: { name: 'cursor', in: 'query' }, description: 'The `nextCursor` of the previous page.' }),
};

/**
 * Cursors are opaque to callers: base64url JSON of the sort key of the last row returned.
 * A tampered cursor is a 400 naming the `cursor` field, never a 500.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * What each part of a sort key is, so a forged cursor cannot hand the database a value it refuses (a
 * 500): `instant` for dates and timestamps, `text` for ids and names, `number` for integers and scores.
 */
export type CursorPart = 'instant' | 'text' | 'number';

/** `shape`: the number of parts (any text or number), or the kind of each part. */
export function decodeCursor(cursor: string, shape: number | readonly CursorPart[]): (string | number)[] {
  const kinds = typeof shape === 'number' ? undefined : shape;
  const arity = typeof shape === 'number' ? shape : shape.length;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((k, i) => fits(k, kinds?.[i]))) return key;
  } catch {
    // fall through to the validation problem
  }
  throw problems.validation([{ path: 'query.cursor', message: 'Not a cursor this API issued', code: 'invalid_cursor' }]);
}

const instant = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

function fits(k: unknown, kind: CursorPart | undefined): boolean {
  // (NUL in text would reach PostgreSQL as an encoding error.)
  const text = typeof k === 'string' && k.length <= 512 && !k.includes('\u0000');
  const number = typeof k === 'number' && Number.isFinite(k);
  if (kind === 'number') return number;
  if (kind === 'text') return text;
  if (kind === 'instant') return text && isInstant(k as string);
  return text || number;
}

function isInstant(k: string): boolean {
  const m = instant.exec(k);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && y <= 2200 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Fetch `limit + 1` rows, then call this: it trims the extra row and builds the page. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  keyOf: (row: Row) => (string | number)[],
): { data: Item[]; hasMore: boolean; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return {
    data: pageRows.map(toItem),
    hasMore,
    nextCursor: hasMore && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
