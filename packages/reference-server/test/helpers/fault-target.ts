// For fault tests that kill a child process: a database that outlives it (a PGlite data folder, or a
// fresh database on the PostgreSQL server of DATABASE_URL), and the child process plumbing.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openDatabase } from '../../src/db/database.ts';
import type { Database } from '../../src/db/database.ts';

export interface FaultTarget {
  /** A PGlite data folder or a postgres:// URL: what the child opens. */
  target: string;
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

/** Opens what `faultTarget` handed to a child process. */
export const openTarget = (target: string) => (target.startsWith('postgres') ? openDatabase({ databaseUrl: target }) : openDatabase({ dataDir: target }));

export async function faultTarget(prefix: string): Promise<FaultTarget> {
  const url = process.env['DATABASE_URL'];
  if (!url) {
    const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
    return { target: dir, open: () => openTarget(dir), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `${prefix.replaceAll('-', '_')}_${randomBytes(5).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const where = new URL(url);
  where.pathname = `/${name}`;
  return {
    target: where.href,
    open: () => openTarget(where.href),
    dispose: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Runs `file` (a test file in its child role) with `env` added; output is collected and echoed on stderr. */
export function spawnChild(file: string, env: Record<string, string>): ChildProcess & { output: () => string } {
  const { NODE_TEST_CONTEXT: _ignored, ...parentEnv } = process.env;
  const child = spawn(process.execPath, [file], { env: { ...parentEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stderr.write(chunk);
  });
  return Object.assign(child, { output: () => output });
}

/** Resolves with the first match of `pattern` in the child's output; rejects if it exits first. */
export function waitForOutput(child: ChildProcess & { output: () => string }, pattern: RegExp, timeoutMs = 120_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = child.output().match(pattern);
      if (match) {
        cleanup();
        resolve(match);
      }
    };
    const onExit = (code: number | null, signal: string | null) => {
      cleanup();
      reject(new Error(`child exited (${code ?? signal}) before printing ${pattern}:\n${child.output()}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out waiting for ${pattern}:\n${child.output()}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout!.off('data', check);
      child.stderr!.off('data', check);
      child.off('exit', onExit);
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('exit', onExit);
    check();
  });
}

/** Resolves with the signal (or exit code) the child ended with. */
export function exited(child: ChildProcess): Promise<NodeJS.Signals | number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.signalCode ?? child.exitCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
}
