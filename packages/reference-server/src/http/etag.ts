// Optimistic concurrency for record updates: `ETag: "v<version>"` out, `If-Match` required in.
import type { Context } from 'hono';
import { ApiProblem } from './problem.ts';

/** The strong entity tag of a versioned record: `"v7"`. */
export function etagFor(version: number): string {
  return `"v${version}"`;
}

/** Sets the ETag header of the response to the record's version. */
export function setETag(c: Context, version: number): void {
  c.header('ETag', etagFor(version));
}

export function preconditionRequired(detail = 'Send If-Match with the ETag you read: this record is updated only against a known version.'): ApiProblem {
  return new ApiProblem(428, 'precondition_required', 'If-Match is required', detail);
}

/** 412 with the current ETag, so the caller knows the record moved on (they must read it again). */
export function preconditionFailed(currentVersion?: number | null): ApiProblem {
  return new ApiProblem(
    412,
    'precondition_failed',
    'The record has changed',
    'The record changed since you read it (If-Match does not match): read it again and reapply your change.',
    currentVersion === undefined || currentVersion === null ? {} : { headers: { ETag: etagFor(currentVersion) } },
  );
}

/**
 * The entity tags listed in If-Match (`"v1", W/"v2"` → ['"v1"', 'W/"v2"']). 428 when the header is
 * absent or blank, or is `*`: we require the exact ETag, never "whatever is there".
 */
function ifMatchTags(c: Context): string[] {
  const header = c.req.header('if-match')?.trim();
  if (!header) throw preconditionRequired();
  const tags: string[] = header.match(/(?:W\/)?"[^"]*"|\*/g) ?? [];
  if (tags.includes('*')) throw preconditionRequired('If-Match: * is not accepted: send the exact ETag you read.');
  return tags;
}

/**
 * The version the caller claims to hold, from `If-Match: "v<n>"`: 428 when absent, 412 when it
 * names no single version of ours. Pass it to a version-guarded UPDATE (see `conditionalUpdate`):
 * that is the whole check, with no read before the write.
 */
export function ifMatchVersion(c: Context): number {
  const tags = ifMatchTags(c);
  // Strong comparison (RFC 9110 §13.1.1): weak tags never match.
  const version = tags.length === 1 ? tags[0]!.match(/^"v(\d{1,9})"$/)?.[1] : undefined;
  if (version === undefined) throw preconditionFailed();
  return Number(version);
}

/**
 * Checks If-Match against the record's current version: 428 when absent, 412 (with the current
 * ETag) when it doesn't match. A read-then-check alone loses when two writers race: also guard
 * the UPDATE itself (`conditionalUpdate`).
 */
export function requireIfMatch(c: Context, currentVersion: number): void {
  const tags = ifMatchTags(c);
  // Strong comparison: any listed tag equal to the current one matches.
  if (!tags.includes(etagFor(currentVersion))) throw preconditionFailed(currentVersion);
}

/**
 * Runs a version-guarded write and turns "no row changed" into a 412. The write must do
 * `UPDATE … SET version = version + 1 WHERE id = … AND version = <expected> RETURNING …`, so of two
 * writers holding the same ETag exactly one changes the row; the loser's UPDATE matches 0 rows.
 * `currentVersion` reads the version after a miss, for the 412's ETag (null: the row is gone).
 *
 *   const [row] = await conditionalUpdate(
 *     () => tx.update(employees).set({ …, detailsVersion: sql`${employees.detailsVersion} + 1` })
 *       .where(and(eq(employees.id, id), eq(employees.detailsVersion, expected)))
 *       .returning({ version: employees.detailsVersion }),
 *     () => currentDetailsVersion(tx, id));
 */
export async function conditionalUpdate<Row>(
  update: () => Promise<Row[]>,
  currentVersion: () => Promise<number | null | undefined>,
): Promise<[Row, ...Row[]]> {
  const rows = await update();
  if (rows.length === 0) throw preconditionFailed(await currentVersion());
  return rows as [Row, ...Row[]];
}
