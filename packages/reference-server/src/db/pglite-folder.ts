// Opening a PGlite data folder with a clear answer when it cannot be: PGlite itself reports a damaged
// folder as "failed to initialize properly" or a WebAssembly "Aborted()", and it silently initialises
// a new database over a folder that lost its PG_VERSION file.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/** The data folder cannot be opened; the message says what to do. */
export class PgliteDataFolderError extends Error {
  readonly dataDir: string;
  constructor(dataDir: string, reason: string, cause?: unknown) {
    super(
      `The PGlite data folder ${dataDir} cannot be opened: ${reason}. ` +
        'It was probably damaged by a crash during a write, a full disk, or two processes using it at once. ' +
        `Restore it from a backup, or move it aside (mv '${dataDir}' '${dataDir}.damaged') and start again: ` +
        'the server creates and seeds a new database in an empty folder.',
      { cause },
    );
    this.name = 'PgliteDataFolderError';
    this.dataDir = dataDir;
  }
}

// Files every initialised PostgreSQL data folder has.
const requiredFiles = ['PG_VERSION', join('global', 'pg_control')];

/** Opens (or creates, when empty or missing) the data folder; throws PgliteDataFolderError otherwise. */
export async function openPgliteFolder(dataDir: string): Promise<PGlite> {
  const isNew = !existsSync(dataDir) || readdirSync(dataDir).length === 0;
  if (!isNew) {
    const missing = requiredFiles.filter((f) => !existsSync(join(dataDir, f)));
    if (missing.length) throw new PgliteDataFolderError(dataDir, `it is not empty but has no ${missing.join(' or ')}`);
  }
  let client: PGlite | undefined;
  try {
    client = new PGlite(dataDir);
    await client.waitReady;
    return client;
  } catch (error) {
    await client?.close().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new PgliteDataFolderError(dataDir, `PGlite could not start on it (${reason})`, error);
  }
}
