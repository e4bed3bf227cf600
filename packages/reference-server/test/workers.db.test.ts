// ESR_PROCESSES: the real server entry as a node:cluster of processes on one PostgreSQL database.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openScratchDatabase } from '../src/db/scratch-database.ts';
import { engine } from './helpers/harness.ts';

const entry = fileURLToPath(new URL('../src/server.ts', import.meta.url));

/** Starts src/server.ts; resolves with the base URL once it prints it, or with the output if it exits first. */
function startServer(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [entry], { env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ESR_SEED_STAFF: '60', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise<{ base?: string; exitCode?: number | null; output: string }>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = output.match(/Demo page\s+(http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) resolve({ base: m[1]!, output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => resolve({ exitCode: code, output }));
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  return { ready, stop };
}

describe(`ESR_PROCESSES (${engine})`, () => {
  if (engine === 'pglite') {
    test('PGlite refuses more than one worker, saying why', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'esr-workers-'));
      try {
        const env: NodeJS.ProcessEnv = { ESR_PROCESSES: '2', ESR_DATA_DIR: dataDir };
        const server = startServer(env);
        const result = await server.ready;
        await server.stop();
        assert.equal(result.base, undefined);
        assert.notEqual(result.exitCode, 0);
        assert.match(result.output, /ESR_PROCESSES > 1 needs PostgreSQL/);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
    return;
  }

  test('two workers serve one port; a demo token from one verifies in the other', { timeout: 120_000 }, async () => {
    const scratch = await openScratchDatabase(process.env['DATABASE_URL'], 'esr_test');
    const server = startServer({ DATABASE_URL: scratch.url, ESR_PROCESSES: '2', ESR_DEMO: '1' });
    after(async () => {
      await server.stop();
      await scratch.dispose();
    });
    const { base, output } = await server.ready;
    assert.ok(base, output);
    const people = (await (await fetch(`${base}/v1/demo/people?role=employee&limit=3`)).json()) as { data: Array<{ employeeId: string }> };
    const signIn = await fetch(`${base}/v1/demo/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ employeeId: people.data[0]!.employeeId }) });
    const { token } = (await signIn.json()) as { token: string };
    // New connections each time, so the cluster hands them to both workers in turn.
    const statuses = [];
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${base}/v1/me`, { headers: { authorization: `Bearer ${token}`, connection: 'close' } });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    assert.deepEqual(statuses, Array(12).fill(200));
  });
});
