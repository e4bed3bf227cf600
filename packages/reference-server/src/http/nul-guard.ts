// PostgreSQL text cannot hold NUL (U+0000): a value carrying one fails in the database ("invalid byte
// sequence for encoding UTF8: 0x00"), which would be a 500. No field of this API has a use for it, so
// requests carrying one in the path, the query or a JSON string are refused up front, naming where.
import { createMiddleware } from 'hono/factory';
import type { FieldIssue } from './problem.ts';
import { problems } from './problem.ts';

const nul = '\u0000';
const issue = (path: string): FieldIssue => ({ path, message: 'Must not contain the NUL character (U+0000)', code: 'invalid_characters' });

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Paths of JSON strings (and keys) holding NUL, as `json.a.0.b`. */
function nulPaths(value: unknown, path: string, out: string[], depth = 0): void {
  if (out.length >= 20 || depth > 64) return;
  if (typeof value === 'string') {
    if (value.includes(nul)) out.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nulPaths(v, `${path}.${i}`, out, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes(nul)) out.push(`${path}.${k.replaceAll(nul, '\\u0000')}`);
      nulPaths(v, `${path}.${k}`, out, depth + 1);
    }
  }
}

export const rejectNulCharacters = createMiddleware(async (c, next) => {
  const errors: FieldIssue[] = [];
  const url = new URL(c.req.url);
  if (safeDecode(url.pathname).includes(nul)) errors.push(issue('path'));
  for (const [name, value] of url.searchParams) if (name.includes(nul) || value.includes(nul)) errors.push(issue(`query.${name.replaceAll(nul, '\\u0000')}`));
  // Hono caches the body text, so the route's validator reads it again without a second stream.
  if (/^application\/json\b/i.test(c.req.header('content-type') ?? '') && !['GET', 'HEAD'].includes(c.req.method)) {
    const raw = await c.req.text();
    if (raw.includes('\\u0000') || raw.includes(nul)) {
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        body = undefined; // malformed: the route's validator answers that
      }
      const paths: string[] = [];
      nulPaths(body, 'json', paths);
      errors.push(...paths.map(issue));
    }
  }
  if (errors.length > 0) throw problems.validation(errors);
  await next();
});
