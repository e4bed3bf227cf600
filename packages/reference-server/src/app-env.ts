import type { Principal } from './auth/principal.ts';
import type { Db } from './db/database.ts';

/** What every request handler can read from the Hono context. */
export type AppEnv = {
  Variables: {
    requestId: string;
    db: Db;
    principal: Principal;
    /** The caller's address for audit and rate limiting; null when unknown (e.g. in-process tests). */
    clientIp: string | null;
  };
};
