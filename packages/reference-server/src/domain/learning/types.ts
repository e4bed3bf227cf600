import type { Principal } from '../../auth/principal.ts';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../approvals/index.ts';

export type { Tx };
export type Queryable = Db | Tx;

/** Who is writing and from where (for audit), and the clock (tests may pin it). */
export interface LearningContext {
  principal: Principal;
  requestId: string | null;
  ip: string | null;
  /** The current instant; default now. */
  now?: Date;
}

export const nowOf = (ctx: { now?: Date }) => ctx.now ?? new Date();
export const todayOf = (ctx: { now?: Date }) => nowOf(ctx).toISOString().slice(0, 10);

/** Instants from either driver (Date or text) as ISO 8601 UTC. */
export const isoInstant = (v: string | Date): string => (v instanceof Date ? v : new Date(v)).toISOString();

export const newId = (prefix: string) => `${prefix}_${crypto.randomUUID().replaceAll('-', '')}`;
